"""The knob's short way (server/knob_path.py): a datagram that is exactly `/alpha k/127` is answered from
the α cache by its bytes, with the answer, counters and state the general path gives; anything else, and
an uncached position, takes the general path. A real in-process server on the tiny bundle, real UDP."""
from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np

from server import wire
from server.alpha_cache import POSITIONS, knob_alpha
from server.knob_path import KnobPath


def _spy(live_server) -> list[bool]:
    """Record what the server's knob path returns for each datagram."""
    knob, answered = live_server.server.dispatcher.knob, []
    original = knob.answer

    def answer(datagram, sender, received):
        answered.append(original(datagram, sender, received))
        return answered[-1]

    knob.answer = answer
    return answered


def _outcome(answered: list[bool], n: int, timeout: float = 10.0) -> bool | None:
    """What the knob path returned for the n-th datagram (1-based), once it has returned: the reply can
    reach the client before the server thread is back from sending it."""
    deadline = time.monotonic() + timeout
    while len(answered) < n and time.monotonic() < deadline:
        time.sleep(0.005)
    return answered[n - 1] if len(answered) >= n else None


def _live_answer(session) -> list:
    with session.lock:
        state = session.state.snapshot()
    return session.engine.decode(session.current_z(state), state.temperature, state.seed)


def test_a_knob_datagram_is_answered_by_the_short_way_as_the_general_path_would(live_server):
    client, session = live_server.client(), live_server.session
    assert session.instrument.cache.wait_filled(60)
    answered = _spy(live_server)
    received, done = session.stats()["received"].get("/alpha", 0), session.stats()["done"].get("/alpha", 0)
    for i, k in enumerate((0, 5, 64, 127)):
        reply = client.request("/alpha", knob_alpha(k), timeout=10)
        assert reply is not None and _outcome(answered, 2 * i + 1) is True
        assert reply.notes == _live_answer(session)
        assert session.status_values()[7] == knob_alpha(k)  # /status alpha
        general = client.request("/alpha", (k + (0.5 if k < 127 else -0.5)) / 127, timeout=10)  # off the grid
        assert general is not None and _outcome(answered, 2 * i + 2) is False and general.id == reply.id + 1
        assert session.worker.wait_idle(10)  # its job replies before it ends; a busy worker sends knobs its way
    stats = session.stats()
    assert stats["received"]["/alpha"] == received + 8 and stats["done"]["/alpha"] == done + 8


def test_an_uncached_position_and_a_bundled_knob_take_the_general_path(live_server):
    client, session = live_server.client(), live_server.session
    cache = session.instrument.cache
    assert cache.wait_filled(60)
    answered = _spy(live_server)
    cache.invalidate()  # nothing cached until the next change of morph
    reply = client.request("/alpha", knob_alpha(9), timeout=10)
    assert reply is not None and _outcome(answered, 1) is False and reply.notes == _live_answer(session)
    client.mark()
    client.send_raw(wire.bundle([wire.message("/alpha", knob_alpha(10))]))
    assert client.wait_notes(10).notes == _live_answer(session)
    assert _outcome(answered, 2) is False and len(answered) == 2


def test_every_knob_datagram_of_every_prefix_reaches_its_model():
    calls = []

    def session(prefix):
        return SimpleNamespace(prefix=prefix, answer_knob=lambda *args: calls.append((prefix, *args[:2], args[3])) or True)

    path = KnobPath([session("/mel"), session("/drums")])
    for k in range(POSITIONS):
        for address, model in (("/alpha", "/mel"), ("/mel/alpha", "/mel"), ("/drums/alpha", "/drums")):
            assert path.answer(wire.message(address, knob_alpha(k)), ("127.0.0.1", 9), 1.0)
            assert calls[-1] == (model, k, knob_alpha(k), address[:-len("/alpha")])
    assert np.float32(knob_alpha(127)) == np.float32(1.0)
    for other in (wire.message("/alpha", 0.3), wire.message("/alpha", 1), wire.message("/drums/alpha", 0.3),
                  wire.message("/mel/alpha", knob_alpha(3), 1), b"", b"/alpha\0\0"):
        assert not path.answer(other, ("127.0.0.1", 9), 1.0)
