"""The bundle's two ONNX graphs as the exporter writes them and the server runs them: their files and their
input and output names. Changing a name here changes the bundle format (contract/bundle.py's version).
"""
from __future__ import annotations

import numpy as np

ENCODER, DECODER = "encoder", "decoder"
GRAPHS = (ENCODER, DECODER)

TOKENS = "tokens"  # int64 [batch, steps]: the encoder's input and the decoder's output
MU, SIGMA = "mu", "sigma"  # float32 [batch, z]: the posterior the encoder returns
Z = "z"  # float32 [batch, z]
TEMPERATURE = "temperature"  # float32 [batch]; <= 0 decodes by argmax
UNIFORM = "uniform"  # float32 [batch, steps, classes]: the Gumbel-max noise (contract/noise.py)

ENCODER_INPUTS, ENCODER_OUTPUTS = (TOKENS,), (MU, SIGMA)
DECODER_INPUTS, DECODER_OUTPUTS = (Z, TEMPERATURE, UNIFORM), (TOKENS,)


def graph_file(graph: str) -> str:
    """The file a graph is written to inside the bundle folder (the manifest names it too)."""
    return f"{graph}.onnx"


def encoder_feed(tokens: np.ndarray) -> dict[str, np.ndarray]:
    return {TOKENS: tokens}


def decoder_feed(z, temperature, uniform) -> dict:
    """The decoder's inputs by name; arrays or device-bound OrtValues alike."""
    return {Z: z, TEMPERATURE: temperature, UNIFORM: uniform}
