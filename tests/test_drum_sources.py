"""Drum sources (MMA grooves, Freedoom WAD lumps, OpenMSX MIDI), the grouped split and the near-duplicate
filter: bad input is skipped and counted, never a crash; held-out windows close to training ones are dropped
while training windows stay exactly as they were."""
from __future__ import annotations

import io
import json
import shutil
import struct
from collections import Counter
from pathlib import Path

import mido
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vae import data as data_module
from vae.data import BuildOptions, assign_splits, build_dataset, split_of
from vae.near_duplicates import near_duplicates
from vae.shards import load_pieces, load_windows
from vae.sources import Line, Measure, Piece, Skip, freedoom, mma, openmsx

needs_mma = pytest.mark.skipif(shutil.which("mma") is None, reason="Debian mma not installed")

TINY_STYLE = """// a 4/4 groove, a 3/4 groove and a groove without drums
SeqClear
Time 4
Timesig 4 4
Begin Drum-Kick
  Tone KickDrum1
  Sequence {1 0 90; 3 0 90}
End
Begin Drum-Snare
  Tone SnareDrum1
  Sequence {2 0 90; 4 0 90}
End
DefGroove Rock  a 4/4 groove

SeqClear
Time 3
Timesig 3 4
Begin Drum-Kick
  Tone KickDrum1
  Sequence {1 0 90}
End
DefGroove Waltz  a 3/4 groove

SeqClear
Time 4
Timesig 4 4
Begin Chord
  Sequence {1 1 90}
End
DefGroove Strings  no drums at all
"""
BROKEN_STYLE = """SeqClear
Time 4
Begin Drum-Kick
  Tone NoSuchDrumName
  Sequence {1 0 90}
End
DefGroove Broken
"""


def drum_build(tmp_path: Path, sources: tuple[str, ...], **kw) -> dict:
    return build_dataset(BuildOptions(out=tmp_path / "out", music21=False, hydrogen=False, drum_sources=sources,
                                      workers=1, progress=False, cache_dir=tmp_path / "cache", **kw))


def midi_bytes(channel_pitches: dict[int, list[int]], bars: int = 4) -> bytes:
    """A MIDI file with one track per channel, one note a beat for `bars` 4/4 bars."""
    mid = mido.MidiFile(ticks_per_beat=96)
    for channel, pitches in channel_pitches.items():
        track = mido.MidiTrack()
        for i in range(4 * bars):
            p = pitches[i % len(pitches)]
            track.append(mido.Message("note_on", note=p, velocity=90, channel=channel, time=0))
            track.append(mido.Message("note_off", note=p, velocity=0, channel=channel, time=96))
        mid.tracks.append(track)
    buffer = io.BytesIO()
    mid.save(file=buffer)
    return buffer.getvalue()


def wad(lumps: list[tuple[str, bytes]], extra_entries: list[tuple[int, int, str]] = ()) -> bytes:
    """An IWAD image: the lumps, then the directory (plus raw extra directory entries)."""
    body = b""
    entries = []
    for name, payload in lumps:
        entries.append((freedoom.HEADER.size + len(body), len(payload), name))
        body += payload
    entries += list(extra_entries)
    directory = freedoom.HEADER.size + len(body)
    table = b"".join(struct.pack("<ii8s", o, s, n.encode()) for o, s, n in entries)
    return freedoom.HEADER.pack(b"IWAD", len(entries), directory) + body + table


# ----------------------------------------------------------------------------------------------- MMA


