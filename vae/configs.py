"""Named MusicVAE configurations: model sizes and training hyper-parameters (docs/design.md, 'Model').

Every config is a frozen dataclass, saved as JSON next to each checkpoint so a checkpoint rebuilds its
model without this registry. The paper's sizes (`mel_2bar_big`, `mel_16bar_hier`, `mel_16bar_flat`,
`drums_2bar`) are for GPU users; the `_small` variants are sized to train on two CPU cores in one to two
hours (`mel_2bar_small`'s 7,500 steps: about 105 minutes) and to decode fast live. Their decoders are 2 x 192: measured on this CPU (ONNX Runtime, one thread, batch
1, 32 unrolled steps) 2 x 192 decodes in ~2 ms and 2 x 256 in ~4.7 ms, because a batch-1 step streams every
weight once and 2 x 256's ~3 MB of per-step weights fall out of one core's 2 MB L2 cache while 2 x 192's
~1.8 MB stay in it.

Training hyper-parameters follow Magenta's MusicVAE configs where they exist (lr 1e-3 decaying by 0.9999
per step to 1e-5, global-norm clipping at 1, beta_max 0.2 with free bits 0 (2-bar melody), 48 (drums),
256 (16-bar)). The small configs anneal faster because they train for thousands, not hundreds of
thousands, of steps.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace

from contract.codec import DRUM_CLASSES, MELODY_CLASSES, TrioCodec

CODEC_CLASSES = {"melody": MELODY_CLASSES, "drums": DRUM_CLASSES, "trio": TrioCodec.num_classes}
# The classes of each token track, one decoder per track (trio: melody, bass, drums).
TRACK_CLASSES = {"melody": (MELODY_CLASSES,), "drums": (DRUM_CLASSES,),
                 "trio": tuple(c.num_classes for c in TrioCodec.track_codecs)}
DECODERS = ("flat", "hier")
ENCODERS = ("flat", "hier")
ENCODER_INPUTS = ("one_hot", "drum_roll")
BAR_INPUTS = ("previous", "start")


@dataclass(frozen=True)
class ModelConfig:
    codec: str = "melody"
    num_bars: int = 2
    steps_per_bar: int = 16
    num_classes: int = MELODY_CLASSES
    encoder_hidden: int = 512  # per direction
    encoder_layers: int = 1
    z_size: int = 256
    decoder: str = "flat"  # "flat" | "hier"
    decoder_hidden: int = 256
    decoder_layers: int = 2
    conductor_hidden: int = 0  # hier only
    conductor_layers: int = 0
    conductor_output: int = 0  # size of the per-bar embedding c_u; 0: none, c_u is the conductor's top h (Magenta's)
    # hier only: what the bottom decoder sees as the first input of bar u. "previous" (Magenta): the last
    # token of bar u-1, so bars decode one after another; "start": a start token (zero input), so bars are
    # independent given the conductor and decode as one batch.
    bar_input: str = "previous"
    dropout: float = 0.0  # between stacked LSTM layers (encoder and decoder), training only
    # Magenta's variants, met in imported checkpoints (importer/). "hier": a BiLSTM over each bar, then one
    # over the bars' final states (Magenta's two-level hierarchical encoder, both levels of encoder_hidden).
    encoder: str = "flat"
    # "drum_roll": drums enter the encoder as 9 class bits and a "no hit" bit (Magenta's DrumsConverter),
    # while the decoder still reads and writes one of 512 tokens.
    encoder_input: str = "one_hot"

    @property
    def num_steps(self) -> int:
        return self.num_bars * self.steps_per_bar

    @property
    def track_classes(self) -> tuple[int, ...]:
        return TRACK_CLASSES[self.codec]

    @property
    def condition_size(self) -> int:
        """What a hier bar's decoder is conditioned on: the embedding c_u, or the conductor's top h."""
        return self.conductor_output or self.conductor_hidden

    def __post_init__(self) -> None:
        problems = []
        if self.codec not in CODEC_CLASSES:
            problems.append(f"codec {self.codec!r} is not one of {sorted(CODEC_CLASSES)}")
        elif self.num_classes != CODEC_CLASSES[self.codec]:
            problems.append(f"codec {self.codec} has {CODEC_CLASSES[self.codec]} classes, not {self.num_classes}")
        if self.decoder not in DECODERS:
            problems.append(f"decoder {self.decoder!r} is not one of {DECODERS}")
        if self.bar_input not in BAR_INPUTS:
            problems.append(f"bar_input {self.bar_input!r} is not one of {BAR_INPUTS}")
        if self.decoder == "hier" and (min(self.conductor_hidden, self.conductor_layers) <= 0 or self.conductor_output < 0):
            problems.append("a hier decoder needs conductor_hidden, conductor_layers > 0 and conductor_output >= 0")
        if self.encoder not in ENCODERS:
            problems.append(f"encoder {self.encoder!r} is not one of {ENCODERS}")
        if self.encoder_input not in ENCODER_INPUTS:
            problems.append(f"encoder_input {self.encoder_input!r} is not one of {ENCODER_INPUTS}")
        elif self.encoder_input == "drum_roll" and self.codec != "drums":
            problems.append("encoder_input drum_roll is for the drums codec")
        if self.codec == "trio" and self.decoder != "hier":
            problems.append("the trio codec needs the hier decoder (three bar decoders under one conductor)")
        if min(self.num_bars, self.steps_per_bar, self.encoder_hidden, self.encoder_layers, self.z_size,
               self.decoder_hidden, self.decoder_layers) <= 0:
            problems.append("sizes must be positive")
        if problems:
            raise ValueError("bad ModelConfig: " + "; ".join(problems))


@dataclass(frozen=True)
class TrainConfig:
    batch_size: int = 512  # global batch: DDP ranks each take batch_size / world_size windows
    learning_rate: float = 1e-3
    lr_decay_rate: float = 0.9999  # lr = (lr0 - floor) * rate^step + floor
    min_learning_rate: float = 1e-5
    beta_max: float = 0.2  # beta = beta_max * (1 - beta_rate^step); beta_rate 0 = constant beta_max
    beta_rate: float = 0.99999
    free_bits: float = 0.0  # KL allowance per sequence in BITS (as Magenta's hparam); converted to nats
    sampling_rate: float = 1000.0  # inverse-sigmoid scheduled sampling k; 0 = teacher forcing only
    grad_clip: float = 1.0  # global gradient norm
    steps: int = 50_000
    checkpoint_every: int = 500
    eval_every: int = 250
    eval_windows: int = 1024  # validation windows scored at each evaluation
    keep_checkpoints: int = 3
    # Word dropout (Bowman et al. 2016): each previous-token input of the (bottom) decoder is replaced by the
    # start token with this probability in training, so the decoder must read z (or c_u) to know the melody.
    word_dropout: float = 0.0
    # Drums only: the share of training windows whose hi-hats and cymbals are swapped for another window's
    # (vae/augment.py), against overfitting a few thousand grooves.
    drum_recombine: float = 0.0
    # A checkpoint or bundle whose tensors of the same name and shape initialise the model before the first
    # step (e.g. the trained 2-bar melody model, whose decoder has the shape of a 16-bar bottom decoder).
    # A relative path is taken from the working directory, then from the repository root.
    warm_start: str = ""


@dataclass(frozen=True)
class Config:
    name: str
    model: ModelConfig
    train: TrainConfig = field(default_factory=TrainConfig)
    dataset: str = "mel_2bar"

    def __post_init__(self):
        if self.train.drum_recombine and self.model.codec != "drums":
            raise ValueError(f"drum_recombine swaps drum kits; config {self.name!r} has the {self.model.codec} codec")
        if not 0.0 <= self.train.drum_recombine <= 1.0:
            raise ValueError(f"drum_recombine is a probability in [0, 1], not {self.train.drum_recombine}")

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @staticmethod
    def from_dict(data: dict) -> "Config":
        """Rebuild a config from its JSON form; unknown keys are an error (a newer checkpoint format)."""
        try:
            return Config(
                name=data["name"],
                model=ModelConfig(**data["model"]),
                train=TrainConfig(**data.get("train", {})),
                dataset=data["dataset"],
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"config JSON does not describe a MusicVAE config: {exc}") from None


# ----------------------------------------------------------------------------------------------- registry

_MEL_2BAR = dict(codec="melody", num_bars=2, num_classes=MELODY_CLASSES)
_MEL_16BAR = dict(codec="melody", num_bars=16, num_classes=MELODY_CLASSES)
_DRUMS_2BAR = dict(codec="drums", num_bars=2, num_classes=DRUM_CLASSES)

# Magenta's 16-bar configs: free bits 256, constant beta 0.2, teacher forcing only.
_TRAIN_16BAR = TrainConfig(free_bits=256, beta_max=0.2, beta_rate=0.0, sampling_rate=0.0)

# Small configs, tuned for one to two hours on one CPU core (~1.7 steps/s at batch 128 for 2 bars). Magenta
# anneals beta over hundreds of thousands of steps; a short run at beta 0.2 from the start squeezes the
# latent, so the small melody configs give the first 64 bits (44 nats) of KL free and reach beta's max
# within ~4000 steps. Scheduled sampling passes p = 0.5 near step 1380 (k = 250) and nears 1 by 2500.
# lr 3e-3 (Magenta: 1e-3): measured on mel_2bar_small, validation teacher-forced accuracy at step 1000 was
# 0.684 against 0.645 with 1e-3; 128 free bits instead of 64 changed nothing by step 500 (0.631 vs 0.629).
_TRAIN_SMALL = TrainConfig(
    batch_size=128, learning_rate=3e-3, lr_decay_rate=0.9997, min_learning_rate=1e-4, beta_max=0.2,
    beta_rate=0.9995, free_bits=64.0, sampling_rate=250.0, steps=20_000, checkpoint_every=250, eval_every=250,
    eval_windows=1024,
)

# 16 bars: Magenta's free bits and constant beta, teacher forcing only, batch 32, lr 3e-3. Trained from
# scratch on two cores, both 16-bar models sat on a "hold everywhere" plateau and the hierarchical one
# collapsed (its decoder ignored z). Two remedies, measured side by side (results/hier_pilots.json):
# warm-starting from the trained 2-bar model (its decoder has the bottom decoder's shape, its encoder
# BiLSTM the 16-bar encoder's), and word dropout 0.5, which doubled the shuffled-z accuracy drop at equal
# time. Validation on 512 windows keeps each evaluation (three decodes of 16 bars) under a minute.
_TRAIN_16BAR_SMALL = replace(_TRAIN_SMALL, batch_size=32, free_bits=256, beta_rate=0.0, sampling_rate=0.0,
                             eval_windows=512, warm_start="models/mel_2bar_small", word_dropout=0.5)

CONFIGS: dict[str, Config] = {
    c.name: c
    for c in (
        Config("mel_2bar_big", ModelConfig(**_MEL_2BAR, encoder_hidden=2048, z_size=512, decoder_hidden=2048,
                                           decoder_layers=3),
               TrainConfig(beta_max=0.5, free_bits=0.0), "mel_2bar"),
        Config("mel_16bar_hier", ModelConfig(**_MEL_16BAR, encoder_hidden=2048, encoder_layers=2, z_size=512,
                                             decoder="hier", decoder_hidden=1024, decoder_layers=2,
                                             conductor_hidden=1024, conductor_layers=2, conductor_output=512),
               _TRAIN_16BAR, "mel_16bar"),
        Config("mel_16bar_flat", ModelConfig(**_MEL_16BAR, encoder_hidden=2048, encoder_layers=2, z_size=512,
                                             decoder_hidden=2048, decoder_layers=3),
               _TRAIN_16BAR, "mel_16bar"),
        Config("drums_2bar", ModelConfig(**_DRUMS_2BAR, encoder_hidden=512, z_size=256, decoder_hidden=256,
                                         decoder_layers=2),
               TrainConfig(free_bits=48, beta_max=0.2), "drums_2bar"),
        # ---- small, CPU-trainable, the shipped live models
        Config("mel_2bar_small", ModelConfig(**_MEL_2BAR, encoder_hidden=256, z_size=128, decoder_hidden=192,
                                             decoder_layers=2),
               _TRAIN_SMALL, "mel_2bar"),
        Config("mel_16bar_hier_small", ModelConfig(**_MEL_16BAR, encoder_hidden=256, z_size=256, decoder="hier",
                                                   decoder_hidden=192, decoder_layers=2, conductor_hidden=256,
                                                   conductor_layers=1, conductor_output=128, bar_input="start"),
               _TRAIN_16BAR_SMALL, "mel_16bar"),
        Config("mel_16bar_flat_small", ModelConfig(**_MEL_16BAR, encoder_hidden=256, z_size=256,
                                                   decoder_hidden=192, decoder_layers=2),
               _TRAIN_16BAR_SMALL, "mel_16bar"),
        Config("drums_2bar_small", ModelConfig(**_DRUMS_2BAR, encoder_hidden=256, z_size=128, decoder_hidden=192,
                                               decoder_layers=2),
               replace(_TRAIN_SMALL, free_bits=48), "drums_2bar"),
    )
}


# Second stages. drums_2bar_small overfits its few thousand grooves: after 2,000 steps it reconstructs
# unseen styles far worse than training ones, and more steps of the same do not help. Pilots
# (results/drum_pilots.json) found that letting z carry more (free bits 256, Magenta's "hikl") helps only
# together with kit recombination (vae/augment.py). The shipped drum model is that fine-tune of the
# 2,000-step model: Adam restarted at lr 1e-3, constant beta, scheduled sampling restarted with a short k.
FINETUNES: dict[str, dict] = {
    "drums_2bar_small": dict(learning_rate=1e-3, beta_rate=0.0, free_bits=256, sampling_rate=60.0,
                             drum_recombine=0.5, checkpoint_every=100, eval_every=100),
}


def finetune_config(name: str, warm_start: str) -> Config:
    """The second stage of `name`: its config with FINETUNES[name] changed, warm-started from `warm_start`
    (a checkpoint of the first stage). Same name and model, so its bundle is `name`'s."""
    base = get_config(name)
    if name not in FINETUNES:
        raise ValueError(f"{name!r} has no second stage; configs with one: {', '.join(FINETUNES)}")
    return replace(base, train=replace(base.train, **FINETUNES[name], warm_start=warm_start))


