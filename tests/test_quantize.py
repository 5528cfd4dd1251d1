"""The int8 bundle variant (export/quantize.py) on the shipped, trained mel_2bar_small: a valid bundle whose
decoder holds int8 weight products and still decodes nearly the same greedy tokens as fp32."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest

from contract.bundle import load_bundle
from export.quantize import quantize_bundle, quantize_decoder
from musicvae.cli import main

SHIPPED = Path(__file__).resolve().parent.parent / "models" / "mel_2bar_small"


@pytest.mark.skipif(not (SHIPPED / "manifest.json").exists(), reason="the shipped bundle is not built")
def test_int8_variant_of_a_trained_bundle(tmp_path):
    out = tmp_path / "int8"
    manifest = quantize_bundle(SHIPPED, out, windows=64)
    bundle = load_bundle(out)  # sha256 of the new decoder checks out
    precision = manifest["precision"]
    assert precision["quantized_products"] > 0 and bundle.name == "int8"
    assert precision["greedy_token_agreement_with_fp32"] > 0.9  # 99.09% on 1000 test windows (README)
    ops = {node.op_type for node in onnx.load(str(bundle.graph_paths["decoder"])).graph.node}
    assert "DynamicQuantizeMatMul" in ops
    weights = sum(init.data_type == onnx.TensorProto.INT8 for init in onnx.load(str(bundle.graph_paths["decoder"])).graph.initializer)
    assert weights > 0


def test_small_weights_and_logits_stay_fp32():
    from vae.configs import tiny_config
    from export.decoder_graph import build_decoder_graph
    from vae.model import MusicVAE

    graph, rewritten = quantize_decoder(build_decoder_graph(MusicVAE(tiny_config(hidden=16).model)))
    assert rewritten == 0 and "DynamicQuantizeMatMul" not in {n.op_type for n in graph.graph.node}


def test_cli_refuses_a_missing_bundle(tmp_path, capsys):
    assert main(["quantize", str(tmp_path / "nothing"), "--out", str(tmp_path / "out")]) == 1
    assert "musicvae quantize: error:" in capsys.readouterr().err
