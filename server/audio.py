"""Audio preview (`--audio`): the playback loop rendered by the small synth through sounddevice.

sounddevice is imported here, lazily: it needs the PortAudio library (Debian: libportaudio2), and a
server without --audio must not care whether that is installed. Any failure to find or open an output
device raises AudioUnavailable with the reason; the server reports it and keeps serving OSC.

A multi-track (trio) model gets a synth per track, mixed: the drums track's with drum voices, so a bass
note and a kick on the same pitch never end each other.
"""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np

from server.synth import SAMPLE_RATE, Synth

log = logging.getLogger("musicvae.server")

BLOCK_SIZE = 256  # 5.3 ms at 48 kHz: event timing is quantized to this


class AudioUnavailable(RuntimeError):
    pass


class AudioOut:
    """A playback sink: note events go to the synth, the synth plays through the default output."""

    def __init__(self, drums_by_track: Sequence[bool] = (False,), device=None, sample_rate: int = SAMPLE_RATE):
        """`drums_by_track`: for each track the model plays, whether it is drums (the codec's)."""
        try:
            import sounddevice as sd
        except (ImportError, OSError) as exc:  # OSError: PortAudio library missing
            raise AudioUnavailable(f"sounddevice cannot load PortAudio ({exc}); on Debian/Ubuntu install "
                                   f"libportaudio2") from exc
        self.synths = [Synth(sample_rate, drums=bool(drums)) for drums in drums_by_track]
        self.callbacks = 0
        try:
            info = sd.query_devices(device, kind="output")
            self.stream = sd.OutputStream(samplerate=sample_rate, channels=1, dtype="float32",
                                          blocksize=BLOCK_SIZE, device=device, callback=self._callback)
            self.stream.start()
        except Exception as exc:  # PortAudioError, ValueError (no such device)
            raise AudioUnavailable(f"no usable audio output device ({type(exc).__name__}: {exc})") from exc
        self.device_name = str(info.get("name", "?")) if isinstance(info, dict) else str(device)
        log.info("audio preview on %r at %d Hz", self.device_name, sample_rate)

    def _callback(self, outdata, frames, time_info, status) -> None:
        outdata[:, 0] = mix(synth.render(frames) for synth in self.synths)
        self.callbacks += 1

    def _synth(self, track: int) -> Synth:
        return self.synths[min(track, len(self.synths) - 1)]

    def note_on(self, pitch: int, velocity: int, track: int = 0) -> None:
        self._synth(track).note_on(pitch, velocity)

    def note_off(self, pitch: int, track: int = 0) -> None:
        self._synth(track).note_off(pitch)

    def close(self) -> None:
        for synth in self.synths:
            synth.all_off()
        try:
            self.stream.stop()
            self.stream.close()
        except Exception:
            log.exception("closing the audio stream failed")


def mix(blocks) -> np.ndarray:
    """The sum of the synths' blocks, kept within [-1, 1]."""
    return np.clip(np.sum(list(blocks), axis=0), -1.0, 1.0).astype(np.float32)
