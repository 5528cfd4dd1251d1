"""bench/knob.py on the tiny bundle: a real serve, a short warm and cold sweep, the server's cache counts."""
from __future__ import annotations

import numpy as np

from bench.knob import bench_knob, knob_positions
from bench.table import text_table


def test_knob_positions_sweep_the_grid_and_cold_stays_off_it():
    warm, cold = knob_positions(3.0, 100.0), knob_positions(3.0, 100.0, offset=0.5)
    assert set(np.round(warm * 127, 9)) == set(range(128)), "every knob position, both ways"
    assert np.allclose((cold * 127) % 1, 0.5) and cold.max() < 1.0


def test_bench_knob_answers_the_warm_sweep_from_the_cache(tiny_bundle):
    result = bench_knob(tiny_bundle, seconds=1.0).as_dict()
    assert result["warm_answered"] > 0 and result["cold_answered"] > 0
    assert result["server_cache_hits"] >= result["warm_answered"], "every warm answer came from the cache"
    assert result["server_cache_misses"] >= result["cold_answered"], "no cold answer did"
    hit_us = result["server_hit_us"]
    assert hit_us["count"] >= result["warm_answered"], "the receiving thread answered every warm request"
    assert 0 < hit_us["p50"] <= hit_us["p99"]
    assert result["echo"]["runs"] > 0 and 0 < result["echo"]["p50_ms"] <= result["echo"]["p99_ms"]
    assert len(result["fill_seconds"]) == 3 and min(result["fill_seconds"]) > 0
    table = text_table({"models": [{"name": "tiny", "rows": [], "knob": result}]})
    assert "warm p99" in table and "server hit p50 / p99" in table and "UDP echo" in table and "tiny" in table
