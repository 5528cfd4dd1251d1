"""`musicvae import` on checkpoints written here: every input it must refuse gets a clear error naming the
problem, and a real TensorFlow checkpoint imports into a bundle whose greedy decode equals a numpy
re-implementation of Magenta's LSTM arithmetic run on the raw TF tensors (independent of our mapping)."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch

from contract.bundle import load_bundle
from contract.codec import DRUM_CLASS_TO_PITCH
from contract.graphs import DECODER, decoder_feed
from contract.noise import argmax_noise
from importer import published
from importer.bundle import ImportOptions, import_bundle
from importer.errors import CheckpointError
from importer.magenta_js import CONFIG_FILE, MANIFEST_FILE
from importer.tf_checkpoint import read_tf_checkpoint
from importer.write_magenta_js import write_magenta_js
from musicvae.cli import main
from server.engine import Engine, EngineOptions
from vae.configs import tiny_config
from vae.model import MusicVAE

FIXTURE = Path(__file__).parent / "fixtures" / "tf_checkpoint" / "tiny_mel_2bar.ckpt"
FAST = dict(parity_windows=4, latent_windows=8)


def tiny_folder(tmp_path: Path, **config) -> Path:
    cfg = tiny_config(**config).model
    if cfg.decoder == "hier":
        cfg = replace(cfg, conductor_output=0, encoder="hier")
    torch.manual_seed(0)
    return write_magenta_js(MusicVAE(cfg).state_dict(), cfg, tmp_path / "checkpoint")


def options(tmp_path: Path, **extra) -> ImportOptions:
    return ImportOptions(cache=tmp_path / "cache", **FAST, **extra)


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("kind", [dict(), dict(decoder="hier", codec="trio", num_bars=2)], ids=["melody", "trio"])
def test_tiny_magenta_js_folders_import(tmp_path, kind):
    out = tmp_path / "bundle"
    import_bundle(str(tiny_folder(tmp_path, **kind)), out, options(tmp_path))
    bundle = load_bundle(out)
    assert bundle.manifest["parity"]["argmax_token_mismatches"] == 0
    assert bundle.latent is not None and bundle.latent.num_coordinates > 0
    assert (out / "pytorch" / "model.safetensors").exists()
    engine = Engine(bundle, EngineOptions(provider="cpu", warmup=1))
    notes = engine.decode(np.random.default_rng(1).standard_normal(bundle.z_size).astype(np.float32), 1.0, seed=2)
    tracks = {n.track for n in notes}
    assert tracks == ({0, 1, 2} if kind else {0})  # trio: melody, bass and drums, each note tagged
    assert engine.encode(notes).shape == (bundle.z_size,)


def test_trio_bundle_answers_sample_with_notes_tagged_by_track(tmp_path):
    """A real LiveServer on UDP: /sample on a trio bundle replies /note pitch velocity start duration track."""
    from bench.osc_client import HOST, OscClient
    from server.live import LiveServer, ServerConfig

    out = tmp_path / "bundle"
    import_bundle(str(tiny_folder(tmp_path, decoder="hier", codec="trio", num_bars=2)), out, options(tmp_path))
    engine = Engine(out, EngineOptions(provider="cpu", warmup=1))
    client = OscClient(0)
    server = LiveServer(engine, ServerConfig(HOST, 0, client.port, tmp_path / "state")).start()
    client.server = (HOST, server.port)
    try:
        reply = client.request("/sample", "a", 1.0, 5, timeout=30)
        assert reply is not None and reply.count == len(reply.notes) > 0
        assert all(len(m.args) == 5 for m in reply.packet.messages if m.address.endswith("note"))
        assert {n.track for n in reply.notes} == {0, 1, 2}
        assert all(n.pitch in DRUM_CLASS_TO_PITCH for n in reply.notes if n.track == 2)
    finally:
        client.close()
        server.stop()


@pytest.mark.parametrize("kind", [dict(), dict(decoder="hier", codec="trio", num_bars=2),
                                  dict(codec="drums", decoder="hier", num_bars=2)], ids=["flat", "trio", "hier"])
def test_mapping_round_trip_keeps_the_model(kind):
    """ours -> TF names -> ours: every weight but the LSTM biases comes back bit for bit; the biases (b_ih + b_hh,
    the forget bias taken out and put back) within float rounding; decoded tokens identical."""
    from importer.mapping import to_state_dict, to_tf

    cfg = tiny_config(**kind).model
    if cfg.decoder == "hier":
        cfg = replace(cfg, conductor_output=0, encoder="hier", decoder_layers=3, conductor_layers=2)
    torch.manual_seed(0)
    model = MusicVAE(cfg).eval()
    state = {k: v.numpy() for k, v in model.state_dict().items()}
    back = to_state_dict(to_tf(state, cfg), cfg, {k: v.shape for k, v in state.items()})
    assert set(back) == set(state)
    for name, value in state.items():
        if "bias_ih" in name or "bias_hh" in name or name.startswith("decoder.conductor.bias"):
            continue
        np.testing.assert_array_equal(back[name], value, err_msg=name)
    copy = MusicVAE(cfg).eval()
    copy.load_state_dict({k: torch.from_numpy(v) for k, v in back.items()})
    z = torch.randn(6, cfg.z_size)
    uniform = torch.full((6, cfg.num_steps, cfg.num_classes), 0.5)
    with torch.no_grad():
        assert torch.equal(model.decode(z, torch.zeros(6), uniform), copy.decode(z, torch.zeros(6), uniform))


def test_folder_that_is_not_a_checkpoint(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CheckpointError, match="is not a checkpoint"):
        import_bundle(str(tmp_path), tmp_path / "out", options(tmp_path))


def test_manifest_shapes_that_disagree_with_config(tmp_path):
    folder = tiny_folder(tmp_path)
    edit_json(folder / CONFIG_FILE, lambda c: c["dataConverter"].update(type="DrumsOneHotConverter"))
    with pytest.raises(CheckpointError, match="disagree with config.json"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))
    edit_json(folder / CONFIG_FILE, lambda c: c["dataConverter"].update(type="MelodyConverter", args={
        "numSteps": 32, "numSegments": 2, "minPitch": 21, "maxPitch": 108}))
    with pytest.raises(CheckpointError, match="disagree with config.json.*hierarchical"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


def test_manifest_shape_that_disagrees_with_its_shard(tmp_path):
    folder = tiny_folder(tmp_path)
    edit_json(folder / MANIFEST_FILE, lambda m: m[0]["weights"][0].update(shape=[7, 7]))
    with pytest.raises(CheckpointError, match="manifest does not describe these shards|shape"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


def test_truncated_shard(tmp_path):
    folder = tiny_folder(tmp_path)
    shard = next(folder.glob("group1-shard*"))
    shard.write_bytes(shard.read_bytes()[:-100])
    with pytest.raises(CheckpointError, match="truncated"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


def test_unknown_converter_type(tmp_path):
    folder = tiny_folder(tmp_path)
    edit_json(folder / CONFIG_FILE, lambda c: c["dataConverter"].update(type="PolyphonyConverter"))
    with pytest.raises(CheckpointError, match="unknown converter type 'PolyphonyConverter'"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


@pytest.mark.parametrize("converter, reason", [("DrumRollConverter", "NADE"), ("MultitrackConverter", "multitrack"),
                                               ("GrooveConverter", "GrooVAE")])
def test_other_representations_are_named_not_supported(tmp_path, converter, reason):
    folder = tiny_folder(tmp_path)
    edit_json(folder / CONFIG_FILE, lambda c: c["dataConverter"].update(type=converter))
    with pytest.raises(CheckpointError, match=f"{reason}.*not supported yet"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


def test_nade_tensors_are_named_even_under_a_supported_converter(tmp_path):
    folder = tiny_folder(tmp_path)
    edit_json(folder / MANIFEST_FILE, lambda m: m.append({"paths": ["nade"], "weights": [
        {"name": "decoder/nade/w_enc", "shape": [1], "dtype": "float32"}]}))
    (folder / "nade").write_bytes(b"\0" * 4)
    with pytest.raises(CheckpointError, match="NADE decoder, which is not supported yet"):
        import_bundle(str(folder), tmp_path / "out", options(tmp_path))


def test_published_id_offline_says_so(tmp_path, monkeypatch):
    entry = published.PUBLISHED["mel_2bar_small"]
    monkeypatch.setitem(published.PUBLISHED, "mel_2bar_small", replace(entry, url="http://127.0.0.1:9/mel_2bar_small"))
    with pytest.raises(CheckpointError, match="looks offline"):
        import_bundle("magenta:mel_2bar_small", tmp_path / "out", options(tmp_path))
    with pytest.raises(CheckpointError, match="unknown published id"):
        import_bundle("magenta:mel_3bar", tmp_path / "out", options(tmp_path))
    with pytest.raises(CheckpointError, match="GrooVAE"):
        import_bundle("magenta:groovae_4bar", tmp_path / "out", options(tmp_path))


def test_cli_reports_errors_without_a_traceback(tmp_path, capsys):
    assert main(["import", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("musicvae import: error:") and "Traceback" not in err
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------ TensorFlow

def magenta_lstm_step(kernel, bias, x, c, h):
    """Magenta's LSTMBlockCell: [x, h] kernel + bias, gates i, j, f, o, forget bias 1."""
    i, j, f, o = np.split(np.concatenate([x, h], axis=1) @ kernel + bias, 4, axis=1)
    sigmoid = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    c = c * sigmoid(f + 1.0) + sigmoid(i) * np.tanh(j)
    return c, np.tanh(c) * sigmoid(o)


