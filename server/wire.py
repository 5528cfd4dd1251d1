"""OSC 1.0 bytes on the wire: building the server's replies and parsing what it receives.

Replies are built here with `struct` rather than python-osc's builders: a note bundle is one `pack` per
message, an order of magnitude cheaper than the builder, and the types are explicit (`i` for Python int,
`f` for Python float, `s` for str): numpy scalars are refused loudly instead of being mis-encoded.
Parsing is ours too: python-osc's parser logs a warning per junk datagram on the root logger and skips
unknown type tags silently; this one is strict and quiet. Nested bundles are unpacked in order; time tags
are ignored (a future time tag must never make the receiving thread sleep).
"""
from __future__ import annotations

import functools
import struct
from typing import Iterable, Sequence

from contract.codec import Note

IMMEDIATELY = b"\x00\x00\x00\x00\x00\x00\x00\x01"  # the OSC time tag meaning "now"
BUNDLE_HEADER = b"#bundle\x00" + IMMEDIATELY
NOTE_TYPETAGS = b",iiff\x00\x00\x00"
TRACK_NOTE_TYPETAGS = b",iiffi\x00\x00"  # a multi-track (trio) model's note: pitch velocity start duration track


class OscParseError(ValueError):
    pass


def _padded(text: str) -> bytes:
    raw = text.encode("utf-8") + b"\x00"
    return raw + b"\x00" * (-len(raw) % 4)


def message(address: str, *args: int | float | str) -> bytes:
    """One OSC message; args must be Python int, float or str (bool and numpy types are refused)."""
    tags, payload = [","], []
    for arg in args:
        kind = type(arg)
        if kind is int:
            tags.append("i")
            payload.append(struct.pack(">i", arg))
        elif kind is float:
            tags.append("f")
            payload.append(struct.pack(">f", arg))
        elif kind is str:
            tags.append("s")
            payload.append(_padded(arg))
        else:
            raise TypeError(f"OSC argument {arg!r} of type {kind.__name__}: cast to int, float or str first")
    return _padded(address) + _padded("".join(tags)) + b"".join(payload)


def bundle(messages: Iterable[bytes]) -> bytes:
    """An OSC bundle with the IMMEDIATELY time tag holding already-encoded messages."""
    parts = [BUNDLE_HEADER]
    for msg in messages:
        parts.append(struct.pack(">i", len(msg)))
        parts.append(msg)
    return b"".join(parts)


def notes_elements(decode_id: int, notes: Sequence[Note], prefix: str = "", tracks: bool = False) -> bytes:
    """The bundle elements of the notes that play: /notes/begin id count, count x /note pitch velocity start
    duration, /notes/end id (`prefix`: a model's address prefix, e.g. "/drums"). `tracks` (a trio model):
    each /note also carries its track, 0 melody, 1 bass, 2 drums."""
    return _framed(message(f"{prefix}/notes/begin", int(decode_id), len(notes)), f"{prefix}/note", notes,
                   message(f"{prefix}/notes/end", int(decode_id)), tracks)


def preview_elements(slot: str, decode_id: int, notes: Sequence[Note], prefix: str = "",
                     tracks: bool = False) -> bytes:
    """The bundle elements of a slot's preview (not what plays): /preview/begin slot id count, count x
    /preview/note pitch velocity start duration, /preview/end slot id."""
    return _framed(message(f"{prefix}/preview/begin", slot, int(decode_id), len(notes)), f"{prefix}/preview/note",
                   notes, message(f"{prefix}/preview/end", slot, int(decode_id)), tracks)


def bundle_of(*elements: bytes) -> bytes:
    """One datagram from already framed bundle elements (notes_elements, preview_elements), in order."""
    return b"".join([BUNDLE_HEADER, *elements])


def notes_bundle(decode_id: int, notes: Sequence[Note], prefix: str = "", tracks: bool = False) -> bytes:
    """The notes that play as one bundle, one datagram."""
    return bundle_of(notes_elements(decode_id, notes, prefix, tracks))


