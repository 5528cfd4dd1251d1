"""The decoder graph, written node by node from the model's weights (the bundle's decoder.onnx).

Why not trace `model.decode`: a decode is ~30 sequential steps of batch-1 vector work, so ONNX Runtime's
time goes to launching nodes more than to arithmetic. The traced graph of the 2-bar melody decoder ran
~58 nodes per step (Slice, Mul, Add, Sigmoid, Tanh, Div, Log, Where around each matrix product); this
one computes the same function in 25, by rewrites that are exact in real arithmetic (`export/parity.py`
checks the result against PyTorch before a bundle is written):

- Gates are reordered (i, f, o, g), so a cell is one Split, one Sigmoid, one Split, two Tanh, three Mul
  and one Add, instead of four Slices and three Sigmoids.
- Layer 0's input: the one-hot previous token is a row gather from a [C, 4H] table, and the conditioning
  (z, or a bar's embedding c_u) is projected once per sequence and enters each step as the Gemm's C.
- Layers above 0 take [x, h] through one Gemm over the stacked weights [W_ih | W_hh].
- Gumbel-max: for T > 0, argmax(logits / T + G) = argmax(logits + T·G), and at T = 0 both are
  argmax(logits) since G is finite (u is clipped). So T·G + b_out is computed for every step up front,
  and a step's sampling is one Gemm and one ArgMax, with no division and no Where.

Measured alternatives that were not faster (`musicvae bench`-style timing, 2-bar melody, one thread):
ONNX's fused `LSTM` op per step (7 nodes per step, but 1.48 ms against this graph's 1.18 ms: the op's
per-call set-up outweighs the nodes it saves), and splitting each gate Gemm in two so ONNX Runtime
fuses the Sigmoid/Tanh into it (1.19 ms).

Bar handling is the model's: flat is one sequence conditioned on z; hier bar_input="start" decodes all
bars as one batch of B·U sequences; hier "previous" decodes the bars one after another, each starting
from its own tanh(W c_u) state and the previous bar's last token.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

from contract.graphs import TEMPERATURE, TOKENS, UNIFORM, Z
from contract.noise import NOISE_MAX, NOISE_MIN

OPSET = 17
IR_VERSION = 8  # opset 17's own; onnx 1.23 would stamp a newer one that ONNX Runtime 1.31 cannot load


class GraphBuilder:
    """Accumulates nodes and initializers under unique names."""

    def __init__(self):
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._counts: Counter[str] = Counter()

    def _name(self, stem: str) -> str:
        self._counts[stem] += 1
        return f"{stem}_{self._counts[stem]}"

    def const(self, stem: str, value) -> str:
        array = np.asarray(value)
        array = array.astype(np.float32) if array.dtype.kind == "f" else array.astype(np.int64)
        name = self._name(stem)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def op(self, op_type: str, *inputs: str, outputs: int = 1, name: str | None = None, **attrs):
        """Add a node; -> its output name, or a list of names when outputs > 1."""
        out = [name] if name else [self._name(op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, list(inputs), out, **attrs))
        return out if outputs > 1 else out[0]


def numpy_of(t: torch.Tensor) -> np.ndarray:
    return t.detach().cpu().float().numpy()


def reorder_gates(w: np.ndarray) -> np.ndarray:
    """PyTorch's gate blocks (i, f, g, o) along axis 0 -> (i, f, o, g): the three sigmoid gates together."""
    i, f, g, o = np.split(w, 4, axis=0)
    return np.concatenate([i, f, o, g], axis=0)


@dataclass
class UpperLayer:
    """A layer above 0 as one Gemm: gates = [x, h] W^T + b, W = [W_ih | W_hh] in (i, f, o, g) order."""
    weight: str
    bias: str