def magenta_greedy_decode(t: dict, z: np.ndarray, steps: int, layers: int) -> np.ndarray:
    """A flat categorical decoder straight from the TF tensors, as magenta.js' BaseDecoder runs it."""
    parts = np.split(np.tanh(z @ t["decoder/z_to_initial_state/kernel"] + t["decoder/z_to_initial_state/bias"]),
                     2 * layers, axis=1)
    c, h = [parts[2 * k] for k in range(layers)], [parts[2 * k + 1] for k in range(layers)]
    classes = t["decoder/output_projection/bias"].shape[0]
    token_input, out = np.zeros((len(z), classes)), []
    for _ in range(steps):
        x = np.concatenate([token_input, z], axis=1)
        for k in range(layers):
            cell = f"decoder/multi_rnn_cell/cell_{k}/lstm_cell"
            c[k], h[k] = magenta_lstm_step(t[f"{cell}/kernel"], t[f"{cell}/bias"], x, c[k], h[k])
            x = h[k]
        tokens = (x @ t["decoder/output_projection/kernel"] + t["decoder/output_projection/bias"]).argmax(1)
        out.append(tokens)
        token_input = np.eye(classes)[tokens]
    return np.stack(out, axis=1)


def test_tf_checkpoint_needs_bars(tmp_path):
    with pytest.raises(CheckpointError, match="--bars"):
        import_bundle(str(FIXTURE), tmp_path / "out", options(tmp_path))


