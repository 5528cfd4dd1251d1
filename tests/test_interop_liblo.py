"""Interop with liblo's command-line tools: `oscsend` drives the server, `oscdump` prints the replies."""
from __future__ import annotations

import time

import pytest

from server.latent import slerp
from tests.fixtures.liblo import OscDump, dumped_notes, needs_liblo, oscsend
from tests.fixtures.server import HOST, free_udp_port

pytestmark = needs_liblo


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


def test_oscsend_sample_prints_notes_in_oscdump(dumped_server):
    server, dump = dumped_server
    oscsend(server.port, "/sample", "s", "a")
    notes = dumped_notes(dump.until(lambda line: line.startswith("/notes/end")))
    state = server.session.state
    expected = server.session.engine.decode(state.slot_z("a"), state.temperature, state.seed)
    assert notes == [(n.pitch, n.velocity, n.start, n.duration) for n in expected]


def test_liblo_types_ping_double_and_errors(dumped_server):
    server, dump = dumped_server
    oscsend(server.port, "/ping")
    assert dump.until(lambda line: line.startswith("/pong"))
    oscsend(server.port, "/alpha", "d", 0.5)  # liblo can send doubles; Pd and Max cannot
    notes = dumped_notes(dump.until(lambda line: line.startswith("/notes/end")))
    state = server.session.state
    z = slerp(state.slot_z("a"), state.slot_z("b"), 0.5)
    assert notes == [(n.pitch, n.velocity, n.start, n.duration)
                     for n in server.session.engine.decode(z, state.temperature, state.seed)]
    oscsend(server.port, "/alpha", "f", 2.0)
    error = dump.until(lambda line: line.startswith("/error"))[-1]
    assert '"/alpha"' in error and "alpha must be in [0, 1]" in error
    oscsend(server.port, "/sample", "sif", "b", 1, 3.0)
    assert dump.until(lambda line: line.startswith("/notes/end"))
