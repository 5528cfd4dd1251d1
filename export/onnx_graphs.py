"""Trace the PyTorch model into the bundle's two ONNX graphs (DESIGN.md section 5).

The decoder graph holds the whole autoregressive loop, so one ONNX Runtime `run` decodes a full
sequence. It is traced with the TorchScript exporter (`dynamo=False`): the model's decode is a Python loop
over a fixed number of steps, which tracing unrolls into a static graph in seconds, while dynamo takes
minutes for the same unrolling (DESIGN.md section 10). The hierarchical model in bar_input="start" mode
decodes its bars as one batch, so its graph holds steps_per_bar bottom steps, not num_steps.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import torch
from torch import nn

OPSET = 17
ENCODER_INPUTS = ["tokens"]
ENCODER_OUTPUTS = ["mu", "sigma"]
DECODER_INPUTS = ["z", "temperature", "uniform"]
DECODER_OUTPUTS = ["tokens"]


class EncoderGraph(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, tokens: torch.Tensor):
        return self.model.encode(tokens)


class DecoderGraph(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, z: torch.Tensor, temperature: torch.Tensor, uniform: torch.Tensor):
        return self.model.decode(z, temperature, uniform)


def export_encoder(model: nn.Module, path: Path, num_steps: int) -> None:
    # A batch of 2 in the example keeps the batch axis from being specialised to 1.
    tokens = torch.zeros(2, num_steps, dtype=torch.long)
    _export(EncoderGraph(model), (tokens,), path, ENCODER_INPUTS, ENCODER_OUTPUTS,
            {"tokens": {0: "batch"}, "mu": {0: "batch"}, "sigma": {0: "batch"}})


def export_decoder(model: nn.Module, path: Path, z_size: int, num_steps: int, num_classes: int) -> None:
    z = torch.zeros(2, z_size)
    temperature = torch.ones(2)
    uniform = torch.full((2, num_steps, num_classes), 0.5)
    _export(DecoderGraph(model), (z, temperature, uniform), path, DECODER_INPUTS, DECODER_OUTPUTS,
            {"z": {0: "batch"}, "temperature": {0: "batch"}, "uniform": {0: "batch"}, "tokens": {0: "batch"}})


def _export(graph: nn.Module, args: tuple, path: Path, inputs: list, outputs: list, axes: dict) -> None:
    graph.eval()
    with torch.no_grad(), warnings.catch_warnings():
        # The tracer warns about every Python loop it unrolls; unrolling is the point here.
        warnings.simplefilter("ignore")
        torch.onnx.export(graph, args, str(path), dynamo=False, opset_version=OPSET, input_names=inputs,
                          output_names=outputs, dynamic_axes=axes, do_constant_folding=True)
