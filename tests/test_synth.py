"""The preview synth rendered offline into numpy buffers."""
from __future__ import annotations

import numpy as np
import pytest

from server.synth import ATTACK_S, MAX_VOICES, RELEASE_S, Synth, midi_to_hz

SR = 48000


def _peak_hz(signal: np.ndarray, sr: int = SR) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / sr)[np.argmax(spectrum)])


def test_a_note_sounds_at_its_pitch():
    synth = Synth(SR)
    synth.note_on(69, 100)
    out = synth.render(SR // 2)
    assert out.dtype == np.float32 and out.shape == (SR // 2,)
    assert _peak_hz(out) == pytest.approx(440.0, abs=3)
    synth.note_on(81, 100)
    assert _peak_hz(synth.render(SR // 2)) in (pytest.approx(440.0, abs=3), pytest.approx(880.0, abs=3))
    assert midi_to_hz(60) == pytest.approx(261.6256, rel=1e-6)


def test_attack_release_and_silence_after_note_off():
    synth = Synth(SR)
    assert not synth.render(256).any(), "silence before any note"
    synth.note_on(60, 127)
    head = synth.render(int(ATTACK_S * SR))
    assert abs(head[0]) < 0.01, "the attack starts from zero: no click"
    synth.render(SR // 10)
    synth.note_off(60)
    tail = synth.render(int(RELEASE_S * SR) + 10)
    assert np.abs(tail[:100]).max() > 0.01 and not tail[-5:].any(), "released within RELEASE_S"
    assert synth.active_voices == 0
    assert not synth.render(512).any(), "nothing left sounding"


def test_velocity_scales_loudness_and_output_stays_in_range():
    quiet, loud = Synth(SR), Synth(SR)
    quiet.note_on(60, 30)
    loud.note_on(60, 120)
    rq, rl = np.abs(quiet.render(SR // 4)).max(), np.abs(loud.render(SR // 4)).max()
    assert rl == pytest.approx(rq * 4, rel=0.05)
    crowd = Synth(SR)
    for p in range(40, 40 + 2 * MAX_VOICES):
        crowd.note_on(p, 127)
    assert crowd.active_voices == MAX_VOICES, "the oldest voices are stolen"
    out = crowd.render(SR // 4)
    assert np.isfinite(out).all() and np.abs(out).max() <= 1.0


def test_rendering_does_not_depend_on_the_block_size():
    def render(before_off, after_off):
        synth = Synth(SR)
        synth.note_on(64, 100)
        out = [synth.render(b) for b in before_off]
        synth.note_off(64)
        return np.concatenate(out + [synth.render(b) for b in after_off])
    one = render([4800], [6000])
    many = render([256] * 18 + [192], [256] * 23 + [112])
    np.testing.assert_allclose(many, one, atol=1e-5)


def test_drums_are_one_shots():
    synth = Synth(SR, drums=True)
    synth.note_on(36, 100)  # kick
    synth.note_on(42, 100)  # closed hi-hat
    synth.note_off(36)  # ignored: drums ring out
    out = synth.render(SR // 20)
    assert np.abs(out).max() > 0.05
    assert _peak_hz(synth.render(SR // 20)) < 200, "the hi-hat is gone, the kick's low thump remains"
    synth.render(SR * 2)
    assert synth.active_voices == 0
