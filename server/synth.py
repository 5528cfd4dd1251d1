"""A small synth for the audio preview: numpy only, rendered block by block, testable offline.

Pitched voices (melody) are a sine with a little second and third harmonic, a 5 ms linear attack and an
80 ms linear release, so note boundaries never click. Drum voices are one-shots: a decaying pitch-swept
sine for kicks and toms, decaying noise for snares, hats and cymbals. Rendering is block-size
independent: the same events give the same samples whether rendered in one call or in many.
"""
from __future__ import annotations

import threading

import numpy as np

from contract.codec import DRUM_CLASS_PITCHES

SAMPLE_RATE = 48000
MAX_VOICES = 16
ATTACK_S = 0.005
RELEASE_S = 0.08
HARMONICS = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.1))  # (multiple of f0, amplitude)
_HARMONIC_NORM = 1.0 / sum(a for _, a in HARMONICS)

# Drum pitch -> (tone frequency Hz or 0 for noise, decay time constant s)
_DRUM_SOUND = {}
for _pitch in DRUM_CLASS_PITCHES[0]:
    _DRUM_SOUND[_pitch] = (55.0, 0.18)  # kick
for _cls, _sound in ((1, (0.0, 0.10)), (2, (0.0, 0.03)), (3, (0.0, 0.15)), (4, (100.0, 0.2)),
                     (5, (140.0, 0.18)), (6, (190.0, 0.16)), (7, (0.0, 0.6)), (8, (0.0, 0.4))):
    for _pitch in DRUM_CLASS_PITCHES[_cls]:
        _DRUM_SOUND[_pitch] = _sound


def midi_to_hz(pitch: float) -> float:
    return 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)


class _Voice:
    __slots__ = ("pitch", "amp", "freq", "phase", "level", "releasing", "age", "decay", "noise", "order")

    def __init__(self, pitch: int, velocity: int, order: int, drum: bool, sample_rate: int):
        self.pitch, self.order = pitch, order
        self.amp = velocity / 127.0
        self.phase, self.level, self.releasing, self.age = 0.0, 0.0, False, 0
        self.noise = None
        if drum:
            freq, decay = _DRUM_SOUND.get(pitch, (0.0, 0.1))
            self.freq, self.decay = freq, decay * sample_rate
            if freq == 0.0:  # seeded by pitch: the same hit sounds the same every time
                self.noise = np.random.default_rng(pitch).uniform(-1, 1, int(decay * 6 * sample_rate))
        else:
            self.freq, self.decay = midi_to_hz(pitch), 0.0


class Synth:
    """note_on / note_off from any thread; render(frames) -> float32 mono samples in [-1, 1]."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, drums: bool = False, gain: float = 0.25):
        self.sample_rate, self.drums, self.gain = sample_rate, drums, gain
        self._voices: list[_Voice] = []
        self._lock = threading.Lock()
        self._order = 0
        self.frames_rendered = 0
        self._attack_step = 1.0 / (ATTACK_S * sample_rate)
        self._release_step = 1.0 / (RELEASE_S * sample_rate)

    @property
    def active_voices(self) -> int:
        with self._lock:
            return len(self._voices)

    def note_on(self, pitch: int, velocity: int) -> None:
        with self._lock:
            if len(self._voices) >= MAX_VOICES:  # steal the oldest
                self._voices.remove(min(self._voices, key=lambda v: v.order))
            self._order += 1
            self._voices.append(_Voice(int(pitch), int(velocity), self._order, self.drums, self.sample_rate))

    def note_off(self, pitch: int) -> None:
        with self._lock:
            for voice in self._voices:
                if voice.pitch == pitch and not self.drums:
                    voice.releasing = True

    def all_off(self) -> None:
        with self._lock:
            for voice in self._voices:
                voice.releasing = True

    def close(self) -> None:
        self.all_off()

    def render(self, frames: int) -> np.ndarray:
        out = np.zeros(frames, dtype=np.float64)
        n = np.arange(frames, dtype=np.float64)
        with self._lock:
            alive = []
            for voice in self._voices:
                done = self._render_drum(voice, out, n) if self.drums else self._render_tone(voice, out, n)
                if not done:
                    alive.append(voice)
            self._voices = alive
            self.frames_rendered += frames
        return np.clip(out * self.gain, -1.0, 1.0).astype(np.float32)

    def _render_tone(self, v: _Voice, out: np.ndarray, n: np.ndarray) -> bool:
        step = 2.0 * np.pi * v.freq / self.sample_rate
        phase = v.phase + step * n
        wave = sum(a * np.sin(k * phase) for k, a in HARMONICS) * _HARMONIC_NORM
        if v.releasing:
            env = np.maximum(v.level - self._release_step * (n + 1), 0.0)
        else:
            env = np.minimum(v.level + self._attack_step * (n + 1), 1.0)
        out += v.amp * env * wave
        v.phase = float((v.phase + step * len(n)) % (2.0 * np.pi))
        v.level = float(env[-1]) if len(n) else v.level
        return v.releasing and v.level <= 0.0

    def _render_drum(self, v: _Voice, out: np.ndarray, n: np.ndarray) -> bool:
        t = v.age + n
        env = np.exp(-t / v.decay)
        if v.noise is not None:
            idx = t.astype(np.int64)
            wave = np.where(idx < len(v.noise), v.noise[np.minimum(idx, len(v.noise) - 1)], 0.0)
        else:  # the pitch falls from twice the tone to the tone: the thump of a kick or tom
            freq = v.freq * (1.0 + np.exp(-t / (0.02 * self.sample_rate)))
            phase = v.phase + np.cumsum(2.0 * np.pi * freq / self.sample_rate)
            wave = np.sin(phase)
            if len(phase):
                v.phase = float(phase[-1] % (2.0 * np.pi))
        out += v.amp * env * wave
        v.age += len(n)
        return v.age > 6 * v.decay
