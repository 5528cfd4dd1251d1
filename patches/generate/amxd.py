"""The .amxd container of a Max for Live device: a few little-endian chunks around the patcher JSON.

Each chunk is a 4-byte tag, a little-endian uint32 size and that many bytes (the layout Ableton's own
`maxdiff/amxd_textconv.py` parses): `ampf` holds the device type (`mmmm` MIDI effect, `aaaa` audio
effect, `iiii` instrument), `meta` four bytes, `ptch` the patcher JSON, NUL-terminated. A frozen
device's `ptch` holds an `mx@c` archive instead; this project only writes unfrozen devices.
tests/test_patches.py parses the result with its own reader.
"""
from __future__ import annotations

import json
import struct

DEVICE_TYPES = {b"mmmm": "MIDI effect", b"aaaa": "audio effect", b"iiii": "instrument"}
# Max's project `amxdtype` is the device type read as a big-endian integer ('mmmm' = 1835887981).
AMXD_TYPE = {tag: int.from_bytes(tag, "big") for tag in DEVICE_TYPES}


def _chunk(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack("<I", len(data)) + data


def pack(patcher_json: bytes, device_type: bytes = b"mmmm") -> bytes:
    """Wrap a device's patcher JSON (a {"patcher": ...} document) into .amxd bytes."""
    if device_type not in DEVICE_TYPES:
        raise ValueError(f"device type must be one of {sorted(DEVICE_TYPES)}, got {device_type!r}")
    doc = json.loads(patcher_json)
    doc["patcher"]["project"] = {
        "version": 1, "creationdate": 3590052786, "modificationdate": 3590052786,
        "viewrect": [0.0, 0.0, 300.0, 500.0], "autoorganize": 1, "hideprojectwindow": 1,
        "showdependencies": 1, "autolocalize": 0, "contents": {"patchers": {}}, "layout": {},
        "searchpath": {}, "detailsvisible": 0, "amxdtype": AMXD_TYPE[device_type], "readonly": 0,
        "devpathtype": 0, "devpath": ".", "sortmode": 0, "viewmode": 0, "includepackages": 0,
    }
    payload = (json.dumps(doc, indent="\t") + "\n").encode() + b"\x00"
    return _chunk(b"ampf", device_type) + _chunk(b"meta", b"\x00" * 4) + _chunk(b"ptch", payload)

