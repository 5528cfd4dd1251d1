"""The live decode of one sequence through IO binding, captured as a CUDA graph where ONNX Runtime can.

The decoder's three inputs and its output live in OrtValues allocated once on the session's device and
bound once, so a decode is: copy z and the temperature in (and the noise, only when it changed), run,
copy the tokens out. On CPU this costs what `session.run` costs. On CUDA the copies are explicit instead of
hidden in `run`, and fixed shapes at fixed addresses are what ONNX Runtime needs to capture the whole
decode as one CUDA graph on the first run and replay it on every later one (the session is created with
`enable_cuda_graph`; see Engine._live_decoder for the fallback when capture is refused).
"""
from __future__ import annotations

import numpy as np

from contract.graphs import TOKENS, decoder_feed


class BoundDecoder:
    def __init__(self, session, device: str, z: np.ndarray, temperature: np.ndarray, noise: np.ndarray,
                 tracks: int = 1):
        """z [1, Z], temperature [1] and noise [1, steps, C]: host arrays giving the shapes and first values;
        `tracks` > 1: tokens [1, steps, tracks] (trio)."""
        import onnxruntime as ort

        def on_device(array: np.ndarray):  # a copy: the caller's arrays stay the caller's
            return ort.OrtValue.ortvalue_from_numpy(np.array(array, dtype=np.float32), device, 0)

        self.session = session
        self.z, self.temperature, self.noise = on_device(z), on_device(temperature), on_device(noise)
        shape = [1, noise.shape[1]] + ([tracks] if tracks > 1 else [])
        self.tokens = ort.OrtValue.ortvalue_from_shape_and_type(shape, np.int64, device, 0)
        self.binding = session.io_binding()
        for name, value in decoder_feed(self.z, self.temperature, self.noise).items():
            self.binding.bind_ortvalue_input(name, value)
        self.binding.bind_ortvalue_output(TOKENS, self.tokens)

    def run(self, z: np.ndarray, temperature: np.ndarray, noise: np.ndarray | None = None) -> np.ndarray:
        """Tokens [steps] for z [1, Z] and temperature [1]; `noise` [1, steps, C] replaces the bound noise
        (None keeps the last one)."""
        self.z.update_inplace(z)
        self.temperature.update_inplace(temperature)
        if noise is not None:
            self.noise.update_inplace(noise)
        self.session.run_with_iobinding(self.binding)
        return self.tokens.numpy()[0].copy()  # on CPU numpy() is a view of the bound buffer: the next run rewrites it
