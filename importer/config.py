"""Our ModelConfig for a Magenta checkpoint, from its own config.json (magenta.js) and its tensor shapes.

Never from its name: the representation comes from the data converter (or, for a TensorFlow checkpoint,
which carries no config, from the input and output widths), every size from a tensor's shape, and each
is checked against the other. What this project cannot represent is named with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from contract.codec import DRUM_CLASS_PITCHES, DRUM_CLASSES, MAX_PITCH, MELODY_CLASSES, MIN_PITCH, STEPS_PER_BAR
from importer.errors import CheckpointError
from importer.mapping import BIDI_CELL, CONDUCTOR, LSTM_CELL, conductor_input_width
from vae.configs import TRACK_CLASSES, ModelConfig

DRUM_ROLL_WIDTH = len(DRUM_CLASS_PITCHES) + 1  # 9 class bits + "no hit"
NOT_YET = {
    "DrumRollConverter": "NADE drum models are not supported yet: their decoder samples 9 drum bits through a "
                         "NADE, not one of 512 tokens",
    "MultitrackConverter": "multitrack models are not supported yet: they use an event representation "
                           "(note-on, note-off, time-shift, velocity, program per track), not 16th-note tokens",
    "GrooveConverter": "GrooVAE models are not supported yet: they decode hits with continuous velocities and "
                       "timing offsets, not tokens",
    "MelodyRhythmConverter": "melody-rhythm control models are not supported yet",
    "MelodyShapeConverter": "melody-shape control models are not supported yet",
    "TrioRhythmConverter": "trio-rhythm control models are not supported yet",
}
CONVERTERS = {"MelodyConverter": "melody", "DrumsConverter": "drums", "DrumsOneHotConverter": "drums",
              "TrioConverter": "trio"}


@dataclass(frozen=True)
class Representation:
    codec: str
    encoder_input: str  # "one_hot" | "drum_roll"
    num_bars: int
    steps_per_bar: int
    hierarchical: bool | None  # None: not said (a TF checkpoint); the tensors decide

    @property
    def input_width(self) -> int:
        return DRUM_ROLL_WIDTH if self.encoder_input == "drum_roll" else sum(TRACK_CLASSES[self.codec])


# ------------------------------------------------------------------------------------------ the spec


def representation_from_spec(spec: dict, where: str) -> Representation:
    """The representation a magenta.js config.json describes; unsupported ones raise with the reason."""
    for key, what in (("chordEncoder", "chord-conditioned"), ("conditionOnKey", "key-conditioned"),
                      ("extraControls", "control-conditioned")):
        if spec.get(key):
            raise CheckpointError(f"{where}: a {what} model ({key}); conditioned models are not supported yet")
    if spec.get("useBooleanDecoder"):
        raise CheckpointError(f"{where}: a boolean (multi-label) decoder is not supported yet")
    converter = spec.get("dataConverter")
    if not isinstance(converter, dict) or not isinstance(converter.get("args"), dict):
        raise CheckpointError(f"{where}: no dataConverter with args: cannot tell what the model's tokens mean")
    kind, args = converter.get("type"), converter["args"]
    if kind in NOT_YET:
        raise CheckpointError(f"{where}: {kind}: {NOT_YET[kind]}")
    if kind not in CONVERTERS:
        raise CheckpointError(f"{where}: unknown converter type {kind!r}; this importer knows "
                              f"{', '.join(CONVERTERS)} (and names {', '.join(NOT_YET)} as not supported yet)")
    codec = CONVERTERS[kind]
    if codec == "melody":
        _check_melody_range(args, where, "")
    elif codec == "trio":
        _check_melody_range(args.get("melArgs") or {}, where, "melArgs: ")
        _check_melody_range(args.get("bassArgs") or {}, where, "bassArgs: ")
        _check_drum_classes(args.get("drumsArgs") or {}, where)
    else:
        _check_drum_classes(args, where)
    steps, segments = args.get("numSteps"), args.get("numSegments")
    if not isinstance(steps, int) or steps <= 0:
        raise CheckpointError(f"{where}: dataConverter.args.numSteps must be a positive integer (got {steps!r})")
    if segments:  # magenta.js: a conductor (and a two-level encoder) with one step per segment
        if not isinstance(segments, int) or steps % segments:
            raise CheckpointError(f"{where}: numSteps {steps} does not split into numSegments {segments!r}")
        bars, per_bar = segments, steps // segments
    else:
        if steps % STEPS_PER_BAR:
            raise CheckpointError(f"{where}: numSteps {steps} is not a whole number of {STEPS_PER_BAR}-step bars")
        bars, per_bar = steps // STEPS_PER_BAR, STEPS_PER_BAR
    roll = kind == "DrumsConverter"  # encodes a drum roll, decodes one of 512 tokens
    return Representation(codec, "drum_roll" if roll else "one_hot", bars, per_bar, bool(segments))


def _check_melody_range(args: dict, where: str, prefix: str) -> None:
    low, high = args.get("minPitch", MIN_PITCH), args.get("maxPitch", MAX_PITCH)
    if (low, high) != (MIN_PITCH, MAX_PITCH):
        raise CheckpointError(f"{where}: {prefix}melody pitches {low}..{high}; this project's melody codec covers "
                              f"{MIN_PITCH}..{MAX_PITCH} ({MELODY_CLASSES} classes) only")


def _check_drum_classes(args: dict, where: str) -> None:
    classes = args.get("pitchClasses")
    if classes is not None and [list(c) for c in classes] != [list(c) for c in DRUM_CLASS_PITCHES]:
        raise CheckpointError(f"{where}: custom drum pitch classes; this project's drum codec has Magenta's "
                              f"default 9 classes only")


def representation_from_shapes(tensors: dict, bars: int, steps_per_bar: int) -> Representation:
    """A TensorFlow checkpoint has no config: the codec from its input and output widths, bars from the user."""
    outputs = tuple(int(tensors[f"{scope}/output_projection/bias"].shape[0]) for scope in _decoder_scopes(tensors))
    level0 = "encoder/hierarchical_level_0" if _has_hier_encoder(tensors) else "encoder"
    kernel = tensors.get(f"{level0}/{BIDI_CELL.format(k=0, direction='fw')}/kernel")
    if kernel is None or not outputs:
        raise CheckpointError("not a MusicVAE checkpoint: no encoder LSTM or decoder output projection found")
    width = int(kernel.shape[0] - kernel.shape[1] // 4)
    known = {((MELODY_CLASSES,), MELODY_CLASSES): ("melody", "one_hot"),
             ((DRUM_CLASSES,), DRUM_ROLL_WIDTH): ("drums", "drum_roll"),
             ((DRUM_CLASSES,), DRUM_CLASSES): ("drums", "one_hot"),
             (TRACK_CLASSES["trio"], sum(TRACK_CLASSES["trio"])): ("trio", "one_hot")}
    if (outputs, width) not in known:
        raise CheckpointError(f"cannot tell the representation: encoder input width {width}, decoder output "
                              f"classes {list(outputs)} match no supported converter (melody 90, drums 10/512, "
                              f"trio 90+90+512)")
    codec, encoder_input = known[(outputs, width)]
    return Representation(codec, encoder_input, bars, steps_per_bar, None)


# ---------------------------------------------------------------------------------------- the shapes


def _decoder_scopes(tensors: dict) -> list[str]:
    for candidate in (["decoder"], ["core_decoder/decoder"]):
        if f"{candidate[0]}/output_projection/kernel" in tensors:
            return candidate
    trio = sorted({m.group(0) for name in tensors for m in [re.match(r"core_decoder/core_decoder_\d+/decoder", name)] if m})
    return trio


def _has_hier_encoder(tensors: dict) -> bool:
    return any(name.startswith("encoder/hierarchical_level_") for name in tensors)


def _count(tensors: dict, pattern: str) -> int:
    k = 0
    while pattern.format(k=k) in tensors:
        k += 1
    return k


def _uniform_hidden(tensors: dict, names: list[str], what: str) -> int:
    sizes = {int(tensors[n].shape[0]) // 4 for n in names}
    if len(sizes) != 1:
        raise CheckpointError(f"{what} layers have different sizes {sorted(sizes)}; only equal sizes are supported")
    return sizes.pop()


def model_config(tensors: dict, rep: Representation, where: str) -> ModelConfig:
    """Sizes from the shapes, checked against the representation; a disagreement names both sides."""
    for marker, what in (("/nade/", "a NADE decoder"), ("control_preprocessing/", "control preprocessing")):
        if any(marker in name for name in tensors):
            raise CheckpointError(f"{where}: the checkpoint has {what}, which is not supported yet")
    hier_encoder = _has_hier_encoder(tensors)
    hier_decoder = f"{CONDUCTOR}/cell_0/{LSTM_CELL}/kernel" in tensors
    if rep.hierarchical is not None and (hier_encoder, hier_decoder) != (rep.hierarchical, rep.hierarchical):
        raise CheckpointError(f"{where}: the manifest's shapes disagree with config.json: numSegments says "
                              f"{'hierarchical' if rep.hierarchical else 'flat'}, the tensors have a "
                              f"{'hierarchical' if hier_encoder else 'flat'} encoder and a "
                              f"{'hierarchical' if hier_decoder else 'flat'} decoder")
    encoder = _encoder_sizes(tensors, hier_encoder, rep, where)
    z_size = int(_need(tensors, "encoder/mu/bias", where).shape[0])
    _need(tensors, "encoder/sigma/bias", where)
    decoder = _decoder_sizes(tensors, hier_decoder, rep, z_size, where)
    try:
        return ModelConfig(codec=rep.codec, num_bars=rep.num_bars, steps_per_bar=rep.steps_per_bar,
                           num_classes=sum(TRACK_CLASSES[rep.codec]), z_size=z_size, encoder_input=rep.encoder_input,
                           **encoder, **decoder)
    except ValueError as exc:
        raise CheckpointError(f"{where}: {exc}") from None


def _need(tensors: dict, name: str, where: str):
    if name not in tensors:
        raise CheckpointError(f"{where}: the checkpoint has no {name!r}")
    return tensors[name]


def _encoder_sizes(tensors: dict, hier: bool, rep: Representation, where: str) -> dict:
    levels = ["encoder/hierarchical_level_0", "encoder/hierarchical_level_1"] if hier else ["encoder"]
    if hier and _count(tensors, "encoder/hierarchical_level_{k}/" + BIDI_CELL.format(k=0, direction="fw") + "/kernel") != 2:
        raise CheckpointError(f"{where}: only two-level hierarchical encoders are supported")
    layers = _count(tensors, f"{levels[0]}/{BIDI_CELL.replace('{direction}', 'fw')}/kernel")
    if layers == 0:
        raise CheckpointError(f"{where}: no encoder LSTM found (looked for {levels[0]}/{BIDI_CELL.format(k=0, direction='fw')})")
    names = [f"{level}/{BIDI_CELL.format(k=k, direction=d)}/bias" for level in levels for k in range(layers)
             for d in ("fw", "bw")]
    for n in names:
        _need(tensors, n, where)
    hidden = _uniform_hidden(tensors, names, "encoder")
    width = int(tensors[f"{levels[0]}/{BIDI_CELL.format(k=0, direction='fw')}/kernel"].shape[0]) - hidden
    if width != rep.input_width:
        raise CheckpointError(f"{where}: the manifest's shapes disagree with config.json: the encoder reads "
                              f"{width}-wide inputs, the {rep.codec} converter gives {rep.input_width}")
    return dict(encoder="hier" if hier else "flat", encoder_hidden=hidden, encoder_layers=layers)


def _decoder_sizes(tensors: dict, hier: bool, rep: Representation, z_size: int, where: str) -> dict:
    scopes = _decoder_scopes(tensors)
    classes = TRACK_CLASSES[rep.codec]
    if len(scopes) != len(classes):
        raise CheckpointError(f"{where}: the manifest's shapes disagree with config.json: {len(scopes)} token "
                              f"decoder(s), the {rep.codec} converter needs {len(classes)}")
    layers = {_count(tensors, f"{scope}/multi_rnn_cell/cell_{{k}}/{LSTM_CELL}/bias") for scope in scopes}
    if len(layers) != 1 or 0 in layers:
        raise CheckpointError(f"{where}: token decoders with different or no layers ({sorted(layers)})")
    layers = layers.pop()
    biases = [f"{scope}/multi_rnn_cell/cell_{k}/{LSTM_CELL}/bias" for scope in scopes for k in range(layers)]
    hidden = _uniform_hidden(tensors, biases, "decoder")
    sizes = dict(decoder="hier" if hier else "flat", decoder_hidden=hidden, decoder_layers=layers)
    condition = z_size
    if hier:
        conductor = [f"{CONDUCTOR}/cell_{k}/{LSTM_CELL}/bias" for k in range(_count(tensors, f"{CONDUCTOR}/cell_{{k}}/{LSTM_CELL}/bias"))]
        condition = _uniform_hidden(tensors, conductor, "conductor")
        if conductor_input_width(tensors, 0, condition) != 1:
            raise CheckpointError(f"{where}: the conductor reads inputs; only Magenta's zero-input conductor "
                                  f"(disable_autoregression) is supported")
        sizes.update(conductor_hidden=condition, conductor_layers=len(conductor), conductor_output=0)
    for scope, depth in zip(scopes, classes):
        out = int(_need(tensors, f"{scope}/output_projection/bias", where).shape[0])
        if out != depth:
            raise CheckpointError(f"{where}: the manifest's shapes disagree with config.json: {scope} outputs "
                                  f"{out} classes, the {rep.codec} converter has {depth}")
        rows = int(tensors[f"{scope}/multi_rnn_cell/cell_0/{LSTM_CELL}/kernel"].shape[0])
        if rows != depth + condition + hidden:
            raise CheckpointError(f"{where}: {scope}'s first LSTM reads {rows - hidden} inputs, expected {depth} "
                                  f"(previous token) + {condition} (its conditioning)")
    return sizes