class DecoderGraph:
    """Builds the decoder graph of one vae.model.MusicVAE."""

    def __init__(self, model):
        self.model = model
        self.cfg = model.config
        self.g = GraphBuilder()

    # ---------------------------------------------------------------------------------------- LSTM parts

    def cell(self, gates: str, c: str, hidden: int) -> tuple[str, str]:
        """Gates [N, 4H] in (i, f, o, g) order and c -> (h, c)."""
        g = self.g
        ifo, cand = g.op("Split", gates, g.const("split", [3 * hidden, hidden]), outputs=2, axis=1)
        i, f, o = g.op("Split", g.op("Sigmoid", ifo), outputs=3, axis=1)
        c = g.op("Add", g.op("Mul", f, c), g.op("Mul", i, g.op("Tanh", cand)))
        return g.op("Mul", o, g.op("Tanh", c)), c

    def upper_layer(self, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> UpperLayer:
        return UpperLayer(self.g.const("w_upper", reorder_gates(np.concatenate([w_ih, w_hh], axis=1))),
                          self.g.const("b_upper", reorder_gates(bias)))

    def upper_layers(self, layers: list[UpperLayer], x: str, hs: list[str], cs: list[str], hidden: int) -> str:
        """Layers 1.. of one step, updating hs and cs in place; -> the top layer's h."""
        g = self.g
        for k, layer in enumerate(layers, start=1):
            gates = g.op("Gemm", g.op("Concat", x, hs[k], axis=1), layer.weight, layer.bias, transB=1)
            hs[k], cs[k] = self.cell(gates, cs[k], hidden)
            x = hs[k]
        return x

    def initial_state(self, module, x: str, layers: int) -> tuple[list[str], list[str]]:
        """tanh(W x + b) split into (h per layer, c per layer), as vae.lstm.InitialState."""
        g = self.g
        s = g.op("Tanh", g.op("Gemm", x, g.const("init_w", numpy_of(module.linear.weight)),
                              g.const("init_b", numpy_of(module.linear.bias)), transB=1))
        parts = g.op("Split", s, outputs=2 * layers, axis=1)
        return list(parts[:layers]), list(parts[layers:])

    # ------------------------------------------------------------------------------------------ conductor

    def bar_embeddings(self, z: str) -> list[str]:
        """The hier conductor (zero inputs): z -> one embedding c_u [B, E] per bar."""
        g, cfg, dec = self.g, self.cfg, self.model.decoder
        conductor, hidden = dec.conductor, cfg.conductor_hidden
        hs, cs = self.initial_state(dec.conductor_init, z, cfg.conductor_layers)
        w_hh0 = g.const("conductor_w_hh0", reorder_gates(numpy_of(conductor.weight_hh[0])))
        bias0 = g.const("conductor_b0", reorder_gates(numpy_of(conductor.bias[0])))
        upper = [self.upper_layer(numpy_of(conductor.weight_ih[k - 1]), numpy_of(conductor.weight_hh[k]),
                                  numpy_of(conductor.bias[k])) for k in range(1, cfg.conductor_layers)]
        embed = dec.embedding is not None  # without one (Magenta's), c_u is the conductor's top h
        if embed:
            emb_w, emb_b = g.const("emb_w", numpy_of(dec.embedding.weight)), g.const("emb_b", numpy_of(dec.embedding.bias))
        embeddings = []
        for _ in range(cfg.num_bars):
            hs[0], cs[0] = self.cell(g.op("Gemm", hs[0], w_hh0, bias0, transB=1), cs[0], hidden)
            top = self.upper_layers(upper, hs[0], hs, cs, hidden)
            embeddings.append(g.op("Gemm", top, emb_w, emb_b, transB=1) if embed else top)
        return embeddings

    def conditioning(self) -> list[str]:
        """What each decoded segment is conditioned on, each [N, E]: [z] (flat), [all bars' c_u as B·U rows]
        (hier "start"), or [c_0, ..., c_{U-1}] decoded one after another (hier "previous")."""
        g, cfg = self.g, self.cfg
        if cfg.decoder != "hier":
            return [Z]
        embeddings = self.bar_embeddings(Z)
        if cfg.bar_input == "start":  # [B, U·E] -> [B·U, E]: row b·U + u is bar u of sequence b
            return [g.op("Reshape", g.op("Concat", *embeddings, axis=1), g.const("shape", [-1, cfg.condition_size]))]
        return embeddings

    # --------------------------------------------------------------------------------------- token decoder

    def build(self) -> onnx.ModelProto:
        """One token decoder (flat, hier), or one per track (trio: tokens [B, T, 3], the three decoders
        sharing the conductor's c_u, each sampling from its own slice of the noise's classes)."""
        g, cfg = self.g, self.cfg
        conds = self.conditioning()
        decoders = self.model.decoder.track_decoders if cfg.decoder == "hier" else [self.model.decoder.core]
        if len(decoders) == 1:
            self.track(decoders[0], conds, UNIFORM, name=TOKENS)
            return self.model_proto()
        offsets = np.cumsum([0, *cfg.track_classes])
        tracks = []
        for k, core in enumerate(decoders):
            noise = g.op("Slice", UNIFORM, g.const("start", [offsets[k]]), g.const("end", [offsets[k + 1]]),
                         g.const("axis", [2]))
            tracks.append(g.op("Unsqueeze", self.track(core, conds, noise), g.const("axes", [2])))
        g.op("Concat", *tracks, axis=2, name=TOKENS)
        return self.model_proto()

    def track(self, core, conds: list[str], uniform: str, name: str | None = None) -> str:
        """The autoregressive decode of one token track -> its tokens [B, T] (named `name` if given)."""
        g, cfg = self.g, self.cfg
        classes, hidden, rnn = core.num_classes, cfg.decoder_hidden, core.rnn
        w_ih0 = reorder_gates(numpy_of(rnn.weight_ih_l0))
        token_table = g.const("token_table", w_ih0[:, :classes].T)  # [C, 4H]: the one-hot input as a row gather
        cond_w = g.const("cond_w", w_ih0[:, classes:])
        cond_b = g.const("cond_b", reorder_gates(numpy_of(rnn.bias_ih_l0) + numpy_of(rnn.bias_hh_l0)))
        w_hh0 = g.const("w_hh0", reorder_gates(numpy_of(rnn.weight_hh_l0)))
        upper = [self.upper_layer(*(numpy_of(getattr(rnn, f"{name}_l{k}")) for name in ("weight_ih", "weight_hh")),
                                  numpy_of(getattr(rnn, f"bias_ih_l{k}")) + numpy_of(getattr(rnn, f"bias_hh_l{k}")))
                 for k in range(1, cfg.decoder_layers)]
        w_out = g.const("out_w", numpy_of(core.output.weight))

        segment_steps = cfg.steps_per_bar if cfg.decoder == "hier" else cfg.num_steps
        loop_steps = segment_steps * len(conds)  # sequential steps in the graph
        noise = self.step_noise(uniform, core.output.bias, loop_steps)
        carry_token = len(conds) > 1  # hier "previous": a bar's first input is the previous bar's last token

        tokens: list[str] = []
        token = None  # the previous step's token [N]; None: the start token, a zero input
        for cond in conds:
            cond_gates = g.op("Gemm", cond, cond_w, cond_b, transB=1)  # once per sequence (or bar)
            hs, cs = self.initial_state(core.init, cond, cfg.decoder_layers)
            for _ in range(segment_steps):
                pre = g.op("Gemm", hs[0], w_hh0, cond_gates, transB=1)
                gates = pre if token is None else g.op("Add", g.op("Gather", token_table, token, axis=0), pre)
                hs[0], cs[0] = self.cell(gates, cs[0], hidden)
                top = self.upper_layers(upper, hs[0], hs, cs, hidden)
                token = g.op("ArgMax", g.op("Gemm", top, w_out, noise[len(tokens)], transB=1), axis=1, keepdims=0)
                tokens.append(token)
            token = token if carry_token else None
        by_step = g.op("Reshape", g.op("Concat", *tokens, axis=0), g.const("shape", [loop_steps, -1]))  # [S, N]
        return g.op("Reshape", g.op("Transpose", by_step, perm=[1, 0]), g.const("shape", [-1, cfg.num_steps]), name=name)

    def step_noise(self, uniform: str, out_bias: torch.Tensor, loop_steps: int) -> list[str]:
        """T·G + b_out for every sequential step, G = -log(-log u): one [N, C] tensor each.

        uniform [B, num_steps, C] reshapes to [N, loop_steps·C]: N = B, or B·U rows (bar u of sequence b
        at row b·U + u) when the bars decode as one batch, since a sequence's bars are contiguous in time.
        """
        g, classes = self.g, int(out_bias.shape[0])
        u = g.op("Clip", uniform, g.const("lo", np.float32(NOISE_MIN)), g.const("hi", np.float32(NOISE_MAX)))
        gumbel = g.op("Neg", g.op("Log", g.op("Neg", g.op("Log", u))))
        t = g.op("Unsqueeze", g.op("Relu", TEMPERATURE), g.const("axes", [1, 2]))  # T <= 0: argmax, as the model
        rows = g.op("Reshape", g.op("Mul", gumbel, t), g.const("shape", [-1, loop_steps * classes]))
        noisy = g.op("Add", rows, g.const("out_b", np.tile(numpy_of(out_bias), loop_steps)))
        return g.op("Split", noisy, outputs=loop_steps, axis=1) if loop_steps > 1 else [noisy]

    def model_proto(self) -> onnx.ModelProto:
        cfg = self.cfg
        inputs = [helper.make_tensor_value_info(Z, TensorProto.FLOAT, ["batch", cfg.z_size]),
                  helper.make_tensor_value_info(TEMPERATURE, TensorProto.FLOAT, ["batch"]),
                  helper.make_tensor_value_info(UNIFORM, TensorProto.FLOAT,
                                                ["batch", cfg.num_steps, cfg.num_classes])]
        tracks = [len(cfg.track_classes)] if len(cfg.track_classes) > 1 else []
        outputs = [helper.make_tensor_value_info(TOKENS, TensorProto.INT64, ["batch", cfg.num_steps, *tracks])]
        graph = helper.make_graph(self.g.nodes, "musicvae_decoder", inputs, outputs, self.g.initializers)
        proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="musicvae-live")
        proto.ir_version = IR_VERSION
        onnx.checker.check_model(proto, full_check=True)
        return proto


def build_decoder_graph(model) -> onnx.ModelProto:
    """The decoder of `model` (a vae.model.MusicVAE) as an ONNX graph: z, temperature, uniform -> tokens."""
    return DecoderGraph(model).build()
