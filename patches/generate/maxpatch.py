"""A small builder for Max patcher JSON (.maxpat): boxes at explicit positions, patchlines by outlet/inlet.

Max stores, for every box, how many inlets and outlets it has and the type of each outlet; a patch whose
counts disagree with the object still opens, but its cords attach to the wrong places. The counts below
were read off real Max 8/9 patches for each object this project uses; an object not listed raises, so a
typo in a box text cannot slip into a generated patch.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

APPVERSION = {"major": 8, "minor": 6, "revision": 0, "architecture": "x64", "modernui": 1}
FONT_SIZE = 12.0
ROW = 22.0  # height of a one-line object box at 12 pt


def _is_float(atom: str) -> bool:
    return bool(re.fullmatch(r"-?\d*\.\d*(e-?\d+)?", atom)) and atom not in (".", "-.")


def _arith(args: list[str]) -> tuple[int, list[str]]:
    return 2, ["float" if args and _is_float(args[0]) else "int"]


def _trigger(args: list[str]) -> tuple[int, list[str]]:
    kinds = {"b": "bang", "i": "int", "f": "float"}
    return 1, [kinds.get(a, "") for a in args]


def _unpack(args: list[str]) -> tuple[int, list[str]]:
    types = []
    for a in args or ["0", "0"]:
        types.append("float" if _is_float(a) or a == "f" else "int" if re.fullmatch(r"-?\d+|i", a) else "")
    return 1, types


def _expr_inlets(args: list[str]) -> int:
    indices = [int(m) for m in re.findall(r"\$[ifs](\d+)", " ".join(args))]
    return max(indices, default=1)


# class name -> function(args) -> (numinlets, outlettype list)
NEWOBJ: dict[str, callable] = {
    "udpsend": lambda a: (1, []),
    "udpreceive": lambda a: (1, [""]),
    "route": lambda a: (len(a) + 1, [""] * (len(a) + 1)),
    "sel": lambda a: (len(a) + 1, ["bang"] * len(a) + [""]),
    "prepend": lambda a: (1, [""]),
    "loadbang": lambda a: (1, ["bang"]),
    "loadmess": lambda a: (1, [""]),
    "delay": lambda a: (2, ["bang"]),
    "t": _trigger,
    "trigger": _trigger,
    "metro": lambda a: (2, ["bang"]),
    "counter": lambda a: (5, ["int", "", "", "int"]),
    "coll": lambda a: (1, ["", "", "", ""]),
    "makenote": lambda a: (3, ["float", "float"]),
    "noteout": lambda a: (3, []),
    "ctlin": lambda a: (1, ["int"] * (3 - min(len(a), 2))),
    "scale": lambda a: (6, [""]),
    "pak": lambda a: (len(a), [""]),
    "pack": lambda a: (len(a), [""]),
    "unpack": _unpack,
    "gate": lambda a: (2, [""] * int(a[0] if a else 1)),
    "f": lambda a: (2, ["float"]),
    "i": lambda a: (2, ["int"]),
    "+": _arith, "-": _arith, "*": _arith, "/": _arith, "!/": _arith, "!-": _arith,
    "random": lambda a: (2, ["int"]),
    "zl": lambda a: (2, ["", ""]),
    "s": lambda a: (1, []),
    "r": lambda a: (0, [""]),
    "print": lambda a: (1, []),
    "expr": lambda a: (_expr_inlets(a), [""]),
    "sprintf": lambda a: (max(1, len(re.findall(r"%[^%]", " ".join(a)))), [""]),
    "regexp": lambda a: (1, ["", "", "", "", ""]),  # substituted, captures, matches, match indices, unmatched
    "change": lambda a: (1, ["", "int", "int"]),
    "midiformat": lambda a: (7, ["int", ""]),
    "midiout": lambda a: (1, []),
    "midiin": lambda a: (1, ["int"]),
    "live.thisdevice": lambda a: (1, ["bang", "int", "int"]),
    "transport": lambda a: (2, ["int", "int", "float", "float", "float", "", "int", "float", ""]),
}

# user-interface maxclass -> (numinlets, outlettype list)
UI: dict[str, tuple[int, list[str]]] = {
    "comment": (1, []),
    "panel": (1, []),
    "message": (2, [""]),
    "button": (1, ["bang"]),
    "toggle": (1, ["int"]),
    "number": (1, ["", "bang"]),
    "flonum": (1, ["", "bang"]),
    "slider": (1, [""]),
    "dial": (1, ["float"]),
    "umenu": (1, ["int", "", ""]),
    "live.dial": (1, ["", "float"]),
    "live.numbox": (1, ["", "float"]),
    "live.text": (1, ["", ""]),
    "live.menu": (1, ["", "", "float"]),
}


def newobj_io(text: str) -> tuple[int, list[str]]:
    """(numinlets, outlettype) of an object box from its text; unknown classes raise KeyError."""
    name, *args = text.split()
    args = [a for a in args if not a.startswith("@")] if name != "expr" else args
    if name not in NEWOBJ:
        raise KeyError(f"no inlet/outlet table for Max object {name!r} (box text {text!r})")
    return NEWOBJ[name](args)


@dataclass
class Box:
    id: str
    maxclass: str
    rect: tuple[float, float, float, float]
    numinlets: int
    outlettype: list[str]
    text: str | None = None
    attrs: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        box = {"id": self.id, "maxclass": self.maxclass, "numinlets": self.numinlets,
               "numoutlets": len(self.outlettype), "patching_rect": [float(v) for v in self.rect]}
        if self.outlettype:
            box["outlettype"] = list(self.outlettype)
        if self.text is not None:
            box["text"] = self.text
        box.update(self.attrs)
        return {"box": dict(sorted(box.items()))}


class Patcher:
    """Collects boxes and lines; `obj`, `ui`, `msg`, `comment` return the new box's id."""

    def __init__(self, rect: tuple[float, float, float, float], **patcher_attrs):
        self.rect = rect
        self.patcher_attrs = patcher_attrs
        self.boxes: list[Box] = []
        self.lines: list[tuple[str, int, str, int]] = []

    def _add(self, maxclass, x, y, w, h, text=None, **attrs) -> str:
        box_id = f"obj-{len(self.boxes) + 1}"
        if maxclass == "newobj":
            inlets, outlets = newobj_io(text)
        else:
            inlets, outlets = UI[maxclass]
        self.boxes.append(Box(box_id, maxclass, (x, y, w, h), inlets, outlets, text, attrs))
        return box_id

    def obj(self, text: str, x: float, y: float, w: float | None = None, **attrs) -> str:
        width = w if w is not None else max(30.0, 6.3 * len(text) + 12.0)
        return self._add("newobj", x, y, width, ROW, text, **attrs)

    def msg(self, text: str, x: float, y: float, w: float | None = None, **attrs) -> str:
        width = w if w is not None else max(30.0, 6.3 * len(text) + 12.0)
        lines = attrs.pop("linecount", 1)
        if lines > 1:
            attrs["linecount"] = lines
        return self._add("message", x, y, width, ROW + (lines - 1) * 14.0, text, **attrs)

    def comment(self, text: str, x: float, y: float, w: float = 200.0, lines: int = 1, **attrs) -> str:
        if lines > 1:
            attrs["linecount"] = lines
        return self._add("comment", x, y, w, 20.0 + (lines - 1) * 14.0, text, **attrs)

    def ui(self, maxclass: str, x: float, y: float, w: float, h: float, **attrs) -> str:
        if maxclass not in ("comment", "message"):
            attrs.setdefault("parameter_enable", 1 if maxclass.startswith("live.") else 0)
        return self._add(maxclass, x, y, w, h, **attrs)

    def connect(self, src: str, outlet: int, dst: str, inlet: int = 0) -> None:
        boxes = {b.id: b for b in self.boxes}
        if outlet >= len(boxes[src].outlettype):
            raise ValueError(f"{src} ({boxes[src].text or boxes[src].maxclass}) has no outlet {outlet}")
        if inlet >= boxes[dst].numinlets:
            raise ValueError(f"{dst} ({boxes[dst].text or boxes[dst].maxclass}) has no inlet {inlet}")
        self.lines.append((src, outlet, dst, inlet))

    def as_json(self) -> dict:
        patcher = {
            "fileversion": 1,
            "appversion": dict(APPVERSION),
            "classnamespace": "box",
            "rect": [float(v) for v in self.rect],
            "bglocked": 0,
            "openinpresentation": 0,
            "default_fontsize": FONT_SIZE,
            "default_fontface": 0,
            "default_fontname": "Arial",
            "gridonopen": 1,
            "gridsize": [15.0, 15.0],
            "gridsnaponopen": 1,
            "objectsnaponopen": 1,
            "statusbarvisible": 2,
            "toolbarvisible": 1,
            "boxanimatetime": 200,
            "enablehscroll": 1,
            "enablevscroll": 1,
            "devicewidth": 0.0,
            "description": "",
            "digest": "",
            "tags": "",
            "style": "",
            "subpatcher_template": "",
        }
        patcher.update(self.patcher_attrs)
        patcher["boxes"] = [b.as_json() for b in self.boxes]
        patcher["lines"] = [{"patchline": {"destination": [d, i], "source": [s, o]}}
                            for s, o, d, i in self.lines]
        parameters = self.parameters()
        if parameters:
            patcher["parameters"] = parameters
        return {"patcher": patcher}

    def parameters(self) -> dict:
        """The patcher-level index of Live/Max parameters, as Max writes it beside the boxes."""
        found = {}
        for box in self.boxes:
            valueof = box.attrs.get("saved_attribute_attributes", {}).get("valueof")
            if box.attrs.get("parameter_enable") and valueof:
                found[box.id] = [valueof["parameter_longname"], valueof["parameter_shortname"], 0]
        if not found:
            return {}
        found["parameterbanks"] = {}
        found["inherited_shortname"] = 1
        return found

    def dumps(self, extra_patcher_keys: dict | None = None) -> str:
        doc = self.as_json()
        if extra_patcher_keys:
            doc["patcher"].update(extra_patcher_keys)
        return json.dumps(doc, indent="\t") + "\n"
