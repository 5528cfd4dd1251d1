"""The knob's short way through the server: a datagram that is exactly `/alpha k/127` is recognised by
its bytes and answered from the α cache without parsing, routing or copying the state.

A MIDI knob, or a patch sending k/127 as an OSC float, sends one of 128 datagrams per model prefix; all
of them are known before the first arrives. The general path (server/dispatcher.py) parses the datagram,
routes it, checks its arguments, snapshots the state and builds the morph's key before it can look the
answer up. Each step is cheap when the processor's caches are warm, but knob messages arrive 10 ms or
more apart, long enough for the caches to go cold, and then every line of Python run on the way costs
(measured: results/bench_knob.json, `server_hit_us`). So the reply leaves first and only then does the
bookkeeping run (playing the notes, timing).

Anything else, including `/alpha` at another value, as a double, or inside a bundle, and any knob position
the α cache does not hold yet, takes the general path, which gives the same answer.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from server import wire
from server.alpha_cache import POSITIONS, knob_alpha

if TYPE_CHECKING:
    from server.session import Sender, Session


class KnobPath:
    def __init__(self, sessions: Sequence["Session"]):
        """`sessions[0]` also answers the bare `/alpha` (the dispatcher's rule for unprefixed addresses)."""
        self._table: dict[bytes, tuple["Session", str, int, float]] = {}
        for i, session in enumerate(sessions):
            for prefix in {session.prefix, ""} if i == 0 else {session.prefix}:
                for k in range(POSITIONS):
                    alpha = knob_alpha(k)
                    self._table[wire.message(prefix + "/alpha", alpha)] = (session, prefix, k, alpha)

    def answer(self, datagram: bytes, sender: "Sender", received: float) -> bool:
        """Answer a knob datagram from the α cache; False: not one, or not cached (take the general path)."""
        known = self._table.get(datagram)
        if known is None:
            return False
        session, prefix, k, alpha = known
        return session.answer_knob(k, alpha, sender, prefix, received)
