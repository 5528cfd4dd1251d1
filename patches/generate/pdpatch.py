"""A small builder for Pure Data patch files (.pd): objects at explicit positions, numbered connections.

Pd numbers the objects of a canvas in creation order (comments and graphs count) and `#X connect a o b i`
joins outlet o of object a to inlet i of object b. Each add_* method returns that number. The inlet and
outlet counts checked in `connect` come from Pd 0.53's vanilla objects; an object not listed raises.
IEM GUI lines follow Pd 0.51+'s saved format (hex colours).
"""
from __future__ import annotations

import re

FONT = 12


def _count(args: list[str], default: int) -> int:
    return len(args) if args else default


LIST_IO = {"prepend": (2, 1), "append": (2, 1), "trim": (1, 1), "split": (2, 3), "store": (2, 2)}
TEXT_IO = {"define": (1, 1), "get": (2, 2), "set": (3, 0), "size": (2, 1)}
# class name -> function(args) -> (inlets, outlets)
PD_OBJECTS: dict[str, callable] = {
    "loadbang": lambda a: (0, 1),
    "delay": lambda a: (2, 1),
    "metro": lambda a: (2, 1),
    "t": lambda a: (1, len(a)),
    "trigger": lambda a: (1, len(a)),
    "f": lambda a: (2, 1),
    "int": lambda a: (2, 1),
    "+": lambda a: (2, 1), "-": lambda a: (2, 1), "*": lambda a: (2, 1), "/": lambda a: (2, 1),
    "mod": lambda a: (2, 1),
    "==": lambda a: (2, 1),
    "sel": lambda a: (2 if len(a) == 1 else 1, len(a) + 1),
    "route": lambda a: (2 if len(a) == 1 else 1, len(a) + 1),
    "pack": lambda a: (_count(a, 2), 1),
    "unpack": lambda a: (1, _count(a, 2)),
    "list": lambda a: LIST_IO.get(a[0] if a else "append", (2, 1)),
    "symbol": lambda a: (2, 1),
    "makefilename": lambda a: (1, 1),
    "oscformat": lambda a: (1, 1),
    "oscparse": lambda a: (1, 1),
    "netsend": lambda a: (1, 2),
    "netreceive": lambda a: (1, 2),
    "s": lambda a: (1 if a else 2, 0),
    "r": lambda a: (0 if a else 1, 1),
    "print": lambda a: (1, 0),
    "until": lambda a: (2, 1),
    "spigot": lambda a: (2, 1),
    "random": lambda a: (2, 1),
    "realtime": lambda a: (2, 1),
    "expr": lambda a: (max([int(m) for m in re.findall(r"\$[fis](\d+)", " ".join(a))] or [1]), 1),
    "text": lambda a: TEXT_IO[a[0]],
    "tabwrite": lambda a: (2, 0),
    "makenote": lambda a: (3, 2),
    "noteout": lambda a: (3, 0),
    "stripnote": lambda a: (2, 2),
    "ctlin": lambda a: (0, 3 - min(len(a), 2)),
}
GUI_IO = {"bng": (1, 1), "tgl": (1, 1), "hsl": (1, 1), "vsl": (1, 1), "nbx": (1, 1), "hradio": (1, 1)}


def escape(text: str) -> str:
    """Pd's file escapes for the atoms of a message or comment."""
    escaped = text.replace("$", "\\$").replace(",", " \\,").replace(";", " \\;")
    return " ".join(escaped.split())


class PdPatch:
    def __init__(self, width: int = 1400, height: int = 900):
        self.header = f"#N canvas 0 50 {width} {height} {FONT};"
        self.lines: list[str] = []
        self.io: list[tuple[int, int]] = []
        self.texts: list[str] = []  # what each object is, for error messages and tests
        self.connections: list[str] = []

    def _add(self, line: str, io: tuple[int, int], what: str) -> int:
        self.lines.append(line)
        self.io.append(io)
        self.texts.append(what)
        return len(self.io) - 1

    def obj(self, text: str, x: int, y: int) -> int:
        name, *args = text.split()
        if name not in PD_OBJECTS:
            raise KeyError(f"no inlet/outlet table for Pd object {name!r} ({text!r})")
        return self._add(f"#X obj {x} {y} {escape(text)};", PD_OBJECTS[name](args), text)

    def msg(self, text: str, x: int, y: int, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(f"#X msg {x} {y} {escape(text)}{suffix};", (1, 1), f"msg {text}")

    def comment(self, text: str, x: int, y: int, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(f"#X text {x} {y} {escape(text)}{suffix};", (0, 0), f"text {text}")

    def floatatom(self, x: int, y: int, width: int = 5, label: str = "-") -> int:
        return self._add(f"#X floatatom {x} {y} {width} 0 0 0 {label} - - 0;", (1, 1), "floatatom")

    def gui(self, kind: str, x: int, y: int, *, receive: str = "empty", label: str = "empty",
            size: tuple[int, int] = (15, 15), lo: float = 0, hi: float = 127, init: int = 0,
            value: float = 0) -> int:
        """An IEM GUI; `value` is the initial position (sliders: 100ths of a pixel; nbx: the number)."""
        colours = "#fcfcfc #000000 #000000"
        if kind == "bng":
            line = f"bng {size[0]} 250 50 {init} empty {receive} {label} {size[0] + 4} 7 0 {FONT} {colours}"
        elif kind == "tgl":
            line = f"tgl {size[0]} {init} empty {receive} {label} {size[0] + 4} 7 0 {FONT} {colours} {value} 1"
        elif kind in ("hsl", "vsl"):
            offset = "-2 -8" if kind == "hsl" else "0 -9"
            line = (f"{kind} {size[0]} {size[1]} {lo:g} {hi:g} 0 {init} empty {receive} {label} {offset} 0 "
                    f"{FONT} {colours} {value:g} 1")
        elif kind == "hradio":  # size[1] is the number of cells; value the chosen one
            line = (f"hradio {size[0]} 1 {init} {size[1]} empty {receive} {label} 0 -8 0 {FONT} {colours} "
                    f"{value:g}")
        elif kind == "nbx":
            line = (f"nbx {size[0]} {size[1]} {lo:g} {hi:g} 0 {init} empty {receive} {label} 0 -10 0 "
                    f"{FONT} {colours} {value:g} 256")
        else:
            raise KeyError(f"unknown IEM GUI {kind!r}")
        return self._add(f"#X obj {x} {y} {line};", GUI_IO[kind], f"{kind} {receive}")

    def graph(self, array: str, size: int, x: int, y: int, width: int, height: int,
              lo: float, hi: float) -> int:
        """An array drawn as points in a graph on this canvas (contents not saved)."""
        self.lines.append("#N canvas 0 50 450 250 (subpatch) 0;")
        self.lines.append(f"#X array {array} {size} float 2;")
        self.lines.append(f"#X coords 0 {hi:g} {size} {lo:g} {width} {height} 1 0 0;")
        self.lines.append(f"#X restore {x} {y} graph;")
        self.io.append((0, 0))
        self.texts.append(f"graph {array}")
        return len(self.io) - 1

    def connect(self, src: int, outlet: int, dst: int, inlet: int = 0) -> None:
        if outlet >= self.io[src][1]:
            raise ValueError(f"object {src} ({self.texts[src]}) has no outlet {outlet}")
        if inlet >= self.io[dst][0]:
            raise ValueError(f"object {dst} ({self.texts[dst]}) has no inlet {inlet}")
        self.connections.append(f"#X connect {src} {outlet} {dst} {inlet};")

    def dumps(self) -> str:
        return "\n".join([self.header, *self.lines, *self.connections]) + "\n"
