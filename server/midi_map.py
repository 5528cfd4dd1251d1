"""What MIDI in controls: which control change (CC) drives which parameter of which model, and what arms
a recording.

A mapping file is JSON, one per server (MIDI in is one port, whatever the number of models served):

    {"format": "musicvae-midi-map", "version": 1,
     "controls": [{"cc": 1, "target": "alpha"},
                  {"cc": 21, "target": "attribute/note_density", "low": -2, "high": 2, "channel": 1},
                  {"cc": 22, "target": "coord/a/0"},
                  {"cc": 23, "target": "temperature", "low": 0, "high": 1.5},
                  {"cc": 24, "target": "alpha", "model": "/drums"}],
     "record": {"slot": "a", "pedal_cc": 64, "note": null}}

`model` is the address prefix of a served model (`/drums`, as in /drums/alpha); absent, the first model.
Each target is checked against its model's (a drum model has drum attributes), and an unknown prefix is
an error naming the served ones. The record trigger takes a `model` too.

Targets: `alpha`, `temperature`, `attribute/NAME` (an amount on the current point) and `coord/SLOT/I`
(principal coordinate I of a slot, in standard deviations). A CC's 0..127 maps linearly onto
[low, high] (defaults per kind below); CC value k gives alpha exactly k/127, the α cache's grid.
`channel` (1..16) restricts a binding to one channel; absent, any channel. One target per CC.
`record`: the slot a pedal press (CC `pedal_cc` >= 64) or the note `note` arms for keyboard recording.

Without a file, CC 1 (the mod wheel) drives alpha and the sustain pedal (CC 64) arms slot a. MIDI learn
rewrites the file atomically, as presets are written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from server.presets import presets_path, write_atomic

FORMAT = "musicvae-midi-map"
VERSION = 1
CC_MAX = 127  # a CC value is 0..127
CHANNELS = 16
ALPHA, TEMPERATURE, ATTRIBUTE, COORD = "alpha", "temperature", "attribute", "coord"
# The knob range of each kind: alpha is the whole morph; the others match the patches' sliders.
DEFAULT_RANGES = {ALPHA: (0.0, 1.0), TEMPERATURE: (0.0, 2.0), ATTRIBUTE: (-2.0, 2.0), COORD: (-3.0, 3.0)}
MOD_WHEEL = 1
SUSTAIN_PEDAL = 64
PEDAL_DOWN = 64  # a CC 64 value at or above this is "pressed" (the MIDI convention)


class MapError(ValueError):
    """A mapping file or target this model cannot take; the text says what and what would do."""


@dataclass(frozen=True)
class ModelTargets:
    """What a model offers to map: its attribute names, the slots and its principal coordinates."""

    attributes: tuple[str, ...]
    slots: tuple[str, ...]
    coordinates: int  # 0 when the bundle has no latent statistics

    def valid(self) -> list[str]:
        names = [ALPHA, TEMPERATURE] + [f"{ATTRIBUTE}/{a}" for a in self.attributes]
        if self.coordinates:
            names += [f"{COORD}/{s}/0..{self.coordinates - 1}" for s in self.slots]
        return names


@dataclass(frozen=True)
class ServedModels:
    """The models MIDI in can drive, by address prefix ("/drums"), in serving order; the first is the one
    an entry without a model drives (the one bare OSC addresses reach)."""

    targets: tuple[tuple[str, ModelTargets], ...]

    @classmethod
    def of(cls, models: "ServedModels | ModelTargets") -> "ServedModels":
        """A lone ModelTargets is one model under no prefix."""
        return models if isinstance(models, ServedModels) else cls((("", models),))

    def prefixes(self) -> list[str]:
        return [prefix for prefix, _ in self.targets]

    def model(self, prefix: str | None) -> ModelTargets:
        """The targets of the model under `prefix` (None: the first); MapError names the served prefixes."""
        if prefix is None:
            return self.targets[0][1]
        for name, targets in self.targets:
            if name == prefix:
                return targets
        raise MapError(f"unknown model {prefix!r}; served models: {', '.join(self.prefixes())} "
                       f"(or no model: the first)")


@dataclass(frozen=True)
class Target:
    kind: str  # alpha | temperature | attribute | coord
    name: str = ""  # the attribute name, or the slot of a coordinate
    index: int = 0  # the coordinate's index

    def __str__(self) -> str:
        if self.kind == ATTRIBUTE:
            return f"{ATTRIBUTE}/{self.name}"
        if self.kind == COORD:
            return f"{COORD}/{self.name}/{self.index}"
        return self.kind


def parse_target(text: str, model: ModelTargets) -> Target:
    """'alpha', 'temperature', 'attribute/NAME' or 'coord/SLOT/I', checked against the model."""
    parts = str(text).split("/")
    target = None
    if parts in ([ALPHA], [TEMPERATURE]):
        target = Target(parts[0])
    elif len(parts) == 2 and parts[0] == ATTRIBUTE and parts[1] in model.attributes:
        target = Target(ATTRIBUTE, parts[1])
    elif (len(parts) == 3 and parts[0] == COORD and parts[1] in model.slots and parts[2].isdigit()
          and int(parts[2]) < model.coordinates):
        target = Target(COORD, parts[1], int(parts[2]))
    if target is None:
        raise MapError(f"unknown target {text!r}; valid targets: {', '.join(model.valid())}")
    return target


@dataclass(frozen=True)
class Binding:
    cc: int
    target: Target
    low: float
    high: float
    channel: int | None = None  # 0..15, None: any channel
    model: str | None = None  # the prefix of the model it drives; None: the first model

    def value(self, cc_value: int) -> float:
        """The parameter value for a CC value 0..127 (exact at both ends)."""
        if cc_value == CC_MAX:
            return self.high
        return self.low + (self.high - self.low) * cc_value / CC_MAX

    def accepts(self, channel: int) -> bool:
        return self.channel is None or self.channel == channel

    def to_json(self) -> dict:
        entry = {"cc": self.cc, "target": str(self.target), "low": self.low, "high": self.high}
        if self.channel is not None:
            entry["channel"] = self.channel + 1
        if self.model is not None:
            entry["model"] = self.model
        return entry


def binding(cc: int, target: Target, channel: int | None = None, model: str | None = None) -> Binding:
    """A binding over the target kind's default range."""
    low, high = DEFAULT_RANGES[target.kind]
    return Binding(cc, target, low, high, channel, model)


