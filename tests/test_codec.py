"""contract.codec: exact round trips on the grid (property tests), every edge case, and real MIDI files."""
from __future__ import annotations

import mido
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contract.codec import (
    DEFAULT_VELOCITY, DRUM_CLASS_PITCHES, DRUM_CLASS_TO_PITCH, DRUM_CLASSES, MAX_PITCH, MELODY_CLASSES,
    MIN_PITCH, NO_EVENT, NOTE_OFF, CodecError, DrumCodec, MelodyCodec, Note, get_codec, read_midi, write_midi,
)

MELODY = MelodyCodec()
DRUMS = DrumCodec()


def on(pitch: int) -> int:
    return 2 + pitch - MIN_PITCH


@st.composite
def monophonic_melodies(draw, max_steps: int = 64):
    """Grid-aligned, non-overlapping notes in MIDI range, and the window length that holds them."""
    num_steps = draw(st.integers(1, max_steps))
    notes, step = [], draw(st.integers(0, 4))
    while step < num_steps:
        length = draw(st.integers(1, num_steps - step))
        pitch = draw(st.integers(MIN_PITCH, MAX_PITCH))
        notes.append(Note(start=step / 4, pitch=pitch, velocity=DEFAULT_VELOCITY, duration=length / 4))
        step += length + draw(st.integers(0, 6))  # 0: the next note starts as this one ends
    return notes, num_steps


@st.composite
def drum_patterns(draw):
    num_steps = draw(st.integers(1, 64))
    steps = draw(st.lists(st.integers(0, num_steps - 1), unique=True, max_size=num_steps))
    notes = [
        Note(start=s / 4, pitch=DRUM_CLASS_TO_PITCH[c], velocity=DEFAULT_VELOCITY, duration=0.25)
        for s in steps
        for c in draw(st.sets(st.integers(0, len(DRUM_CLASS_PITCHES) - 1), min_size=1))
    ]
    return notes, num_steps


@settings(max_examples=300, deadline=None)
@given(monophonic_melodies())
def test_melody_round_trip_is_exact_on_the_grid(case):
    notes, num_steps = case
    tokens, report = MELODY.encode_with_report(notes, num_steps)
    assert tokens.shape == (num_steps,) and tokens.min() >= 0 and tokens.max() < MELODY_CLASSES
    assert MELODY.decode(tokens) == notes
    assert report.out_of_range == report.truncated == report.overlapped == 0


@settings(max_examples=300, deadline=None)
@given(drum_patterns())
def test_drum_round_trip_is_exact_for_canonical_pitches(case):
    notes, num_steps = case
    tokens, report = DRUMS.encode_with_report(notes, num_steps)
    assert tokens.max(initial=0) < DRUM_CLASSES
    assert sorted(DRUMS.decode(tokens)) == sorted(notes)
    assert report.unknown_drums == report.merged_hits == 0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, MELODY_CLASSES - 1), min_size=1, max_size=64))
def test_melody_decode_encode_is_a_fixed_point_after_one_pass(tokens):
    """Any token sequence decodes to notes that re-encode to a canonical sequence, stable from then on."""
    once = MELODY.encode(MELODY.decode(tokens), len(tokens))
    assert np.array_equal(MELODY.encode(MELODY.decode(once), len(tokens)), once)


def test_note_held_across_the_window_end_is_cut_there_without_note_off():
    tokens = MELODY.encode([Note(start=1.0, pitch=60, duration=4.0)], 8)
    assert tokens.tolist() == [0, 0, 0, 0, on(60), 0, 0, 0]
    assert MELODY.decode(tokens) == [Note(start=1.0, pitch=60, duration=1.0)]


def test_note_ending_exactly_at_the_window_end_needs_no_note_off():
    notes = [Note(start=0.0, pitch=72, duration=2.0)]
    assert MELODY.encode(notes, 8).tolist() == [on(72)] + [NO_EVENT] * 7
    assert MELODY.decode(MELODY.encode(notes, 8)) == notes


def test_note_on_of_the_same_pitch_as_a_held_note_re_attacks_it():
    held = Note(start=0.0, pitch=64, duration=2.0)
    again = Note(start=1.0, pitch=64, duration=1.0)
    tokens, report = MELODY.encode_with_report([held, again], 8)
    assert tokens.tolist() == [on(64), 0, 0, 0, on(64), 0, 0, 0]
    assert MELODY.decode(tokens) == [Note(0.0, 64, duration=1.0), Note(1.0, 64, duration=1.0)]
    assert report.overlapped == 1


def test_repeated_pitch_without_gap_stays_two_notes():
    notes = [Note(0.0, 67, duration=0.5), Note(0.5, 67, duration=0.5)]
    assert MELODY.encode(notes, 4).tolist() == [on(67), 0, on(67), 0]
    assert MELODY.decode(MELODY.encode(notes, 4)) == notes


def test_rests_become_note_offs_and_leading_silence_no_events():
    notes = [Note(0.5, 60, duration=0.25), Note(1.5, 62, duration=0.5)]
    tokens = MELODY.encode(notes, 12)
    assert tokens.tolist() == [0, 0, on(60), NOTE_OFF, 0, 0, on(62), 0, NOTE_OFF, 0, 0, 0]
    assert MELODY.decode(tokens) == notes


