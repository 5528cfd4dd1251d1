"""The performer patches (patches/): structure Max and Pd expect, and OSC addresses the server accepts.

Everything here is read from the committed files, with tables of inlet/outlet counts kept apart from
the generator's (patches/generate/), so a wrong count in either place fails a test. The performer spec
(patches/generate/spec.py) is checked against the server's address table, and each rendering against the
spec: the Max patch and the Pd patch carry the same controls and send the same addresses. The live runs of
the Pd patch (against the real server, and into a capturing socket) are in test_patches_pd.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import struct
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from server.addresses import ADDRESSES, REPLIES, REPLY_TABLE
from server.cli import _named_model, add_arguments
from server.live import ModelNameError, ServerConfig
from vae.attributes import DRUM_ATTRIBUTES, MELODY_ATTRIBUTES

PATCHES = Path(__file__).resolve().parents[1] / "patches"
sys.path.insert(0, str(PATCHES / "generate"))
import spec as performer  # noqa: E402  (patches/generate/spec.py: the generator's one performer spec)

MAXPATS = ("musicvae.maxpat", "musicvae-device.maxpat")
TARGET = {"musicvae.maxpat": performer.PATCH, "musicvae-device.maxpat": performer.DEVICE}
MAX_LIST_ATOMS = 256  # Max cuts longer lists (zl, udpreceive)
KNOWN = ADDRESSES  # what the server accepts
KNOWN_REPLIES = set(REPLIES)
SPEC = performer.performer_spec()

# ------------------------------------------------------------------------------------------ Max tables

_N = lambda args: len(args)  # noqa: E731
# class -> (numinlets(args), numoutlets(args)), as real Max 8/9 patches save them
MAX_NEWOBJ = {
    "udpsend": (lambda a: 1, lambda a: 0), "udpreceive": (lambda a: 1, lambda a: 1),
    "route": (lambda a: _N(a) + 1, lambda a: _N(a) + 1), "sel": (lambda a: _N(a) + 1, lambda a: _N(a) + 1),
    "prepend": (lambda a: 1, lambda a: 1), "loadbang": (lambda a: 1, lambda a: 1),
    "loadmess": (lambda a: 1, lambda a: 1), "delay": (lambda a: 2, lambda a: 1),
    "t": (lambda a: 1, _N), "trigger": (lambda a: 1, _N), "metro": (lambda a: 2, lambda a: 1),
    "counter": (lambda a: 5, lambda a: 4), "coll": (lambda a: 1, lambda a: 4),
    "makenote": (lambda a: 3, lambda a: 2), "noteout": (lambda a: 3, lambda a: 0),
    "ctlin": (lambda a: 1, lambda a: 3 - min(_N(a), 2)), "scale": (lambda a: 6, lambda a: 1),
    "pak": (_N, lambda a: 1), "pack": (_N, lambda a: 1), "unpack": (lambda a: 1, _N),
    "gate": (lambda a: 2, lambda a: int(a[0])), "f": (lambda a: 2, lambda a: 1), "i": (lambda a: 2, lambda a: 1),
    "+": (lambda a: 2, lambda a: 1), "-": (lambda a: 2, lambda a: 1), "*": (lambda a: 2, lambda a: 1),
    "/": (lambda a: 2, lambda a: 1), "!/": (lambda a: 2, lambda a: 1), "random": (lambda a: 2, lambda a: 1),
    "zl": (lambda a: 2, lambda a: 2), "s": (lambda a: 1, lambda a: 0), "r": (lambda a: 0, lambda a: 1),
    "print": (lambda a: 1, lambda a: 0), "change": (lambda a: 1, lambda a: 3),
    "midiformat": (lambda a: 7, lambda a: 2), "midiout": (lambda a: 1, lambda a: 0),
    "midiin": (lambda a: 1, lambda a: 1), "live.thisdevice": (lambda a: 1, lambda a: 3),
    "transport": (lambda a: 2, lambda a: 9),
    "sprintf": (lambda a: len(re.findall(r"%[^%]", " ".join(a))), lambda a: 1), "regexp": (lambda a: 1, lambda a: 5),
    "expr": (lambda a: max([int(i) for i in re.findall(r"\$[ifs](\d+)", " ".join(a))] or [1]), lambda a: 1),
}
MAX_UI = {  # maxclass -> (numinlets, numoutlets)
    "comment": (1, 0), "message": (2, 1), "button": (1, 1), "toggle": (1, 1), "number": (1, 2),
    "flonum": (1, 2), "slider": (1, 1), "dial": (1, 1), "umenu": (1, 3), "live.dial": (1, 2),
    "live.numbox": (1, 2), "live.text": (1, 2), "live.menu": (1, 3),
}
# how many atoms an outlet sends, where the patch makes that static: (maxclass or class, outlet) -> n
MAX_ARITY = {
    "flonum": 1, "number": 1, "slider": 1, "dial": 1, "live.dial": 1, "live.numbox": 1, "umenu": 1,
    "live.menu": 1, "live.text": 1, "scale": 1, "-": 1, "/": 1, "*": 1, "+": 1, "!/": 1, "f": 1,
}


def _load_max(name: str) -> dict:
    return json.loads((PATCHES / name).read_text())["patcher"]


def _boxes(patcher: dict) -> dict[str, dict]:
    return {b["box"]["id"]: b["box"] for b in patcher["boxes"]}


def _class_args(box: dict) -> tuple[str, list[str]]:
    """Class name and arguments of an object box; @attribute settings are not arguments."""
    name, *rest = box["text"].split()
    if name == "expr":
        return name, rest
    args = []
    for atom in rest:
        if atom.startswith("@"):
            break
        args.append(atom)
    return name, args


@pytest.mark.parametrize("name", MAXPATS)
def test_maxpat_structure(name):
    patcher = _load_max(name)
    assert patcher["fileversion"] == 1
    assert patcher["appversion"]["major"] >= 8
    assert len(patcher["rect"]) == 4 and all(isinstance(v, (int, float)) for v in patcher["rect"])
    ids = [b["box"]["id"] for b in patcher["boxes"]]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert all(re.fullmatch(r"obj-\d+", i) for i in ids)
    for box in _boxes(patcher).values():
        where = f"{name} {box['id']} {box.get('text', box['maxclass'])!r}"
        rect = box["patching_rect"]
        assert len(rect) == 4 and rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0 and rect[3] > 0, where
        assert box["numoutlets"] == len(box.get("outlettype", [])), where
        if box["maxclass"] == "newobj":
            cls, args = _class_args(box)
            assert cls in MAX_NEWOBJ, f"{where}: object class not in the test's table"
            inlets, outlets = MAX_NEWOBJ[cls]
            assert (box["numinlets"], box["numoutlets"]) == (inlets(args), outlets(args)), where
        else:
            assert box["maxclass"] in MAX_UI, where
            assert (box["numinlets"], box["numoutlets"]) == MAX_UI[box["maxclass"]], where


@pytest.mark.parametrize("name", MAXPATS)
def test_maxpat_lines_connect_existing_boxes(name):
    patcher = _load_max(name)
    boxes = _boxes(patcher)
    seen = set()
    for line in patcher["lines"]:
        (src, outlet), (dst, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        assert src in boxes and dst in boxes, line
        assert 0 <= outlet < boxes[src]["numoutlets"], (boxes[src].get("text"), outlet)
        assert 0 <= inlet < boxes[dst]["numinlets"], (boxes[dst].get("text"), inlet)
        assert (src, outlet, dst, inlet) not in seen, f"duplicate patchline {line}"
        seen.add((src, outlet, dst, inlet))
    # every object does something: each non-comment box has at least one cord
    wired = {s for s, _, _, _ in seen} | {d for _, _, d, _ in seen}
    lonely = [b.get("text", b["maxclass"]) for i, b in boxes.items() if b["maxclass"] != "comment" and i not in wired]
    assert not lonely, f"{name}: boxes without any patchline: {lonely}"


@pytest.mark.parametrize("name", MAXPATS)
def test_maxpat_is_commented_section_by_section(name):
    boxes = _boxes(_load_max(name)).values()
    comments = [b for b in boxes if b["maxclass"] == "comment"]
    objects = [b for b in boxes if b["maxclass"] != "comment"]
    assert len(comments) >= 15 and len(comments) * 8 >= len(objects), (len(comments), len(objects))


# ---------------------------------------------------------------------------------- OSC out of Max


def _max_sources(patcher: dict) -> dict[str, list[tuple[str, int, int]]]:
    """destination id -> [(source id, outlet, inlet)]"""
    into: dict[str, list[tuple[str, int, int]]] = {}
    for line in patcher["lines"]:
        (src, outlet), (dst, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        into.setdefault(dst, []).append((src, outlet, inlet))
    return into


def _max_arity(boxes, sources, box_id: str, outlet: int, depth: int = 0) -> set[int | None]:
    """Atom counts one message out of this outlet can carry (None: not static)."""
    box = boxes[box_id]
    if depth > 10:
        return {None}
    if box["maxclass"] != "newobj":
        return {MAX_ARITY.get(box["maxclass"])}
    cls, args = _class_args(box)

    def passed(inlet: int) -> set[int | None]:
        feeds = [(s, o) for s, o, i in sources.get(box_id, []) if i == inlet]
        return set().union(*[_max_arity(boxes, sources, s, o, depth + 1) for s, o in feeds]) or {None}

    if cls in ("pak", "pack"):
        return {len(args)}
    if cls == "gate":
        return passed(1)
    if cls in ("t", "trigger"):
        kind = args[outlet]
        return {0} if kind == "b" else {1} if kind in ("i", "f", "s") else passed(0)
    return {MAX_ARITY.get(cls)}


def max_osc_messages(name: str) -> list[tuple[str, int | None, str]]:
    """(address, argument count or None where the patch does not make it static, box text)."""
    patcher = _load_max(name)
    boxes = _boxes(patcher)
    sources = _max_sources(patcher)
    found = []
    for box in boxes.values():
        atoms = box.get("text", "").split()
        if box["maxclass"] == "message" and atoms and atoms[0].startswith("/"):
            found.append((atoms[0], len(atoms) - 1, box["text"]))
        elif box["maxclass"] == "newobj" and atoms[:1] == ["prepend"] and atoms[1].startswith("/"):
            fixed = len(atoms) - 2
            feeds = sources.get(box["id"], [])
            assert feeds, f"{name}: nothing feeds [{box['text']}]"
            for src, outlet, _ in feeds:
                for n in _max_arity(boxes, sources, src, outlet):
                    found.append((atoms[1], None if n is None else fixed + n, box["text"]))
    return found


@pytest.mark.parametrize("name", MAXPATS)
def test_max_addresses_exist_with_accepted_argument_counts(name):
    messages = max_osc_messages(name)
    assert messages
    for address, count, text in messages:
        assert address in KNOWN, f"{name}: [{text}] sends {address}, which server/addresses.py lacks"
        spec = KNOWN[address]
        assert count is not None, f"{name}: [{text}]: argument count not static"
        top = spec.max_args if spec.max_args is not None else MAX_LIST_ATOMS
        assert spec.min_args <= count <= top, f"{name}: [{text}] sends {count} args, {address} takes " \
                                              f"{spec.min_args}..{spec.max_args} ({spec.signature})"
        assert count + 1 <= MAX_LIST_ATOMS, f"{name}: [{text}] is longer than a Max list"
    used = {a for a, _, _ in messages}
    assert "/z" not in used, "Max lists stop at 256 atoms: drive the latent through /coords and /attribute"
    assert {(a, c) for a, c, _ in messages} == SPEC.messages(TARGET[name])
    coords = [c for a, c, _ in messages if a == "/coords"]
    assert coords and all(c == 1 + SPEC.coords for c in coords)  # the slot, then the coordinates


@pytest.mark.parametrize("name", MAXPATS)
def test_max_routes_only_known_replies(name):
    patcher = _load_max(name)
    routed = set()
    for box in _boxes(patcher).values():
        if box["maxclass"] == "newobj" and box["text"].startswith("route "):
            routed |= set(box["text"].split()[1:])
    assert {"/notes/begin", "/note", "/attributes", "/beat"} <= routed
    assert routed <= KNOWN_REPLIES, routed - KNOWN_REPLIES
    receives = [b["text"] for b in _boxes(patcher).values() if b.get("text", "").startswith("udpreceive ")]
    sends = [b["text"] for b in _boxes(patcher).values() if b.get("text", "").startswith("udpsend ")]
    assert receives == [f"udpreceive {ServerConfig.reply_port}"]
    assert sends == [f"udpsend {ServerConfig.host} {ServerConfig.port}"]


# ------------------------------------------------------------------------------ Max for Live device


def test_device_parameters_are_live_parameters():
    patcher = _load_max("musicvae-device.maxpat")
    boxes = _boxes(patcher)
    assert patcher["openinpresentation"] == 1 and patcher["devicewidth"] > 0
    live = {i: b for i, b in boxes.items() if b["maxclass"].startswith("live.")}
    assert {b["maxclass"] for b in live.values()} >= {"live.dial", "live.numbox", "live.text", "live.menu"}
    longnames = []
    for box_id, box in live.items():
        valueof = box["saved_attribute_attributes"]["valueof"]
        assert box["parameter_enable"] == 1 and box["presentation"] == 1, box_id
        assert {"parameter_longname", "parameter_shortname", "parameter_type"} <= set(valueof)
        x, y, w, h = box["presentation_rect"]
        assert 0 <= x and x + w <= patcher["devicewidth"] and 0 <= y and y + h <= 169, (box_id, valueof)
        assert patcher["parameters"][box_id] == [valueof["parameter_longname"], valueof["parameter_shortname"], 0]
        longnames.append(valueof["parameter_longname"])
    assert len(longnames) == len(set(longnames)), "Live parameter names must be unique"
    assert {"Alpha", "Temperature", "Seed"} <= set(longnames) and {f"c{i}" for i in range(8)} <= set(longnames)
    # notes leave through midiformat -> midiout, the tempo comes from Live's transport
    texts = {i: b.get("text", "") for i, b in boxes.items()}
    lines = {(l["patchline"]["source"][0], l["patchline"]["destination"][0]) for l in patcher["lines"]}
    midiformat = next(i for i, t in texts.items() if t == "midiformat")
    assert any(s == midiformat and texts[d] == "midiout" for s, d in lines)
    assert any(t.startswith("metro 16n") and "@quantize" in t for t in texts.values())
    assert any(t == "transport" for t in texts.values())


def test_amxd_wraps_the_device_patcher():
    data = (PATCHES / "musicvae-device.amxd").read_bytes()
    chunks, offset = [], 0
    while offset < len(data):
        tag = data[offset:offset + 4]
        (size,) = struct.unpack("<I", data[offset + 4:offset + 8])
        chunks.append((tag, data[offset + 8:offset + 8 + size]))
        offset += 8 + size
    assert offset == len(data)
    assert [t for t, _ in chunks] == [b"ampf", b"meta", b"ptch"]
    assert chunks[0][1] == b"mmmm"  # a MIDI effect
    ptch = chunks[2][1]
    assert ptch.endswith(b"\x00")
    embedded = json.loads(ptch[:-1])["patcher"]
    assert embedded.pop("project")["amxdtype"] == int.from_bytes(b"mmmm", "big")
    assert embedded == _load_max("musicvae-device.maxpat")


# ---------------------------------------------------------------------------------------------- Pd

# Pd 0.53 vanilla: class -> (inlets(args), outlets(args))
PD_OBJECTS = {
    "loadbang": (0, 1), "delay": (2, 1), "metro": (2, 1), "f": (2, 1), "+": (2, 1), "*": (2, 1),
    "/": (2, 1), "mod": (2, 1), "==": (2, 1), "until": (2, 1), "symbol": (2, 1), "makefilename": (1, 1),
    "oscformat": (1, 1), "oscparse": (1, 1), "netsend": (1, 2), "netreceive": (1, 2), "print": (1, 0),
    "tabwrite": (2, 0), "makenote": (3, 2), "noteout": (3, 0), "stripnote": (2, 2), "spigot": (2, 1),
    "random": (2, 1), "realtime": (2, 1),
}
PD_VARIADIC = {
    "t": lambda a: (1, len(a)), "pack": lambda a: (len(a), 1), "unpack": lambda a: (1, len(a)),
    "sel": lambda a: (2 if len(a) == 1 else 1, len(a) + 1), "route": lambda a: (2 if len(a) == 1 else 1, len(a) + 1),
    "s": lambda a: (1, 0), "r": lambda a: (0, 1), "ctlin": lambda a: (0, 3 - min(len(a), 2)),
    "list": lambda a: {"prepend": (2, 1), "split": (2, 3), "trim": (1, 1), "store": (2, 2)}.get(a[0] if a else "",
                                                                                                  (2, 1)),
    "text": lambda a: {"define": (1, 1), "get": (2, 2), "set": (3, 0), "size": (2, 1)}[a[0]],
    "expr": lambda a: (max([int(i) for i in re.findall(r"\$[fis](\d+)", " ".join(a))] or [1]), 1),
}
PD_GUI = {"bng": (1, 1), "tgl": (1, 1), "hsl": (1, 1), "vsl": (1, 1), "nbx": (1, 1), "hradio": (1, 1)}
PD_CONTROLS = "musicvae-send"  # every control's [s ...]: a list, address first; one formatter sends it


def _pd_atoms(record: str) -> list[str]:
    return [a.replace("\\$", "$") for a in re.sub(r",\s*f\s+\d+$", "", record).split()]


def parse_pd(path: Path) -> tuple[list[dict], list[tuple[int, int, int, int]]]:
    """Top-level objects (in Pd's numbering) and connections of a .pd file."""
    records = [r.strip() for r in re.split(r"(?<!\\);\s*\n", path.read_text()) if r.strip()]
    objects, connects, depth = [], [], 0
    for record in records[1:]:
        atoms = _pd_atoms(record)
        if atoms[:2] == ["#N", "canvas"]:
            depth += 1
            continue
        if atoms[:2] == ["#X", "restore"]:
            depth -= 1
            objects.append({"kind": "graph", "atoms": atoms[2:], "io": (0, 0)})
            continue
        if depth:
            continue
        if atoms[:2] == ["#X", "connect"]:
            connects.append(tuple(int(a) for a in atoms[2:6]))
        elif atoms[1] in ("obj", "msg", "text", "floatatom"):
            objects.append({"kind": atoms[1], "atoms": atoms[4:], "record": record})
    return objects, connects


def _pd_io(obj: dict) -> tuple[int, int]:
    kind, atoms = obj["kind"], obj["atoms"]
    if kind in ("msg", "floatatom"):
        return 1, 1
    if kind in ("text", "graph"):
        return 0, 0
    name, args = atoms[0], atoms[1:]
    if name in PD_GUI:
        return PD_GUI[name]
    if name in PD_OBJECTS:
        return PD_OBJECTS[name]
    assert name in PD_VARIADIC, f"Pd object {name!r} is not vanilla (or not in this test's table)"
    return PD_VARIADIC[name](args)


def test_pd_patch_parses_and_connects_existing_objects():
    path = PATCHES / "musicvae.pd"
    assert path.read_text().startswith("#N canvas ")
    objects, connects = parse_pd(path)
    assert len(objects) > 100 and len(connects) > 100
    seen = set()
    for src, outlet, dst, inlet in connects:
        assert 0 <= src < len(objects) and 0 <= dst < len(objects), (src, dst)
        assert outlet < _pd_io(objects[src])[1], (objects[src]["atoms"], outlet)
        assert inlet < _pd_io(objects[dst])[0], (objects[dst]["atoms"], inlet)
        assert (src, outlet, dst, inlet) not in seen
        seen.add((src, outlet, dst, inlet))
    wired = {c[0] for c in connects} | {c[2] for c in connects}
    lonely = [o["atoms"][:3] for i, o in enumerate(objects) if o["kind"] not in ("text", "graph") and i not in wired]
    assert not lonely, f"objects without connections: {lonely}"
    texts = [o for o in objects if o["kind"] == "text"]
    assert len(texts) >= 15


def _pd_arity(objects, sources, index: int, outlet: int, depth: int = 0) -> set[int | None]:
    """Atom counts one message out of this outlet can carry (None: not static)."""
    obj = objects[index]
    kind, atoms = obj["kind"], obj["atoms"]
    if depth > 10:
        return {None}

    def passed() -> set[int | None]:
        feeds = [(s, o) for s, o, i in sources.get(index, []) if i == 0]
        return set().union(*[_pd_arity(objects, sources, s, o, depth + 1) for s, o in feeds]) or {None}

    if kind == "msg":
        if atoms[0] == "list":
            return {len(atoms) - 1}
        return {1} if atoms[0] == "symbol" else {len(atoms)}
    if kind == "floatatom":
        return {1}
    name, args = atoms[0], atoms[1:]
    if name in ("hsl", "vsl", "nbx", "tgl", "f", "makefilename", "/", "*", "+", "symbol", "random"):
        return {1}
    if name in ("bng", "loadbang", "delay"):
        return {0}
    if name == "pack":
        return {len(args)}
    if name == "spigot":
        return passed()
    if name == "list" and args[:1] == ["prepend"]:
        return {None if n is None else n + len(args) - 1 for n in passed()}
    if name == "t":
        kind = args[outlet]
        return {0} if kind == "b" else {1} if kind in ("f", "s") else passed()
    return {None}


def pd_osc_messages(path: Path = PATCHES / "musicvae.pd") -> list[tuple[str, int | None, list[str]]]:
    """(address, argument count, what sends it) of every list a control sends to [s musicvae-send]."""
    objects, connects = parse_pd(path)
    sources: dict[int, list[tuple[int, int, int]]] = {}
    for src, outlet, dst, inlet in connects:
        sources.setdefault(dst, []).append((src, outlet, inlet))
    found = []
    for i, obj in enumerate(objects):
        if obj["kind"] != "obj" or obj["atoms"] != ["s", PD_CONTROLS]:
            continue
        for src, outlet, _ in sources.get(i, []):
            atoms = objects[src]["atoms"]
            if objects[src]["kind"] == "msg":
                assert atoms[0] == "list" and atoms[1].startswith("/"), atoms
                found.append((atoms[1], len(atoms) - 2, atoms))
                continue
            assert atoms[:2] == ["list", "prepend"] and atoms[2].startswith("/"), atoms
            for n in _pd_arity(objects, sources, src, outlet):
                found.append((atoms[2], None if n is None else n - 1, atoms))
    return found


def test_pd_addresses_exist_with_accepted_argument_counts():
    messages = pd_osc_messages()
    for address, count, atoms in messages:
        assert address in KNOWN, f"[{' '.join(atoms)}] sends {address}, which server/addresses.py lacks"
        spec = KNOWN[address]
        assert count is not None, f"[{' '.join(atoms)}]: argument count not static"
        assert spec.min_args <= count and (spec.max_args is None or count <= spec.max_args), \
            f"{address} gets {count} args, takes {spec.min_args}..{spec.max_args}"
    assert {(a, c) for a, c, _ in messages} == SPEC.messages(performer.PATCH)
    objects, _ = parse_pd(PATCHES / "musicvae.pd")
    formatters = [o["atoms"] for o in objects if o["kind"] == "obj" and o["atoms"][0] == "oscformat"]
    assert formatters == [["oscformat"]], "one formatter, its address set per message (prefix + address)"


def test_pd_routes_only_known_replies():
    objects, _ = parse_pd(PATCHES / "musicvae.pd")
    routes = [o["atoms"][1:] for o in objects if o["kind"] == "obj" and o["atoms"][0] == "route"]
    top = next(r for r in routes if "note" in r)
    replies = {"/" + r for r in top if r != "notes"} | {"/notes/" + r for r in next(r for r in routes if "begin" in r)}
    assert {"/notes/begin", "/notes/end", "/note", "/status", "/attributes", "/beat"} <= replies <= KNOWN_REPLIES
    records = [o.get("record", "") for o in objects]
    assert any("netsend -u -b" in r for r in records) and any("netreceive -u -b" in r for r in records)
    assert any(f"connect {ServerConfig.host} {ServerConfig.port}" in r for r in records)
    assert any(f"listen {ServerConfig.reply_port}" in r for r in records)


# ------------------------------------------------------------------------------ one spec, three patches


def test_spec_covers_every_address_a_performer_uses():
    """Every server address is sent by some control or excused in the spec, and nothing else is sent."""
    assert set(performer.NOT_PERFORMED) <= set(ADDRESSES), "an excuse for an address the server no longer has"
    sent = {a for a, _ in SPEC.messages(performer.PATCH)}
    assert set(ADDRESSES) - set(performer.NOT_PERFORMED) <= sent, set(ADDRESSES) - set(performer.NOT_PERFORMED) - sent
    assert sent <= set(ADDRESSES)
    for address, count in SPEC.messages(performer.PATCH) | SPEC.messages(performer.DEVICE):  # the server's arity
        accepted = ADDRESSES[address]
        assert accepted.min_args <= count <= (accepted.max_args if accepted.max_args is not None else count), \
            (address, count, accepted.signature)
    assert not sent & set(performer.NOT_PERFORMED)
    labels = [c.label for c in SPEC.controls]
    assert len(labels) == len(set(labels)), "labels name Live parameters: they must be unique"
    assert set(SPEC.replies) <= set(REPLIES) and all(c.shows in SPEC.replies for c in SPEC.controls if c.shows)
    assert {c.section for c in SPEC.controls} <= {s.key for s in SPEC.sections}


# ------------------------------------------------------------------------------------ the model selector


def test_model_menu_offers_the_servers_own_prefixes_for_the_shipped_bundles():
    """The menu's prefixes are what the server's model_names gives the shipped bundles on the command the
    README documents: the second melody bundle needs a NAME (both start with "mel"), and serve parses it."""
    assert performer.MODEL_PREFIXES == ("", *performer.served_prefixes())
    assert {"/mel", "/drums"} <= set(performer.MODEL_PREFIXES)
    with pytest.raises(ModelNameError, match="'mel' is taken"):
        performer.served_prefixes(tuple((None, folder) for _, folder in performer.SERVED_MODELS))
    folders = {folder for _, folder in performer.SERVED_MODELS}
    for manifest in sorted((PATCHES.parent / "models").glob("*/manifest.json")):
        assert f"models/{manifest.parent.name}" in folders, f"{manifest.parent.name} is shipped, not in the menu"
        assert json.loads(manifest.read_text())["name"] == manifest.parent.name  # the name the server splits
    command = performer.serve_command()
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    parsed = parser.parse_args(command.split()[2:])  # after "musicvae serve"
    assert tuple(_named_model(text) for text in parsed.model) == performer.SERVED_MODELS
    assert command in " ".join((PATCHES / "README.md").read_text().split())


def _max_reaches(patcher: dict, start: str, outlet: int) -> set[tuple[str, int]]:
    """Every (box, inlet) a message out of this outlet can reach, through any box and [s]/[r] pair."""
    boxes = _boxes(patcher)
    out: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for line in patcher["lines"]:
        (src, o), (dst, i) = line["patchline"]["source"], line["patchline"]["destination"]
        out.setdefault((src, o), []).append((dst, i))
    receivers: dict[str, list[str]] = {}
    for box_id, box in boxes.items():
        if box.get("text", "").startswith("r "):
            receivers.setdefault(box["text"].split()[1], []).append(box_id)
    seen, todo = set(), list(out.get((start, outlet), []))
    while todo:
        box_id, inlet = todo.pop()
        if (box_id, inlet) in seen:
            continue
        seen.add((box_id, inlet))
        text = boxes[box_id].get("text", "")
        if text.startswith("s "):
            todo += [(r, 0) for r in receivers.get(text.split()[1], [])]
        for o in range(boxes[box_id]["numoutlets"]):
            todo += out.get((box_id, o), [])
    return seen


@pytest.mark.parametrize("name", MAXPATS)
def test_max_takes_replies_in_the_chosen_models_prefix(name):
    """The reply route's rejects go through a [regexp] whose pattern the model menu sets (its entry's
    text); its capture, the address without the prefix, goes round the route again. Python's re stands in
    for Max's PCRE on the pattern."""
    patcher = _load_max(name)
    boxes = _boxes(patcher)
    route = next(i for i, b in boxes.items() if b.get("text", "").startswith("route /notes/begin"))
    menu = next(i for i, b in boxes.items() if b.get("varname") == "model")
    strip = next(i for i, b in boxes.items() if b.get("text", "").startswith("regexp "))
    pattern = next(i for i, b in boxes.items() if b.get("text", "").startswith("sprintf re "))
    rejected = boxes[route]["numoutlets"] - 1
    assert (strip, 0) in _max_reaches(patcher, route, rejected) and (strip, 0) in _max_reaches(patcher, pattern, 0)
    assert (pattern, 0) in _max_reaches(patcher, menu, 1)  # the chosen entry's text
    assert (route, 0) in _max_reaches(patcher, strip, 1)  # the capture, back into the route
    template = boxes[pattern]["text"].split()[2]
    entries = [item or performer.FIRST_MODEL_LABEL for item in performer.MODEL_PREFIXES]
    assert boxes[strip]["text"].split()[1] == template % entries[0]  # before a choice: nothing matches
    replies = [r.path for r in REPLY_TABLE]
    for entry in entries:
        for other in entries:
            for reply in replies:
                match = re.match(template % entry, other.replace(performer.FIRST_MODEL_LABEL, "") + reply)
                taken = entry.startswith("/") and other == entry
                assert (match.group(1) if match else None) == (reply if taken else None), (entry, other, reply)


def test_pd_takes_replies_in_the_chosen_models_prefix():
    """The model menu's entry N names what [oscparse] splits off a reply in that model's prefix; the
    reply route's rejects are matched against it (the run is in test_patches_pd.py)."""
    objects, _ = parse_pd(PATCHES / "musicvae.pd")
    atoms = [o["atoms"] for o in objects if o["kind"] in ("obj", "msg")]
    names = [p.strip("/") or performer.NO_MODEL_NAME for p in performer.MODEL_PREFIXES]
    assert ["list", "store", *names] in atoms
    assert ["s", "musicvae-reply-prefix"] in atoms and ["r", "musicvae-reply-prefix"] in atoms
    assert ["sel", performer.NO_MODEL_NAME] in atoms


def _max_widgets(name: str) -> dict[str, str]:
    """Scripting name -> maxclass of every named user-interface box."""
    return {b["varname"]: b["maxclass"] for b in _boxes(_load_max(name)).values() if "varname" in b}


def _pd_widgets() -> dict[str, str]:
    """Receive name -> IEM class of every GUI with one."""
    receive_at = {"bng": 6, "tgl": 4, "hsl": 8, "vsl": 8, "nbx": 8, "hradio": 6}  # Pd 0.51+ saved IEM GUIs
    objects, _ = parse_pd(PATCHES / "musicvae.pd")
    return {o["atoms"][receive_at[o["atoms"][0]]]: o["atoms"][0] for o in objects
            if o["kind"] == "obj" and o["atoms"][0] in receive_at}


@pytest.mark.parametrize("name", MAXPATS)
def test_max_and_pd_render_the_same_controls(name):
    """Each control the spec gives a target is a widget there: Max by scripting name, Pd by receive name."""
    target = TARGET[name]
    keys = {c.key for c in SPEC.controls_for(target) if c.kind not in ("clip", "display")}
    max_widgets = _max_widgets(name)
    assert keys <= set(max_widgets), keys - set(max_widgets)
    assert {max_widgets[k] for k in keys} <= {"live.dial", "live.numbox", "live.text", "live.menu"}
    for key in SPEC.attribute_keys():
        assert max_widgets[f"{key}-name"] == "umenu"  # filled from the /attributes reply
    if target == performer.PATCH:
        pd = {k.removeprefix("musicvae-") for k in _pd_widgets()}
        assert keys <= pd, keys - pd
        max_messages = {(a, c) for a, c, _ in max_osc_messages(name)}
        assert max_messages == {(a, c) for a, c, _ in pd_osc_messages()}


def test_attributes_are_not_hard_coded():
    """No attribute name is baked into a patch: the rows are named by the server's /attributes reply."""
    names = set(MELODY_ATTRIBUTES) | set(DRUM_ATTRIBUTES)
    for manifest in (PATCHES.parent / "models").glob("*/manifest.json"):
        names |= set(json.loads(manifest.read_text()).get("attributes") or {})
    for name in (*MAXPATS, "musicvae-device.amxd", "musicvae.pd"):
        text = (PATCHES / name).read_bytes().decode("utf-8", "replace")
        baked = [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
        assert not baked, f"{name} names attributes itself: {baked}"
    for name in MAXPATS:  # asked for on load, the reply routed to the rows' menus
        texts = [b.get("text", "") for b in _boxes(_load_max(name)).values()]
        assert "/attributes" in texts and any(t.startswith("route ") and "/attributes" in t.split() for t in texts)
        assert any(t.endswith("attributes") and t.startswith("r ") for t in texts)
    objects, _ = parse_pd(PATCHES / "musicvae.pd")
    atoms = [o["atoms"] for o in objects]
    assert ["list", "/attributes"] in atoms and ["r", "musicvae-attributes"] in atoms


def test_spec_follows_the_bundle():
    """A bundle shapes the spec: fewer principal coordinates, fewer dials; more attributes, more rows."""
    small = SimpleNamespace(z_size=16, attributes={f"a{i}": None for i in range(10)},
                            latent=SimpleNamespace(num_coordinates=3))
    spec = performer.performer_spec(small)
    assert spec.coords == 3 and spec.coord_keys() == ["c0", "c1", "c2"]
    assert len(spec.attribute_keys()) == 10 and spec.attribute_names == tuple(small.attributes)
    assert ("/coords", 4) in spec.messages(performer.PATCH)
    build = _load_script(PATCHES / "generate" / "build.py", "musicvae_patches_build_small")
    pd = build.outputs(spec)["musicvae.pd"].decode()
    assert "pack f f f;" in pd and "musicvae-c3" not in pd and "musicvae-attribute-10" in pd
    assert not [n for n in small.attributes if f" {n} " in pd]
    assert performer.performer_spec().coords == performer.COORD_DIALS


# ------------------------------------------------------------------------------ generated and drawn


def _load_script(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_patches_match_their_layout_code():
    build = _load_script(PATCHES / "generate" / "build.py", "musicvae_patches_build")
    for name, data in build.outputs().items():
        assert (PATCHES / name).read_bytes() == data, f"{name} is stale: run python patches/generate/build.py"


def test_diagram_renders_boxes_and_cords(tmp_path):
    render_diagram = _load_script(PATCHES / "render_diagram.py", "musicvae_render_diagram")
    png = render_diagram.render(PATCHES / "musicvae-device.maxpat", tmp_path / "device.png", dpi=30)
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width > 300 and height > 200
    committed = (PATCHES / "musicvae-maxpat.png").read_bytes()[:24]
    assert committed[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", committed[16:24])[0] > 2000