@needs_mma
def test_mma_renders_four_four_grooves_and_counts_the_rest(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "tiny.mma").write_text(TINY_STYLE)
    (library / "broken.mma").write_text(BROKEN_STYLE)
    report = drum_build(tmp_path, ("mma",), mma_library=library)
    mma_pieces = report["pieces"]["by_collection"]["mma"]
    assert mma_pieces["read"] == 4 and mma_pieces["kept"] == 1
    assert mma_pieces["skipped"] == {"unsupported_meter": 1, "no_drums": 1, "render_error": 1}
    assert report["pieces"]["skipped_by_meter"] == {"3/4": 1}
    pieces = json.loads((tmp_path / "out" / "pieces.json").read_text())
    assert [(p["id"], p["split_key"]) for p in pieces] == [("mma/tiny/Rock", "mma/tiny")]
    windows = np.concatenate([load_windows(tmp_path / "out", "drums_2bar", s) for s in ("train", "valid", "test")
                              if report["datasets"]["drums_2bar"]["windows"][s]])
    kick, snare = 1, 2  # bits of classes 0 and 1
    assert windows[0, :16].tolist() == [kick, 0, 0, 0, snare, 0, 0, 0] * 2
    assert report["datasets"]["mel_2bar"]["windows"] == {"train": 0, "valid": 0, "test": 0}  # drums only
    again = drum_build(tmp_path, ("mma",), mma_library=library)
    assert again["timing"]["mma_styles_rendered"] == 0 and again["datasets"] == report["datasets"]  # cached


def test_missing_drum_sources_are_reported_not_fatal(tmp_path, monkeypatch):
    monkeypatch.setattr(freedoom, "SYSTEM_DIRS", (tmp_path / "no_doom",))
    folder = tmp_path / "midi"
    folder.mkdir()
    (folder / "beat.mid").write_bytes(midi_bytes({9: [36, 42, 38, 42]}))
    report = drum_build(tmp_path, ("mma", "openmsx"), midi_dirs=[folder], mma_library=tmp_path / "no_mma",
                        openmsx_dir=tmp_path / "no_openmsx")
    assert report["pieces"]["skipped_by_reason"] == {"missing_source": 2}
    assert report["datasets"]["drums_2bar"]["by_collection"]["midi"]
    with pytest.raises(ValueError, match="unknown drum source"):
        drum_build(tmp_path, ("gmd",))


# ------------------------------------------------------------------------------------------- Freedoom


def test_wad_music_lumps_with_bad_ones_skipped_and_counted(tmp_path):
    good = midi_bytes({0: [60, 62], 9: [36, 38]})
    image = wad([("PLAYPAL", b"\0" * 30), ("D_GOOD", good), ("D_COPY", good), ("D_NODRUM", midi_bytes({0: [60]})),
                 ("D_MUS", b"MUS\x1a" + b"\0" * 20), ("D_BAD", b"MThd\x00\x00\x00\x06\x00\x01garbage")],
                extra_entries=[(10, 10**6, "D_PAST")])
    path = tmp_path / "freedoom2.wad"
    path.write_bytes(image)
    records = freedoom.read_wad(path)
    reasons = Counter(r.reason for r in records if isinstance(r, Skip))
    assert reasons == {"no_drums": 1, "not_midi": 1, "corrupt_lump": 2}
    pieces = [r for r in records if isinstance(r, Piece)]
    assert [p.id for p in pieces] == ["freedoom/freedoom2/D_GOOD", "freedoom/freedoom2/D_COPY"]
    assert pieces[0].split_key == pieces[1].split_key  # identical tracks share a split
    assert [line.kind for line in pieces[0].lines] == ["drums"]  # melody left out: drums only
    (tmp_path / "damaged.wad").write_bytes(b"IWAD" + struct.pack("<ii", 5, 10**7))
    (damaged,) = freedoom.read_wad(tmp_path / "damaged.wad")
    assert damaged.reason == "corrupt_file"
    report = drum_build(tmp_path, ("freedoom",), freedoom_wads=[tmp_path])
    assert report["pieces"]["by_collection"]["freedoom"]["skipped"] == {
        "no_drums": 1, "not_midi": 1, "corrupt_lump": 2, "corrupt_file": 1}
    assert sum(report["datasets"]["drums_2bar"]["windows"].values()) == 1  # 3 windows, all the same


# -------------------------------------------------------------------------------------------- OpenMSX


