"""The least a knob's round trip can cost on this machine right now: a bare Python UDP echo.

A child process that only sends each datagram back, asked at the knob's rate by a client that times each
reply, as the knob sweep does (bench/knob.py). What it measures is everything but the server's own work:
two processes woken in turn, the loopback path and, on a busy machine, the wait for a core. Measured next
to the warm knob sweep, it says how much of that sweep's round trip the machine takes whatever the
server does.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time

from bench.stats import Latency

HOST = "127.0.0.1"
REPLY_TIMEOUT_S = 2.0  # an echo unanswered this long is left out (counted by the caller as runs < asked)
STOP = b""  # an empty datagram ends the echo process
ECHO_PROCESS = (
    "import socket\n"
    f"s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(({HOST!r}, 0))\n"
    "print(s.getsockname()[1], flush=True)\n"
    "while True:\n"
    "    data, sender = s.recvfrom(64)\n"
    "    if not data:\n"
    "        break\n"
    "    s.sendto(data, sender)\n"
)


def udp_echo_floor(requests: int, rate_hz: float) -> Latency:
    """Round trips of `requests` 16-byte datagrams (an /alpha's size), one every 1/rate_hz s, one in flight."""
    echo = subprocess.Popen([sys.executable, "-c", ECHO_PROCESS], stdout=subprocess.PIPE, text=True)
    try:
        target = (HOST, int(echo.stdout.readline()))
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(REPLY_TIMEOUT_S)
            times = _paced_round_trips(sock, target, requests, rate_hz)
            sock.sendto(STOP, target)
        echo.wait(5)
    finally:
        if echo.poll() is None:
            echo.kill()
            echo.wait()
    if not times:
        raise RuntimeError(f"the UDP echo process answered none of {requests} datagrams")
    return Latency.from_seconds(times)


def _paced_round_trips(sock: socket.socket, target: tuple[str, int], requests: int, rate_hz: float) -> list[float]:
    payload = b"/alpha\0\0,f\0\0" + bytes(4)
    times = []
    due = time.perf_counter()
    for _ in range(requests):
        due = max(due + 1.0 / rate_hz, time.perf_counter())
        if (ahead := due - time.perf_counter()) > 0:
            time.sleep(ahead)
        sent = time.perf_counter()
        sock.sendto(payload, target)
        try:
            sock.recv(64)
        except socket.timeout:
            continue
        times.append(time.perf_counter() - sent)
    return times