class EncodedNotes:
    """Notes with their /note messages packed once, so that answering with them again (the α cache's
    knob positions) frames the packed body with `/notes/begin id count` and `/notes/end id` and nothing
    else: byte for byte what `notes_bundle` builds. Bodies are kept per address prefix; `prefixes` are
    packed now (by the cache's fill thread), any other on its first use."""

    __slots__ = ("notes", "tracks", "_framing")

    def __init__(self, notes: Sequence[Note], tracks: bool = False, prefixes: Iterable[str] = ("",)):
        self.notes = notes
        self.tracks = tracks
        self._framing = {prefix: self._frame(prefix) for prefix in prefixes}

    def bundle(self, decode_id: int, prefix: str = "") -> bytes:
        """The notes that play as one datagram (as notes_bundle(decode_id, notes, prefix, tracks))."""
        framing = self._framing.get(prefix)
        if framing is None:
            framing = self._framing[prefix] = self._frame(prefix)
        begin, begin_address, body, end, end_address = framing
        return b"".join([BUNDLE_HEADER, begin.pack(begin.size - 4, begin_address, b",ii\x00", decode_id,
                                                   len(self.notes)),
                         body, end.pack(end.size - 4, end_address, b",i\x00\x00", decode_id)])

    def _frame(self, prefix: str) -> tuple:
        begin_address, end_address = _padded(prefix + "/notes/begin"), _padded(prefix + "/notes/end")
        return (struct.Struct(f">i{len(begin_address)}s4sii"), begin_address,
                _note_messages(f"{prefix}/note", self.notes, self.tracks),
                struct.Struct(f">i{len(end_address)}s4si"), end_address)


@functools.lru_cache(maxsize=64)
def _note_struct(address: str, tracks: bool = False) -> tuple[struct.Struct, bytes]:
    """A /note message as one `pack`: size, address, type tags, pitch, velocity, start, duration[, track]."""
    padded = _padded(address)
    return struct.Struct(f">i{len(padded)}s8siiff{'i' if tracks else ''}"), padded


def _note_messages(note_address: str, notes: Sequence[Note], tracks: bool = False) -> bytes:
    """The framed /note (or /preview/note) messages of `notes`, in order, as bundle elements."""
    note, address = _note_struct(note_address, tracks)
    size = note.size - 4
    if tracks:
        return b"".join([note.pack(size, address, TRACK_NOTE_TYPETAGS, int(n.pitch), int(n.velocity),
                                   float(n.start), float(n.duration), int(n.track)) for n in notes])
    return b"".join([note.pack(size, address, NOTE_TYPETAGS, int(n.pitch), int(n.velocity), float(n.start),
                               float(n.duration)) for n in notes])


def _framed(begin: bytes, note_address: str, notes: Sequence[Note], end: bytes, tracks: bool = False) -> bytes:
    return b"".join([struct.pack(">i", len(begin)), begin, _note_messages(note_address, notes, tracks),
                     struct.pack(">i", len(end)), end])


def parse(datagram: bytes) -> list[tuple[str, list]]:
    """(address, args) of every message in a datagram, bundles unpacked in order. OscParseError if invalid.

    Strict: a type tag without its data, an unknown type tag or a bundle element that overruns the packet
    is an error, never a silently shortened argument list.
    """
    if not datagram:
        raise OscParseError("empty datagram")
    small = type(datagram) is bytes and len(datagram) <= MEMO_MAX_BYTES
    if small and (known := _parsed.get(datagram)) is not None:
        return [(address, list(args)) for address, args in known]
    out: list[tuple[str, list]] = []
    try:
        _parse_packet(memoryview(datagram), out, depth=0)
    except OscParseError:
        raise
    except (struct.error, UnicodeDecodeError, IndexError, ValueError) as exc:
        raise OscParseError(f"not an OSC packet ({type(exc).__name__}: {exc})") from None
    if small and not any(type(arg) is list for _, args in out for arg in args):
        if len(_parsed) >= MEMO_ENTRIES:
            _parsed.clear()
        _parsed[datagram] = tuple((address, tuple(args)) for address, args in out)
    return out


