"""Hydrogen drum machine files (.h2song, .h2pattern) -> drum `Piece`s.

The only real drum patterns on a stock machine are Hydrogen's demo songs (Debian `hydrogen-data`:
/usr/share/hydrogen/data/demo_songs). A song is a list of patterns (each one bar, `size` ticks long) and a
pattern sequence (one column per bar). Positions are ticks at 48 per quarter note (Hydrogen's fixed
resolution: a 4/4 bar is 192 ticks; a file may state another in <resolution>).

Each song becomes one piece: its pattern sequence as played, then every pattern of the song looped twice,
as Hydrogen's pattern mode plays it (so patterns the sequence never uses count too); a break separates
these passages so no window joins two of them. Instruments are mapped to General MIDI drum pitches by
name (kits differ: the TR-808 demo's MIDI notes are 36, 37, 38... in kit order, not GM), falling back to the
instrument's MIDI out note when the name says nothing.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from contract.codec import DRUM_PITCH_TO_CLASS
from vae.sources import Line, Measure, Piece, Skip

TICKS_PER_QUARTER = 48
DEFAULT_DIRS = (Path("/usr/share/hydrogen/data/demo_songs"), Path("/usr/share/hydrogen/data/patterns"))
DRUMKIT_DIRS = (Path("/usr/share/hydrogen/data/drumkits"), Path.home() / ".hydrogen/data/drumkits")

# (words any of which appear in the lower-cased instrument name, General MIDI drum pitch). First match wins,
# so the specific names come before the general ones ("cowbell" before "bell", "open hat" before "hat").
NAME_TO_GM: tuple[tuple[tuple[str, ...], int], ...] = (
    (("kick", "bass drum", "bassdrum"), 36),
    (("rim", "stick"), 37),
    (("clap",), 39),
    (("snare",), 38),
    (("pedal",), 44),
    (("semi-open", "semi open", "open"), 46),
    (("hat", "hh", "hihat", "hi-hat"), 42),
    (("floor",), 41),
    (("tom low", "low tom", "tom 3", "tom3"), 45),
    (("tom mid", "mid tom", "tom 2", "tom2"), 48),
    (("tom hi", "high tom", "hi tom", "tom 1", "tom1"), 50),
    (("tom",), 45),
    (("cowbell",), 56),
    (("crash", "splash", "china", "cymbal"), 49),
    (("ride", "bell"), 51),
    (("shaker", "maraca"), 70),
    (("tambourine",), 54),
    (("conga",), 63),
    (("bongo",), 60),
    (("clave",), 75),
)


def gm_pitch(name: str, midi_note: int | None) -> int | None:
    """General MIDI drum pitch for a Hydrogen instrument, or None when neither name nor note maps."""
    lower = name.lower()
    for words, pitch in NAME_TO_GM:
        if any(w in lower for w in words):
            return pitch
    if midi_note is not None and midi_note in DRUM_PITCH_TO_CLASS:
        return midi_note
    return None


def find_files(dirs=DEFAULT_DIRS) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files.extend(sorted(p for p in d.rglob("*") if p.suffix in (".h2song", ".h2pattern")))
    return files


def read_file(path: str | Path) -> Piece | Skip:
    path = Path(path)
    piece_id = f"hydrogen/{path.name}"
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        return Skip(piece_id, "hydrogen", "corrupt_file", str(exc))
    _strip_namespaces(root)
    if root.tag == "song":
        return _read_song(root, piece_id)
    if root.tag == "drumkit_pattern":
        return _read_pattern_file(root, piece_id)
    return Skip(piece_id, "hydrogen", "corrupt_file", f"unknown Hydrogen root element <{root.tag}>")


def _strip_namespaces(root: ET.Element) -> None:
    for el in root.iter():
        if "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]


def _instrument_map(instrument_list: ET.Element | None) -> tuple[dict[str, int], list[str]]:
    """Instrument id -> GM pitch; and the names that map to nothing (their hits are dropped, counted)."""
    mapping, unmapped = {}, []
    for inst in instrument_list if instrument_list is not None else ():
        name = inst.findtext("name") or ""
        note = inst.findtext("midiOutNote")
        pitch = gm_pitch(name, int(note) if note and note.lstrip("-").isdigit() else None)
        if pitch is None:
            unmapped.append(name)
        else:
            mapping[(inst.findtext("id") or "").strip()] = pitch
    return mapping, unmapped


class _Pattern:
    def __init__(self, el: ET.Element):
        self.name = el.findtext("name") or el.findtext("pattern_name") or ""
        self.size = int(el.findtext("size") or 192)
        self.denominator = int(el.findtext("denominator") or 4)
        self.hits = [
            (int(n.findtext("position") or 0), (n.findtext("instrument") or "").strip())
            for n in el.iter("note")
        ]


def _meter(size_ticks: int, denominator: int, resolution: int) -> str:
    beats = size_ticks * denominator / (4 * resolution)
    return f"{beats:g}/{denominator}"


class _Builder:
    """Lays patterns out bar after bar, converting ticks to quarters and instruments to GM pitches."""

    def __init__(self, mapping: dict[str, int], resolution: int):
        self.mapping, self.resolution = mapping, resolution
        self.measures: list[Measure] = []
        self.notes: list[tuple[int, float, float, int]] = []
        self.stats = {"hits": 0, "off_grid_hits": 0, "unmapped_hits": 0}
        self.offset = 0.0

    def add_bar(self, patterns: list[_Pattern], break_before: bool = False) -> None:
        size = max(p.size for p in patterns)  # Hydrogen plays a column for as long as its longest pattern
        index = len(self.measures)
        length = size / self.resolution
        self.measures.append(Measure(self.offset, length, _meter(size, patterns[0].denominator, self.resolution),
                                     break_before=break_before))
        sixteenth = self.resolution / 4
        for pattern in patterns:
            for position, instrument in pattern.hits:
                self.stats["hits"] += 1
                pitch = self.mapping.get(instrument)
                if pitch is None:
                    self.stats["unmapped_hits"] += 1
                    continue
                if position % sixteenth:
                    self.stats["off_grid_hits"] += 1  # triplets, 32nds: quantized to the nearest 16th later
                self.notes.append((index, position / self.resolution, 0.25, pitch))
        self.offset += length

    def piece(self, piece_id: str, title: str) -> Piece:
        return Piece(piece_id, "hydrogen", self.measures, [Line("drums", "drums", self.notes)], title, self.stats)


def _resolution(root: ET.Element) -> int:
    text = root.findtext("resolution")
    return int(text) if text and text.isdigit() and int(text) > 0 else TICKS_PER_QUARTER


def _read_song(root: ET.Element, piece_id: str) -> Piece | Skip:
    mapping, unmapped = _instrument_map(root.find("instrumentList"))
    pattern_list = root.find("patternList")
    found = pattern_list.iter("pattern") if pattern_list is not None else ()
    patterns = {p.name: p for p in map(_Pattern, found) if p.size > 0}
    if not patterns:
        return Skip(piece_id, "hydrogen", "no_notes", "song has no patterns")
    virtual_list = root.find("virtualPatternList")
    virtual = {
        v.findtext("name"): [pid.text for pid in v.iter("virtual")]
        for v in (virtual_list if virtual_list is not None else ())
    }
    builder = _Builder(mapping, _resolution(root))
    sequence = root.find("patternSequence")
    for group in sequence if sequence is not None else ():
        names = [pid.text for pid in group.iter("patternID")]
        names += [member for name in names for member in virtual.get(name, [])]
        column = [patterns[n] for n in names if n in patterns]
        if column:
            builder.add_bar(column)
    for pattern in patterns.values():  # pattern mode: each pattern looped
        builder.add_bar([pattern], break_before=True)
        builder.add_bar([pattern])
    piece = builder.piece(piece_id, root.findtext("name") or "")
    piece.stats["unmapped_instruments"] = len(unmapped)
    return piece


def _read_pattern_file(root: ET.Element, piece_id: str) -> Piece | Skip:
    pattern_el = root.find("pattern")
    if pattern_el is None:
        return Skip(piece_id, "hydrogen", "no_notes", "no <pattern> element")
    kit = root.findtext("drumkit_name") or root.findtext("pattern_for_drumkit") or ""
    mapping, _ = _instrument_map(_drumkit_instruments(kit))
    pattern = _Pattern(pattern_el)
    builder = _Builder(mapping, _resolution(root))
    builder.add_bar([pattern])
    builder.add_bar([pattern])
    return builder.piece(piece_id, pattern.name)


def _drumkit_instruments(kit: str) -> ET.Element | None:
    """A pattern file names instruments by id within its drum kit: read that kit's instrument list."""
    for d in DRUMKIT_DIRS:
        path = d / kit / "drumkit.xml"
        if kit and path.is_file():
            try:
                root = ET.parse(path).getroot()
            except ET.ParseError:
                return None
            _strip_namespaces(root)
            return root.find("instrumentList")
    return None
