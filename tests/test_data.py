"""`musicvae data`: the data folder contract, splits on real data, bar-grid windows, and bad input."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import mido
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from musicvae.cli import main as cli_main
from vae import shards, windows
from contract.codec import MIN_PITCH, NOTE_OFF, DrumCodec, MelodyCodec, Note
from vae.data import SMALL_COLLECTION, BuildOptions, NoWindowsError, assign_splits, build_dataset, split_of
from vae.shards import DATASETS, SPLITS, load_pieces, load_windows
from vae.sources import Line, Measure, Piece, hydrogen, midi_folder, music21_corpus

HYDROGEN_DEMOS = Path("/usr/share/hydrogen/data/demo_songs")
needs_hydrogen = pytest.mark.skipif(not HYDROGEN_DEMOS.is_dir(), reason="Debian hydrogen-data not installed")


def on(pitch: int) -> int:
    return 2 + pitch - MIN_PITCH


# ------------------------------------------------------------------------------------------- MIDI helpers


def write_file(path: Path, bars: list[list[int]], meter=(4, 4), pickup: float = 0.0, channel: int = 0,
               tpb: int = 480) -> Path:
    """A one-track MIDI file: each bar a list of pitches, one per beat (0 = rest), after a pickup of
    `pickup` beats (stated as its own time signature, as notation software writes it)."""
    track = mido.MidiTrack()
    beat = 4.0 / meter[1]
    if pickup:
        track.append(mido.MetaMessage("time_signature", numerator=int(pickup), denominator=4, time=0))
    events = []
    t = 0.0
    if pickup:
        events.append((t, 72))
        t += pickup
    ts_tick = round(t * tpb)
    for bar in bars:
        for pitch in bar:
            events.append((t, pitch))
            t += beat
    last = 0
    pending_ts = True
    for start, pitch in events:
        tick = round(start * tpb)
        if pending_ts and tick >= ts_tick:
            track.append(mido.MetaMessage("time_signature", numerator=meter[0], denominator=meter[1],
                                          time=ts_tick - last))
            last, pending_ts = ts_tick, False
        if pitch:
            track.append(mido.Message("note_on", note=pitch, velocity=90, channel=channel, time=tick - last))
            off = round((start + beat) * tpb)
            track.append(mido.Message("note_off", note=pitch, velocity=0, channel=channel, time=off - tick))
            last = off
    mid = mido.MidiFile(ticks_per_beat=tpb)
    mid.tracks.append(track)
    mid.save(str(path))
    return path


def scale_bars(n: int, start: int = 60) -> list[list[int]]:
    return [[start + (i * 4 + j) % 24 for j in range(4)] for i in range(n)]


def build(tmp_path: Path, midi_dirs, **kw) -> dict:
    return build_dataset(BuildOptions(out=tmp_path / "out", midi_dirs=list(midi_dirs), music21=False,
                                      hydrogen=False, drum_sources=(), workers=1, progress=False, **kw))


# ------------------------------------------------------------------------------------ the real tiny data


def test_tiny_data_dir_honours_the_contract(tiny_data_dir):
    report = json.loads((tiny_data_dir / "report.json").read_text())
    pieces = json.loads((tiny_data_dir / "pieces.json").read_text())
    for name, spec in DATASETS.items():
        codec = MelodyCodec() if spec.codec == "melody" else DrumCodec()
        for split in SPLITS:
            tokens = load_windows(tiny_data_dir, name, split)
            index = load_pieces(tiny_data_dir, name, split)
            assert tokens.dtype == np.int64 and tokens.shape[1] == spec.num_steps
            assert index.dtype == np.int32 and len(index) == len(tokens)
            assert 0 <= tokens.min() and tokens.max() < codec.num_classes
            assert report["datasets"][name]["windows"][split] == len(tokens)
            assert all(pieces[i]["split"] == split for i in np.unique(index))
        assert len(load_windows(tiny_data_dir, name, "train")) >= 64, name


def test_no_piece_and_no_window_is_shared_between_splits_on_real_data(tiny_data_dir):
    pieces = json.loads((tiny_data_dir / "pieces.json").read_text())
    assert {p["collection"] for p in pieces} >= {"essenFolksong", "oneills1850", "ryansMammoth", "bach"}
    sizes = Counter(p["collection"] for p in pieces)
    assert all(p["split"] == split_of(p["id"]) for p in pieces if sizes[p["collection"]] >= SMALL_COLLECTION)
    assert {p["split"] for p in pieces if p["collection"] == "hydrogen"} == set(SPLITS)
    for name in DATASETS:
        seen_pieces: dict[int, str] = {}
        seen_windows: set[bytes] = set()
        for split in SPLITS:
            tokens, index = load_windows(tiny_data_dir, name, split), load_pieces(tiny_data_dir, name, split)
            keys = {row.tobytes() for row in tokens}
            assert len(keys) == len(tokens), f"{name}/{split} has duplicate windows"
            assert not keys & seen_windows, f"{name}/{split} repeats a window of an earlier split"
            seen_windows |= keys
            for i in np.unique(index).tolist():
                assert seen_pieces.setdefault(i, split) == split, f"piece {pieces[i]['id']} in two splits"


def test_melody_windows_start_clean_and_hold_notes(tiny_data_dir):
    for name in ("mel_2bar", "mel_16bar"):
        tokens = load_windows(tiny_data_dir, name, "train")
        assert (tokens >= 2).any(axis=1).all(), "an all-rest window was kept"
        first = np.array([row[np.flatnonzero(row)[0]] for row in tokens])
        assert not (first == NOTE_OFF).any(), "a window starts with a note-off"


def test_bach_soprano_and_bass_share_their_chorale(tiny_data_dir):
    pieces = json.loads((tiny_data_dir / "pieces.json").read_text())
    bach = {p["index"] for p in pieces if p["collection"] == "bach"}
    assert bach and all(p["id"].count("/") == 1 for p in pieces if p["collection"] == "bach")
    tokens = load_windows(tiny_data_dir, "mel_2bar", "train")
    index = load_pieces(tiny_data_dir, "mel_2bar", "train")
    low = high = 0
    for row, piece in zip(tokens, index):
        if piece in bach:
            pitches = row[row >= 2] - 2 + MIN_PITCH
            low += pitches.max() < 55  # a bass line
            high += pitches.min() >= 60  # a soprano line
    assert low > 10 and high > 10


def test_report_counts_what_was_read_and_dropped(tiny_data_dir):
    report = json.loads((tiny_data_dir / "report.json").read_text())
    pieces = report["pieces"]
    assert pieces["read"] == pieces["kept"] + pieces["skipped"]
    assert pieces["skipped_by_reason"]["unsupported_meter"] == sum(pieces["skipped_by_meter"].values())
    assert {"3/4", "6/8"} <= set(pieces["skipped_by_meter"])
    assert set(pieces["kept_by_meter"]) >= {"4/4", "2/4"}
    notes = report["notes"]
    assert notes["melody_notes"] == sum(notes["pitch_histogram"].values()) > 1000
    assert MIN_PITCH <= notes["pitch_range"][0] <= notes["pitch_range"][1] <= 108
    for key in ("polyphonic_lines_skylined", "out_of_range_notes", "off_grid_notes", "drum_class_histogram"):
        assert key in notes
    for name, d in report["datasets"].items():
        for split in SPLITS:
            assert d["windows"][split] == (d["raw_windows"][split] - d["duplicates_within_split"][split]
                                           - d["removed_as_in_earlier_split"][split]
                                           - d["removed_as_near_duplicate_of_train"][split])
        assert d["removed_as_near_duplicate_of_train"]["train"] == 0


# ----------------------------------------------------------------------------- MIDI folders and bad input


def test_midi_folder_windows_follow_the_bars(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    write_file(folder / "song.mid", scale_bars(5))
    report = build(tmp_path, [folder])
    assert report["datasets"]["mel_2bar"]["windows"] == {
        s: (4 if split_of("midi/midi/song.mid") == s else 0) for s in SPLITS}
    split = split_of("midi/midi/song.mid")
    tokens = load_windows(tmp_path / "out", "mel_2bar", split)
    assert tokens[0].tolist() == MelodyCodec().encode(
        [Note(b * 4 + j, p, duration=1.0) for b, bar in enumerate(scale_bars(2)) for j, p in enumerate(bar)], 32
    ).tolist()


def test_pickup_bar_puts_the_grid_on_the_first_downbeat(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    write_file(folder / "pickup.mid", scale_bars(3), pickup=1.0)
    report = build(tmp_path, [folder])
    split = split_of("midi/midi/pickup.mid")
    tokens = load_windows(tmp_path / "out", "mel_2bar", split)
    assert report["datasets"]["mel_2bar"]["windows"][split] == 2
    assert tokens[0, 0] == on(60) and tokens[0, 4] == on(61)  # bar 1 beat 1, not the pickup's 72


def test_two_four_bars_pair_into_one_sixteen_step_bar(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    bars = [[60 + i, 70 + i] for i in range(8)]  # eight 2/4 bars = four 16-step bars
    write_file(folder / "polka.mid", bars, meter=(2, 4))
    report = build(tmp_path, [folder])
    split = split_of("midi/midi/polka.mid")
    assert report["datasets"]["mel_2bar"]["windows"][split] == 3
    assert report["pieces"]["kept_by_meter"] == {"2/4": 1}
    tokens = load_windows(tmp_path / "out", "mel_2bar", split)
    assert [tokens[0, s] for s in (0, 4, 8, 12, 16)] == [on(60), on(70), on(61), on(71), on(62)]


def test_bad_files_are_skipped_with_their_reason(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    write_file(folder / "good.mid", scale_bars(4))
    write_file(folder / "waltz.mid", [[60, 62, 64]] * 8, meter=(3, 4))
    (folder / "empty.mid").write_bytes(b"")
    (folder / "corrupt.mid").write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01garbage")
    write_file(folder / "silent.mid", [[0, 0, 0, 0]] * 4)
    (folder / "notes.txt").write_text("not music")  # ignored: not a MIDI file name
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    report = build(tmp_path, [folder, empty_dir])
    pieces = report["pieces"]
    assert pieces["kept"] == 1
    assert pieces["skipped_by_reason"] == {"corrupt_file": 2, "no_music_files": 1, "unsupported_meter": 1,
                                           "no_notes": 1}
    assert pieces["skipped_by_meter"] == {"3/4": 1}
    examples = {e["id"] for group in pieces["skipped_examples"].values() for e in group}
    assert {"midi/midi/empty.mid", "midi/midi/corrupt.mid", "midi/midi/waltz.mid"} <= examples
    assert sum(report["datasets"]["mel_2bar"]["windows"].values()) == 3


def test_no_window_at_all_is_a_clear_error_with_nonzero_exit(tmp_path, capsys):
    folder = tmp_path / "midi"
    folder.mkdir()
    write_file(folder / "waltz.mid", [[60, 62, 64]] * 8, meter=(3, 4))
    with pytest.raises(NoWindowsError, match="no window at all"):
        build(tmp_path, [folder])
    assert (tmp_path / "out" / "report.json").is_file()
    code = cli_main(["data", "--out", str(tmp_path / "cli"), "--midi", str(tmp_path / "empty_dir_missing"),
                     "--no-music21", "--no-hydrogen", "--drum-sources", "none", "--workers", "1", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1 and "no window at all" in err and "missing_path" in err


def test_identical_files_give_each_window_once(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    for name in ("a.mid", "b.mid", "c.mid", "d.mid"):
        write_file(folder / name, scale_bars(6))  # 5 distinct 2-bar windows, four times over
    report = build(tmp_path, [folder])
    d = report["datasets"]["mel_2bar"]
    assert sum(d["windows"].values()) == 5
    assert sum(d["raw_windows"].values()) == 20


def test_drums_channel_goes_to_drums_and_melody_tracks_stay_apart(tmp_path):
    path = tmp_path / "band.mid"
    mid = mido.MidiFile(ticks_per_beat=480)
    for channel, pitches in ((0, [60, 62, 64, 65]), (1, [48, 43, 48, 43]), (9, [36, 42, 38, 42])):
        track = mido.MidiTrack()
        for i in range(16):
            p = pitches[i % 4]
            track.append(mido.Message("note_on", note=p, velocity=90, channel=channel, time=0))
            track.append(mido.Message("note_off", note=p, velocity=0, channel=channel, time=480))
        mid.tracks.append(track)
    mid.save(str(path))
    piece = midi_folder.read_file(path, "midi/band.mid")
    assert [line.kind for line in piece.lines] == ["melody", "melody", "drums"]
    result = windows.piece_windows(piece, list(DATASETS.values()))
    assert len(result.windows["mel_2bar"]) == 6  # 3 windows per melody track, no skyline across tracks
    assert result.stats["polyphonic_lines"] == 0
    assert result.windows["drums_2bar"][0][:8].tolist() == [1, 0, 0, 0, 4, 0, 0, 0]


# ------------------------------------------------------------------------------------- bar grid internals


def M(offset, length, meter="4/4", **kw) -> Measure:
    return Measure(offset, length, meter, **kw)


def test_expand_repeats_with_first_and_second_endings():
    bars = [M(0, 4), M(4, 4, repeat_end=2), M(8, 4, repeat_start=True), M(12, 4, voltas=(1,), repeat_end=2),
            M(16, 4, voltas=(2,)), M(20, 4)]
    assert windows.expand_repeats(bars) == [0, 1, 0, 1, 2, 3, 2, 4, 5]


def test_repeated_pickup_is_laid_over_the_closing_bar():
    bars = [M(0, 1), M(1, 4), M(5, 4, repeat_end=2), M(9, 4)]
    order = windows.expand_repeats(bars)
    assert order == [0, 1, 2, 0, 1, 2, 3]
    placed = windows.layout(bars, order)
    assert [(p.index, p.offset, p.overlay) for p in placed] == [
        (0, 0, False), (1, 1, False), (2, 5, False), (0, 8, True), (1, 9, False), (2, 13, False), (3, 17, False)]
    segs, _ = windows.segments(bars, placed)
    assert len(segs) == 1 and segs[0].origin == 1 and segs[0].num_bars() == 5


def test_a_lone_two_four_bar_in_four_four_starts_a_new_grid():
    bars = [M(0, 4), M(4, 4), M(8, 2, "2/4"), M(10, 4), M(14, 4)]
    segs, stats = windows.segments(bars, windows.layout(bars, list(range(5))))
    assert [(s.origin, s.num_bars()) for s in segs] == [(0, 2), (10, 2)]
    assert stats["grid_breaks"] == 1


def test_unsupported_meter_bars_cut_segments_and_count():
    bars = [M(0, 4), M(4, 4), M(8, 3, "3/4"), M(11, 4), M(15, 4)]
    segs, stats = windows.segments(bars, windows.layout(bars, list(range(5))))
    assert [(s.origin, s.num_bars()) for s in segs] == [(0, 2), (11, 2)]
    assert stats["bars_unsupported_meter"] == 1


def test_skyline_keeps_the_highest_sounding_note_and_counts():
    stats = Counter()
    notes = [(0.0, 4.0, 60), (1.0, 2.0, 64), (2.0, 3.0, 55), (5.0, 6.0, 70), (5.1, 6.0, 50),
             (7.0, 8.1, 65), (8.0, 9.0, 60), (9.0, 10.0, 48), (9.0, 10.0, 52)]
    out = windows.skyline(notes, stats)
    # a higher note cuts a sounding one; a lower one under a sounding note is hidden; a short overlap is legato
    assert out == [(0.0, 1.0, 60), (1.0, 2.0, 64), (2.0, 3.0, 55), (5.0, 6.0, 70), (7.0, 8.0, 65),
                   (8.0, 9.0, 60), (9.0, 10.0, 52)]
    assert stats == Counter(skyline_cut=1, skyline_hidden=2, legato_cut=1)


def test_polyphonic_line_becomes_its_top_voice():
    bars = [M(0, 4), M(4, 4)]
    top = [(i, j, 1.0, 72 + j) for i in range(2) for j in range(4)]
    under = [(i, 0.0, 4.0, 48) for i in range(2)]  # a held bass note under the tune
    piece = Piece("t", "test", bars, [Line("x", "melody", top + under)])
    result = windows.piece_windows(piece, [DATASETS["mel_2bar"]])
    assert result.windows["mel_2bar"].shape == (1, 32)
    assert sorted(set(result.windows["mel_2bar"][0].tolist()) - {0}) == [on(72), on(73), on(74), on(75)]
    assert result.stats["polyphonic_lines"] == 1 and result.stats["skyline_hidden"] == 2


def test_window_starting_under_a_held_note_drops_its_note_off():
    bars = [M(0, 4), M(4, 4), M(8, 4)]
    notes = [(0, 0.0, 6.0, 60), (1, 3.0, 1.0, 62), (2, 0.0, 1.0, 64)]  # the first note ends mid bar 2
    piece = Piece("t", "test", bars, [Line("x", "melody", notes)])
    result = windows.piece_windows(piece, [DATASETS["mel_2bar"]])
    second = result.windows["mel_2bar"][1]
    assert second[8] == 0 and second[12] == on(62)  # no note-off for a note that began before the window


@st.composite
def random_pieces(draw):
    """Arbitrary bar structures (meters, short bars, repeats, endings, breaks) with arbitrary notes."""
    measures, offset = [], 0.0
    for _ in range(draw(st.integers(0, 24))):
        meter = draw(st.sampled_from(["4/4", "4/4", "2/4", "2/2", "3/4", "6/8", "1/8"]))
        bar = Measure(offset, 0.0, meter)
        length = draw(st.sampled_from([bar.bar_length, bar.bar_length, 0.5, 1.0, 3.0, 0.0]))
        measures.append(Measure(offset, length, meter, draw(st.booleans()), draw(st.sampled_from([0, 0, 2, 3])),
                                tuple(draw(st.sets(st.integers(1, 3), max_size=2))), draw(st.booleans())))
        offset += length
    notes = draw(st.lists(st.tuples(st.integers(0, max(0, len(measures) - 1)), st.sampled_from([0, 0.25, 1 / 3, 2.5]),
                                     st.sampled_from([0.25, 1.0, 5.0]), st.integers(10, 115)), max_size=60))
    kind = draw(st.sampled_from(["melody", "drums"]))
    return Piece("p", "test", measures, [Line("x", kind, notes)] if measures else [])


@settings(max_examples=100, deadline=None)
@given(random_pieces())
def test_any_bar_structure_gives_valid_windows_or_none(piece):
    result = windows.piece_windows(piece, list(DATASETS.values()))
    for name, w in result.windows.items():
        spec = DATASETS[name]
        assert w.dtype == np.int16 and w.ndim == 2 and w.shape[1] == spec.num_steps
        if spec.codec == "melody" and len(w):
            assert (w >= 2).any(axis=1).all() and w.max() < 90
            assert all(row[np.flatnonzero(row)[0]] != NOTE_OFF for row in w)
        elif len(w):
            assert w.any(axis=1).all() and w.max() < 512


def test_last_bar_may_be_completed_with_rests_but_not_mid_piece():
    bars = [M(0, 4), M(4, 3)]
    piece = Piece("t", "test", bars, [Line("x", "melody", [(0, 0.0, 4.0, 60), (1, 0.0, 3.0, 62)])])
    assert len(windows.piece_windows(piece, [DATASETS["mel_2bar"]]).windows["mel_2bar"]) == 1


# ---------------------------------------------------------------------------------- sources and loaders


def test_abc_text_helpers():
    text = "%header\nX:1\nT:a\nM:C|\nK:G\nabc|\n\nX:2\nT:b\nM: 6/8\nK:D\nabc|[M:2/4]ab|\n"
    tunes = music21_corpus.split_abc(text)
    assert len(tunes) == 2 and all(t.startswith("%header") for t in tunes)
    assert music21_corpus.abc_meters(tunes[0]) == ["2/2"]
    assert music21_corpus.abc_meters(tunes[1]) == ["6/8", "2/4"]
    assert music21_corpus.normalize_meter(" C ") == "4/4"


def test_abc_tune_with_pickup_and_repeats_gives_windows_on_the_downbeats():
    tune = "X:1\nT:t\nM:4/4\nL:1/8\nK:C\nG|:c2e2g2e2|d2f2a2f2|e2g2c'2g2|1 f2d2B2G2:|2 c8||\n"
    task = music21_corpus.Task("abc", "test", "t.abc", 0, "test/t", tune)
    piece = music21_corpus.parse_task(task)
    assert isinstance(piece, Piece), piece
    result = windows.piece_windows(piece, [DATASETS["mel_2bar"]])
    w = result.windows["mel_2bar"]
    # played: [G] ceg e | dfa f | ega g | fdBG :| ceg e | dfa f | ega g | c8: 8 bars, 7 windows
    assert len(w) == 7
    assert w[0][0] == on(72) and w[0][16] == on(74)  # the grid starts after the pickup G
    assert w[3][0] == on(77) and w[3][16] == on(72)  # first ending, then the repeat from the top
    assert w[6][16] == on(72) and not w[6][17:].any()  # second ending: c held to the end


@needs_hydrogen
def test_hydrogen_demo_songs_map_every_instrument():
    files = hydrogen.find_files([HYDROGEN_DEMOS])
    assert len(files) >= 7
    for path in files:
        piece = hydrogen.read_file(path)
        assert isinstance(piece, Piece)
        assert piece.stats["unmapped_hits"] == 0 and piece.stats["hits"] > 50
        assert piece.meters() == ["4/4"]


def test_hydrogen_song_ticks_and_names(tmp_path):
    song = """<?xml version="1.0"?><song><name>t</name>
    <instrumentList>
     <instrument><id>0</id><name>Kick Long</name><midiOutNote>36</midiOutNote></instrument>
     <instrument><id>1</id><name>Snare 2</name><midiOutNote>39</midiOutNote></instrument>
     <instrument><id>2</id><name>Closed Hat</name><midiOutNote>44</midiOutNote></instrument>
     <instrument><id>3</id><name>Tom 1</name><midiOutNote>45</midiOutNote></instrument>
    </instrumentList>
    <patternList><pattern><name>p</name><size>192</size><denominator>4</denominator><noteList>
     <note><position>0</position><instrument>0</instrument></note>
     <note><position>48</position><instrument>1</instrument></note>
     <note><position>12</position><instrument>2</instrument></note>
     <note><position>100</position><instrument>3</instrument></note>
    </noteList></pattern></patternList>
    <patternSequence><group><patternID>p</patternID></group><group><patternID>p</patternID></group>
    </patternSequence></song>"""
    path = tmp_path / "t.h2song"
    path.write_text(song)
    piece = hydrogen.read_file(path)
    assert piece.stats == {"hits": 16, "off_grid_hits": 4, "unmapped_hits": 0, "unmapped_instruments": 0}
    result = windows.piece_windows(piece, [DATASETS["drums_2bar"]])
    w = result.windows["drums_2bar"]
    assert len(w) == 2  # the sequence (p p) and the pattern looped (p p): identical windows, deduped later
    expected = [0] * 16
    expected[0], expected[4], expected[1], expected[8] = 1, 2, 4, 64  # 100 ticks -> step 8.33 -> 8, high tom
    assert w[0][:16].tolist() == expected


def test_hydrogen_pattern_file_uses_its_drum_kit(tmp_path, monkeypatch):
    kit = tmp_path / "kits" / "MyKit"
    kit.mkdir(parents=True)
    (kit / "drumkit.xml").write_text(
        '<?xml version="1.0"?><drumkit_info xmlns="http://www.hydrogen-music.org/drumkit"><name>MyKit</name>'
        "<instrumentList><instrument><id>0</id><name>Kick</name></instrument>"
        "<instrument><id>1</id><name>Ride</name></instrument>"
        "<instrument><id>2</id><name>Triangle</name><midiOutNote>81</midiOutNote></instrument>"
        "<instrument><id>3</id><name>Laser zap</name><midiOutNote>20</midiOutNote></instrument>"
        "</instrumentList></drumkit_info>")
    monkeypatch.setattr(hydrogen, "DRUMKIT_DIRS", (tmp_path / "kits",))
    pattern = tmp_path / "groove.h2pattern"
    pattern.write_text(
        '<?xml version="1.0"?><drumkit_pattern xmlns="http://www.hydrogen-music.org/drumkit_pattern">'
        "<drumkit_name>MyKit</drumkit_name><pattern><name>groove</name><info/><category/>"
        "<size>96</size><denominator>4</denominator><noteList>"
        + "".join(f"<note><position>{pos}</position><instrument>{i}</instrument></note>"
                  for pos, i in ((0, 0), (0, 1), (24, 1), (48, 2), (72, 3)))
        + "</noteList></pattern></drumkit_pattern>")
    piece = hydrogen.read_file(pattern)
    assert piece.meters() == ["2/4"] and len(piece.measures) == 2  # 96 ticks = two quarters, looped
    assert piece.stats["unmapped_hits"] == 2  # the laser zap, in both loops
    tokens = DrumCodec().encode([Note(m * 2.0 + rel, p) for m, rel, _, p in piece.lines[0].notes], 16)
    assert tokens[:8].tolist() == [1 | 256, 0, 256, 0, 8, 0, 0, 0]  # triangle: MIDI note 81 -> open hi-hat class


def test_hydrogen_bad_file_is_a_skip(tmp_path):
    path = tmp_path / "bad.h2song"
    path.write_text("<song><unclosed>")
    assert hydrogen.read_file(path).reason == "corrupt_file"


def test_loader_errors_are_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="musicvae data"):
        load_windows(tmp_path, "mel_2bar", "train")
    shards.write_shards(tmp_path, "mel_2bar", "test", np.zeros((0, 32), np.int16), np.zeros(0, np.int32))
    with pytest.raises(ValueError, match="no windows"):
        load_windows(tmp_path, "mel_2bar", "test")
    with pytest.raises(ValueError, match="unknown dataset"):
        load_windows(tmp_path, "mel_4bar", "train")
    with pytest.raises(ValueError, match="unknown split"):
        load_windows(tmp_path, "mel_2bar", "dev")


def test_shards_round_trip_across_several_files(tmp_path):
    tokens = np.random.default_rng(0).integers(0, 90, (25, 32))
    paths = shards.write_shards(tmp_path, "mel_2bar", "train", tokens, np.arange(25), shard_size=10)
    assert [p.name for p in paths] == ["train-00000.npz", "train-00001.npz", "train-00002.npz"]
    assert np.array_equal(load_windows(tmp_path, "mel_2bar", "train"), tokens)
    assert load_pieces(tmp_path, "mel_2bar", "train").tolist() == list(range(25))
    assert DATASETS["mel_16bar"].num_steps == 256


def test_split_is_a_fixed_80_10_10_hash():
    counts = Counter(split_of(f"piece-{i}") for i in range(20000))
    assert abs(counts["train"] / 20000 - 0.8) < 0.01 and abs(counts["test"] / 20000 - 0.1) < 0.01
    assert split_of("bach/bwv1.6") == split_of("bach/bwv1.6")


def test_small_collections_get_every_split_and_large_ones_the_plain_hash():
    def pieces(collection, n):
        return [Piece(f"{collection}/{i}", collection, [], []) for i in range(n)]

    small = assign_splits(pieces("h", 7))
    assert sorted(Counter(small.values()).items()) == [("test", 1), ("train", 5), ("valid", 1)]
    assert Counter(assign_splits(pieces("t", 3)).values()) == Counter(train=1, valid=1, test=1)
    assert Counter(assign_splits(pieces("m", 19)).values()) == Counter(train=15, valid=2, test=2)
    large = assign_splits(pieces("big", 500) + pieces("h", 7))
    assert all(large[f"big/{i}"] == split_of(f"big/{i}") for i in range(500))
    assert all(large[k] == v for k, v in small.items())


def test_parse_cache_is_reused(tmp_path):
    opts = dict(music21=True, collections=("ryansMammoth",), limit=6, hydrogen=False, drum_sources=(), workers=1,
                progress=False, cache_dir=tmp_path / "cache")
    first = build_dataset(BuildOptions(out=tmp_path / "a", **opts))
    second = build_dataset(BuildOptions(out=tmp_path / "b", **opts))
    assert first["timing"]["parsed_pieces"] == 6 and second["timing"]["parsed_pieces"] == 0
    assert second["timing"]["cached_pieces"] == 6
    assert first["datasets"] == second["datasets"]


def test_build_refuses_to_replace_a_folder_that_is_not_data(tmp_path, capsys):
    (tmp_path / "precious.txt").write_text("keep me")
    code = cli_main(["data", "--out", str(tmp_path), "--no-music21", "--quiet"])
    assert code == 1 and "not a musicvae data folder" in capsys.readouterr().err
    assert (tmp_path / "precious.txt").read_text() == "keep me"


def test_rebuild_replaces_the_old_build_whole(tmp_path):
    folder = tmp_path / "midi"
    folder.mkdir()
    write_file(folder / "song.mid", scale_bars(5))
    build(tmp_path, [folder])
    (folder / "song.mid").unlink()
    write_file(folder / "other.mid", scale_bars(3, start=50))
    report = build(tmp_path, [folder])
    assert [p["id"] for p in json.loads((tmp_path / "out" / "pieces.json").read_text())] == ["midi/midi/other.mid"]
    assert sum(report["datasets"]["mel_2bar"]["windows"].values()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["midi", "out"]  # no staging or old folder left


def test_unknown_collection_is_rejected(tmp_path, capsys):
    code = cli_main(["data", "--out", str(tmp_path), "--collections", "beethoven", "--no-hydrogen", "--quiet"])
    assert code == 1 and "unknown music21 collection" in capsys.readouterr().err
