"""The OSC address space (DESIGN.md section 7): the single table the server dispatches from and the
patches are checked against. Rename an address here and the patch tests fail until the patches follow.

Every numeric argument accepts int or float (Pd sends only floats).
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_ENCODE_NOTES = 512  # an /encode clip longer than this is refused, not truncated


@dataclass(frozen=True)
class Address:
    path: str
    min_args: int
    max_args: int | None  # None: bounded at run time (z size, clip length)
    signature: str  # human-readable argument list
    summary: str


ADDRESSES: dict[str, Address] = {a.path: a for a in (
    Address("/ping", 0, 0, "", "liveness check; replies /pong"),
    Address("/status", 0, 0, "", "replies /status model provider z_size bars steps temperature bpm ..."),
    Address("/encode", 1, 1 + 4 * MAX_ENCODE_NOTES, "slot pitch velocity start duration ...",
            "slot := mean latent of the clip; replies the notes of its reconstruction"),
    Address("/sample", 1, 3, "slot [temperature] [seed]",
            "slot := random latent N(0, I) * temperature (this temperature scales the latent; "
            "/temperature is the decoding one); replies notes"),
    Address("/z", 2, None, "slot z0 ... z(n-1)", "slot := the vector (length must be the z size)"),
    Address("/coords", 2, 17, "slot c0 ... c(k-1)", "slot := latent from k <= 16 principal coordinates"),
    Address("/alpha", 1, 1, "alpha", "current := slerp(a, b, alpha) + attributes; replies notes"),
    Address("/attribute", 2, 2, "name amount", "sets an attribute amount on the current point; replies notes"),
    Address("/attributes", 0, 0, "", "replies /attributes name ..."),
    Address("/temperature", 1, 1, "t", "decoding temperature: how freely notes are sampled from the "
            "decoder, t >= 0 (0 = argmax)"),
    Address("/seed", 1, 1, "n", "sampling seed"),
    Address("/preset/save", 1, 1, "name", "store both slots, alpha and attributes (persisted atomically)"),
    Address("/preset/load", 1, 1, "name", "recall a stored preset; replies notes"),
    Address("/bpm", 1, 1, "bpm", "tempo of MIDI/audio playback"),
    Address("/subscribe", 1, 1, "port", "also send replies to this port on the sender's host"),
    Address("/unsubscribe", 1, 1, "port", "stop sending replies to this port"),
)}

# Replies the server sends (clients match on these).
REPLIES = ("/pong", "/status", "/notes/begin", "/note", "/notes/end", "/attributes", "/error")
SLOTS = ("a", "b")

# The positional arguments of the /status reply, in order (clients index into it).
STATUS_FIELDS = ("model", "provider", "z_size", "bars", "steps", "temperature", "bpm", "alpha", "seed", "decodes",
                 "dropped", "errors", "subscribers")
