"""MIDI out (`--midi NAME`): a playback sink writing to a MIDI output port through mido + python-rtmidi.

NAME opens an existing output port of that name if there is one (Windows has no virtual ports: create
one with loopMIDI and pass its name), else a virtual port that synths and DAWs can connect to, shown as
`musicvae:NAME`. The rtmidi API is the platform default (ALSA, CoreMIDI, WinMM), then JACK on Linux: a
machine without /dev/snd has no ALSA sequencer, but a running JACK server carries MIDI just as well.
Set MUSICVAE_MIDI_API (e.g. UNIX_JACK) to choose one.

Sinks of the same NAME share one port (a server playing several models sends each on its own channel);
the port closes with the last of them. A multi-track (trio) model's sink has a channel per track: melody,
bass and drums each on their own (server/channels.py decides which).
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from typing import Sequence

log = logging.getLogger("musicvae.server")

CLIENT_NAME = "musicvae"
API_ENV = "MUSICVAE_MIDI_API"
ALL_NOTES_OFF = 123  # control change: the safety net after the explicit note-offs
CLOSE_GRACE_S = 0.1


class MidiUnavailable(RuntimeError):
    pass


_shared_lock = threading.Lock()
_shared: dict[str, list] = {}  # NAME -> [port, number of sinks using it]


def candidate_apis() -> list[str | None]:
    forced = os.environ.get(API_ENV)
    if forced:
        return [forced]
    return [None, "UNIX_JACK"] if sys.platform.startswith("linux") else [None]


class MidiSink:
    def __init__(self, name: str, channel: int | Sequence[int] = 0):
        """`channel` (0-based): the one every note plays on, or one per track (track i on channel[i])."""
        import mido  # rtmidi loads only when MIDI out is asked for

        self.channels = (channel,) if isinstance(channel, int) else tuple(channel)
        self.name = name
        self._mido = mido
        self._sounding: set[tuple[int, int]] = set()  # (channel, pitch)
        with _shared_lock:
            if name not in _shared:
                _shared[name] = [self._open_any(name), 0]
            _shared[name][1] += 1
            self.port = _shared[name][0]
        log.info("MIDI out on %r channel %s (%s)", self.port.name, ", ".join(str(c + 1) for c in self.channels),
                 getattr(self.port, "api", "rtmidi"))

    def _open_any(self, name: str):
        errors = []
        for api in candidate_apis():
            try:
                return self._open(name, api)
            except Exception as exc:  # rtmidi raises SystemError/OSError/RtMidiError by platform
                errors.append(f"{api or 'default API'}: {exc}")
        raise MidiUnavailable(f"cannot open MIDI output {name!r} ({'; '.join(errors)}). On Linux without "
                              f"/dev/snd start a JACK server first (jackd -d dummy); on Windows create "
                              f"the port with loopMIDI and pass its name")

    def _open(self, name: str, api: str | None):
        backend = self._mido.Backend("mido.backends.rtmidi" + (f"/{api}" if api else ""), load=True)
        existing = [n for n in backend.get_output_names() if n == name or n.split(":")[-1].strip() == name]
        if existing and not existing[0].startswith(CLIENT_NAME):
            return backend.open_output(existing[0])
        return backend.open_output(name, client_name=CLIENT_NAME)

    def channel_of(self, track: int) -> int:
        """The channel a track plays on (a track beyond the list: the last channel, never an IndexError on the
        playback thread)."""
        return self.channels[min(track, len(self.channels) - 1)]

    def note_on(self, pitch: int, velocity: int, track: int = 0) -> None:
        channel = self.channel_of(track)
        self.port.send(self._mido.Message("note_on", channel=channel, note=pitch, velocity=velocity))
        self._sounding.add((channel, pitch))

    def note_off(self, pitch: int, track: int = 0) -> None:
        self._off(self.channel_of(track), pitch)

    def _off(self, channel: int, pitch: int) -> None:
        self.port.send(self._mido.Message("note_off", channel=channel, note=pitch, velocity=0))
        self._sounding.discard((channel, pitch))

    def close(self) -> None:
        for channel, pitch in sorted(self._sounding):  # the scheduler has sent these already; belt and braces
            self._off(channel, pitch)
        for channel in sorted(set(self.channels)):
            self.port.send(self._mido.Message("control_change", channel=channel, control=ALL_NOTES_OFF, value=0))
        with _shared_lock:
            _shared[self.name][1] -= 1
            last = _shared[self.name][1] == 0
            if last:
                del _shared[self.name]
        if last:
            # JACK delivers queued messages in its next process cycles; closing at once would discard them.
            time.sleep(CLOSE_GRACE_S)
            self.port.close()