@dataclass(frozen=True)
class RecordTrigger:
    slot: str = "a"
    pedal_cc: int | None = SUSTAIN_PEDAL
    note: int | None = None  # a key that arms instead of sounding (e.g. the lowest key of a keyboard)
    model: str | None = None  # the prefix of the model whose slot it arms; None: the first model


@dataclass
class MidiMap:
    controls: dict[int, Binding] = field(default_factory=dict)  # cc -> binding
    record: RecordTrigger = RecordTrigger()

    @classmethod
    def default(cls) -> "MidiMap":
        return cls({MOD_WHEEL: binding(MOD_WHEEL, Target(ALPHA))})

    def bind(self, cc: int, target: Target, model: str | None = None) -> "MidiMap":
        """A copy with `cc` driving `target` of `model` (None: the first) over its default range (any other
        target of that CC goes)."""
        return MidiMap({**self.controls, cc: binding(cc, target, model=model)}, self.record)

    def to_json(self) -> dict:
        record = {"slot": self.record.slot, "pedal_cc": self.record.pedal_cc, "note": self.record.note}
        if self.record.model is not None:
            record["model"] = self.record.model
        return {"format": FORMAT, "version": VERSION,
                "controls": [b.to_json() for _, b in sorted(self.controls.items())], "record": record}

    @classmethod
    def from_json(cls, payload, models: ServedModels | ModelTargets) -> "MidiMap":
        models = ServedModels.of(models)
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise MapError(f'not a MIDI mapping file (expected {{"format": "{FORMAT}", ...}})')
        controls: dict[int, Binding] = {}
        for i, entry in enumerate(_list(payload.get("controls", []), "controls")):
            item = _parse_binding(entry, models, f"controls[{i}]")
            if item.cc in controls:
                raise MapError(f"controls[{i}]: CC {item.cc} is mapped twice (one target per CC)")
            controls[item.cc] = item
        return cls(controls, _parse_record(payload.get("record", {}), models))


