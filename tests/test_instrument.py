"""The instrument layer in a real in-process server (real UDP, the tiny bundle's ONNX graphs), with MIDI in
fed as bytes to its router (no MIDI system needed; the JACK end to end is tests/test_performer.py)."""
from __future__ import annotations

import time

import numpy as np
import pytest

from server.latent import z_to_coordinates

CC, NOTE_ON, NOTE_OFF = 0xB0, 0x90, 0x80


@pytest.fixture
def played(live_server):
    """(client, session, instrument) with MIDI in's router attached (as --midi-in would, minus the port)."""
    session = live_server.session
    instrument = session.instrument
    instrument.router = instrument.make_router()
    return live_server.client(), session, instrument


def _settled_notes(client, timeout=5.0):
    """The last notes reply once replies stop coming."""
    last = None
    while (reply := client.wait_notes(timeout)) is not None:
        last, timeout = reply, 0.5
    return last


def _live_decode(session, alpha):
    with session.lock:
        state = session.state.snapshot()
    state.alpha = alpha
    return session.engine.decode(session.current_z(state), state.temperature, state.seed)


def test_a_cc_sweep_ends_on_slot_b_and_a_warm_cache_answers_exactly(played):
    client, session, instrument = played
    assert client.request("/sample", "a", 1.0, 3) is not None
    b = client.request("/sample", "b", 1.0, 5)
    client.mark()
    for value in range(128):
        instrument.router.handle([CC, 1, value])
    assert _settled_notes(client).notes == b.notes, "CC 127 is alpha 1: slot b's decode"
    assert instrument.cache.wait_filled(60), "the cache fills in the background"
    hits = instrument.cache.hits
    for value in (0, 5, 64, 126):
        instrument.router.handle([CC, 1, value])
        assert _settled_notes(client).notes == _live_decode(session, value / 127)
    assert instrument.cache.hits == hits + 4, "each knob move answered from the cache"
    reply = client.request("/alpha", float(np.float32(17 / 127)))  # an OSC float32 on the grid
    assert instrument.cache.hits == hits + 5 and reply.notes == _live_decode(session, 17 / 127)
    reply = client.request("/alpha", 0.5)  # off the grid: decoded as before
    assert instrument.cache.hits == hits + 5 and reply.notes == _live_decode(session, 0.5)


def test_a_change_of_morph_is_never_answered_from_the_old_cache(played):
    client, session, instrument = played
    client.request("/sample", "b", 1.0, 5)
    assert instrument.cache.wait_filled(60)
    for address, value in (("/temperature", 1.5), ("/seed", 9)):
        client.send(address, value)
        reply = client.request("/alpha", float(np.float32(100 / 127)))
        assert reply.notes == _live_decode(session, 100 / 127), f"after {address}"
    assert instrument.cache.wait_filled(60)
    assert client.request("/alpha", float(np.float32(100 / 127))).notes == _live_decode(session, 100 / 127)


def test_a_keyboard_take_is_encoded_into_the_slot(played):
    client, session, instrument = played
    assert client.ask("/bpm", 960.0, reply="/ok") is not None  # 8 beats in half a second
    assert client.ask("/record", "a", reply="/ok").args == ["/record", "a"]
    phrase = [(60, 0.0, 1.0), (64, 1.0, 0.5), (67, 2.0, 2.0), (72, 5.0, 1.0)]
    base = time.monotonic()
    seconds = 60.0 / 960.0
    client.mark()
    for pitch, start, duration in phrase:  # exact grid times: the router takes them as given
        instrument.router.handle([NOTE_ON, pitch, 90], now=base + start * seconds)
        instrument.router.handle([NOTE_OFF, pitch, 0], now=base + (start + duration) * seconds)
    recorded = client.wait_notes(5.0)
    assert recorded is not None, "the take ended on its own and was encoded"
    expected = client.request("/encode", "a", *[v for p, s, d in phrase for v in (p, 90, s, d)])
    assert recorded.notes == expected.notes


def test_a_learned_coordinate_moves_one_principal_direction_of_the_slot(played):
    client, session, instrument = played
    stats = session.engine.bundle.latent
    before = z_to_coordinates(session.state.slot_z("b"), stats)
    assert client.ask("/learn", "coord/b/2", reply="/ok").args == ["/learn", "coord/b/2"]
    client.mark()
    instrument.router.handle([CC, 20, 64])
    assert client.wait_for("/learned").args == ["coord/b/2", 20]
    instrument.router.handle([CC, 20, 127])
    assert client.wait_notes(5.0) is not None, "the slot's notes come back"
    after = z_to_coordinates(session.state.slot_z("b"), stats)
    assert after[2] == pytest.approx(3.0, abs=1e-3)
    others = [i for i in range(len(before)) if i != 2]
    assert np.allclose(after[others], before[others], atol=1e-3)


def test_instrument_addresses_say_what_they_need(live_server):
    client = live_server.client()
    for address, args, needs in (("/learn", ["alpha"], "--midi-in"), ("/record", ["a"], "--midi-in"),
                                 ("/play", [], "playback"), ("/stop", [], "playback"), ("/link", [1], "playback")):
        error = client.ask(address, *args, reply="/error")
        assert error is not None and error.args[0] == address and needs in error.args[1], (address, error)
    assert client.ask("/link", 2, reply="/error").args[1].startswith("link must be in [0, 1]")
    assert client.ask("/ping", reply="/pong") is not None


class SilentSink:
    def note_on(self, pitch, velocity, track=0):
        pass

    def note_off(self, pitch, track=0):
        pass

    def close(self):
        pass


def test_two_models_share_one_transport_and_each_has_its_cache(live_engine, tmp_path):
    from bench.osc_client import HOST, OscClient
    from server.live import LiveServer, Model, ServerConfig
    from server.playback import Playback

    loops = [Playback(live_engine.num_steps, [SilentSink()]) for _ in range(2)]
    client = OscClient(0)
    server = LiveServer([Model(live_engine, loops[0], "one"), Model(live_engine, loops[1], "two")],
                        ServerConfig(HOST, 0, client.port, tmp_path / "state")).start()
    client.server = (HOST, server.port)
    try:
        first, second = server.sessions
        assert second.instrument.conductor is first.instrument
        assert client.ask("/two/stop", reply="/two/ok") is not None
        assert [loop.transport_running for loop in loops] == [False, False], "one transport for every model"
        assert client.ask("/play", reply="/ok") is not None
        assert [loop.transport_running for loop in loops] == [True, True]
        error = client.ask("/two/learn", "alpha", reply="/error")
        assert error is not None and error.args == ["/two/learn", "/learn needs MIDI in: start serve with --midi-in NAME"]
        client.request("/two/sample", "b", 1.0, 5)
        assert second.instrument.cache.wait_filled(60), "the second model has its own α cache"
        hits = second.instrument.cache.hits
        reply = client.request("/two/alpha", 1.0)
        assert second.instrument.cache.hits == hits + 1 and reply is not None
    finally:
        client.close()
        server.stop()