def test_openmsx_file_without_drums_is_skipped(tmp_path):
    folder = tmp_path / "openmsx"
    folder.mkdir()
    (folder / "drums.mid").write_bytes(midi_bytes({0: [60, 64], 9: [36, 42, 38, 42]}, bars=6))
    (folder / "strings.mid").write_bytes(midi_bytes({0: [60, 64]}))
    (folder / "corrupt.mid").write_bytes(b"MThd\x00\x00\x00\x06\x00\x01garbage")
    report = drum_build(tmp_path, ("openmsx",), openmsx_dir=folder)
    assert report["pieces"]["by_collection"]["openmsx"]["skipped"] == {"no_drums": 1, "corrupt_file": 1}
    assert report["datasets"]["mel_2bar"]["raw_windows"] == {"train": 0, "valid": 0, "test": 0}
    assert sum(report["datasets"]["drums_2bar"]["raw_windows"].values()) == 5
    assert openmsx.piece_id(folder, folder / "drums.mid") == "openmsx/drums.mid"


def test_a_kit_spread_over_tracks_is_one_drum_line(tmp_path):
    path = tmp_path / "kit.mid"
    mid = mido.MidiFile(file=io.BytesIO(midi_bytes({9: [36]})))
    mid.tracks.append(mido.MidiFile(file=io.BytesIO(midi_bytes({9: [42]}))).tracks[0])
    mid.save(str(path))
    piece = openmsx.read_file(path, "openmsx/kit.mid")
    assert len(piece.lines) == 1 and {n[3] for n in piece.lines[0].notes} == {36, 42}


# ---------------------------------------------------------------------------------------------- split


def _piece(pid: str, collection: str, key: str = "") -> Piece:
    return Piece(pid, collection, [Measure(0, 4, "4/4")], [Line("drums", "drums", [])], split_key=key)


def test_pieces_sharing_a_split_key_share_a_split_and_others_keep_their_hash():
    styles = [f"mma/style{i}" for i in range(60)]
    pieces = [_piece(f"{s}/groove{g}", "mma", s) for s in styles for g in range(5)]
    pieces += [_piece(f"folk/{i}", "essenFolksong") for i in range(100)]
    splits = assign_splits(pieces)
    for s in styles:
        assert len({splits[f"{s}/groove{g}"] for g in range(5)}) == 1
        assert splits[f"{s}/groove0"] == split_of(s)
    assert all(splits[f"folk/{i}"] == split_of(f"folk/{i}") for i in range(100))
    assert set(splits.values()) == {"train", "valid", "test"}


# ------------------------------------------------------------------------------------ near duplicates


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 3), st.integers(3, 24), st.integers(2, 4), st.integers(0, 40), st.integers(0, 40),
       st.integers(0, 2**31 - 1))
def test_near_duplicates_match_brute_force(distance, steps, classes, n_ref, n_query, seed):
    rng = np.random.default_rng(seed)
    reference = rng.integers(0, classes, size=(n_ref, steps))
    queries = rng.integers(0, classes, size=(n_query, steps))
    if n_ref and n_query:  # plant a few true near duplicates
        queries[0] = reference[0]
        queries[0, : min(distance, steps)] = (queries[0, : min(distance, steps)] + 1) % classes
    want = np.array([bool(n_ref) and ((reference != q).sum(axis=1) <= distance).any() for q in queries], bool)
    assert near_duplicates(reference, queries, distance).tolist() == want.tolist()


def test_near_duplicates_are_exact_on_long_sequences_with_common_blocks():
    rng = np.random.default_rng(0)
    reference = np.zeros((3000, 256), np.int16)  # many sequences share their empty blocks
    reference[:, rng.integers(0, 256, 3000)] = 0
    reference[np.arange(3000), rng.integers(0, 256, 3000)] = rng.integers(1, 90, 3000)
    queries = reference[:50].copy()
    queries[:25, 10] += 1
    queries[:25, 200] += 1  # distance 2 (or 1 if it landed on the same step): a near duplicate
    queries[25:, :3] += 1  # distance 3 from its source, but maybe close to another row: brute force decides
    want = [bool(((reference != q).sum(axis=1) <= 2).any()) for q in queries]
    got = near_duplicates(reference, queries, 2).tolist()
    assert got == want and all(got[:25])


