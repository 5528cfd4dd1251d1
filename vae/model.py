"""MusicVAE (Roberts et al. 2018) in PyTorch: bidirectional LSTM encoder, flat or hierarchical decoder.

Contract (docs/design.md, 'Model'):
- `encode(tokens [B, T]) -> (mu, sigma)`, sigma = softplus(.).
- `decode(z [B, Z], temperature [B], uniform [B, T, C]) -> tokens [B, T]`: Gumbel-max sampling,
  argmax(logits / T - log(-log u)) where T > 0 and argmax(logits) where T == 0. This is the reference
  the bundle's decoder graph (export/decoder_graph.py, built from these weights) must match token for
  token, and what the benchmark times as "PyTorch eager".
- `reconstruction_logits(z, tokens, sampling_probability, generator)` for training.

Decoder inputs are cheap at every step: the one-hot previous token times W_ih is a row gather of a
[C+1, 4H] table (row 0 = the start token, a zero input), and the z (or c_u) part of the input projection
is computed once per sequence (or bar), not per step.

"Previous tokens" sequences use -1 for the start token (zero input): prev[:, 0] = -1, prev[:, t] = x[t-1].
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from contract.codec import DRUM_CLASS_PITCHES, DRUM_CLASSES
from contract.noise import NOISE_MAX, NOISE_MIN
from vae.configs import ModelConfig
from vae.lstm import InitialState, InputlessLSTM, StepWeights, set_forget_bias, stacked_step, unstack

START = -1
# softplus(-3) ~ 0.05: the posterior starts nearly deterministic, so from the first steps the decoder gets a
# clean signal from z instead of learning to ignore a noise-drowned one; beta and free bits then shape the
# posterior as usual (the KL is at the free-bits allowance within 250 steps on the 2-bar melodies).
SIGMA_BIAS_INIT = -3.0


def shift_right(tokens: torch.Tensor) -> torch.Tensor:
    """Inputs for teacher forcing: the start token, then every token but the last."""
    return F.pad(tokens[:, :-1], (1, 0), value=START)


def one_hot_inputs(prev: torch.Tensor, num_classes: int) -> torch.Tensor:
    """One-hot [N, S, C] with the start token (-1) as an all-zero row."""
    return F.one_hot(prev + 1, num_classes + 1)[..., 1:].float()


def gumbel_argmax(logits: torch.Tensor, temperature: torch.Tensor, uniform: torch.Tensor) -> torch.Tensor:
    """argmax(logits / T - log(-log u)) per row where T > 0, argmax(logits) where T == 0; no control flow."""
    sample = (temperature > 0).unsqueeze(-1)
    safe_t = torch.where(temperature > 0, temperature, torch.ones_like(temperature)).unsqueeze(-1)
    noisy = logits / safe_t - torch.log(-torch.log(uniform))
    return torch.where(sample, noisy, logits).argmax(dim=-1)


def drum_roll_table() -> torch.Tensor:
    """[512, 10]: row t = the 9 class bits of drum token t, then 1 where no drum is hit (Magenta's drum roll)."""
    tokens = torch.arange(DRUM_CLASSES)
    bits = (tokens.unsqueeze(1) >> torch.arange(len(DRUM_CLASS_PITCHES))) & 1
    return torch.cat([bits, (tokens == 0).long().unsqueeze(1)], dim=1).float()


class EncoderInputs(nn.Module):
    """Tokens -> the encoder's input vectors: one-hot (one track), the tracks' one-hots side by side (trio),
    or the drum roll. Holds no parameters (the roll table is a non-persistent buffer)."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.track_classes = cfg.track_classes
        self.roll = cfg.encoder_input == "drum_roll"
        if self.roll:
            self.register_buffer("roll_table", drum_roll_table(), persistent=False)
        self.width = self.roll_table.shape[1] if self.roll else sum(self.track_classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        if self.roll:
            return self.roll_table[tokens]
        if len(self.track_classes) == 1:
            return F.one_hot(tokens, self.track_classes[0]).float()
        return torch.cat([F.one_hot(tokens[..., k], c).float() for k, c in enumerate(self.track_classes)], dim=-1)


def bidirectional_lstm(input_size: int, cfg: ModelConfig) -> nn.LSTM:
    rnn = nn.LSTM(input_size, cfg.encoder_hidden, cfg.encoder_layers, batch_first=True, bidirectional=True,
                  dropout=cfg.dropout if cfg.encoder_layers > 1 else 0.0)
    set_forget_bias(rnn)
    return rnn


def final_states(rnn: nn.LSTM, x: torch.Tensor) -> torch.Tensor:
    """[N, S, in] -> [N, 2H]: the last layer's forward state after step S and backward state after step 1."""
    _, (h, _) = rnn(x)
    return torch.cat([h[-2], h[-1]], dim=-1)


class Encoder(nn.Module):
    """Bidirectional LSTM over the sequence (flat), or Magenta's two levels (hier): one over each bar, then
    one over the bars' final states."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.inputs = EncoderInputs(cfg)
        self.rnn = bidirectional_lstm(self.inputs.width, cfg)
        if cfg.encoder == "hier":
            self.top_rnn = bidirectional_lstm(2 * cfg.encoder_hidden, cfg)
        self.mu = nn.Linear(2 * cfg.encoder_hidden, cfg.z_size)
        self.sigma = nn.Linear(2 * cfg.encoder_hidden, cfg.z_size)
        nn.init.constant_(self.sigma.bias, SIGMA_BIAS_INIT)

    def forward(self, tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        cfg = self.cfg
        x = self.inputs(tokens)
        if cfg.encoder == "hier":
            bars = final_states(self.rnn, x.reshape(-1, cfg.steps_per_bar, x.shape[-1]))
            final = final_states(self.top_rnn, bars.reshape(-1, cfg.num_bars, bars.shape[-1]))
        else:
            final = final_states(self.rnn, x)
        return self.mu(final), F.softplus(self.sigma(final))


class TokenDecoder(nn.Module):
    """Autoregressive LSTM over tokens conditioned on a vector (z for flat, c_u for a hier bar).

    Initial state tanh(W cond); input at each step = previous token one-hot ⊕ cond.
    """

    def __init__(self, num_classes: int, cond_size: int, hidden: int, layers: int, dropout: float):
        super().__init__()
        self.num_classes = num_classes
        self.rnn = nn.LSTM(num_classes + cond_size, hidden, layers, batch_first=True,
                           dropout=dropout if layers > 1 else 0.0)
        set_forget_bias(self.rnn)
        self.init = InitialState(cond_size, hidden, layers)
        self.output = nn.Linear(hidden, num_classes)

    def teacher_forced(self, cond: torch.Tensor, prev: torch.Tensor) -> torch.Tensor:
        """cond [N, E], prev [N, S] (previous tokens, -1 = start) -> logits [N, S, C], one fused nn.LSTM call."""
        steps = prev.shape[1]
        x = torch.cat([one_hot_inputs(prev, self.num_classes), cond.unsqueeze(1).expand(-1, steps, -1)], dim=-1)
        h, _ = self.rnn(x, self.init(cond))
        return self.output(h)

    def sample(self, cond: torch.Tensor, prev_index: torch.Tensor, temperature: torch.Tensor,
               uniform: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Decode uniform.shape[1] steps from the state tanh(W cond).

        prev_index [N]: row of the first input in the token table (0 = start, t + 1 = token t).
        -> (tokens [N, S], index of the last token, to continue into a next bar).
        """
        weights = StepWeights(self.rnn)
        w0 = self.rnn.weight_ih_l0
        # Row gather table for the one-hot part; row 0 (the start token) is a zero input.
        token_gates = F.pad(w0[:, : self.num_classes].t(), (0, 0, 1, 0))
        cond_gates = F.linear(cond, w0[:, self.num_classes:], weights.bias[0])  # once per sequence
        state = unstack(self.init(cond))
        tokens = []
        for t in range(uniform.shape[1]):
            out, state = stacked_step(weights, token_gates[prev_index] + cond_gates, state)
            token = gumbel_argmax(self.output(out), temperature, uniform[:, t])
            tokens.append(token)
            prev_index = token + 1
        return torch.stack(tokens, dim=1), prev_index


class FlatDecoder(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.core = TokenDecoder(cfg.num_classes, cfg.z_size, cfg.decoder_hidden, cfg.decoder_layers, cfg.dropout)

    def teacher_forced(self, z: torch.Tensor, prev: torch.Tensor) -> torch.Tensor:
        return self.core.teacher_forced(z, prev)

    def decode(self, z: torch.Tensor, temperature: torch.Tensor, uniform: torch.Tensor) -> torch.Tensor:
        start = torch.zeros_like(temperature, dtype=torch.long)
        return self.core.sample(z, start, temperature, uniform)[0]


class HierDecoder(nn.Module):
    """Conductor LSTM (one step per bar, zero inputs) -> per-bar embeddings c_u -> bottom TokenDecoder per bar.

    Bottom state never crosses bars (each bar starts from tanh(W c_u)). Teacher forcing runs all bars as
    one batch of B*U in both bar_input modes (the true previous token is known); decoding does so only
    for bar_input="start".
    """

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.conductor_init = InitialState(cfg.z_size, cfg.conductor_hidden, cfg.conductor_layers)
        self.conductor = InputlessLSTM(cfg.conductor_hidden, cfg.conductor_layers)
        # conductor_output 0 (Magenta's): no embedding layer, each bar is conditioned on the conductor's top h.
        self.embedding = nn.Linear(cfg.conductor_hidden, cfg.conductor_output) if cfg.conductor_output else None
        decoders = [TokenDecoder(classes, cfg.condition_size, cfg.decoder_hidden, cfg.decoder_layers, cfg.dropout)
                    for classes in cfg.track_classes]
        if len(decoders) == 1:
            self.core = decoders[0]
        else:  # trio: one bar decoder per track, all conditioned on the same c_u
            self.cores = nn.ModuleList(decoders)

    @property
    def track_decoders(self) -> list[TokenDecoder]:
        return list(self.cores) if hasattr(self, "cores") else [self.core]

    def bar_embeddings(self, z: torch.Tensor) -> torch.Tensor:
        """z [B, Z] -> c [B, U, E]."""
        top = self.conductor(self.conductor_init(z), self.cfg.num_bars)
        return top if self.embedding is None else self.embedding(top)

    def teacher_forced(self, z: torch.Tensor, prev: torch.Tensor) -> torch.Tensor:
        cfg = self.cfg
        if cfg.codec == "trio":
            raise ValueError("trio models are imported to decode live; training or scoring them is not supported")
        c = self.bar_embeddings(z).reshape(-1, cfg.condition_size)
        prev = prev.reshape(-1, cfg.steps_per_bar)
        if cfg.bar_input == "start":
            prev = F.pad(prev[:, 1:], (1, 0), value=START)
        return self.core.teacher_forced(c, prev).reshape(-1, cfg.num_steps, cfg.num_classes)

    def decode(self, z: torch.Tensor, temperature: torch.Tensor, uniform: torch.Tensor) -> torch.Tensor:
        """-> tokens [B, T], or [B, T, tracks] for trio: each track decoded from its slice of the noise."""
        c = self.bar_embeddings(z)
        decoders = self.track_decoders
        if len(decoders) == 1:
            return self.decode_track(decoders[0], c, temperature, uniform)
        offsets = [0, *torch.tensor(self.cfg.track_classes).cumsum(0).tolist()]
        return torch.stack([self.decode_track(core, c, temperature, uniform[..., offsets[k]: offsets[k + 1]])
                            for k, core in enumerate(decoders)], dim=-1)

    def decode_track(self, core: TokenDecoder, c: torch.Tensor, temperature: torch.Tensor,
                     uniform: torch.Tensor) -> torch.Tensor:
        cfg = self.cfg
        if cfg.bar_input == "start":
            # Bars are independent given c: one batch of B*U, steps_per_bar sequential steps.
            bar_t = temperature.unsqueeze(1).expand(-1, cfg.num_bars).reshape(-1)
            bar_u = uniform.reshape(-1, cfg.steps_per_bar, core.num_classes)
            start = torch.zeros_like(bar_t, dtype=torch.long)
            tokens, _ = core.sample(c.reshape(-1, c.shape[-1]), start, bar_t, bar_u)
            return tokens.reshape(-1, cfg.num_steps)
        prev = torch.zeros_like(temperature, dtype=torch.long)
        bars = []
        for u in range(cfg.num_bars):
            s = u * cfg.steps_per_bar
            tokens, prev = core.sample(c[:, u], prev, temperature, uniform[:, s: s + cfg.steps_per_bar])
            bars.append(tokens)
        return torch.cat(bars, dim=1)


class MusicVAE(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = HierDecoder(config) if config.decoder == "hier" else FlatDecoder(config)

    def encode(self, tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.encoder(tokens)

    def decode(self, z: torch.Tensor, temperature: torch.Tensor, uniform: torch.Tensor) -> torch.Tensor:
        return self.decoder.decode(z, temperature, uniform)

    def reconstruction_logits(self, z: torch.Tensor, tokens: torch.Tensor, sampling_probability: float = 0.0,
                              generator: torch.Generator | None = None, word_dropout: float = 0.0) -> torch.Tensor:
        """Logits [B, T, C] for predicting `tokens` from z.

        sampling_probability = 0: teacher forcing. Above 0: scheduled sampling by the two-pass "parallel
        scheduled sampling" approximation (Duckworth et al. 2019): a teacher-forced pass without gradient,
        tokens sampled from its softmax, each step's input replaced by that sample with probability p,
        then the pass that trains. It costs one extra forward pass instead of a step-by-step loop; unlike
        exact scheduled sampling, a replaced token is sampled given true (not sampled) earlier inputs.

        word_dropout > 0: each previous-token input is the start token with that probability (training only).
        """
        inputs = tokens
        if sampling_probability > 0:
            with torch.no_grad():
                logits = self.decoder.teacher_forced(z.detach(), shift_right(tokens))
                uniform = torch.rand(logits.shape, generator=generator, device=logits.device).clamp_(NOISE_MIN, NOISE_MAX)
                sampled = gumbel_argmax(logits, torch.ones(logits.shape[:2], device=logits.device), uniform)
                replace = torch.rand(tokens.shape, generator=generator, device=tokens.device) < sampling_probability
                inputs = torch.where(replace, sampled, tokens)
        prev = shift_right(inputs)
        if word_dropout > 0:
            dropped = torch.rand(prev.shape, generator=generator, device=prev.device) < word_dropout
            prev = prev.masked_fill(dropped, START)
        return self.decoder.teacher_forced(z, prev)

    def forward(self, tokens: torch.Tensor, sampling_probability: float = 0.0,
                generator: torch.Generator | None = None,
                word_dropout: float = 0.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Training pass: encode, z = mu + sigma * eps, reconstruct. -> (logits, mu, sigma)."""
        mu, sigma = self.encode(tokens)
        eps = torch.randn(mu.shape, generator=generator, device=mu.device)
        logits = self.reconstruction_logits(mu + sigma * eps, tokens, sampling_probability, generator, word_dropout)
        return logits, mu, sigma
