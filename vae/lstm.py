"""LSTM building blocks shared by the encoder and decoders: state initialisation and a hand-written step.

Teacher-forced passes run the fused `nn.LSTM`; autoregressive decoding runs `stacked_step`, a hand-written
cell over the SAME parameters (nn.LSTM layout and gate order i, f, g, o), because decoding feeds each
step's output back as the next input, one step at a time.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

State = tuple[list[torch.Tensor], list[torch.Tensor]]  # (h per layer, c per layer), each [N, H]


class InitialState(nn.Module):
    """tanh(W x) split into the (h, c) of every layer of a stacked LSTM (Magenta's initial state from z)."""

    def __init__(self, in_size: int, hidden: int, layers: int):
        super().__init__()
        self.hidden, self.layers = hidden, layers
        self.linear = nn.Linear(in_size, 2 * layers * hidden)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """-> (h0, c0), each [layers, N, hidden] as nn.LSTM takes them."""
        s = torch.tanh(self.linear(x)).reshape(-1, 2 * self.layers, self.hidden).transpose(0, 1)
        return s[: self.layers].contiguous(), s[self.layers:].contiguous()


def unstack(state: tuple[torch.Tensor, torch.Tensor]) -> State:
    h, c = state
    return list(h.unbind(0)), list(c.unbind(0))


def lstm_cell(gates: torch.Tensor, c: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """One LSTM cell update from pre-activation gates [N, 4H] in nn.LSTM's order (input, forget, cell, output)."""
    i, f, g, o = gates.chunk(4, dim=-1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def set_forget_bias(rnn: nn.LSTM, value: float = 1.0) -> None:
    """Start the forget gates open (TensorFlow's LSTM forget_bias=1, as Magenta trains with)."""
    with torch.no_grad():
        for name, p in rnn.named_parameters():
            if name.startswith("bias_"):
                h = p.shape[0] // 4
                p[h: 2 * h] = value / 2  # bias_ih and bias_hh are summed


class StepWeights:
    """An nn.LSTM's weights gathered once per decode call for `stacked_step` (upper layers' biases summed)."""

    def __init__(self, rnn: nn.LSTM):
        self.layers = rnn.num_layers
        self.w_hh = [getattr(rnn, f"weight_hh_l{k}") for k in range(self.layers)]
        self.w_ih = [getattr(rnn, f"weight_ih_l{k}") for k in range(self.layers)]
        self.bias = [getattr(rnn, f"bias_ih_l{k}") + getattr(rnn, f"bias_hh_l{k}") for k in range(self.layers)]


def stacked_step(weights: StepWeights, input_gates: torch.Tensor, state: State) -> tuple[torch.Tensor, State]:
    """One step of a stacked LSTM whose layer-0 input projection (with its biases) is already done.

    `input_gates` [N, 4H] = W_ih0 x + b_ih0 + b_hh0, computed by the caller from cheap parts (a row gather
    for a one-hot token, a per-sequence constant for z). Returns the top layer's output and the new state.
    """
    hs, cs = state
    new_h, new_c = [], []
    x = None
    for k in range(weights.layers):
        if k == 0:
            gates = input_gates + F.linear(hs[0], weights.w_hh[0])
        else:
            gates = F.linear(x, weights.w_ih[k], weights.bias[k]) + F.linear(hs[k], weights.w_hh[k])
        h, c = lstm_cell(gates, cs[k])
        new_h.append(h)
        new_c.append(c)
        x = h
    return x, (new_h, new_c)


class InputlessLSTM(nn.Module):
    """A stacked LSTM whose inputs are always zero (the conductor): layer 0 has no input weights at all.

    Zero inputs make W_ih0 dead weight; leaving it out also keeps every parameter used, which DDP requires.
    """

    def __init__(self, hidden: int, layers: int):
        super().__init__()
        self.hidden, self.layers = hidden, layers
        self.weight_hh = nn.ParameterList([nn.Parameter(torch.empty(4 * hidden, hidden)) for _ in range(layers)])
        self.weight_ih = nn.ParameterList([nn.Parameter(torch.empty(4 * hidden, hidden)) for _ in range(layers - 1)])
        self.bias = nn.ParameterList([nn.Parameter(torch.empty(4 * hidden)) for _ in range(layers)])
        bound = 1.0 / math.sqrt(hidden)  # nn.LSTM's initialisation
        for p in self.parameters():
            nn.init.uniform_(p, -bound, bound)
        with torch.no_grad():
            for b in self.bias:
                b[hidden: 2 * hidden] = 1.0

    def forward(self, state: tuple[torch.Tensor, torch.Tensor], steps: int) -> torch.Tensor:
        """Run `steps` steps from `state`; -> top-layer outputs [N, steps, H]."""
        hs, cs = unstack(state)
        outputs = []
        for _ in range(steps):
            x = None
            for k in range(self.layers):
                gates = F.linear(hs[k], self.weight_hh[k], self.bias[k])
                if k > 0:
                    gates = gates + F.linear(x, self.weight_ih[k - 1])
                hs[k], cs[k] = lstm_cell(gates, cs[k])
                x = hs[k]
            outputs.append(x)
        return torch.stack(outputs, dim=1)