@pytest.mark.parametrize("as_tar", [False, True])
def test_tf_checkpoint_imports_and_decodes_as_magenta_does(tmp_path, as_tar):
    source = str(FIXTURE)
    if as_tar:
        import tarfile

        source = str(tmp_path / "tiny.tar")
        with tarfile.open(source, "w") as tar:
            for file in FIXTURE.parent.glob("tiny_mel_2bar.ckpt.*"):
                tar.add(file, arcname=f"tiny/{file.name}")
    out = tmp_path / "bundle"
    import_bundle(source, out, options(tmp_path, bars=2))
    bundle = load_bundle(out)
    assert (bundle.codec, bundle.num_steps, bundle.z_size) == ("melody", 32, 4)
    z = np.random.default_rng(3).standard_normal((16, 4)).astype(np.float32)
    session = ort.InferenceSession(str(bundle.graph_paths[DECODER]), providers=["CPUExecutionProvider"])
    ours = session.run(None, decoder_feed(z, np.zeros(16, np.float32), argmax_noise((16, 32, 90))))[0]
    tensors = {k: v.astype(np.float64) for k, v in read_tf_checkpoint(FIXTURE).items()}
    np.testing.assert_array_equal(ours, magenta_greedy_decode(tensors, z.astype(np.float64), 32, 2))
    assert len({row.tobytes() for row in ours}) > 4
