"""The bundle's two ONNX graphs (docs/design.md, 'Export and the bundle contract').

The encoder is traced from PyTorch (one fused bidirectional LSTM pass). The decoder is not traced: it is
written node by node from the model's weights (export/decoder_graph.py), because the traced unrolled loop
spent its time launching ~58 small nodes per step. Both hold the whole computation, so one ONNX Runtime
`run` encodes or decodes a full sequence.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import onnx
import torch
from torch import nn

from contract.graphs import ENCODER_INPUTS, ENCODER_OUTPUTS
from export.decoder_graph import OPSET, build_decoder_graph


class EncoderGraph(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, tokens: torch.Tensor):
        return self.model.encode(tokens)


def export_encoder(model: nn.Module, path: Path, num_steps: int) -> None:
    # A batch of 2 in the example keeps the batch axis from being specialised to 1. Trio: [B, T, 3].
    tracks = len(model.config.track_classes)
    tokens = torch.zeros(2, num_steps, *([tracks] if tracks > 1 else []), dtype=torch.long)
    graph = EncoderGraph(model).eval()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TracerWarnings about Python values in the LSTM wrapper
        torch.onnx.export(graph, (tokens,), str(path), dynamo=False, opset_version=OPSET,
                          input_names=list(ENCODER_INPUTS), output_names=list(ENCODER_OUTPUTS),
                          do_constant_folding=True,
                          dynamic_axes={name: {0: "batch"} for name in ENCODER_INPUTS + ENCODER_OUTPUTS})


def export_decoder(model: nn.Module, path: Path) -> None:
    onnx.save(build_decoder_graph(model), str(path))