def _list(value, what: str) -> list:
    if not isinstance(value, list):
        raise MapError(f"{what} must be a list")
    return value


def _whole(entry: dict, key: str, low: int, high: int, where: str, default=None):
    value = entry.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) \
            or not low <= value <= high:
        raise MapError(f"{where}: {key} must be a whole number in {low}..{high}, got {value!r}")
    return int(value)


def _number(entry: dict, key: str, default: float, where: str) -> float:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
            or abs(value) == float("inf"):
        raise MapError(f"{where}: {key} must be a finite number, got {value!r}")
    return float(value)


def _model(entry: dict, models: ServedModels, where: str) -> tuple[str | None, ModelTargets]:
    """The entry's model prefix as written (None when absent) and that model's targets."""
    prefix = entry.get("model")
    if prefix is not None and not isinstance(prefix, str):
        raise MapError(f"{where}: model must be a served model's prefix ({', '.join(models.prefixes())}), "
                       f"got {prefix!r}"[:300])
    try:
        return prefix, models.model(prefix)
    except MapError as exc:
        raise MapError(f"{where}: {exc}") from None


def _parse_binding(entry, models: ServedModels, where: str) -> Binding:
    if not isinstance(entry, dict) or "cc" not in entry or "target" not in entry:
        raise MapError(f'{where}: each control is {{"cc": 0..127, "target": "..."}}, got {entry!r}'[:300])
    cc = _whole(entry, "cc", 0, CC_MAX, where)
    prefix, model = _model(entry, models, f"{where} (cc {cc})")
    try:
        target = parse_target(entry["target"], model)
    except MapError as exc:
        raise MapError(f"{where} (cc {cc}{'' if prefix is None else ', model ' + prefix}): {exc}") from None
    low, high = DEFAULT_RANGES[target.kind]
    channel = _whole(entry, "channel", 1, CHANNELS, where)
    item = Binding(cc, target, _number(entry, "low", low, where), _number(entry, "high", high, where),
                   None if channel is None else channel - 1, prefix)
    if target.kind == ALPHA and not (0.0 <= min(item.low, item.high) and max(item.low, item.high) <= 1.0):
        raise MapError(f"{where}: alpha's low and high must lie in [0, 1]")
    if target.kind == TEMPERATURE and min(item.low, item.high) < 0.0:
        raise MapError(f"{where}: a temperature cannot be negative")
    return item


def _parse_record(entry, models: ServedModels) -> RecordTrigger:
    if not isinstance(entry, dict):
        raise MapError('record must be {"slot": ..., "pedal_cc": ..., "note": ..., "model": ...}')
    prefix, model = _model(entry, models, "record")
    slot = entry.get("slot", "a")
    if slot not in model.slots:
        raise MapError(f"record: unknown slot {slot!r}; slots are {', '.join(model.slots)}")
    return RecordTrigger(slot, _whole(entry, "pedal_cc", 0, CC_MAX, "record", SUSTAIN_PEDAL),
                         _whole(entry, "note", 0, CC_MAX, "record"), prefix)


class MidiMapStore:
    """The mapping file: read once at start, rewritten atomically on every learn."""

    def __init__(self, path: Path, models: ServedModels | ModelTargets):
        self.path = Path(path)
        self.models = ServedModels.of(models)

    def load(self) -> MidiMap:
        """The file's mapping, or the default when there is no file yet; MapError names what is wrong."""
        if not self.path.exists():
            return MidiMap.default()
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MapError(f"MIDI mapping file {self.path}: cannot read it ({exc})") from None
        try:
            return MidiMap.from_json(payload, self.models)
        except MapError as exc:
            raise MapError(f"MIDI mapping file {self.path}: {exc}") from None

    def save(self, mapping: MidiMap) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (json.dumps(mapping.to_json(), indent=1) + "\n").encode("utf-8"))


def default_map_path(state_dir: Path, model_name: str) -> Path:
    """Next to the (first) model's presets file: presets-NAME.json -> midi-map-NAME.json."""
    presets = presets_path(state_dir, model_name)
    return presets.with_name("midi-map-" + presets.name.removeprefix("presets-"))
