"""The least a knob's round trip can cost on this machine right now: a bare Python UDP echo.

A child process that only sends each datagram back. The knob sweep (bench/knob.py) asks it once per tick,
right after each /alpha is answered, so both see the same moment's load. What it measures is everything
but the server's own work: two processes woken in turn, the loopback path and, on a busy machine, the
wait for a core.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time

HOST = "127.0.0.1"
REPLY_TIMEOUT_S = 2.0  # an echo unanswered this long is left out
DATAGRAM = b"/alpha\0\0,f\0\0" + bytes(4)  # an /alpha's size
ECHO_PROCESS = (
    "import socket\n"
    f"s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(({HOST!r}, 0))\n"
    "print(s.getsockname()[1], flush=True)\n"
    "while True:\n"
    "    data, sender = s.recvfrom(64)\n"
    "    if not data:\n"  # an empty datagram ends it
    "        break\n"
    "    s.sendto(data, sender)\n"
)


class UdpEcho:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-c", ECHO_PROCESS], stdout=subprocess.PIPE, text=True)
        self.target = (HOST, int(self.proc.stdout.readline()))
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.settimeout(REPLY_TIMEOUT_S)

    def round_trip(self) -> float | None:
        """Seconds from sending one datagram to receiving it back; None if it never came."""
        sent = time.perf_counter()
        self.sock.sendto(DATAGRAM, self.target)
        try:
            self.sock.recv(64)
        except socket.timeout:
            return None
        return time.perf_counter() - sent

    def close(self) -> None:
        try:
            self.sock.sendto(b"", self.target)
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            self.sock.close()

    def __enter__(self) -> "UdpEcho":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
