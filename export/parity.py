"""Parity between the PyTorch model and its ONNX graphs, checked before a bundle is written.

At temperature 0 the ONNX decoder must produce exactly PyTorch's tokens, and the encoder's mu and sigma
must agree within a tolerance; sampling with the same noise must be deterministic across runs. Any miss
raises ParityError saying which output diverged and by how much.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from contract.graphs import decoder_feed, encoder_feed
from contract.noise import argmax_noise, uniform_noise


class ParityError(RuntimeError):
    pass


@dataclass
class ParityReport:
    windows: int
    mu_max_abs_diff: float
    sigma_max_abs_diff: float
    argmax_token_mismatches: int
    sampled_token_mismatches: int  # ONNX vs PyTorch at temperature 1 with the same noise (informative)
    sampling_deterministic: bool

    def as_dict(self) -> dict:
        return asdict(self)


def cpu_session(path: Path) -> ort.InferenceSession:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def check_parity(model, encoder_path: Path, decoder_path: Path, tokens: np.ndarray,
                 tolerance: float = 1e-4, seed: int = 0) -> ParityReport:
    encoder, decoder = cpu_session(encoder_path), cpu_session(decoder_path)
    tokens = np.ascontiguousarray(tokens, dtype=np.int64)
    with torch.no_grad():
        mu_t, sigma_t = (t.numpy() for t in model.encode(torch.from_numpy(tokens)))
    mu_o, sigma_o = encoder.run(None, encoder_feed(tokens))
    mu_diff = float(np.abs(mu_t - mu_o).max())
    sigma_diff = float(np.abs(sigma_t - sigma_o).max())

    n, steps = tokens.shape[:2]  # trio tokens are [n, steps, 3]
    classes = model.config.num_classes
    fixed = argmax_noise((n, steps, classes))
    noise = uniform_noise((n, steps, classes), seed)
    zero_t, one_t = np.zeros(n, dtype=np.float32), np.ones(n, dtype=np.float32)

    def torch_decode(temperature, uniform):
        with torch.no_grad():
            return model.decode(torch.from_numpy(mu_t), torch.from_numpy(temperature),
                                 torch.from_numpy(uniform)).numpy()

    def onnx_decode(temperature, uniform):
        return decoder.run(None, decoder_feed(mu_t, temperature, uniform))[0]

    argmax_mismatch = int((torch_decode(zero_t, fixed) != onnx_decode(zero_t, fixed)).reshape(n, -1).any(1).sum())
    sampled_once = onnx_decode(one_t, noise)
    deterministic = bool(np.array_equal(sampled_once, onnx_decode(one_t, noise)))
    sampled_mismatch = int((torch_decode(one_t, noise) != sampled_once).reshape(n, -1).any(1).sum())
    report = ParityReport(n, mu_diff, sigma_diff, argmax_mismatch, sampled_mismatch, deterministic)
    _raise_on_failure(report, tolerance)
    return report


def _raise_on_failure(report: ParityReport, tolerance: float) -> None:
    problems = []
    if report.mu_max_abs_diff > tolerance:
        problems.append(f"encoder mu differs by up to {report.mu_max_abs_diff:.3g} (tolerance {tolerance:g})")
    if report.sigma_max_abs_diff > tolerance:
        problems.append(f"encoder sigma differs by up to {report.sigma_max_abs_diff:.3g} (tolerance {tolerance:g})")
    if report.argmax_token_mismatches:
        problems.append(f"decoder tokens at temperature 0 differ in {report.argmax_token_mismatches} "
                        f"of {report.windows} windows")
    if not report.sampling_deterministic:
        problems.append("decoder sampling with a fixed seed gave different tokens on two runs")
    if problems:
        raise ParityError("ONNX parity check failed: " + "; ".join(problems))
