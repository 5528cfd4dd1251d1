"""Wiring shared by both toolkits' writers (maxpatch.Patcher, pdpatch.PdPatch): both create an object box
with `obj(text, x, y)` and join outlet to inlet with `connect(src, outlet, dst, inlet)`."""
from __future__ import annotations


def chain(patch, texts: list[str], x: float, y: float, step: float) -> list:
    """Object boxes one under the other, each feeding the next (outlet 0 -> inlet 0); their ids."""
    ids = [patch.obj(text, x, y + step * i) for i, text in enumerate(texts)]
    for src, dst in zip(ids, ids[1:]):
        patch.connect(src, 0, dst)
    return ids
