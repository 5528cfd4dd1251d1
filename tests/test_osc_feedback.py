"""Feedback over real UDP: every state change is acknowledged, /presets lists the presets, and subscribers
that ask for `beats` follow the playback loop's playhead."""
from __future__ import annotations

import time

import pytest

from bench.osc_client import HOST, OscClient
from server.addresses import ADDRESSES, REPLIES
from tests.fixtures.server import looping_live_server

PLAYHEAD_BPM = 240.0  # a beat every 0.25 s: quick, yet far slower than the loop's scheduling


def test_every_state_change_is_acknowledged_with_its_new_value(live_server):
    client = live_server.client()
    assert client.ask("/temperature", 0, reply="/ok").args == ["/temperature", 0.0]
    assert client.ask("/seed", 3.0, reply="/ok").args == ["/seed", 3], "Pd's 3.0 is taken as the seed 3"
    assert client.ask("/bpm", 90, reply="/ok").args == ["/bpm", 90.0]
    assert client.ask("/preset/save", "verse", reply="/ok").args == ["/preset/save", "verse"]
    state = live_server.session.state
    assert (state.temperature, state.seed, state.bpm) == (0.0, 3, 90.0)


def test_subscribe_and_unsubscribe_are_acknowledged_to_the_port_they_concern(live_server):
    main = live_server.client()
    with OscClient(live_server.port) as other:
        other.mark()
        assert main.ask("/subscribe", other.port, reply="/ok").args == ["/subscribe", other.port]
        assert other.wait_for("/ok").args == ["/subscribe", other.port], "the new subscriber hears it too"
        other.mark()
        assert main.ask("/unsubscribe", other.port, reply="/ok").args == ["/unsubscribe", other.port]
        assert other.wait_for("/ok").args == ["/unsubscribe", other.port], "and hears that it is off the list"
        assert live_server.session.subscribers == {}


def test_presets_lists_the_stored_presets_sorted(live_server):
    client = live_server.client()
    assert client.ask("/presets", reply="/presets").args == []
    for name in ("verse", "chorus", 3.0):
        client.ask("/preset/save", name, reply="/ok")
    assert client.ask("/presets", reply="/presets").args == ["3", "chorus", "verse"]


def test_presets_lists_what_an_earlier_server_saved(live_engine, tmp_path):
    from server.live import LiveServer, ServerConfig

    for expected in ([], ["kept"]):
        with OscClient(0) as client:
            server = LiveServer(live_engine, ServerConfig(HOST, 0, client.port, tmp_path)).start()
            client.server = (HOST, server.port)
            try:
                assert client.ask("/presets", reply="/presets").args == expected
                client.ask("/preset/save", "kept", reply="/ok")
            finally:
                server.stop()  # lets the save land


def test_no_address_is_silent(live_server):
    """Each address of the performer's table answers with something other than /error."""
    client = live_server.client()
    engine = live_server.session.engine
    name = next(iter(engine.bundle.attributes))
    calls = {"/ping": [], "/status": [], "/encode": ["a", 60, 100, 0.0, 1.0], "/sample": ["b", 1.0, 5],
             "/z": ["a", *[0.1] * engine.z_size], "/coords": ["b", 0.5], "/alpha": [0.5], "/attribute": [name, 1.0],
             "/attributes": [], "/temperature": [0.4], "/seed": [2], "/preset/save": ["p"], "/preset/load": ["p"],
             "/presets": [], "/bpm": [100], "/subscribe": [client.port], "/unsubscribe": [client.port]}
    assert set(calls) <= set(ADDRESSES)
    for address, args in calls.items():
        client.mark()
        client.send(address, *args)
        packet = client.next_packet(lambda p: True, timeout=5.0)
        assert packet is not None, f"{address} replied nothing"
        assert packet.messages[0].address in REPLIES and packet.messages[0].address != "/error", \
            (address, packet.messages)
        client.settle(0.05)


@pytest.fixture
def playing_server(live_engine, tmp_path):
    """A live server whose playback loop runs (no sinks: the playhead is what is under test)."""
    with looping_live_server(live_engine, tmp_path, PLAYHEAD_BPM) as (server, reply):
        yield server, reply


def _beats(client: OscClient, count: int, timeout: float = 10.0) -> list[tuple[int, int]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(client.all_messages("/beat")) < count:
        time.sleep(0.05)
    return [tuple(m.args) for m in client.all_messages("/beat")]


def test_the_playhead_goes_only_to_subscribers_that_asked_for_beats(playing_server, live_engine):
    server, reply = playing_server
    with OscClient(server.port) as watcher, OscClient(server.port) as plain:
        assert watcher.ask("/subscribe", watcher.port, "beats", reply="/ok").args == \
            ["/subscribe", watcher.port, "beats"]
        assert plain.ask("/subscribe", plain.port, reply="/ok") is not None
        assert reply.request("/sample", "a") is not None  # the loop starts playing
        beats = _beats(watcher, 6)
        assert len(beats) >= 6, beats
        bars, steps_per_bar = live_engine.bundle.num_bars, live_engine.num_steps // live_engine.bundle.num_bars
        loop = bars * steps_per_bar
        positions = []
        for bar, step in beats:
            assert 1 <= bar <= bars and step in (0, 4, 8, 12), (bar, step)
            positions.append((bar - 1) * steps_per_bar + step)
        for before, after in zip(positions, positions[1:]):
            assert 0 < (after - before) % loop, f"the playhead stood still or ran back: {beats}"
        assert not plain.all_messages("/beat") and not reply.all_messages("/beat")
        watcher.ask("/subscribe", watcher.port, reply="/ok")  # again without `beats`: the playhead stops
        watcher.settle(0.1)
        watcher.mark()
        time.sleep(3 * 60.0 / PLAYHEAD_BPM)
        assert not [m for p in watcher.since_mark() for m in p.messages if m.address == "/beat"]