def test_all_rest_window_is_all_no_event_and_decodes_to_nothing():
    assert MELODY.encode([], 32).tolist() == [NO_EVENT] * 32
    assert MELODY.decode(np.zeros(32, dtype=np.int64)) == []
    assert DRUMS.decode(np.zeros(32, dtype=np.int64)) == []


def test_simultaneous_onsets_keep_the_highest_note():
    tokens, report = MELODY.encode_with_report([Note(0.0, 60, duration=1.0), Note(0.0, 67, duration=1.0)], 4)
    assert tokens.tolist() == [on(67), 0, 0, 0]
    assert report.overlapped == 1


@pytest.mark.parametrize("pitch", [MIN_PITCH - 1, MAX_PITCH + 1, 0, 127])
def test_out_of_range_pitch_raises_in_strict_mode(pitch):
    with pytest.raises(CodecError, match=str(pitch)):
        MELODY.encode([Note(0.0, pitch)], 4, strict=True)


def test_out_of_range_pitches_are_dropped_and_counted_by_default():
    notes = [Note(0.0, 20), Note(0.25, 60), Note(0.5, 109), Note(0.75, 20)]
    tokens, report = MELODY.encode_with_report(notes, 4)
    assert tokens.tolist() == [0, on(60), NOTE_OFF, 0]
    assert report.notes_in == 4 and report.out_of_range == 3
    assert report.dropped_pitches == {20: 2, 109: 1}
    assert report.as_dict()["dropped_pitches"] == {"20": 2, "109": 1}


def test_boundary_pitches_21_and_108_are_kept():
    notes = [Note(0.0, MIN_PITCH, duration=0.25), Note(0.25, MAX_PITCH, duration=0.25)]
    assert MELODY.decode(MELODY.encode(notes, 2, strict=True)) == notes


def test_unknown_drum_pitches_are_dropped_and_counted():
    tokens, report = DRUMS.encode_with_report([Note(0.0, 36), Note(0.0, 20), Note(0.25, 90)], 2)
    assert tokens.tolist() == [1, 0]  # kick only
    assert report.unknown_drums == 2 and report.dropped_pitches == {20: 1, 90: 1}
    with pytest.raises(CodecError, match="90"):
        DRUMS.encode([Note(0.0, 90)], 2, strict=True)


def test_every_gm_drum_pitch_of_a_class_maps_to_that_class_bit():
    for cls, pitches in enumerate(DRUM_CLASS_PITCHES):
        for pitch in pitches:
            assert DRUMS.encode([Note(0.0, pitch)], 1).tolist() == [1 << cls]


def test_two_hits_of_one_class_on_one_step_merge():
    tokens, report = DRUMS.encode_with_report([Note(0.0, 42), Note(0.0, 44)], 1)  # both closed hi-hat
    assert tokens.tolist() == [1 << 2] and report.merged_hits == 1


def test_notes_outside_the_window_are_truncated_and_counted():
    tokens, report = MELODY.encode_with_report([Note(2.0, 60), Note(-1.0, 62)], 8)
    assert not tokens.any() and report.truncated == 2


def test_off_grid_input_is_quantized_to_the_nearest_sixteenth():
    tokens = MELODY.encode([Note(0.26, 60, duration=0.49)], 4)
    assert tokens.tolist() == [0, on(60), 0, NOTE_OFF]


def test_get_codec_names_and_unknown_name():
    assert get_codec("melody").num_classes == 90 and get_codec("drums").num_classes == 512
    with pytest.raises(CodecError, match="unknown codec"):
        get_codec("piano")


def test_melody_midi_file_round_trip(tmp_path):
    notes = [Note(0.0, 60, 90, 1.0), Note(1.0, 62, 80, 0.5), Note(2.0, 64, 100, 1.5), Note(3.5, 64, 70, 0.5)]
    path = tmp_path / "melody.mid"
    write_midi(path, notes, bpm=96)
    content = read_midi(path)
    assert content.notes == notes and content.drums == []
    assert content.time_signatures == [(0.0, 4, 4)]
    assert content.length_beats == pytest.approx(4.0)
    tempos = [m.tempo for m in mido.MidiFile(str(path)).tracks[0] if m.type == "set_tempo"]
    assert tempos == [mido.bpm2tempo(96)]


def test_drum_midi_file_round_trip_on_channel_10(tmp_path):
    tokens = np.array([1 | 4, 0, 4, 0, 2 | 4, 0, 4 | 256, 0], dtype=np.int64)
    path = tmp_path / "drums.mid"
    write_midi(path, DRUMS.decode(tokens), drums=True)
    content = read_midi(path)
    assert content.notes == []
    assert np.array_equal(DRUMS.encode(content.drums, len(tokens)), tokens)
    channels = {m.channel for m in mido.MidiFile(str(path)).tracks[0] if m.type == "note_on"}
    assert channels == {9}


def test_tokens_to_midi_and_back_give_the_same_tokens(tmp_path):
    rng = np.random.default_rng(0)
    tokens = MELODY.encode(MELODY.decode(rng.integers(0, MELODY_CLASSES, 32)), 32)
    write_midi(tmp_path / "t.mid", MELODY.decode(tokens))
    assert np.array_equal(MELODY.encode(read_midi(tmp_path / "t.mid").notes, 32), tokens)


@pytest.mark.parametrize("content", [b"", b"MThd\x00\x00\x00\x06\x00", b"not a midi file at all"])
def test_corrupt_midi_file_raises_value_error(tmp_path, content):
    path = tmp_path / "bad.mid"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="unreadable MIDI"):
        read_midi(path)
