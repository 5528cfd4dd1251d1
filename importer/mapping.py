"""TensorFlow's MusicVAE variables <-> vae.model.MusicVAE's state dict, both ways, exactly (numpy only).

Magenta's LSTM (LSTMBlockCell in Python, tf.basicLSTMCell in magenta.js) keeps one kernel [input + H, 4H]
over concat(x, h) with gate blocks i, j, f, o, and one bias [4H] to which a forget bias of 1.0 is added at
run time. PyTorch's nn.LSTM keeps W_ih [4H, input], W_hh [4H, H] and two biases, gate blocks i, f, g, o.
So W = kernel^T split at the input width, blocks reordered (i, f, j, o), b_ih = bias + 1 on the f block,
b_hh = 0. A TF initial state is tanh(dense(x)) split into 2L parts with layer i's c = part 2i and
h = part 2i + 1; vae.lstm.InitialState splits it as [h_0 .. h_{L-1}, c_0 .. c_{L-1}], so the dense layer's
output blocks are permuted. A dense kernel is [in, out], an nn.Linear weight its transpose.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from importer.errors import CheckpointError
from vae.configs import ModelConfig

FORGET_BIAS = 1.0
LSTM_CELL = "lstm_cell"
BIDI_CELL = "cell_{k}/bidirectional_rnn/{direction}/multi_rnn_cell/cell_0/lstm_cell"
DIRECTIONS = {"fw": "", "bw": "_reverse"}  # TF direction -> nn.LSTM parameter suffix


# ----------------------------------------------------------------------------------- where things live


def encoder_levels(cfg: ModelConfig) -> list[tuple[str, str]]:
    """(TF scope, our nn.LSTM) of each encoder level."""
    if cfg.encoder == "hier":
        return [("encoder/hierarchical_level_0", "encoder.rnn"), ("encoder/hierarchical_level_1", "encoder.top_rnn")]
    return [("encoder", "encoder.rnn")]


def track_decoders(cfg: ModelConfig) -> list[tuple[str, str]]:
    """(TF scope, our TokenDecoder) of each token decoder."""
    if cfg.decoder != "hier":
        return [("decoder", "decoder.core")]
    if len(cfg.track_classes) == 1:
        return [("core_decoder/decoder", "decoder.core")]
    return [(f"core_decoder/core_decoder_{i}/decoder", f"decoder.cores.{i}") for i in range(len(cfg.track_classes))]


CONDUCTOR = "decoder/hierarchical_level_0"


@dataclass(frozen=True)
class Piece:
    """One mapped part of the model: `kind` is lstm, dense, initial_state or conductor."""
    kind: str
    scope: str = ""  # TF variable scope
    module: str = ""  # our module path
    suffix: str = ""  # nn.LSTM direction suffix
    layer: int = 0  # the LSTM layer, or the layer count an initial state is split for


def pieces(cfg: ModelConfig) -> Iterator[Piece]:
    """Every part of the model in checkpoint order: the one list both directions of the mapping walk."""
    for scope, module in encoder_levels(cfg):
        for k in range(cfg.encoder_layers):
            for direction, suffix in DIRECTIONS.items():
                yield Piece("lstm", f"{scope}/{BIDI_CELL.format(k=k, direction=direction)}", module, suffix, k)
    yield Piece("dense", "encoder/mu", "encoder.mu")
    yield Piece("dense", "encoder/sigma", "encoder.sigma")
    if cfg.decoder == "hier":
        yield Piece("conductor", CONDUCTOR, "decoder.conductor")
    for scope, module in track_decoders(cfg):
        for k in range(cfg.decoder_layers):
            yield Piece("lstm", f"{scope}/multi_rnn_cell/cell_{k}/{LSTM_CELL}", f"{module}.rnn", "", k)
        yield Piece("initial_state", f"{scope}/z_to_initial_state", f"{module}.init.linear", layer=cfg.decoder_layers)
        yield Piece("dense", f"{scope}/output_projection", f"{module}.output")


# -------------------------------------------------------------------------------------------- numerics


def _blocks(w: np.ndarray, order: tuple[int, int, int, int], axis: int) -> np.ndarray:
    parts = np.split(w, 4, axis=axis)
    return np.concatenate([parts[i] for i in order], axis=axis)


TF_TO_TORCH_GATES = (0, 2, 1, 3)  # (i, j, f, o) -> (i, f, j, o); the permutation is its own inverse


def lstm_from_tf(kernel: np.ndarray, bias: np.ndarray, input_size: int) -> dict[str, np.ndarray]:
    w = _blocks(kernel.T, TF_TO_TORCH_GATES, axis=0)
    b = _blocks(bias, TF_TO_TORCH_GATES, axis=0).astype(np.float32)
    hidden = b.shape[0] // 4
    b[hidden: 2 * hidden] += np.float32(FORGET_BIAS)
    return {"weight_ih": w[:, :input_size], "weight_hh": w[:, input_size:], "bias_ih": b,
            "bias_hh": np.zeros_like(b)}


def lstm_to_tf(w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    b = (b_ih + b_hh).astype(np.float32)
    hidden = b.shape[0] // 4
    b[hidden: 2 * hidden] -= np.float32(FORGET_BIAS)
    kernel = _blocks(np.concatenate([w_ih, w_hh], axis=1), TF_TO_TORCH_GATES, axis=0).T
    return np.ascontiguousarray(kernel), _blocks(b, TF_TO_TORCH_GATES, axis=0)


def initial_state_order(layers: int) -> list[int]:
    """Our output block b -> the TF block it comes from: h_i is TF part 2i + 1, c_i is TF part 2i."""
    return [2 * b + 1 for b in range(layers)] + [2 * b for b in range(layers)]


def initial_state_from_tf(kernel: np.ndarray, bias: np.ndarray, layers: int) -> tuple[np.ndarray, np.ndarray]:
    order = initial_state_order(layers)
    w = np.split(kernel.T, 2 * layers, axis=0)
    b = np.split(bias, 2 * layers)
    return np.concatenate([w[i] for i in order]), np.concatenate([b[i] for i in order])


def initial_state_to_tf(weight: np.ndarray, bias: np.ndarray, layers: int) -> tuple[np.ndarray, np.ndarray]:
    order = initial_state_order(layers)
    w, b = np.split(weight, 2 * layers, axis=0), np.split(bias, 2 * layers)
    tf_w, tf_b = [None] * (2 * layers), [None] * (2 * layers)
    for ours, theirs in enumerate(order):
        tf_w[theirs], tf_b[theirs] = w[ours], b[ours]
    return np.ascontiguousarray(np.concatenate(tf_w).T), np.concatenate(tf_b)


# ------------------------------------------------------------------------------------------ TF -> ours


class _Tensors:
    """The TF tensors, each taken at most once, so the ones nobody maps can be named."""

    def __init__(self, tensors: dict[str, np.ndarray]):
        self.tensors, self.used = tensors, set()

    def __call__(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        if name not in self.tensors:
            raise CheckpointError(f"the checkpoint has no tensor {name!r}, which this model needs")
        value = self.tensors[name]
        if tuple(value.shape) != tuple(shape):
            raise CheckpointError(f"tensor {name!r} has shape {list(value.shape)}, the model needs {list(shape)}")
        self.used.add(name)
        return np.asarray(value, dtype=np.float32)

    def unused(self) -> list[str]:
        return sorted(set(self.tensors) - self.used)


def to_state_dict(tensors: dict[str, np.ndarray], cfg: ModelConfig, shapes: dict[str, tuple]) -> dict[str, np.ndarray]:
    """Our state dict from TF tensors. `shapes`: the state dict shapes of MusicVAE(cfg), to check against."""
    take = _Tensors(tensors)
    out: dict[str, np.ndarray] = {}

    def lstm(p: Piece) -> None:
        w_ih, w_hh = shapes[f"{p.module}.weight_ih_l{p.layer}{p.suffix}"], shapes[f"{p.module}.weight_hh_l{p.layer}{p.suffix}"]
        width, hidden = w_ih[1], w_hh[1]
        parts = lstm_from_tf(take(f"{p.scope}/kernel", (width + hidden, 4 * hidden)),
                             take(f"{p.scope}/bias", (4 * hidden,)), width)
        for name, value in parts.items():
            out[f"{p.module}.{name}_l{p.layer}{p.suffix}"] = value

    def dense(p: Piece) -> None:
        rows, cols = shapes[f"{p.module}.weight"]
        out[f"{p.module}.weight"] = take(f"{p.scope}/kernel", (cols, rows)).T.copy()
        out[f"{p.module}.bias"] = take(f"{p.scope}/bias", (rows,))

    def initial_state(p: Piece) -> None:
        rows, cols = shapes[f"{p.module}.weight"]
        out[f"{p.module}.weight"], out[f"{p.module}.bias"] = initial_state_from_tf(
            take(f"{p.scope}/kernel", (cols, rows)), take(f"{p.scope}/bias", (rows,)), p.layer)

    mappers = {"lstm": lstm, "dense": dense, "initial_state": initial_state,
               "conductor": lambda p: _conductor(take, out, cfg, shapes)}
    for piece in pieces(cfg):
        mappers[piece.kind](piece)
    if take.unused():
        raise CheckpointError(f"the checkpoint holds tensors this model has no place for: {', '.join(take.unused()[:6])}"
                              f"{' ...' if len(take.unused()) > 6 else ''}")
    return out


def _conductor(take: _Tensors, out: dict, cfg: ModelConfig, shapes: dict) -> None:
    """Magenta's conductor reads a zero input of width 1: its kernel's input rows multiply zeros, dropped."""
    hidden, layers = cfg.conductor_hidden, cfg.conductor_layers
    rows, cols = shapes["decoder.conductor_init.linear.weight"]
    out["decoder.conductor_init.linear.weight"], out["decoder.conductor_init.linear.bias"] = initial_state_from_tf(
        take(f"{CONDUCTOR}/initial_state/kernel", (cols, rows)), take(f"{CONDUCTOR}/initial_state/bias", (rows,)), layers)
    for k in range(layers):
        width = conductor_input_width(take.tensors, k, hidden)
        parts = lstm_from_tf(take(f"{CONDUCTOR}/cell_{k}/{LSTM_CELL}/kernel", (width + hidden, 4 * hidden)),
                             take(f"{CONDUCTOR}/cell_{k}/{LSTM_CELL}/bias", (4 * hidden,)), width)
        out[f"decoder.conductor.weight_hh.{k}"] = parts["weight_hh"]
        out[f"decoder.conductor.bias.{k}"] = parts["bias_ih"]  # bias_hh is 0: one bias is all InputlessLSTM has
        if k > 0:
            out[f"decoder.conductor.weight_ih.{k - 1}"] = parts["weight_ih"]


def conductor_input_width(tensors: dict, layer: int, hidden: int) -> int:
    """Layer 0 reads Magenta's dummy input (width 1); layers above read the layer below's h."""
    if layer > 0:
        return hidden
    kernel = tensors.get(f"{CONDUCTOR}/cell_0/{LSTM_CELL}/kernel")
    return (kernel.shape[0] - hidden) if kernel is not None else 1


# ------------------------------------------------------------------------------------------ ours -> TF


def to_tf(state: dict[str, np.ndarray], cfg: ModelConfig) -> dict[str, np.ndarray]:
    """TF-named tensors of our model: the exact inverse of `to_state_dict` (forget bias and gates included).
    The conductor's dummy input row is written as zeros; a model with a conductor embedding has no TF form."""
    if cfg.decoder == "hier" and cfg.conductor_output:
        raise CheckpointError("a conductor embedding layer has no place in Magenta's checkpoints (conductor_output "
                              "must be 0)")
    s = {k: np.asarray(v, dtype=np.float32) for k, v in state.items()}
    out: dict[str, np.ndarray] = {}

    def lstm(p: Piece) -> None:
        out[f"{p.scope}/kernel"], out[f"{p.scope}/bias"] = lstm_to_tf(
            *(s[f"{p.module}.{name}_l{p.layer}{p.suffix}"] for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")))

    def dense(p: Piece) -> None:
        out[f"{p.scope}/kernel"], out[f"{p.scope}/bias"] = np.ascontiguousarray(s[f"{p.module}.weight"].T), s[f"{p.module}.bias"]

    def initial_state(p: Piece) -> None:
        out[f"{p.scope}/kernel"], out[f"{p.scope}/bias"] = initial_state_to_tf(
            s[f"{p.module}.weight"], s[f"{p.module}.bias"], p.layer)

    mappers = {"lstm": lstm, "dense": dense, "initial_state": initial_state,
               "conductor": lambda p: out.update(_conductor_to_tf(s, cfg))}
    for piece in pieces(cfg):
        mappers[piece.kind](piece)
    return out


def _conductor_to_tf(s: dict[str, np.ndarray], cfg: ModelConfig) -> dict[str, np.ndarray]:
    """The inverse of `_conductor`: the dummy input's kernel row is written as zeros."""
    layers, hidden, out = cfg.conductor_layers, cfg.conductor_hidden, {}
    out[f"{CONDUCTOR}/initial_state/kernel"], out[f"{CONDUCTOR}/initial_state/bias"] = initial_state_to_tf(
        s["decoder.conductor_init.linear.weight"], s["decoder.conductor_init.linear.bias"], layers)
    for k in range(layers):
        w_ih = s[f"decoder.conductor.weight_ih.{k - 1}"] if k else np.zeros((4 * hidden, 1), np.float32)
        bias = s[f"decoder.conductor.bias.{k}"]
        out[f"{CONDUCTOR}/cell_{k}/{LSTM_CELL}/kernel"], out[f"{CONDUCTOR}/cell_{k}/{LSTM_CELL}/bias"] = lstm_to_tf(
            w_ih, s[f"decoder.conductor.weight_hh.{k}"], bias, np.zeros_like(bias))
    return out
