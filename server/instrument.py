"""What makes a session playable like an instrument: MIDI in (knobs, a keyboard, a pedal), the α cache,
and tempo sync (MIDI clock in, Ableton Link, the transport), attached to one model's Session.

MIDI in goes through the same handlers as OSC: a knob bound to alpha is an `/alpha k/127` message, a
finished keyboard take an `/encode slot ...` message, so checks, replies and cueing are the OSC ones.
Replies to what MIDI did go to the reply port on 127.0.0.1 and to every subscriber.

Each part that cannot start (no MIDI system, an unknown port, a bad mapping file, no aalink) is logged
with the reason and left out; OSC keeps serving.

Where one server plays several models, every model has its own α cache, while MIDI in, the clock and the
transport are one: the first model's instrument (the conductor) owns the MIDI in port, the clock and the
transport, and drives every model's loop, so melody and drums follow the same Link session or MIDI clock
and start and stop together; the other models' /play, /stop and /link go to it. MIDI in drives every
model: a mapping entry names its model (server/midi_map.py), `/drums/learn alpha` binds the next CC to the
drum model's alpha, `/drums/record a` arms a take for the drum model's slot a (each model has its own
recorder), and each action runs as that model's prefixed message (/drums/alpha ...), so its replies come
back under that prefix. What a bare address or an entry without a model drives, the first model, replies
unprefixed as before.

Addresses handled here: /learn TARGET, /record SLOT, /play, /stop, /link 0|1.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from contract.codec import Note
from server import args as A
from server.addresses import MAX_ENCODE_NOTES, SLOTS
from server.alpha_cache import DEFAULT_BATCH, AlphaCache, MorphKey, decode_rows_as_live
from server.clock import ClockError, LinkClock, MidiClock
from server.midi_in import MidiActions, MidiInPort, MidiRouter, Model
from server.midi_map import (ALPHA, ATTRIBUTE, COORD, TEMPERATURE, Binding, MapError, MidiMapStore, ModelTargets,
                             ServedModels, Target, default_map_path, parse_target)
from server.midi_out import MidiUnavailable
from server.recorder import KeyboardRecorder
from server.session import Origin, prefix_of
from server.wire import EncodedNotes

if TYPE_CHECKING:
    from server.session import Sender, Session

log = logging.getLogger("musicvae.server")

UNPROMPTED: "Sender" = ("127.0.0.1", 0)  # replies to MIDI-driven changes: the reply port here, and subscribers


def unprompted(model: Model) -> "Sender":
    """The sender of a MIDI-driven change of `model`: its replies carry the model's prefix, if it came with one."""
    return Origin(*UNPROMPTED, model or "")


@dataclass(frozen=True)
class InstrumentConfig:
    midi_in: str | None = None  # port name (or virtual:NAME)
    midi_map: Path | None = None  # mapping file; None: midi-map-MODEL.json next to the presets
    clock_in: str | None = None  # MIDI clock port name
    link: bool = False  # join Ableton Link at start
    alpha_cache: bool = True
    cache_batch: int = DEFAULT_BATCH


