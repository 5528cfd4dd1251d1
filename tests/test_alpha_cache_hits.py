"""Answering an α cache hit: the packed reply is byte for byte the built one, a hit never waits for a fill
batch being decoded, and the receiving thread answers it only when the worker is idle (order is kept).
A real in-process server on the tiny bundle, real UDP; the fill's decoder is held on an Event to catch
it mid-batch."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from contract.codec import Note
from server import wire
from server.alpha_cache import AlphaCache, MorphKey, decode_rows_as_live
from server.latent import sample_prior, slerp

KNOB_3 = float(np.float32(3 / 127))  # an OSC float32 on the knob grid: position 3, in the fill's first batch


@pytest.mark.parametrize("tracks", [False, True])
@pytest.mark.parametrize("prefix", ["", "/mel"])
def test_a_packed_reply_is_the_built_one_byte_for_byte(tracks, prefix):
    notes = [Note(start=i / 4, pitch=60 + i, velocity=90 - i, duration=0.25 * (i + 1), track=i % 3) for i in range(7)]
    packed = wire.EncodedNotes(notes, tracks, prefixes=("",))  # "/mel" is packed on its first use
    for decode_id in (1, 12345, 2**31 - 1):
        assert packed.bundle(decode_id, prefix) == wire.notes_bundle(decode_id, notes, prefix, tracks)
    assert wire.EncodedNotes([]).bundle(3) == wire.notes_bundle(3, [])


def test_a_repeated_small_datagram_parses_the_same_and_its_args_stay_the_callers():
    knob = wire.message("/alpha", KNOB_3)
    first = wire.parse(knob)
    first[0][1].append("changed by a handler")
    assert wire.parse(knob) == wire.parse(bytes(bytearray(knob))) == [("/alpha", [KNOB_3])]
    with pytest.raises(wire.OscParseError):  # a bad one is still an error every time
        wire.parse(knob[:-2])
    with pytest.raises(wire.OscParseError):
        wire.parse(knob[:-2])


class HeldDecoder:
    """decode_rows that decodes its first batch and holds every later one until `release` is set."""

    def __init__(self, engine):
        self._decode = decode_rows_as_live(engine)
        self.calls = 0
        self.holding, self.release = threading.Event(), threading.Event()

    def __call__(self, z, temperature, seed):
        self.calls += 1
        if self.calls > 1:
            self.holding.set()
            self.release.wait(30)
        return self._decode(z, temperature, seed)


def _wait_first_batch(cache, decoder) -> None:
    assert decoder.holding.wait(30), "the fill reached its second batch"
    assert cache.filled == cache.batch and not decoder.release.is_set()


def test_a_lookup_does_not_wait_for_the_batch_being_decoded(live_engine):
    decoder = HeldDecoder(live_engine)
    cache = AlphaCache(decoder, live_engine.codec.decode, batch=8)
    try:
        a, b = sample_prior(live_engine.z_size, 1.0, 0), sample_prior(live_engine.z_size, 1.0, 1)
        key = MorphKey(a, b, (), 0.0, 0)
        cache.refresh(key, lambda alpha: slerp(a, b, alpha), alpha=0.0)
        _wait_first_batch(cache, decoder)
        found = []
        lookup = threading.Thread(target=lambda: found.append(cache.lookup(key, KNOB_3)))
        lookup.start()
        lookup.join(10)
        assert not lookup.is_alive(), "the lookup waited for the batch being decoded"
        assert not decoder.release.is_set() and found[0] == live_engine.decode(slerp(a, b, 3 / 127), 0.0, 0)
    finally:
        decoder.release.set()
        cache.close()


def test_a_hit_is_answered_while_the_fill_decodes(live_server):
    client, session = live_server.client(), live_server.session
    instrument = session.instrument
    decoder = HeldDecoder(session.engine)
    instrument.cache.close()
    instrument.cache = instrument.new_cache(decoder)
    try:
        instrument.state_changed()  # fill the initial morph, from alpha 0 outwards
        _wait_first_batch(instrument.cache, decoder)
        hits, on_receiving_thread = instrument.cache.hits, len(session.hit_seconds)
        reply = client.request("/alpha", KNOB_3, timeout=10)
        assert reply is not None and not decoder.release.is_set(), "answered while the fill's batch is held"
        assert instrument.cache.hits == hits + 1
        assert _poll(lambda: len(session.hit_seconds) == on_receiving_thread + 1), "timed on the receiving thread"
        with session.lock:
            state = session.state.snapshot()
        assert reply.notes == session.engine.decode(session.current_z(state), state.temperature, state.seed)
    finally:
        decoder.release.set()


def test_a_hit_while_the_worker_is_busy_is_answered_after_its_job(live_server):
    client, session = live_server.client(), live_server.session
    instrument = session.instrument
    assert instrument.cache.wait_filled(60)
    started, gate = threading.Event(), threading.Event()
    sender = ("127.0.0.1", 0)

    def slow_job() -> None:  # a job replying /pong once released
        started.set()
        gate.wait(30)
        session.answer(sender, "/pong")

    hits, on_receiving_thread = instrument.cache.hits, len(session.hit_seconds)
    client.mark()
    first = client.cursor
    session.submit("held", "/ping", sender, slow_job)
    assert started.wait(30)
    client.send("/alpha", KNOB_3)
    assert _poll(lambda: session.worker.pending == 1), "the hit was queued behind the running job"
    gate.set()
    assert session.worker.wait_idle(30)
    assert client.wait_for("/notes/end", 10) is not None
    addresses = [p.messages[0].address for p in client.packets[first:]]
    assert addresses == ["/pong", "/notes/begin"], "the earlier job's reply first"
    assert instrument.cache.hits == hits + 1, "the worker answered it from the cache"
    assert len(session.hit_seconds) == on_receiving_thread, "not on the receiving thread"
    assert session.stats()["done"].get("/alpha") == 1


def _poll(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
