"""From datagram to handler: parse (bundles unpacked, time tags ignored), look the address up in the table
(server/addresses.py), check the argument count and run the handler (server/handlers.py) on a Session.

This is the python-osc "dispatcher" half of the server; the socket half is server/osc.py. Bad input of
any kind gets `/error address "reason"` and the server keeps serving: a handler's ArgumentError becomes
the reason, and any other exception (a bug) costs one /error reply, not the server.
"""
from __future__ import annotations

import logging
import time
from typing import Sequence

from server import wire
from server.addresses import ADDRESSES
from server.args import ArgumentError, count
from server.handlers import HANDLERS
from server.knob_path import KnobPath
from server.session import Origin, Sender, Session

log = logging.getLogger("musicvae.server")

MALFORMED = "(malformed)"  # the /error address for a datagram that is not OSC at all


class Dispatcher:
    """Routes each message to a Session: `/NAME/address` to the model of that prefix, a bare `/address` to
    the first model. A model's prefix never equals an address's first part (server/live.py checks)."""

    def __init__(self, sessions: Sequence[Session]):
        self.sessions = list(sessions)
        self.by_prefix = {s.prefix: s for s in self.sessions if s.prefix}
        self.knob = KnobPath(self.sessions)

    @property
    def session(self) -> Session:
        """The first model's: unprefixed addresses, and datagrams that name no model, go to it."""
        return self.sessions[0]

    def handle_datagram(self, data: bytes, sender: Sender) -> None:
        received = time.perf_counter()
        try:
            if self.knob.answer(data, sender, received):
                return
        except Exception:  # a bug in the short way must not cost the message: the general path answers it
            log.exception("the knob path failed on %r", data[:64])
        try:
            messages = wire.parse(data)
        except wire.OscParseError as exc:
            self.session.error(sender, MALFORMED, str(exc))
            return
        for address, args in messages:
            self.handle_message(address, args, sender, received)

    def route(self, address: str) -> tuple[Session, str, str] | None:
        """(session, the address without its prefix, the prefix) or None for an unknown address."""
        if address in ADDRESSES:
            return self.session, address, ""
        head, _, rest = address[1:].partition("/")
        session = self.by_prefix.get("/" + head)
        if session is not None and "/" + rest in ADDRESSES:
            return session, "/" + rest, "/" + head
        return None

    def handle_message(self, address: str, args: list, sender: Sender, received: float = 0.0) -> None:
        """`received`: when its datagram arrived (time.perf_counter()); 0: now (MIDI in calls this)."""
        routed = self.route(address)
        handler = HANDLERS.get(routed[1]) if routed is not None else None
        if handler is None:
            with self.session.lock:
                self.session.received["(unknown)"] += 1
            self.session.error(sender, address, self._unknown(address))
            return
        session, address, prefix = routed
        origin = Origin(sender[0], sender[1], prefix, received or time.perf_counter())
        spec = ADDRESSES[address]
        with session.lock:
            session.received[address] += 1
        try:
            count(args, spec.min_args, spec.max_args, address, spec.signature)
            handler(session, args, origin)
            if session.instrument is not None:  # refill the α cache if the morph changed (cheap if not)
                session.instrument.state_changed()
        except ArgumentError as exc:
            session.error(origin, address, str(exc))
        except Exception as exc:  # a bug must cost one reply, not the server
            log.exception("handler for %s failed", prefix + address)
            session.error(origin, address, f"internal error: {type(exc).__name__}: {exc}")

    def _unknown(self, address: str) -> str:
        """Why an address is unknown: a known address under a prefix no model has names the served ones."""
        head, _, rest = address[1:].partition("/")
        if rest and "/" + rest in ADDRESSES:
            served = ", ".join(s.prefix for s in self.sessions)
            return f"unknown model {repr('/' + head)[:100]}; served models: {served} (bare addresses: the first)"
        return (f"unknown address; send /ping, /status, /sample, /alpha ... (see server/addresses.py)"
                f"{self._models_hint()}")

    def _models_hint(self) -> str:
        if len(self.sessions) < 2:
            return ""
        return "; models: " + ", ".join(f"{s.prefix}/..." for s in self.sessions) + " (bare addresses: the first)"