class Instrument:
    def __init__(self, session: "Session", dispatch: Callable[[str, list, "Sender"], None], state_dir: Path,
                 config: InstrumentConfig = InstrumentConfig(), loops: list | None = None,
                 conductor: "Instrument | None" = None):
        """`dispatch(address, args, sender)` runs a message as if it came over OSC (the dispatcher's);
        `loops`: the playback loops the clock and transport drive (default: this session's);
        `conductor`: the instrument that owns MIDI in, the clock and the transport, if not this one."""
        self.session = session
        self.conductor = conductor
        self.loops = [loop for loop in (loops if loops is not None else [session.playback]) if loop is not None]
        self.dispatch = dispatch
        self.config = config
        engine = session.engine
        self.cache = self.new_cache(decode_rows_as_live(engine)) if config.alpha_cache else None
        latent = engine.bundle.latent
        self.targets = ModelTargets(tuple(engine.bundle.attributes), SLOTS, latent.num_coordinates if latent else 0)
        self.map_store = MidiMapStore(config.midi_map or default_map_path(state_dir, engine.bundle.name), self.targets)
        self.members: dict[str, Instrument] = {session.prefix: self}  # the models MIDI in drives, by prefix
        self.router: MidiRouter | None = None
        self.midi_port: MidiInPort | None = None
        self.clock_port: MidiInPort | None = None
        self.clock = None  # the external clock the loop follows: MidiClock or LinkClock

    # ------------------------------------------------------------------------------------------ start-up

    def conduct(self, instruments: list["Instrument"]) -> None:
        """Drive these models' instruments (this one first) from MIDI in; call before start()."""
        self.members = {instrument.session.prefix: instrument for instrument in instruments}
        served = ServedModels(tuple((prefix, member.targets) for prefix, member in self.members.items()))
        self.map_store = MidiMapStore(self.map_store.path, served)

    def start(self) -> "Instrument":
        """Open what the config asks for; each failure is logged with its reason and left out."""
        if self.config.midi_in:
            self._start_midi_in(self.config.midi_in)
        if self.config.clock_in:
            self._start_clock_in(self.config.clock_in)
        if self.config.link:
            try:
                self.set_link(True)
            except A.ArgumentError as exc:
                log.error("Ableton Link off: %s; OSC keeps serving", exc)
        self.state_changed()
        return self

    def _start_midi_in(self, name: str) -> None:
        try:
            router = self.make_router()
            self.midi_port = MidiInPort(name, router.handle)
        except (MapError, MidiUnavailable) as exc:
            log.error("MIDI in off: %s; OSC keeps serving", exc)
            return
        self.router = router
        bound = ", ".join(f"CC {cc} -> {b.target}" for cc, b in sorted(router.mapping.controls.items()))
        log.info("MIDI in mapping %s: %s", self.map_store.path, bound or "nothing bound")

    def make_router(self) -> MidiRouter:
        """MIDI in's logic on the mapping file (MapError if it is bad), without a port (tests feed it bytes)."""
        recorders = {}
        for prefix, member in self.members.items():
            engine = member.session.engine
            recorders[prefix] = KeyboardRecorder(engine.bundle.length_beats, drums=engine.codec.drums_by_track)
        actions = MidiActions(control=self._control, learned=self._learned, armed=self._armed,
                              recorded=self._recorded, bpm=self._take_bpm, bar_phase=self._bar_phase)
        return MidiRouter(self.map_store.load(), self.map_store, recorders, actions)

    def _start_clock_in(self, name: str) -> None:
        if not self.loops:
            log.error("MIDI clock in off: nothing to clock (no playback)")
            return
        clock = MidiClock(self._bpm())
        try:
            self.clock_port = MidiInPort(name, clock.feed, timing=True)
        except MidiUnavailable as exc:
            log.error("MIDI clock in off: %s; OSC keeps serving", exc)
            return
        self._follow(clock)

    # ------------------------------------------------------------------------------------- the α cache

    def new_cache(self, decode_rows) -> AlphaCache:
        """An α cache for this session (`decode_rows`: decode_rows_as_live, or a stand-in in tests)."""
        return AlphaCache(decode_rows, self._cache_entry, self.session.worker.wait_idle, self.config.cache_batch)

    def _cache_entry(self, tokens: np.ndarray) -> EncodedNotes:
        """A cached position: its notes, with the reply packed for the prefixes this model answers under."""
        session = self.session
        prefixes = ("", session.prefix) if self.conductor is None else (session.prefix,)
        return EncodedNotes(session.engine.codec.decode(tokens), session.tracks, prefixes)

    def morph_key(self, state) -> MorphKey:
        return MorphKey(state.slots[SLOTS[0]], state.slots[SLOTS[1]], tuple(sorted(state.attributes.items())),
                        float(state.temperature), int(state.seed))

    def cached_current(self, state, count_miss: bool = True) -> EncodedNotes | None:
        """The state's current point from the α cache (its notes, its reply packed), or None (decode it)."""
        return None if self.cache is None else self.cache.lookup(self.morph_key(state), state.alpha, count_miss)

    def state_changed(self) -> None:
        """After any message: refill the cache in the background if the morph changed (cheap if not)."""
        if self.cache is None:
            return
        with self.session.lock:
            state = self.session.state.snapshot()
        vectors = self.session.engine.bundle.attributes

        def point(alpha: float) -> np.ndarray:
            return dataclasses.replace(state, alpha=alpha).current_z(vectors)

        self.cache.refresh(self.morph_key(state), point, state.alpha)

    # ------------------------------------------------------------------------------------ MIDI actions

    def _member(self, model: Model) -> "Instrument":
        """The instrument of the model MIDI in names (None: the first, this one)."""
        return self if model is None else self.members[model]

    def _control(self, binding: Binding, value: int) -> None:
        target, amount, prefix = binding.target, binding.value(value), binding.model or ""
        if target.kind == ALPHA:
            self.dispatch(prefix + "/alpha", [amount], UNPROMPTED)
        elif target.kind == TEMPERATURE:
            self.dispatch(prefix + "/temperature", [amount], UNPROMPTED)
        elif target.kind == ATTRIBUTE:
            self.dispatch(prefix + "/attribute", [target.name, amount], UNPROMPTED)
        elif target.kind == COORD:
            moved = self._member(binding.model)._moved_along(target, amount)
            self.dispatch(prefix + "/z", [target.name, *moved], UNPROMPTED)

    def _moved_along(self, target: Target, coordinate: float) -> list[float]:
        """The slot's latent with principal coordinate `target.index` set to `coordinate`, the rest kept."""
        stats = self.session.engine.bundle.latent
        with self.session.lock:
            z = self.session.state.slot_z(target.name).astype(np.float64)
        i = target.index
        now = float(stats.components[i] @ (z - stats.mean)) / float(stats.stddevs[i])
        moved = z + (coordinate - now) * float(stats.stddevs[i]) * stats.components[i].astype(np.float64)
        return [float(v) for v in moved]

    def _learned(self, cc: int, target: Target, model: Model, error: str | None) -> None:
        log.info("MIDI learn: CC %d -> %s%s", cc, model or "", target)
        session, sender = self._member(model).session, unprompted(model)
        if error:
            session.error(sender, "/learn", error)
        session.answer(sender, "/learned", str(target), cc)

    def _armed(self, slot: str, model: Model) -> None:
        self._member(model).session.ok(unprompted(model), "/record", slot)

    def _recorded(self, slot: str, notes: list[Note], model: Model) -> None:
        tracks = self._member(model).session.engine.codec.tracks > 1  # a trio's /encode takes each note's track
        clip = [v for n in notes[:MAX_ENCODE_NOTES]
                for v in (n.pitch, n.velocity, n.start, n.duration, *((n.track,) if tracks else ()))]
        self.dispatch((model or "") + "/encode", [slot, *clip], UNPROMPTED)

    def _bpm(self) -> float:
        if self.loops:
            return self.loops[0].scheduler.bpm
        with self.session.lock:
            return float(self.session.state.bpm)

    def _take_bpm(self, model: Model) -> float:
        """The tempo of the model's own loop (or state): a take is timed as that model plays."""
        session = self._member(model).session
        if session.playback is not None:
            return session.playback.scheduler.bpm
        with session.lock:
            return float(session.state.bpm)

    def _bar_phase(self, at: float, model: Model) -> float | None:
        playback = self._member(model).session.playback
        return playback.bar_phase(at) if playback is not None else None

    # --------------------------------------------------------------------------------------- addresses

    def learn(self, target_text, prefixed: bool) -> Target:
        """The next CC moved drives this model's target; `prefixed`: the message named the model (a
        binding then names it too; a bare /learn binds the first model, as an entry without a model)."""
        router = self._need_midi_in("/learn")
        try:
            target = parse_target(A.text(target_text, "target"), self.targets)
        except MapError as exc:
            raise A.ArgumentError(str(exc)) from None
        router.learn(target, self.session.prefix if prefixed else None)
        return target

    def record(self, slot: str, prefixed: bool) -> None:
        self._need_midi_in("/record").arm(slot, self.session.prefix if prefixed else None)

    def transport(self, running: bool) -> None:
        if self.conductor is not None:
            return self.conductor.transport(running)
        loops = self._need_loops("/play" if running else "/stop")
        if isinstance(self.clock, LinkClock):  # the session's transport: the loops follow it (server/clock.py)
            self.clock.set_playing(running)
            running = True
        for loop in loops:
            loop.play() if running else loop.stop()

    def set_link(self, on: bool) -> None:
        if self.conductor is not None:
            return self.conductor.set_link(on)
        self._need_loops("/link")
        if not on:
            if isinstance(self.clock, LinkClock):
                self._follow(None)
            return
        if isinstance(self.clock, LinkClock):
            return
        try:
            link = LinkClock(self._bpm())
        except ClockError as exc:
            raise A.ArgumentError(str(exc)) from None
        self._follow(link)
        for loop in self.loops:  # the session's start/stop is the transport from now on
            loop.play()

    def _follow(self, clock) -> None:
        old, self.clock = self.clock, clock
        for loop in self.loops:
            loop.set_source(clock)
        if old is not None and old is not clock:
            old.close()

    def _need_midi_in(self, address: str) -> MidiRouter:
        router = (self.conductor or self).router  # the conductor's port drives every model
        if router is None:
            raise A.ArgumentError(f"{address} needs MIDI in: start serve with --midi-in NAME")
        return router

    def _need_loops(self, address: str) -> list:
        if not self.loops:
            raise A.ArgumentError(f"{address} needs a playback loop: start serve with --midi NAME, --audio, "
                                  f"--clock-in NAME or --link")
        return self.loops

    # ------------------------------------------------------------------------------------------- close

    def stats(self) -> dict:
        return {"midi_in": dict(self.router.counts) if self.router else None,
                "alpha_cache": None if self.cache is None else
                {"filled": self.cache.filled, "hits": self.cache.hits, "misses": self.cache.misses}}

    def close(self) -> None:
        for port in (self.midi_port, self.clock_port):
            if port is not None:
                port.close()
        if self.router is not None:
            self.router.close()
            counts = self.router.counts
            if counts["sysex"] or counts["garbage"]:
                log.info("MIDI in ignored %d SysEx and %d unparseable message(s)", counts["sysex"], counts["garbage"])
        if self.clock is not None:
            self.clock.close()
        if self.cache is not None:
            self.cache.close()
            log.info("α cache: %d hit(s), %d miss(es)%s", self.cache.hits, self.cache.misses, self._hit_times())

    def _hit_times(self) -> str:
        """How long the hits answered on the receiving thread took, message in to reply ready to send (the benchmark
        reads this line: it is the server's share of a knob's round trip)."""
        seconds = np.asarray(self.session.hit_seconds)
        if not len(seconds):
            return ""
        p50, p99 = np.percentile(seconds, [50, 99]) * 1e6
        return f"; {len(seconds)} answered on the receiving thread in p50 {p50:.0f} µs, p99 {p99:.0f} µs"


