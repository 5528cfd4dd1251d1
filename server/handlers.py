"""One function per OSC address (the table in server/addresses.py), run on the receiving thread by the
dispatcher (server/dispatcher.py) with the model's Session (server/session.py): `handler(session, args,
sender)`. Handlers know nothing of sockets; they answer through `session.reply`.

A handler checks its arguments (raising ArgumentError, which becomes `/error address "reason"`), applies
the cheap state change at once, and leaves anything slow to the decode worker: decodes are submitted
under a key, so a burst on one knob decodes only its newest value. Keys: "current" (the morph point:
/alpha, /attribute, /preset/load), ("slot", name) (/encode, /sample, /z, /coords on that slot) and
"presets" (writing the presets file).

Cueing: what plays is the current point, slerp(a, b, alpha) + attributes. Editing a slot previews it and
changes what plays only if the current point moved with it: at alpha = 0 a new b is heard in the preview
alone, a new a is also what plays (server/session.py, submit_slot).

/sample slot [temperature] [seed]: slot := N(0, I) * temperature (default 1) drawn with the seed; without
a seed, the next of a reproducible sequence that /seed restarts. Decoding always uses the session's
/temperature and /seed (the same noise for every decode, so a morph changes only where z changes).

What each address replies (all replies go to the sender's host at the reply port and to subscribers):
- /encode, /sample, /z, /coords: the slot's preview, `/preview/begin slot id count`, count x `/preview/note
  pitch velocity start duration`, `/preview/end slot id` (its latent decoded, no attributes applied), and
  in the same datagram, if the current point moved, its notes as below;
- /alpha, /attribute, /preset/load: the notes of the current point, `/notes/begin id count`, count x
  `/note pitch velocity start duration`, `/notes/end id`: what plays;
- a trio model's notes, replied or sent to /encode, carry a fifth number, the track (0 melody, 1 bass,
  2 drums);
- /temperature, /seed, /bpm, /preset/save, /subscribe, /unsubscribe: `/ok address value ...`, the values
  as the server took them;
- /ping: /pong; /status, /attributes and /presets: their reply.
Subscribers that asked for `beats` also get the playhead `/beat bar step` from the playback loop.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from server import args as A
from server.addresses import MAX_ENCODE_NOTES, MAX_LISTED_PRESETS, STREAMS
from server.clock import ClockError
from server.instrument import INSTRUMENT_HANDLERS
from server.latent import coordinates_to_z, sample_prior
from server.session import Sender, Session, Subscription, prefix_of
from server.state import LiveState, PendingLatent
from contract.codec import Note

MAX_TEMPERATURE = 100.0
MAX_SEED = 2**31 - 1  # an OSC int32
MIN_BPM, MAX_BPM = 1.0, 1000.0
MAX_SUBSCRIBERS = 32
PRESETS = "presets"
NUMBER_WORDS = {4: "fours", 5: "fives"}  # a clip's note width, as its error says it

Handler = Callable[[Session, list, Sender], None]


def ping(session: Session, args: list, sender: Sender) -> None:
    session.answer(sender, "/pong")


def status(session: Session, args: list, sender: Sender) -> None:
    session.answer(sender, "/status", *session.status_values())


def attributes(session: Session, args: list, sender: Sender) -> None:
    session.answer(sender, "/attributes", *session.engine.bundle.attributes)


def encode(session: Session, args: list, sender: Sender) -> None:
    slot = A.slot(args[0])
    engine = session.engine
    notes = _clip(args[1:], engine.codec.tracks)
    tokens, report = engine.codec.encode_with_report(notes, engine.num_steps)
    if not tokens.any():
        raise A.ArgumentError(
            f"no note of the clip fits the model ({report.out_of_range} out of pitch range, "
            f"{report.unknown_drums} unknown drums, {report.truncated} past beat {engine.bundle.length_beats:g})")
    with session.lock:
        session.state.slots[slot] = PendingLatent(tokens, engine.encode_tokens)
    session.submit_slot(slot, "/encode", sender)


def sample(session: Session, args: list, sender: Sender) -> None:
    slot = A.slot(args[0])
    temperature = A.number(args[1], "temperature", 0.0, MAX_TEMPERATURE) if len(args) > 1 else 1.0
    seed = A.whole(args[2], "seed", 0, MAX_SEED) if len(args) > 2 else session.next_sample_seed()
    _set_slot(session, "/sample", slot, sample_prior(session.engine.z_size, temperature, seed), sender)


def z(session: Session, args: list, sender: Sender) -> None:
    slot = A.slot(args[0])
    size = session.engine.z_size
    if len(args) - 1 != size:
        raise A.ArgumentError(f"z must have {size} values (the model's z size), got {len(args) - 1}")
    values = [A.number(v, f"z[{i}]", -A.MAX_MAGNITUDE, A.MAX_MAGNITUDE) for i, v in enumerate(args[1:])]
    _set_slot(session, "/z", slot, np.asarray(values, dtype=np.float32), sender)


def coords(session: Session, args: list, sender: Sender) -> None:
    slot = A.slot(args[0])
    stats = session.engine.bundle.latent
    if stats is None:
        raise A.ArgumentError("this bundle has no latent statistics (manifest 'latent'): re-export it")
    if len(args) - 1 > stats.num_coordinates:
        raise A.ArgumentError(f"at most {stats.num_coordinates} coordinates, got {len(args) - 1}")
    values = [A.number(v, f"c{i}", -A.MAX_MAGNITUDE, A.MAX_MAGNITUDE) for i, v in enumerate(args[1:])]
    _set_slot(session, "/coords", slot, coordinates_to_z(values, stats), sender)


def alpha(session: Session, args: list, sender: Sender) -> None:
    value = A.number(args[0], "alpha", 0.0, 1.0)
    with session.lock:
        session.state.alpha = value
    session.submit_current("/alpha", sender)


def attribute(session: Session, args: list, sender: Sender) -> None:
    name = A.text(args[0], "attribute name")
    known = session.engine.bundle.attributes
    if name not in known:
        raise A.ArgumentError(f"unknown attribute {name!r}; this model has: {', '.join(known) or 'none'}")
    amount = A.number(args[1], "amount", -A.MAX_MAGNITUDE, A.MAX_MAGNITUDE)
    with session.lock:
        session.state.attributes[name] = amount
    session.submit_current("/attribute", sender)


def temperature(session: Session, args: list, sender: Sender) -> None:
    value = A.number(args[0], "temperature", 0.0, MAX_TEMPERATURE)
    with session.lock:
        session.state.temperature = value
    session.ok(sender, "/temperature", value)


def seed(session: Session, args: list, sender: Sender) -> None:
    value = A.whole(args[0], "seed", 0, MAX_SEED)
    with session.lock:
        session.state.seed = value
        session.sample_count = 0  # /sample without a seed restarts its reproducible sequence
    session.ok(sender, "/seed", value)


def preset_save(session: Session, args: list, sender: Sender) -> None:
    name = A.preset_name(args[0])
    with session.lock:
        snapshot = session.state.snapshot()
    session.presets.put(name, snapshot)
    session.submit(PRESETS, "/preset/save", sender, session.presets.persist)
    session.ok(sender, "/preset/save", name)  # recallable now; a failed write replies /error /preset/save


def preset_load(session: Session, args: list, sender: Sender) -> None:
    name = A.preset_name(args[0])
    try:
        entry = session.presets.get(name)
    except KeyError as exc:
        raise A.ArgumentError(str(exc.args[0])) from None
    with session.lock:
        try:
            _recall(session.state, entry, session.engine.z_size)
        except (ValueError, KeyError, TypeError) as exc:
            raise A.ArgumentError(f"preset {name!r} does not fit this model: {exc}") from None
    session.submit_current("/preset/load", sender)


def presets(session: Session, args: list, sender: Sender) -> None:
    session.answer(sender, "/presets", *session.presets.names()[:MAX_LISTED_PRESETS])


def bpm(session: Session, args: list, sender: Sender) -> None:
    value = A.number(args[0], "bpm", MIN_BPM, MAX_BPM)
    if session.playback is not None:
        try:
            session.playback.set_bpm(value)
        except ClockError as exc:  # the loop follows an external clock whose tempo is not ours
            raise A.ArgumentError(str(exc)) from None
    with session.lock:
        session.state.bpm = value
    session.ok(sender, "/bpm", value)


def subscribe(session: Session, args: list, sender: Sender) -> None:
    port = A.whole(args[0], "port", 1, 65535)
    streams = [A.choice(s, "stream", STREAMS) for s in args[1:]]
    target = (sender[0], port)
    with session.lock:
        if target not in session.subscribers and len(session.subscribers) >= MAX_SUBSCRIBERS:
            raise A.ArgumentError(f"already {MAX_SUBSCRIBERS} subscribers; /unsubscribe one first")
        # again without `beats`: the playhead stops
        session.subscribers[target] = Subscription(frozenset(streams), prefix_of(sender))
    session.ok(sender, "/subscribe", port, *streams)


def unsubscribe(session: Session, args: list, sender: Sender) -> None:
    port = A.whole(args[0], "port", 1, 65535)
    target = (sender[0], port)
    with session.lock:
        if target not in session.subscribers:
            raise A.ArgumentError(f"port {port} on {target[0]} is not subscribed")
        del session.subscribers[target]
    session.ok(sender, "/unsubscribe", port, extra=[target])


HANDLERS: dict[str, Handler] = {
    "/ping": ping, "/status": status, "/encode": encode, "/sample": sample, "/z": z, "/coords": coords,
    "/alpha": alpha, "/attribute": attribute, "/attributes": attributes, "/temperature": temperature,
    "/seed": seed, "/preset/save": preset_save, "/preset/load": preset_load, "/presets": presets, "/bpm": bpm,
    "/subscribe": subscribe, "/unsubscribe": unsubscribe,
    **INSTRUMENT_HANDLERS,  # /learn, /record, /play, /stop, /link (server/instrument.py)
}


# ------------------------------------------------------------------------------------------------ helpers


def _set_slot(session: Session, address: str, slot: str, value: np.ndarray, sender: Sender) -> None:
    with session.lock:
        session.state.slots[slot] = value
    session.submit_slot(slot, address, sender)


def _clip(values: list, tracks: int = 1) -> list[Note]:
    """pitch velocity start duration, repeated; a multi-track (trio) model's notes add their track (0 melody,
    1 bass, 2 drums), as its /note replies do. Each value checked (ranges in the error text)."""
    fields = "pitch velocity start duration" + (" track" if tracks > 1 else "")
    width = len(fields.split())
    if not values:
        raise A.ArgumentError(f"empty clip: give {fields} for at least one note")
    if len(values) % width:
        raise A.ArgumentError(f"clip arguments come in {NUMBER_WORDS[width]} ({fields}), got {len(values)}")
    if len(values) // width > MAX_ENCODE_NOTES:
        raise A.ArgumentError(f"clip has {len(values) // width} notes; at most {MAX_ENCODE_NOTES}")
    notes = []
    for i in range(0, len(values), width):
        k = i // width
        pitch = A.whole(values[i], f"note {k} pitch", 0, 127)
        velocity = A.whole(values[i + 1], f"note {k} velocity", 0, 127)
        start = A.number(values[i + 2], f"note {k} start", 0.0, A.MAX_MAGNITUDE)
        duration = A.number(values[i + 3], f"note {k} duration", 0.0, A.MAX_MAGNITUDE)
        if duration <= 0:
            raise A.ArgumentError(f"note {k} duration must be > 0")
        track = A.whole(values[i + 4], f"note {k} track", 0, tracks - 1) if tracks > 1 else 0
        notes.append(Note(start=start, pitch=pitch, velocity=velocity, duration=duration, track=track))
    return notes


def _recall(state: LiveState, entry, z_size: int) -> None:
    if isinstance(entry, LiveState):  # saved in this session (slots may still be pending encodes)
        state.slots = dict(entry.slots)
        state.alpha, state.attributes = entry.alpha, dict(entry.attributes)
        state.temperature, state.seed = entry.temperature, entry.seed
    else:
        state.apply_preset(entry, z_size)
