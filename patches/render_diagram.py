"""Draw a Max patcher (.maxpat) as a PNG: every box at its patching_rect, labelled, and every patchline.

    python patches/render_diagram.py patches/musicvae.maxpat patches/musicvae-maxpat.png

A reader without Max gets the patch as Max shows it in edit mode: object boxes outlined, message boxes
shaded, user-interface objects tinted by kind, comments as plain text, cords from the outlet's position
on a box's bottom edge to the inlet's on the top edge. Needs matplotlib (the `plot` extra).
"""
from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

UNITS_PER_INCH = 50.0  # Max canvas units per inch of figure
POINTS_PER_UNIT = 72.0 / UNITS_PER_INCH
CHAR_WIDTH = 6.3  # Max canvas units per character of 12 pt Arial, for wrapping comments
FILL = {
    "newobj": "#ffffff", "message": "#e4e4e4", "comment": None, "button": "#f6d27a",
    "toggle": "#f6d27a", "live.text": "#f6d27a", "number": "#cfe3f7", "flonum": "#cfe3f7",
    "live.numbox": "#cfe3f7", "slider": "#c9ecd0", "dial": "#c9ecd0", "live.dial": "#c9ecd0",
    "umenu": "#e8d5f2", "live.menu": "#e8d5f2",
}


def _plain(text: str) -> str:
    """Escape matplotlib's mathtext marker: Max box texts are full of $1 arguments."""
    return text.replace("$", r"\$")


def _label(box: dict) -> str:
    text = box.get("text")
    maxclass = box["maxclass"]
    if maxclass in ("newobj", "message", "comment"):
        return text or ""
    if maxclass in ("live.dial", "live.numbox", "live.text"):
        name = box.get("saved_attribute_attributes", {}).get("valueof", {}).get("parameter_shortname")
        return f"{maxclass}\n{name}" if name else maxclass
    return box.get("varname") and f"{maxclass} {box['varname']}" or maxclass


def _port_x(rect: list[float], index: int, count: int) -> float:
    x, _, w, _ = rect
    if count <= 1:
        return x + 4
    return x + 4 + (w - 8) * index / (count - 1)


def render(maxpat: Path, png: Path, dpi: int = 80) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    patcher = json.loads(maxpat.read_text())["patcher"]
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    right = max(b["patching_rect"][0] + b["patching_rect"][2] for b in boxes.values()) + 20
    bottom = max(b["patching_rect"][1] + b["patching_rect"][3] for b in boxes.values()) + 20
    fig = plt.figure(figsize=(right / UNITS_PER_INCH, bottom / UNITS_PER_INCH), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, right)
    ax.set_ylim(bottom, 0)  # Max's y axis points down
    ax.axis("off")
    base_pt = 10.5 * POINTS_PER_UNIT * 0.8

    for line in patcher["lines"]:
        (src, outlet), (dst, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        s, d = boxes[src], boxes[dst]
        x0 = _port_x(s["patching_rect"], outlet, s["numoutlets"])
        y0 = s["patching_rect"][1] + s["patching_rect"][3]
        x1 = _port_x(d["patching_rect"], inlet, d["numinlets"])
        y1 = d["patching_rect"][1]
        ax.plot([x0, x1], [y0, y1], color="#555555", linewidth=0.9, zorder=1)

    for box in boxes.values():
        x, y, w, h = box["patching_rect"]
        maxclass = box["maxclass"]
        size = box.get("fontsize", 12.0) / 12.0 * base_pt
        weight = "bold" if box.get("fontface") == 1 else "normal"
        if maxclass == "comment":
            chars = max(8, int(w / (CHAR_WIDTH * box.get("fontsize", 12.0) / 12.0)))
            wrapped = "\n".join(textwrap.wrap(box.get("text", ""), chars)) or ""
            ax.text(x + 2, y + 3, _plain(wrapped), fontsize=size, weight=weight, va="top", ha="left",
                    color="#1b3a5c", zorder=3, linespacing=1.05)
            continue
        ax.add_patch(Rectangle((x, y), w, h, facecolor=FILL.get(maxclass, "#ffffff"),
                               edgecolor="#333333", linewidth=0.9, zorder=2))
        for i in range(box["numinlets"]):
            ax.add_patch(Rectangle((_port_x(box["patching_rect"], i, box["numinlets"]) - 3, y), 6, 2.5,
                                   color="#333333", zorder=3))
        for i in range(box["numoutlets"]):
            ax.add_patch(Rectangle((_port_x(box["patching_rect"], i, box["numoutlets"]) - 3, y + h - 2.5),
                                   6, 2.5, color="#333333", zorder=3))
        label = _label(box)
        if maxclass == "message" and label:
            chars = max(8, int((w - 6) / CHAR_WIDTH))
            label = "\n".join(textwrap.wrap(label, chars))
        ax.text(x + 4, y + h / 2, _plain(label), fontsize=size * (0.8 if maxclass not in ("newobj", "message")
                                                          else 1.0),
                va="center", ha="left", zorder=4, clip_on=True, linespacing=1.0)
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=dpi)
    plt.close(fig)
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("maxpat", type=Path, help="a .maxpat file")
    parser.add_argument("png", type=Path, help="where to write the PNG")
    parser.add_argument("--dpi", type=int, default=80, help="pixels per inch (50 canvas units = 1 inch)")
    args = parser.parse_args(argv)
    print(render(args.maxpat, args.png, args.dpi))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