# ------------------------------------------------------------------------------------------ handlers


def _instrument(session: "Session") -> Instrument:
    instrument = getattr(session, "instrument", None)
    if instrument is None:
        raise A.ArgumentError("this server has no instrument layer (MIDI in, transport, Link)")
    return instrument


def learn(session: "Session", args: list, sender: "Sender") -> None:
    target = _instrument(session).learn(args[0], prefixed=bool(prefix_of(sender)))
    session.ok(sender, "/learn", str(target))


def record(session: "Session", args: list, sender: "Sender") -> None:
    slot = A.slot(args[0])
    _instrument(session).record(slot, prefixed=bool(prefix_of(sender)))
    session.ok(sender, "/record", slot)


def play(session: "Session", args: list, sender: "Sender") -> None:
    _instrument(session).transport(True)
    session.ok(sender, "/play")


def stop(session: "Session", args: list, sender: "Sender") -> None:
    _instrument(session).transport(False)
    session.ok(sender, "/stop")


def link(session: "Session", args: list, sender: "Sender") -> None:
    on = A.whole(args[0], "link", 0, 1)
    _instrument(session).set_link(bool(on))
    session.ok(sender, "/link", on)


INSTRUMENT_HANDLERS = {"/learn": learn, "/record": record, "/play": play, "/stop": stop, "/link": link}
