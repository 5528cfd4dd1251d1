"""The latent study and the listenable examples, run on the real tiny bundle and tiny real data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import mido
import numpy as np

from analysis.evaluate_latent import LatentStudyOptions, format_tables, study
from vae.shards import load_windows

REPO = Path(__file__).resolve().parent.parent


def _engine(bundle):
    from server.engine import Engine, EngineOptions

    return Engine(bundle, EngineOptions(provider="cpu"))


def test_study_shapes_and_data_space_baseline(tiny_bundle, tiny_data_dir):
    engine = _engine(tiny_bundle)
    test = load_windows(tiny_data_dir, "mel_2bar", "test")
    result = study(engine, test, LatentStudyOptions(pairs=32, windows=64))
    interp = result["interpolation"]
    assert len(interp["alphas"]) == len(interp["latent_hamming_to_a"]) == 11
    # data-space interpolation: alpha 0 is A itself and alpha 1 is B itself
    assert interp["data_hamming_to_a"][0] == 0.0
    assert abs(interp["data_hamming_to_a"][-1] - interp["a_b_hamming"]) < 1e-3
    # the latent path starts at decode(zA) and ends at decode(zB): its distance to A rises overall
    assert interp["latent_hamming_to_a"][-1] > interp["latent_hamming_to_a"][0]
    attrs = result["attributes"]
    assert len(attrs["matrix"]) == len(attrs["names"]) == 5
    assert all(len(row) == 5 and all(np.isfinite(row)) for row in attrs["matrix"])
    table = format_tables(result)
    assert "attribute vectors" in table and "monotonic" in table


def test_cli_writes_json_and_plots(tiny_bundle, tiny_data_dir, tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "evaluate-latent", str(tiny_bundle), "--data",
                           str(tiny_data_dir), "--out", str(tmp_path), "--pairs", "16", "--windows", "32"],
                          cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "latent.json").read_text())
    assert set(result) == {"bundle", "interpolation", "attributes"}
    for png in ("interpolation.png", "attributes.png"):
        assert (tmp_path / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_latent_refuses_a_missing_bundle(tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "evaluate-latent", str(tmp_path / "none"),
                           "--data", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "error" in done.stderr


def test_examples_write_listenable_midi_and_piano_rolls(tiny_bundle, tiny_data_dir, tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "examples", str(tiny_bundle), "--data",
                           str(tiny_data_dir), "--out", str(tmp_path), "--samples", "2", "--reconstructions", "2"],
                          cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    interpolation = mido.MidiFile(tmp_path / "interpolation.mid")
    assert interpolation.length > 0
    # 9 steps of 2 bars each at 120 bpm: the file spans more than 8 steps' worth of time
    assert interpolation.length > 8 * 8 * 0.5 - 0.5 or sum(1 for m in interpolation if m.type == "note_on") > 0
    assert len(list((tmp_path / "samples").glob("*.mid"))) == 2
    originals = sorted((tmp_path / "reconstructions").glob("*_original.mid"))
    assert len(originals) == 2 and all(mido.MidiFile(p).length > 0 for p in originals)
    assert (tmp_path / "interpolation.png").read_bytes()[:4] == b"\x89PNG"
