"""The performer, toolkit-neutral: every control the patches show, what each sends, and where it sits.

One spec is rendered three ways (max_render.py: the Max patch and the Max for Live device; pd_render.py:
the Pd patch), so a control, its OSC address, its range or its label is written once, here. Addresses,
slots, argument counts and /status field positions come from the server's own table (server/addresses.py),
the ports from its config, and the latent's shape from a model bundle where one is given.

The patches are model-agnostic: they ask the server for its attribute names (/attributes) when they open
and fill each attribute row's menu from the reply, so a drum model and a melody model both play from the
same patch file. For a server playing several models, the model menu offers the prefixes the server itself
gives the shipped bundles (server.live.model_names, for the command serve_command() prints), and each patch
takes the replies that carry the chosen prefix (/drums/notes/begin) as well as bare ones (/error is never
prefixed).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from types import SimpleNamespace

from server.addresses import ADDRESSES, BEATS, SLOTS, STATUS_FIELDS
from server.live import Model, ServerConfig, model_names  # defaults: host, ports; how models are named
from server.midi_map import ALPHA, ATTRIBUTE, COORD, DEFAULT_RANGES, MOD_WHEEL, TEMPERATURE

PATCH = "patch"  # the Max and Pd performer patches
DEVICE = "device"  # the Max for Live device
EVERYWHERE = frozenset({PATCH, DEVICE})
PATCHES_ONLY = frozenset({PATCH})

COORD_DIALS = 8  # principal coordinates shown, at most (the bundle may hold more)
ATTRIBUTE_ROWS = 8  # room for a drum model's attributes as well as the five melody ones
SEED_RANGE = 1_000_000  # fresh sampling seeds are drawn from 0 .. SEED_RANGE - 1
PRESET_NAMES = ("verse", "chorus", "bridge", "drop", "intro", "outro")
# The shipped bundles one server plays together, as `musicvae serve --model [NAME=]DIR ...` takes them: the
# server names each model by its bundle name's first word (mel_2bar_small: /mel, drums_2bar_small: /drums)
# and refuses a name twice, so the second melody bundle, "mel" as well, is named on the command line.
SERVED_MODELS = ((None, "models/mel_2bar_small"), (None, "models/drums_2bar_small"),
                 ("mel16", "models/mel_16bar_hier_small"))
FIRST_MODEL_LABEL = "first"  # how the menus show the empty prefix (bare addresses: the first model)
NO_MODEL_NAME = "-"  # the Pd patch's stand-in for the empty prefix (a model name starts with a letter)


def served_prefixes(served=SERVED_MODELS) -> tuple[str, ...]:
    """The address prefixes the server gives these models (server.live.model_names, applied to the bundle
    names alone: a ModelNameError where the server would refuse the command)."""
    models = [Model(SimpleNamespace(bundle=SimpleNamespace(name=PurePosixPath(folder).name, path=folder)), name=name)
              for name, folder in served]
    return tuple("/" + name for name in model_names(models))


def serve_command(served=SERVED_MODELS) -> str:
    """The command that serves them, under the prefixes the model menu offers."""
    return "musicvae serve " + " ".join(f"--model {name + '=' if name else ''}{folder}" for name, folder in served)


# The model selector: "" addresses the first model (any server), then each served model's prefix.
MODEL_PREFIXES = ("", *served_prefixes())
LEARN_TARGET = ALPHA
MIDI_CC_ALPHA = MOD_WHEEL  # the patches' own [ctlin], as the server's default mapping
# Knob ranges are the server's MIDI mapping's, so a learned CC and a patch dial span the same values.
RANGES = {kind: dict(zip(("lo", "hi"), DEFAULT_RANGES[kind])) for kind in (ALPHA, TEMPERATURE, ATTRIBUTE, COORD)}


# Server addresses no performer control sends, and why.
NOT_PERFORMED = {
    "/z": "a whole latent is z-size numbers (256 for the 16-bar model: with address and slot over Max's "
          "256-atom list limit), and no knob sets it; the patches move the latent through /coords and /attribute",
    "/unsubscribe": "the patch subscribes its own reply port once, for the playhead, and never leaves",
    "/presets": "the preset menu names where to save and what to load; listing the stored ones is for scripts",
}

CLIPS = {  # example clips to /encode: pitch velocity start duration (beats)
    "a": ((60, 100, 0, .5), (62, 100, .5, .5), (64, 100, 1, .5), (65, 100, 1.5, .5), (67, 100, 2, 1),
          (65, 100, 3, .5), (64, 100, 3.5, .5), (62, 100, 4, 1), (60, 100, 5, 2)),
    "b": ((48, 100, 0, 1), (55, 100, 1, 1), (52, 100, 2, 1), (55, 100, 3, 1), (60, 100, 4, .5),
          (59, 100, 4.5, .5), (55, 100, 5, 1), (52, 100, 6, 2)),
}


@dataclass(frozen=True)
class Send:
    """What a control sends: the address and its arguments, each a literal or the name of the control
    (or `value`, the control's own) whose current value fills it."""

    address: str
    args: tuple[str, ...] = ()

    def __post_init__(self):
        spec = ADDRESSES[self.address]  # a KeyError for an address the server does not know
        top = spec.max_args if spec.max_args is not None else len(self.args)
        if not spec.min_args <= len(self.args) <= top:
            raise ValueError(f"{self.address} takes {spec.min_args}..{spec.max_args} arguments "
                             f"({spec.signature}), the spec gives {len(self.args)}")


@dataclass(frozen=True)
class Section:
    key: str
    number: int
    title: str
    x: int  # where the section starts on the patch canvas (both toolkits draw in pixels)
    y: int
    note: str = ""


@dataclass(frozen=True)
class Control:
    key: str  # Pd receive name musicvae-<key>; Max scripting name
    kind: str  # dial | number | button | toggle | menu | clip | display
    label: str  # also the Live parameter name: unique
    section: str
    send: Send | None = None  # None: local (its value feeds another control's message)
    lo: float = 0.0
    hi: float = 1.0
    initial: float = 0.0
    integer: bool = False
    items: tuple[str, ...] = ()  # a menu's entries
    names_from: str | None = None  # a reply whose arguments name what this row controls
    shows: str | None = None  # a display: the reply it shows
    where: frozenset[str] = EVERYWHERE
    panel: tuple[int, int] | None = None  # the device's strip: (column, row) of a grid cell


@dataclass(frozen=True)
class PerformerSpec:
    host: str
    port: int
    reply_port: int
    z_size: int | None
    coords: int
    attribute_names: tuple[str, ...]  # the bundle's, where one was given: for tests, never in a patch
    sections: tuple[Section, ...]
    controls: tuple[Control, ...]
    on_load: tuple[Send, ...] = ()  # what a patch sends when it opens
    replies: tuple[str, ...] = ("/notes/begin", "/note", "/notes/end", "/status", "/pong", "/error",
                                "/attributes", "/beat")
    status_fields: tuple[str, ...] = STATUS_FIELDS
    slots: tuple[str, ...] = SLOTS

    def control(self, key: str) -> Control:
        return next(c for c in self.controls if c.key == key)

    def controls_for(self, target: str) -> list[Control]:
        return [c for c in self.controls if target in c.where]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def coord_keys(self) -> list[str]:
        return [f"c{i}" for i in range(self.coords)]

    def attribute_keys(self) -> list[str]:
        return [c.key for c in self.controls if c.names_from]

    def status_index(self, name: str) -> int:
        """0-based position of a /status field."""
        return self.status_fields.index(name)

    def messages(self, target: str) -> set[tuple[str, int]]:
        """(address, argument count) of everything the target sends."""
        sends = [c.send for c in self.controls_for(target) if c.send] + list(self.on_load)
        if target == DEVICE:
            sends.append(Send("/bpm", ("transport",)))  # Live's tempo
        return {(s.address, len(s.args)) for s in sends}


SECTIONS = (
    Section("connection", 0, "CONNECTION", 15, 830,
            "every message leaves through one sender; the model menu puts an address prefix in front (and "
            "replies in it are taken like bare ones)"),
    Section("slots", 1, "SLOTS A and B", 15, 85,
            "sample A / B draw a fresh seed per click ('fresh' off: reuse the seed); rec A / B: a keyboard "
            "take (serve --midi-in)"),
    Section("morph", 2, "MORPH A -> B (alpha)", 380, 85,
            "CC 1 (mod wheel) moves alpha; 'learn' asks the server to bind the next CC moved to alpha"),
    Section("decoding", 3, "DECODING and TEMPO", 380, 370,
            "temperature 0 = most likely notes; noise seed = the decoder's sampling noise; "
            "/status fills temperature and bpm when the patch opens; Link: the server follows an Ableton Link "
            "session"),
    Section("presets", 4, "PRESETS", 380, 800, "both slots, alpha and attributes; the server keeps them on disk"),
    Section("coords", 5, "LATENT COORDINATES", 740, 85,
            "principal directions of the latent space in standard deviations; they set slot A (or B), "
            "then alpha is re-sent so the morph is heard"),
    Section("attributes", 6, "ATTRIBUTES", 740, 520,
            "each row's menu lists the model's attributes (the server's /attributes reply); "
            "amount -2..2 along the chosen one"),
    Section("receive", 7, "RECEIVE", 1420, 85,
            "notes come back as one bundle per decode; /beat bar step drives the playhead"),
    Section("play", 8, "PLAY", 1420, 900,
            "loops the received notes at the bpm; start / stop run the server's own MIDI loop (serve --midi)"),
)


def _controls(coords: int, attribute_rows: int) -> tuple[Control, ...]:
    sample = [Control(f"sample-{s}", "button", f"Sample {s.upper()}", "slots",
                      Send("/sample", (s, "sample-temperature", "seed")), panel=(0, i))
              for i, s in enumerate(SLOTS)]
    record = [Control(f"record-{s}", "button", f"Rec {s.upper()}", "slots", Send("/record", (s,)), panel=(4 + i, 2))
              for i, s in enumerate(SLOTS)]
    encode = [Control(f"encode-{s}", "clip", f"encode {s.upper()}", "slots",
                      Send("/encode", (s, *(f"{v:g}" for note in CLIPS[s] for v in note))), where=PATCHES_ONLY)
              for s in SLOTS]
    dials = [Control(key, "dial", key, "coords", Send("/coords", ("coords-slot", *[f"c{i}" for i in range(coords)])),
                     **RANGES[COORD], panel=(4 + i % 4, i // 4))
             for i, key in enumerate(f"c{i}" for i in range(coords))]
    rows = [Control(f"attribute-{k + 1}", "dial", f"Attr {k + 1}", "attributes", Send("/attribute", ("name", "value")),
                    **RANGES[ATTRIBUTE], names_from="/attributes", panel=(8 + k % 4, k // 4))
            for k in range(attribute_rows)]
    return (
        # the address prefix put in front of every message
        Control("model", "menu", "Model", "connection", items=MODEL_PREFIXES, panel=(8, 2)),
        # /sample's temperature: it scales the random latent (1 = the prior), unlike the decoding temperature
        Control("sample-temperature", "number", "Spread", "slots", lo=0.0, hi=4.0, initial=1.0, panel=(1, 1)),
        Control("seed", "number", "Seed", "slots", hi=SEED_RANGE - 1, integer=True, panel=(1, 0)),
        Control("fresh-seed", "toggle", "Fresh", "slots", initial=1.0, panel=(0, 2)),
        *sample, *record, *encode,
        Control("alpha", "dial", "Alpha", "morph", Send("/alpha", ("value",)), **RANGES[ALPHA], panel=(2, 0)),
        Control("learn", "button", "Learn", "morph", Send("/learn", (LEARN_TARGET,)), panel=(3, 0)),
        Control("temperature", "dial", "Temperature", "decoding", Send("/temperature", ("value",)),
                **RANGES[TEMPERATURE], initial=1.0, panel=(2, 1)),
        Control("noise-seed", "number", "Noise seed", "decoding", Send("/seed", ("value",)), hi=SEED_RANGE - 1,
                integer=True, panel=(2, 2)),
        Control("bpm", "number", "BPM", "decoding", Send("/bpm", ("value",)), lo=20.0, hi=400.0, initial=120.0,
                integer=True, where=PATCHES_ONLY),  # the device follows Live's tempo instead
        Control("link", "toggle", "Link", "decoding", Send("/link", ("value",)), panel=(3, 1)),
        # the server's own loop (its MIDI out), apart from the patch's
        Control("start", "button", "Start", "play", Send("/play"), panel=(6, 2)),
        Control("stop", "button", "Stop", "play", Send("/stop"), panel=(7, 2)),
        Control("preset", "menu", "Preset", "presets", items=PRESET_NAMES, panel=(12, 0)),
        Control("save", "button", "Save", "presets", Send("/preset/save", ("preset",)), panel=(12, 1)),
        Control("load", "button", "Load", "presets", Send("/preset/load", ("preset",)), panel=(13, 1)),
        Control("coords-slot", "toggle", "Edit B", "coords", panel=(3, 2)),  # off: the dials set slot A
        *dials, *rows,
        Control("playhead", "display", "Playhead", "receive", shows="/beat", panel=(12, 2)),
        # the device plays on Live's transport instead
        Control("play", "toggle", "Play", "play", initial=1.0, where=PATCHES_ONLY),
    )


def performer_spec(bundle=None) -> PerformerSpec:
    """The spec for any model, or shaped by a bundle (contract.bundle.Bundle or anything with its
    z_size, latent.num_coordinates and attributes)."""
    top = ADDRESSES["/coords"].max_args - 1  # the slot is the first argument
    coords = min(COORD_DIALS, top)
    names: tuple[str, ...] = ()
    z_size = None
    if bundle is not None:
        z_size = bundle.z_size
        names = tuple(bundle.attributes)
        coords = min(coords, z_size)  # principal directions of a z-size space
        if bundle.latent is not None:
            coords = min(coords, bundle.latent.num_coordinates)
    rows = max(ATTRIBUTE_ROWS, len(names))
    reply_port = ServerConfig.reply_port
    on_load = (Send("/ping"), Send("/status"), Send("/attributes"),
               Send("/subscribe", (str(reply_port), BEATS)))  # the playhead (/beat) goes to subscribers only
    return PerformerSpec(host=ServerConfig.host, port=ServerConfig.port, reply_port=reply_port, z_size=z_size,
                         coords=coords, attribute_names=names, sections=SECTIONS, controls=_controls(coords, rows),
                         on_load=on_load)