def get_config(name: str) -> Config:
    try:
        return CONFIGS[name]
    except KeyError:
        raise ValueError(f"unknown config {name!r}; valid configs: {', '.join(CONFIGS)}") from None


def tiny_config(name: str = "tiny", decoder: str = "flat", codec: str = "melody", num_bars: int = 2,
                bar_input: str = "previous", hidden: int = 32, z_size: int = 16, **train) -> Config:
    """A few-thousand-parameter config for tests and smoke runs (not in CONFIGS)."""
    classes = CODEC_CLASSES[codec]
    hier = dict(conductor_hidden=hidden, conductor_layers=1, conductor_output=hidden) if decoder == "hier" else {}
    model = ModelConfig(codec=codec, num_bars=num_bars, num_classes=classes, encoder_hidden=hidden, z_size=z_size,
                        decoder=decoder, decoder_hidden=hidden, decoder_layers=2, bar_input=bar_input, **hier)
    dataset = {("melody", 2): "mel_2bar", ("melody", 16): "mel_16bar", ("drums", 2): "drums_2bar"}.get(
        (codec, num_bars), f"{codec}_{num_bars}bar")
    defaults = dict(batch_size=32, learning_rate=3e-3, lr_decay_rate=0.999, min_learning_rate=1e-4,
                    beta_rate=0.99, sampling_rate=0.0, steps=20, checkpoint_every=10, eval_every=10,
                    eval_windows=64)
    defaults.update(train)
    return Config(name, model, TrainConfig(**defaults), dataset)
