"""The paper's five musical attributes, computed on token windows (numpy only).

Roberts et al. 2018, section 5.3: C-diatonic note fraction, note density, average absolute interval,
16th-note syncopation and 8th-note syncopation. Drums have no pitch, so density and the two syncopations
apply, and in their place the balance of the kit: the share of all hits played by the kick, the snare, the
hi-hats, the toms and the cymbals. The codec chooses the set (`attributes_for`), so melody bundles keep
exactly the paper's five. Each function maps tokens [N, steps] -> float64 [N].
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from contract.codec import DRUM_CLASS_NAMES, MIN_PITCH

C_MAJOR_PITCH_CLASSES = np.array([0, 2, 4, 5, 7, 9, 11])


def _onsets(tokens: np.ndarray, codec: str) -> np.ndarray:
    """Boolean [N, steps]: a note (melody) or any hit (drums) starts on this step."""
    return tokens >= 2 if codec == "melody" else tokens > 0


def _onset_fraction(tokens: np.ndarray, codec: str, positions: np.ndarray) -> np.ndarray:
    onsets = _onsets(tokens, codec)
    on_positions = onsets[:, positions].sum(axis=1)
    total = onsets.sum(axis=1)
    return np.divide(on_positions, total, out=np.zeros(len(tokens)), where=total > 0)


def note_density(tokens: np.ndarray, codec: str) -> np.ndarray:
    """Onsets per step."""
    return _onsets(tokens, codec).mean(axis=1)


def syncopation_16th(tokens: np.ndarray, codec: str) -> np.ndarray:
    """Fraction of onsets on an off-beat 16th (odd steps)."""
    return _onset_fraction(tokens, codec, np.arange(1, tokens.shape[1], 2))


def syncopation_8th(tokens: np.ndarray, codec: str) -> np.ndarray:
    """Fraction of onsets on an off-beat 8th (the 'and' of each beat: step 2 of 4)."""
    return _onset_fraction(tokens, codec, np.arange(2, tokens.shape[1], 4))


def _melody_pitches(row: np.ndarray) -> np.ndarray:
    return row[row >= 2] - 2 + MIN_PITCH


def c_diatonic(tokens: np.ndarray, codec: str = "melody") -> np.ndarray:
    """Fraction of notes whose pitch class lies in C major."""
    out = np.zeros(len(tokens))
    for i, row in enumerate(tokens):
        pitches = _melody_pitches(row)
        if len(pitches):
            out[i] = np.isin(pitches % 12, C_MAJOR_PITCH_CLASSES).mean()
    return out


def avg_interval(tokens: np.ndarray, codec: str = "melody") -> np.ndarray:
    """Mean absolute interval in semitones between consecutive notes (0 for fewer than two notes)."""
    out = np.zeros(len(tokens))
    for i, row in enumerate(tokens):
        pitches = _melody_pitches(row)
        if len(pitches) > 1:
            out[i] = np.abs(np.diff(pitches)).mean()
    return out


def _drum_hits(tokens: np.ndarray) -> np.ndarray:
    """[N, steps, 9] 0/1: drum class i is hit on the step (bit i of the token)."""
    return (np.asarray(tokens)[..., None] >> np.arange(len(DRUM_CLASS_NAMES))) & 1


def drum_share(*classes: str) -> Callable[[np.ndarray, str], np.ndarray]:
    """The fraction of a window's drum hits that fall on these classes (0 for a window without hits)."""
    columns = [DRUM_CLASS_NAMES.index(c) for c in classes]

    def share(tokens: np.ndarray, codec: str = "drums") -> np.ndarray:
        hits = _drum_hits(tokens)
        total = hits.sum(axis=(1, 2))
        part = hits[..., columns].sum(axis=(1, 2))
        return np.divide(part, total, out=np.zeros(len(total)), where=total > 0)

    share.__name__ = f"{'_'.join(classes)}_share"
    return share


Attribute = Callable[[np.ndarray, str], np.ndarray]

MELODY_ATTRIBUTES: dict[str, Attribute] = {
    "c_diatonic": c_diatonic,
    "note_density": note_density,
    "avg_interval": avg_interval,
    "syncopation_16th": syncopation_16th,
    "syncopation_8th": syncopation_8th,
}
DRUM_ATTRIBUTES: dict[str, Attribute] = {
    "note_density": note_density,
    "syncopation_16th": syncopation_16th,
    "syncopation_8th": syncopation_8th,
    "kick": drum_share("kick"),
    "snare": drum_share("snare"),
    "hihats": drum_share("closed_hihat", "open_hihat"),
    "toms": drum_share("low_tom", "mid_tom", "high_tom"),
    "cymbals": drum_share("crash", "ride"),
}


def attributes_for(codec: str) -> dict[str, Attribute]:
    return MELODY_ATTRIBUTES if codec == "melody" else DRUM_ATTRIBUTES


def measure_all(tokens: np.ndarray, codec: str) -> dict[str, np.ndarray]:
    """Every attribute of the codec over a batch of windows."""
    tokens = np.asarray(tokens)
    return {name: fn(tokens, codec) for name, fn in attributes_for(codec).items()}