# A knob sends the same few datagrams again and again (128 positions of /alpha), so small ones are parsed
# once: every message is parsed on the receiving thread, and a knob move's answer waits for it.
MEMO_MAX_BYTES = 64  # /alpha with its float is 16 bytes
MEMO_ENTRIES = 1024  # then forgotten all at once (a flood of distinct datagrams cannot grow it)
_parsed: dict[bytes, tuple] = {}  # datagram -> ((address, args), ...): valid parses without arrays only


MAX_BUNDLE_DEPTH = 8


def _parse_packet(data: memoryview, out: list, depth: int) -> None:
    if data[:8] == b"#bundle\x00":
        if depth >= MAX_BUNDLE_DEPTH:
            raise OscParseError("bundles nested too deep")
        pos = 16  # header and time tag (ignored: everything is handled at once)
        if len(data) < pos:
            raise OscParseError("bundle shorter than its header")
        while pos < len(data):
            (size,) = struct.unpack_from(">i", data, pos)
            pos += 4
            if size <= 0 or size % 4 or pos + size > len(data):
                raise OscParseError(f"bundle element of {size} bytes does not fit the packet")
            _parse_packet(data[pos:pos + size], out, depth + 1)
            pos += size
    elif data[:1] == b"/":
        out.append(_parse_message(data))
    else:
        raise OscParseError("not an OSC packet (neither a message nor a bundle)")


def _read_string(data: memoryview, pos: int) -> tuple[str, int]:
    end = bytes(data[pos:]).find(b"\x00")
    if end < 0:
        raise OscParseError("unterminated OSC string")
    text = bytes(data[pos:pos + end]).decode("utf-8")
    return text, pos + ((end + 4) & ~3)


def _parse_message(data: memoryview) -> tuple[str, list]:
    address, pos = _read_string(data, 0)
    if pos >= len(data):
        return address, []  # no type tag string: an old-style message without arguments
    tags, pos = _read_string(data, pos)
    if not tags.startswith(","):
        raise OscParseError(f"type tag string {tags[:20]!r} does not start with ','")
    args: list = []
    stack = [args]
    for tag in tags[1:]:
        value, pos = _read_arg(tag, data, pos)
        if tag == "[":
            stack[-1].append([])
            stack.append(stack[-1][-1])
        elif tag == "]":
            if len(stack) == 1:
                raise OscParseError("']' without '['")
            stack.pop()
        else:
            stack[-1].append(value)
    if len(stack) != 1:
        raise OscParseError("'[' without ']'")
    return address, args


_FIXED = {"i": ">i", "f": ">f", "h": ">q", "d": ">d", "t": ">Q", "r": ">I", "c": ">i"}
_CONSTANTS = {"T": True, "F": False, "N": None, "I": None, "[": None, "]": None}


def _read_arg(tag: str, data: memoryview, pos: int):
    if tag in _FIXED:
        fmt = _FIXED[tag]
        size = struct.calcsize(fmt)
        if pos + size > len(data):
            raise OscParseError(f"argument of type {tag!r} is missing its data")
        (value,) = struct.unpack_from(fmt, data, pos)
        return (chr(value) if tag == "c" else value), pos + size
    if tag in ("s", "S"):
        return _read_string(data, pos)
    if tag == "b":
        (size,) = struct.unpack_from(">i", data, pos)
        if size < 0 or pos + 4 + size > len(data):
            raise OscParseError("blob overruns the packet")
        return bytes(data[pos + 4:pos + 4 + size]), pos + 4 + ((size + 3) & ~3)
    if tag == "m":
        if pos + 4 > len(data):
            raise OscParseError("MIDI argument is missing its data")
        return bytes(data[pos:pos + 4]), pos + 4
    if tag in _CONSTANTS:
        return _CONSTANTS[tag], pos
    raise OscParseError(f"unknown OSC type tag {tag!r}")
