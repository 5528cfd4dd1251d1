"""Floating-point work of one decode, from a bundle's config, to read latency against the hardware.

Counts multiply-adds as 2 FLOPs for the work the exported graph does: LSTM steps (the one-hot token's
projection is a row gather and the z or c_u projection is hoisted out of the loop, so neither costs per
step), the output layer per step, and the initial-state projections.
"""
from __future__ import annotations


def _lstm_step(input_size: int, hidden: int) -> int:
    return 2 * 4 * hidden * (input_size + hidden)


def _stack_steps(hidden: int, layers: int) -> int:
    """One step of a stacked LSTM whose first layer's input projection is hoisted or gathered."""
    first = 2 * 4 * hidden * hidden
    return first + (layers - 1) * _lstm_step(hidden, hidden)


def decode_flops(model: dict) -> int:
    """FLOPs of one sequence's decode (batch 1) for a manifest's config["model"] dict."""
    z, classes = model["z_size"], model["num_classes"]
    bars, steps_per_bar = model["num_bars"], model["steps_per_bar"]
    hidden, layers = model["decoder_hidden"], model["decoder_layers"]
    per_token = _stack_steps(hidden, layers) + 2 * hidden * classes
    init = 2 * z * 2 * hidden * layers
    if model["decoder"] == "flat":
        return init + 2 * z * 4 * hidden + bars * steps_per_bar * per_token
    c_hidden, c_layers, c_out = model["conductor_hidden"], model["conductor_layers"], model["conductor_output"]
    conductor = 2 * z * 2 * c_hidden * c_layers + bars * (_stack_steps(c_hidden, c_layers) + 2 * c_hidden * c_out)
    per_bar = 2 * c_out * 2 * hidden * layers + 2 * c_out * 4 * hidden + steps_per_bar * per_token
    return conductor + bars * per_bar
