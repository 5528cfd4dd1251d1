"""From datagram to handler: parse (bundles unpacked, time tags ignored), look the address up in the table
(server/addresses.py), check the argument count and run the handler (server/handlers.py) on a Session.

This is the python-osc "dispatcher" half of the server; the socket half is server/osc.py. Bad input of
any kind gets `/error address "reason"` and the server keeps serving: a handler's ArgumentError becomes
the reason, and any other exception (a bug) costs one /error reply, not the server.
"""
from __future__ import annotations

import logging

from server import wire
from server.addresses import ADDRESSES
from server.args import ArgumentError, count
from server.handlers import HANDLERS
from server.session import Sender, Session

log = logging.getLogger("musicvae.server")

MALFORMED = "(malformed)"  # the /error address for a datagram that is not OSC at all


class Dispatcher:
    def __init__(self, session: Session):
        self.session = session

    def handle_datagram(self, data: bytes, sender: Sender) -> None:
        try:
            messages = wire.parse(data)
        except wire.OscParseError as exc:
            self.session.error(sender, MALFORMED, str(exc))
            return
        for address, args in messages:
            self.handle_message(address, args, sender)

    def handle_message(self, address: str, args: list, sender: Sender) -> None:
        session = self.session
        spec = ADDRESSES.get(address)
        handler = HANDLERS.get(address)
        if spec is None or handler is None:
            with session.lock:
                session.received["(unknown)"] += 1
            session.error(sender, address, "unknown address; send /ping, /status, /sample, /alpha ... "
                                           "(see server/addresses.py)")
            return
        with session.lock:
            session.received[address] += 1
        try:
            count(args, spec.min_args, spec.max_args, address, spec.signature)
            handler(session, args, sender)
        except ArgumentError as exc:
            session.error(sender, address, str(exc))
        except Exception as exc:  # a bug must cost one reply, not the server
            log.exception("handler for %s failed", address)
            session.error(sender, address, f"internal error: {type(exc).__name__}: {exc}")
