"""The benchmark runs end to end on the real tiny bundle: ORT and PyTorch rows, and a live OSC sweep.

No speed is asserted here (speed belongs in the benchmark's own numbers); what is checked is that every
row the README's table promises is measured and internally consistent.
"""
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_bench_measures_every_row_and_the_osc_round_trip(tiny_bundle, tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "bench", "--model", str(tiny_bundle), "--runs", "20",
                           "--sweep-seconds", "1.5", "--json", str(out)], cwd=REPO, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert result["hardware"]["matmul_gflops"] > 0
    (model,) = result["models"]
    rows = {(r["runtime"], r["op"], r["batch"]): r for r in model["rows"]}
    for runtime in ("onnxruntime", "pytorch"):
        for op in ("encode", "decode"):
            for batch in (1, 8):
                lat = rows[(runtime, op, batch)]["latency"]
                assert 0 < lat["p50_ms"] <= lat["p95_ms"] <= lat["p99_ms"]
    assert rows[("onnxruntime", "decode", 1)]["speedup_vs_pytorch"] > 0
    assert rows[("onnxruntime", "decode", 1)]["gflops"] > 0
    sweep = model["osc_sweep"]
    assert sweep["sent"] == 150 and 0.5 <= sweep["answered_fraction"] <= 1.0
    assert sweep["last_alpha_answered"] and sweep["stale_dropped"] >= 0
    assert "OSC /alpha at 100 Hz" in done.stdout


def test_bench_without_bundles_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "bench"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1 and "no bundles" in done.stderr