def _beat(kick_steps: list[int], bars: int = 8) -> bytes:
    """A drum MIDI file: the same one-bar pattern `bars` times (kick on the given 16th steps, hat on 8ths)."""
    events = []  # (tick, is_on, pitch) at 8 ticks a beat: a 16th is 2 ticks, a hit lasts 1
    for bar in range(bars):
        for step in range(16):
            tick = (bar * 16 + step) * 2
            for pitch in ([36] if step in kick_steps else []) + ([42] if step % 2 == 0 else []):
                events += [(tick, 1, pitch), (tick + 1, 0, pitch)]
    track, last = mido.MidiTrack(), 0
    for tick, is_on, pitch in sorted(events):
        kind = "note_on" if is_on else "note_off"
        track.append(mido.Message(kind, note=pitch, velocity=90 * is_on, channel=9, time=tick - last))
        last = tick
    mid = mido.MidiFile(ticks_per_beat=8)
    mid.tracks.append(track)
    buffer = io.BytesIO()
    mid.save(file=buffer)
    return buffer.getvalue()


def test_near_duplicate_filter_drops_held_out_windows_and_never_touches_train(tmp_path, monkeypatch):
    folder = tmp_path / "midi"
    folder.mkdir()
    # 40 files: every beat exists once as written and once with a kick added on the bar's last 16th (two
    # differing steps in a 2-bar window). The split hash puts some pairs on both sides of the train/held-out
    # line: those held-out windows are near duplicates.
    patterns = [[0, 3 + k % 5, 8, 10 + k % 4] for k in range(20)]
    for k, kicks in enumerate(patterns):
        (folder / f"a{k:02d}.mid").write_bytes(_beat(kicks))
        (folder / f"b{k:02d}.mid").write_bytes(_beat(kicks + [15]))
    with_filter = build_dataset(BuildOptions(out=tmp_path / "with", midi_dirs=[folder], music21=False,
                                             hydrogen=False, drum_sources=(), workers=1, progress=False))
    monkeypatch.setattr(data_module, "NEAR_DUPLICATE_STEPS", -1)  # the filter off
    without = build_dataset(BuildOptions(out=tmp_path / "without", midi_dirs=[folder], music21=False,
                                         hydrogen=False, drum_sources=(), workers=1, progress=False))
    d_with, d_without = with_filter["datasets"]["drums_2bar"], without["datasets"]["drums_2bar"]
    dropped = d_with["removed_as_near_duplicate_of_train"]
    assert dropped["train"] == 0 and dropped["valid"] + dropped["test"] > 0
    assert d_with["near_duplicates_by_collection"]["midi"] == {k: v for k, v in dropped.items() if v}
    for split in ("valid", "test"):
        assert d_with["windows"][split] == d_without["windows"][split] - dropped[split]
    train_with = load_windows(tmp_path / "with", "drums_2bar", "train")
    assert np.array_equal(train_with, load_windows(tmp_path / "without", "drums_2bar", "train"))
    assert np.array_equal(load_pieces(tmp_path / "with", "drums_2bar", "train"),
                          load_pieces(tmp_path / "without", "drums_2bar", "train"))
    for split in ("valid", "test"):
        if d_with["windows"][split]:
            held_out = load_windows(tmp_path / "with", "drums_2bar", split)
            assert not near_duplicates(train_with, held_out, 2).any()


def test_recipe_rebuilds_a_data_folder_built_without_the_drum_sources(tmp_path):
    from musicvae.recipe import _missing_drum_sources

    (tmp_path / "report.json").write_text(json.dumps({"options": {"drum_sources": ["mma"]}}))
    assert _missing_drum_sources(tmp_path, "drums_2bar_small") == ["freedoom", "openmsx"]
    assert _missing_drum_sources(tmp_path, "mel_2bar_small") == []
    (tmp_path / "report.json").write_text(json.dumps({"options": {}}))  # a build from before the drum sources
    assert _missing_drum_sources(tmp_path, "drums_2bar_small") == ["mma", "freedoom", "openmsx"]
