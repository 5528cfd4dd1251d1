"""The OSC transport (the socket half; server/dispatcher.py is the other): one UDP socket, one receiving
thread.

The receiving thread reads datagrams and hands each one, with its sender, to the `handle` function it was
given (the dispatcher), which applies cheap state changes at once and leaves decodes to a worker, so the
thread is back at the socket within microseconds and /ping is answered whatever the decoder is doing.
`send` writes one datagram from the same socket; an unreachable listener never stops the others.
"""
from __future__ import annotations

import logging
import socket
import threading
from typing import Callable

log = logging.getLogger("musicvae.server")

Sender = tuple[str, int]
MAX_DATAGRAM = 65535
RECEIVE_BUFFER = 4 << 20  # room for a burst while the thread is busy; the OS may cap it
POLL_SECONDS = 0.2  # how often a blocked receive checks for shutdown


class OscServer:
    def __init__(self, host: str, port: int, handle: Callable[[bytes, Sender], None] | None = None):
        """Bind now (a busy port fails here, with advice); `handle` may be set before serving starts."""
        self.host = host
        self.handle = handle
        self.sock = self._bind(host, port)
        self.port = self.sock.getsockname()[1]
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def _bind(host: str, port: int) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        except OSError:
            pass
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise OSError(f"cannot listen on udp {host}:{port} ({exc.strerror or exc}); is another server "
                          f"running there? choose another with --port") from exc
        sock.settimeout(POLL_SECONDS)
        return sock

    def serve_forever(self) -> None:
        """Receive and dispatch until stop() (or KeyboardInterrupt in the calling thread)."""
        while not self._stopping.is_set():
            try:
                data, sender = self.sock.recvfrom(MAX_DATAGRAM)
            except socket.timeout:
                continue
            except ConnectionResetError:  # Windows reports an earlier reply's ICMP "port unreachable" here
                continue
            except OSError:
                if self._stopping.is_set():
                    return
                raise
            if self._stopping.is_set():
                return
            self.handle(data, sender)

    def start(self) -> "OscServer":
        """Serve on a background thread (tests, embedding)."""
        self._thread = threading.Thread(target=self.serve_forever, name="musicvae-osc", daemon=True)
        self._thread.start()
        return self

    def send(self, payload: bytes, target: Sender) -> None:
        try:
            self.sock.sendto(payload, target)
        except OSError as exc:  # an unreachable listener must not stop the others
            log.debug("reply to %s failed: %s", target, exc)

    def stop(self) -> None:
        """Stop receiving; `send` keeps working until close(), so jobs still running can answer."""
        self._stopping.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(2 * POLL_SECONDS + 1)

    def close(self) -> None:
        self.sock.close()

    def _wake(self) -> None:
        """An empty datagram to ourselves ends a blocked receive now rather than at the next poll."""
        host = self.host if self.host not in ("0.0.0.0", "") else "127.0.0.1"
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.sendto(b"", (host, self.port))
        except OSError:
            pass
