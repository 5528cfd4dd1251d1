"""The α cache on a real exported bundle: every cached knob position equals the live decode, a change of
morph never serves the old one, and the fill waits for the live worker."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from server.alpha_cache import POSITIONS, AlphaCache, MorphKey, decode_rows_as_live, position
from server.latent import sample_prior, slerp


def test_only_exact_knob_positions_count():
    assert [position(k / 127) for k in (0, 1, 64, 127)] == [0, 1, 64, 127]
    assert position(0.5) is None and position(0.3) is None
    assert position(5 / 127 + 5e-12) == 5 and position(5 / 127 + 1e-6) is None
    as_sent = [float(np.float32(k / 127)) for k in range(128)]  # what an OSC `f` argument carries
    assert [position(a) for a in as_sent] == list(range(128))
    assert position(float(np.nextafter(np.float32(5 / 127), np.float32(1)))) is None, "one float32 step off"
    assert position(-1 / 127) is None and position(128 / 127) is None


def _morph(engine, seed_a=0, seed_b=1, temperature=0.0, seed=0):
    a, b = sample_prior(engine.z_size, 1.0, seed_a), sample_prior(engine.z_size, 1.0, seed_b)
    return MorphKey(a, b, (), temperature, seed), (lambda alpha: slerp(a, b, alpha))


def _cache(engine, **kw) -> AlphaCache:
    return AlphaCache(decode_rows_as_live(engine), engine.codec.decode, **kw)


@pytest.mark.parametrize("temperature,seed", [(0.0, 0), (0.7, 11)])
def test_every_cached_position_equals_the_live_decode(live_engine, temperature, seed):
    cache = _cache(live_engine, batch=16)
    try:
        key, point = _morph(live_engine, temperature=temperature, seed=seed)
        assert cache.refresh(key, point, alpha=0.3)
        assert not cache.refresh(key, point), "the same morph does not refill"
        assert cache.wait_filled(60), f"filled {cache.filled} of {POSITIONS}"
        assert cache.fill_seconds is not None and cache.fill_seconds > 0
        for k in range(POSITIONS):
            live = live_engine.decode(point(k / 127), temperature, seed)
            assert cache.lookup(key, k / 127) == live, f"position {k}"
        assert cache.lookup(key, 0.5) is None, "not a knob position: decode as before"
    finally:
        cache.close()


def test_a_changed_morph_is_never_served_from_the_old_fill(live_engine):
    cache = _cache(live_engine)
    try:
        old, old_point = _morph(live_engine)
        cache.refresh(old, old_point)
        assert cache.wait_filled(60)
        new, new_point = _morph(live_engine, seed_b=2)
        same_values = MorphKey(old.a, np.array(old.b), (), 0.0, 0)  # equal values, another object: a new slot
        hotter = MorphKey(old.a, old.b, (), 0.5, 0)
        for key in (new, same_values, hotter):
            assert cache.lookup(key, 1.0) is None
        cache.refresh(new, new_point)
        assert cache.lookup(old, 1.0) is None, "the old key is gone once the new one is asked for"
        assert cache.wait_filled(60)
        assert cache.lookup(new, 1.0) == live_engine.decode(new_point(1.0), 0.0, 0)
        generation = cache.generation
        cache.invalidate()
        assert cache.generation == generation + 1 and cache.lookup(new, 1.0) is None and cache.filled == 0
    finally:
        cache.close()


def test_a_fill_in_flight_for_an_old_morph_is_dropped(live_engine):
    release, started = threading.Event(), threading.Event()
    decode = decode_rows_as_live(live_engine)

    def slow_rows(z, temperature, seed):
        started.set()
        release.wait(10)
        return decode(z, temperature, seed)

    cache = AlphaCache(slow_rows, live_engine.codec.decode)
    try:
        old, old_point = _morph(live_engine)
        cache.refresh(old, old_point)
        assert started.wait(10)
        new, new_point = _morph(live_engine, seed_a=5)
        cache.refresh(new, new_point)  # while the old batch is being decoded
        release.set()
        assert cache.wait_filled(60)
        for k in (0, 64, 127):
            assert cache.lookup(new, k / 127) == live_engine.decode(new_point(k / 127), 0.0, 0)
    finally:
        release.set()
        cache.close()


def test_the_fill_waits_while_the_live_worker_is_busy(live_engine):
    busy = threading.Event()
    busy.set()
    cache = _cache(live_engine, wait_live_idle=lambda timeout: not busy.wait(0) or (busy.wait(0) and False))
    try:
        key, point = _morph(live_engine)
        cache.refresh(key, point)
        assert not cache.wait_filled(0.3) and cache.filled == 0, "nothing decoded while live work is pending"
        busy.clear()
        assert cache.wait_filled(60)
    finally:
        cache.close()
