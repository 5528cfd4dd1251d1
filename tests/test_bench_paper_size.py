"""`musicvae bench --paper-size`: the paper-size decoder timing (bench/paper_size.py) run on the tiny config
(the paper's sizes take seconds a decode here), its table, and its bad input."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bench.paper_size import DEFAULT_RUNS, measure_paper_size
from bench.run import add_arguments
from bench.table import text_table

REPO = Path(__file__).resolve().parents[1]


def test_each_config_is_timed_in_fp32_and_int8(tiny_config):
    heard = []
    result = measure_paper_size(2, {"tiny": tiny_config.model}, on_row=heard.append)
    assert [(r["model"], r["precision"]) for r in result["rows"]] == [("tiny", "fp32"), ("tiny", "int8")]
    assert heard == result["rows"], "each row is reported as it is measured"
    for row in result["rows"]:
        assert row["runs"] == 2 and row["wall_p50_ms"] > 0 and row["cpu_p50_ms"] >= 0 and row["mb"] > 0
    table = text_table({"models": [], "paper_size": result})
    assert "decoder (random weights)" in table and "int8" in table


def test_the_option_defaults_to_a_few_runs():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert parser.parse_args(["--paper-size"]).paper_size == DEFAULT_RUNS <= 5
    assert parser.parse_args(["--paper-size", "7"]).paper_size == 7
    assert parser.parse_args([]).paper_size is None


def test_zero_runs_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "bench", "--paper-size", "0"], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "at least 1" in done.stderr and "Traceback" not in done.stderr
