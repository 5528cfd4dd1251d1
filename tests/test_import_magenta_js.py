"""`musicvae import` against magenta.js itself: the same checkpoint folder decoded greedily by
@magenta/music 1.23.1 in node (tests/node/magenta_decode.js) and by the imported bundle's decoder.onnx.

The folders are written from random weights at the shapes of Magenta's published mel_2bar_small,
drums_2bar_*_small, mel_16bar_small_q2 (hierarchical) and trio_4bar (importer/published.py), plain and
quantized as q2, so the test covers the writer, the reader, dequantisation, the weight mapping, the
model variants and the decoder graph in one comparison, token for token, for 32 random z each.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch

from contract.bundle import load_bundle
from contract.graphs import DECODER, ENCODER, decoder_feed, encoder_feed
from contract.noise import argmax_noise
from importer.bundle import ImportOptions, import_bundle
from importer.published import SHAPES
from importer.write_magenta_js import write_magenta_js
from tests.fixtures.server import start_server_process
from vae.model import MusicVAE

NODE_DIR = Path(__file__).parent / "node"
SCRIPT = NODE_DIR / "magenta_decode.js"
NUM_Z = 32
WEIGHT_SCALE = 2.0  # random weights a little larger than PyTorch's init, so decodes depend on z

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (NODE_DIR / "node_modules" / "@magenta" / "music").is_dir(),
    reason="needs node and `npm ci` in tests/node (scripts/install-system-deps.sh does both)")


def random_folder(name: str, quantize: str | None, folder: Path) -> Path:
    torch.manual_seed(sum(map(ord, name)))
    model = MusicVAE(SHAPES[name])
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(WEIGHT_SCALE)
    return write_magenta_js(model.state_dict(), SHAPES[name], folder, quantize)


def magenta_js(folder: Path, z: np.ndarray, tokens: np.ndarray, tmp: Path) -> dict:
    request, result = tmp / "request.json", tmp / "result.json"
    request.write_text(json.dumps({"z": z.tolist(), "tokens": tokens.tolist()}))
    done = subprocess.run(["node", str(SCRIPT), str(folder), str(request), str(result)], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(result.read_text())


@pytest.mark.timeout(900)  # ~1 min on an idle 2-core machine; generous for a busy one
@pytest.mark.parametrize("quantize", [None, "q2"])
@pytest.mark.parametrize("name", list(SHAPES))
def test_imported_bundle_decodes_like_magenta_js(name, quantize, tmp_path):
    folder = random_folder(name, quantize, tmp_path / "checkpoint")
    out = tmp_path / "bundle"
    import_bundle(str(folder), out, ImportOptions(parity_windows=4, latent_windows=8, cache=tmp_path / "cache"))
    bundle = load_bundle(out)
    cfg = SHAPES[name]
    assert (bundle.codec, bundle.num_steps, bundle.z_size) == (cfg.codec, cfg.num_steps, cfg.z_size)

    rng = np.random.default_rng(7)
    z = rng.standard_normal((NUM_Z, cfg.z_size)).astype(np.float32)
    decoder = ort.InferenceSession(str(bundle.graph_paths[DECODER]), providers=["CPUExecutionProvider"])
    ours = decoder.run(None, decoder_feed(z, np.zeros(NUM_Z, np.float32),
                                          argmax_noise((NUM_Z, cfg.num_steps, cfg.num_classes))))[0]
    theirs = magenta_js(folder, z, ours[:4], tmp_path)
    np.testing.assert_array_equal(ours, np.asarray(theirs["tokens"]))
    assert len({row.tobytes() for row in ours}) > NUM_Z // 2  # decodes depend on z: the equality is not trivial

    encoder = ort.InferenceSession(str(bundle.graph_paths[ENCODER]), providers=["CPUExecutionProvider"])
    mu = encoder.run(None, encoder_feed(ours[:4]))[0]
    np.testing.assert_allclose(mu, np.asarray(theirs["mu"]), atol=1e-4)
    if quantize is None:  # the bundle is the same either way: serve one of the two
        assert_serve_answers_sample(out, cfg.codec, tmp_path / "state")


def assert_serve_answers_sample(bundle: Path, codec: str, state: Path) -> None:
    """The README's `musicvae serve --model DIR` on the imported bundle answers /sample with notes; a trio's
    carry their track, all three of them."""
    server = start_server_process(bundle, state)
    try:
        reply = server.client.request("/sample", "a", 1.0, 5, timeout=60)
        assert reply is not None and reply.count == len(reply.notes) > 0, server.log()[-2000:]
        if codec == "trio":
            assert {n.track for n in reply.notes} == {0, 1, 2}
            assert all(len(m.args) == 5 for m in reply.packet.messages if m.address.endswith("note"))
    finally:
        server.close()
