"""Interop with liblo's command-line tools: `oscsend` drives the server, `oscdump` prints the replies."""
from __future__ import annotations

import queue
import shutil
import subprocess
import threading
import time

import pytest

from server.latent import slerp
from tests.fixtures.server import HOST, free_udp_port

pytestmark = pytest.mark.skipif(not (shutil.which("oscsend") and shutil.which("oscdump")),
                                reason="liblo-tools (oscsend, oscdump) are not installed")


class OscDump:
    """`oscdump -L PORT` with its lines collected on a thread."""

    def __init__(self, port: int):
        self.proc = subprocess.Popen(["oscdump", "-L", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, predicate, timeout: float = 10.0) -> list[str]:
        """Lines (time tags stripped) up to and including the first that satisfies `predicate`."""
        got, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            line = line.split(" ", 1)[1] if line[:1].isalnum() and " /" in line else line
            got.append(line)
            if predicate(line):
                return got
        raise AssertionError(f"oscdump never printed the expected line; got {got}")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def oscsend(port: int, address: str, types: str = "", *args) -> None:
    subprocess.run(["oscsend", "localhost", str(port), address, types, *map(str, args)], check=True, timeout=10)


@pytest.fixture
def dumped_server(live_engine, tmp_path):
    from server.live import LiveServer, ServerConfig

    reply_port = free_udp_port()
    dump = OscDump(reply_port)
    server = LiveServer(live_engine, ServerConfig(HOST, 0, reply_port, tmp_path)).start()
    time.sleep(0.2)  # oscdump binds its port
    yield server, dump
    server.stop()
    dump.close()


def _notes(lines: list[str]) -> list[tuple[int, int, float, float]]:
    begin = next(i for i, line in enumerate(lines) if line.startswith("/notes/begin"))
    count = int(lines[begin].split()[-1])
    body = [line.split() for line in lines[begin + 1:] if line.startswith("/note ")]
    assert len(body) == count and lines[-1].startswith("/notes/end")
    return [(int(p), int(v), float(s), float(d)) for _, _, p, v, s, d in body]


def test_oscsend_sample_prints_notes_in_oscdump(dumped_server):
    server, dump = dumped_server
    oscsend(server.port, "/sample", "s", "a")
    notes = _notes(dump.until(lambda line: line.startswith("/notes/end")))
    state = server.session.state
    expected = server.session.engine.decode(state.slot_z("a"), state.temperature, state.seed)
    assert notes == [(n.pitch, n.velocity, n.start, n.duration) for n in expected]


def test_liblo_types_ping_double_and_errors(dumped_server):
    server, dump = dumped_server
    oscsend(server.port, "/ping")
    assert dump.until(lambda line: line.startswith("/pong"))
    oscsend(server.port, "/alpha", "d", 0.5)  # liblo can send doubles; Pd and Max cannot
    notes = _notes(dump.until(lambda line: line.startswith("/notes/end")))
    state = server.session.state
    z = slerp(state.slot_z("a"), state.slot_z("b"), 0.5)
    assert notes == [(n.pitch, n.velocity, n.start, n.duration)
                     for n in server.session.engine.decode(z, state.temperature, state.seed)]
    oscsend(server.port, "/alpha", "f", 2.0)
    error = dump.until(lambda line: line.startswith("/error"))[-1]
    assert '"/alpha"' in error and "alpha must be in [0, 1]" in error
    oscsend(server.port, "/sample", "sif", "b", 1, 3.0)
    assert dump.until(lambda line: line.startswith("/notes/end"))
