"""The live engine (docs/design.md, 'Engine'): a bundle's two ONNX graphs behind encode and decode calls.

Sessions are built once, CUDA first and CPU as the fallback, and warmed up. onnxruntime-gpu lists CUDA
as available even where it cannot load it and then silently runs on CPU, so the provider that actually
runs is read back from the session (`session.get_providers()`) and logged once.

Sampling is Gumbel-max inside the decoder graph; the noise is a graph input (`uniform`), drawn by
contract/noise.py from `numpy.random.default_rng(seed)`, so a seed gives the same notes on every provider
and machine. At temperature 0 the graph takes the argmax and ignores the noise (batch decodes pass 0.5
everywhere).

Hot path: the single-sequence decode runs through IO binding on buffers allocated once on the session's
device (server/bound_decoder.py), captured as a CUDA graph on CUDA where ONNX Runtime allows it, and
redraws the noise only when the seed changes (a live session decodes every point with its one /seed).
On CPU, binding costs what `run` costs (within 2 us). One intra-op thread is the default: a second pays
only when it spins (see `_session`), and spinning keeps a core busy that a performer's audio may need.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from contract.bundle import Bundle, BundleError, load_bundle
from contract.codec import DEFAULT_VELOCITY, Note, get_codec
from contract.graphs import DECODER, DECODER_INPUTS, DECODER_OUTPUTS, ENCODER, ENCODER_INPUTS, ENCODER_OUTPUTS, MU
from contract.graphs import decoder_feed, encoder_feed
from contract.noise import argmax_noise, fill_noise, uniform_noise
from server.bound_decoder import BoundDecoder

log = logging.getLogger("musicvae.server")

CUDA = "CUDAExecutionProvider"
CPU = "CPUExecutionProvider"
# CoreML (macOS) is deliberately not offered: whether it speeds up a batch-1 LSTM decode has not been
# measured, as no macOS machine was available (docs/design.md, "Live server").
PROVIDERS = {"auto": [CUDA, CPU], "cuda": [CUDA, CPU], "cpu": [CPU]}
PROVIDER_CHOICES = tuple(PROVIDERS)  # what `serve --provider` and `bench --provider` accept


@dataclass(frozen=True)
class EngineOptions:
    provider: str = "auto"  # one of PROVIDER_CHOICES
    threads: int = 1  # intra-op threads; more than one spin while busy (faster for 16-bar, costs a core)
    warmup: int = 3  # decode/encode runs before serving, so the first request is not the slow one
    verify: bool = True  # check each graph's sha256 against the manifest


class Engine:
    """Encode notes to z and decode z to notes with a bundle's ONNX graphs. Thread-safe."""

    def __init__(self, bundle: Bundle | str | Path, options: EngineOptions = EngineOptions()):
        self.options = options
        self.bundle = bundle if isinstance(bundle, Bundle) else load_bundle(bundle, verify=options.verify)
        self.codec = get_codec(self.bundle.codec)
        self.z_size, self.num_steps = self.bundle.z_size, self.bundle.num_steps
        self.num_classes = self.bundle.num_classes
        # One token per step, or one per track (trio: [steps, 3]).
        self.token_shape = (self.num_steps,) + ((self.codec.tracks,) if self.codec.tracks > 1 else ())
        started = time.perf_counter()
        self.encoder = self._session(ENCODER)
        self.decoder = self._session(DECODER)
        self.provider = self.decoder.get_providers()[0]
        self._check_graphs()
        self._lock = threading.Lock()
        self._z = np.zeros((1, self.z_size), dtype=np.float32)
        self._temperature = np.zeros(1, dtype=np.float32)
        self._noise = argmax_noise((1, self.num_steps, self.num_classes))
        self._noise_seed: int | None = None  # the seed the bound noise was drawn with
        self.cuda_graph = False
        self._live = self._live_decoder()
        self._warm_up()
        self.load_seconds = time.perf_counter() - started
        log.info("model %s (%s, %d bars, z %d) on %s%s, ready in %.2f s", self.bundle.name, self.bundle.codec,
                 self.bundle.num_bars, self.z_size, self.provider, " with a CUDA graph" if self.cuda_graph else "",
                 self.load_seconds)

    # ------------------------------------------------------------------------------------------ set-up

    def _session(self, name: str, cuda_graph: bool = False):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = max(0, int(self.options.threads))
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Extra threads pay only if they spin between a step's parallel sections: measured on the 16-bar
        # decode, 3.5 -> 2.3 ms with 2 spinning threads, no gain without spinning. The price is a second
        # core kept busy while decodes keep coming (1.27 cores against 0.30 at 100 Hz), so only asked-for.
        so.add_session_config_entry("session.intra_op.allow_spinning", "0" if self.options.threads == 1 else "1")
        wanted = PROVIDERS.get(self.options.provider)
        if wanted is None:
            raise ValueError(f"unknown provider {self.options.provider!r}; choose {', '.join(PROVIDER_CHOICES)}")
        providers = [p for p in wanted if p in ort.get_available_providers()] or [CPU]
        path = str(self.bundle.graph_paths[name])
        quiet = CUDA in providers and not log.isEnabledFor(logging.DEBUG)
        if cuda_graph:  # CUDA alone: a graph can be captured only if every node runs there
            providers = [(CUDA, {"enable_cuda_graph": "1"})]
        if quiet:  # a failed CUDA load logs a red error per session; we report the outcome ourselves
            ort.set_default_logger_severity(4)
        try:
            session = ort.InferenceSession(path, so, providers=providers)
        except Exception as exc:  # ORT raises its own exception types for corrupt graphs
            raise BundleError(f"{path}: ONNX Runtime cannot load this graph: {exc}") from exc
        finally:
            if quiet:
                ort.set_default_logger_severity(2)
        if self.options.provider == "cuda" and session.get_providers()[0] != CUDA:
            log.warning("CUDA was asked for but could not be loaded; %s runs on CPU", name)
        return session

    def _live_decoder(self) -> BoundDecoder:
        """The single-sequence decode, bound to preallocated device buffers; on CUDA captured as a CUDA
        graph in a session of its own (batch decodes keep the plain session: a graph has fixed shapes)."""
        def bound(session, device: str) -> BoundDecoder:
            return BoundDecoder(session, device, self._z, self._temperature, self._noise, self.codec.tracks)

        if self.provider != CUDA:
            return bound(self.decoder, "cpu")
        try:
            live = bound(self._session(DECODER, cuda_graph=True), "cuda")
            live.run(self._z, self._temperature)  # the first run captures; a graph ORT cannot capture fails here
            self.cuda_graph = True
            return live
        except Exception as exc:  # ORT's own exception types; the plain CUDA session still works
            log.warning("decoding without a CUDA graph: ONNX Runtime could not capture this decoder (%s)", exc)
            return bound(self.decoder, "cuda")

    def _check_graphs(self) -> None:
        """The graphs must have the contract's input and output names (contract/graphs.py; docs/design.md,
        'Export and the bundle contract')."""
        expected = {self.encoder: (set(ENCODER_INPUTS), set(ENCODER_OUTPUTS)),
                    self.decoder: (set(DECODER_INPUTS), set(DECODER_OUTPUTS))}
        for session, (inputs, outputs) in expected.items():
            have_in = {i.name for i in session.get_inputs()}
            have_out = {o.name for o in session.get_outputs()}
            if have_in != inputs or not outputs <= have_out:
                raise BundleError(f"{self.bundle.path}: graph inputs {sorted(have_in)} / outputs "
                                  f"{sorted(have_out)} do not match the bundle contract "
                                  f"({sorted(inputs)} -> {sorted(outputs)})")

    def _warm_up(self) -> None:
        for i in range(max(1, self.options.warmup)):
            self.encode_tokens(np.zeros(self.token_shape, dtype=np.int64))
            tokens = self.decode_tokens(np.zeros(self.z_size, dtype=np.float32), temperature=float(i % 2), seed=i)
        if tokens.shape != self.token_shape or tokens.min() < 0 or tokens.max() >= self.num_classes:
            raise BundleError(f"{self.bundle.path}: the decoder returned tokens outside 0..{self.num_classes - 1} "
                              f"or of shape {tokens.shape}, not {self.token_shape}")

    # --------------------------------------------------------------------------------------------- encode

    def encode(self, notes: Iterable[Note]) -> np.ndarray:
        """The posterior mean mu [z] of a clip (quantized to the grid, cut at the window end)."""
        return self.encode_tokens(self.codec.encode(notes, self.num_steps))

    def encode_tokens(self, tokens: np.ndarray) -> np.ndarray:
        """mu for tokens [steps] -> [z], or [batch, steps] -> [batch, z] (trio: [steps, 3], [batch, steps, 3])."""
        tokens = np.asarray(tokens, dtype=np.int64)
        single = tokens.ndim == len(self.token_shape)
        batch = np.ascontiguousarray(tokens[None] if single else tokens)
        if batch.shape[1:] != self.token_shape:
            raise ValueError(f"tokens have shape {batch.shape[1:]}, the model takes {self.token_shape} "
                             f"({self.num_steps} steps)")
        mu = self.encoder.run([MU], encoder_feed(batch))[0]
        return mu[0] if single else mu

    # --------------------------------------------------------------------------------------------- decode

    def decode_tokens(self, z: np.ndarray, temperature: float = 0.0, seed: int = 0) -> np.ndarray:
        """Tokens [steps] of one z [z_size]; seeded Gumbel noise, argmax at temperature 0."""
        with self._lock:
            self._z[0] = z
            self._temperature[0] = temperature
            # At temperature 0 the graph ignores the noise, so whatever is bound serves.
            redraw = temperature > 0 and seed != self._noise_seed
            if redraw:  # a live session decodes every point with its one seed: draw it once
                fill_noise(self._noise, seed)
                self._noise_seed = seed
            return self._live.run(self._z, self._temperature, self._noise if redraw else None)

    def decode(self, z: np.ndarray, temperature: float = 0.0, seed: int = 0,
               velocity: int = DEFAULT_VELOCITY) -> list[Note]:
        """Notes of one z: pitch, velocity, start and duration in beats on the 16th-note grid."""
        return self.codec.decode(self.decode_tokens(z, temperature, seed), velocity=velocity)

    def decode_batch(self, z: np.ndarray, temperature: float | Sequence[float] = 0.0, seed: int = 0) -> np.ndarray:
        """Tokens [batch, steps] of z [batch, z_size] in one run; one seed draws the whole batch's noise."""
        z = np.ascontiguousarray(z, dtype=np.float32).reshape(-1, self.z_size)
        n = len(z)
        temperatures = np.broadcast_to(np.asarray(temperature, dtype=np.float32), (n,)).copy()
        shape = (n, self.num_steps, self.num_classes)
        noise = uniform_noise(shape, seed) if (temperatures > 0).any() else argmax_noise(shape)
        return self.decoder.run(None, decoder_feed(z, temperatures, noise))[0]
