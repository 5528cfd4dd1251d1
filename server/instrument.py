"""What makes a session playable like an instrument: MIDI in (knobs, a keyboard, a pedal), the α cache,
and tempo sync (MIDI clock in, Ableton Link, the transport), attached to one model's Session.

MIDI in goes through the same handlers as OSC: a knob bound to alpha is an `/alpha k/127` message, a
finished keyboard take an `/encode slot ...` message, so checks, replies and cueing are the OSC ones.
Replies to what MIDI did go to the reply port on 127.0.0.1 and to every subscriber.

Each part that cannot start (no MIDI system, an unknown port, a bad mapping file, no aalink) is logged
with the reason and left out; OSC keeps serving.

Where one server plays several models, every model has its own α cache, while MIDI in, the clock and the
transport are one: the first model's instrument (the conductor) takes MIDI in and drives every model's
loop, so melody and drums follow the same Link session or MIDI clock and start and stop together; the
other models' /play, /stop and /link go to it.

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
from server.midi_in import MidiActions, MidiInPort, MidiRouter
from server.midi_map import (ALPHA, ATTRIBUTE, COORD, TEMPERATURE, Binding, MapError, MidiMapStore, ModelTargets,
                             Target, default_map_path, parse_target)
from server.midi_out import MidiUnavailable
from server.recorder import KeyboardRecorder
from server.wire import EncodedNotes, message

if TYPE_CHECKING:
    from server.session import Sender, Session

log = logging.getLogger("musicvae.server")

UNPROMPTED: "Sender" = ("127.0.0.1", 0)  # replies to MIDI-driven changes: the reply port here, and subscribers


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
        self.router: MidiRouter | None = None
        self.midi_port: MidiInPort | None = None
        self.clock_port: MidiInPort | None = None
        self.clock = None  # the external clock the loop follows: MidiClock or LinkClock

    # ------------------------------------------------------------------------------------------ start-up

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
        engine = self.session.engine
        recorder = KeyboardRecorder(engine.bundle.length_beats, drums=engine.bundle.codec == "drums")
        actions = MidiActions(control=self._control, learned=self._learned, armed=self._armed,
                              recorded=self._recorded, bpm=self._bpm)
        return MidiRouter(self.map_store.load(), self.map_store, recorder, actions)

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

    def _control(self, binding: Binding, value: int) -> None:
        target, amount = binding.target, binding.value(value)
        if target.kind == ALPHA:
            self.dispatch("/alpha", [amount], UNPROMPTED)
        elif target.kind == TEMPERATURE:
            self.dispatch("/temperature", [amount], UNPROMPTED)
        elif target.kind == ATTRIBUTE:
            self.dispatch("/attribute", [target.name, amount], UNPROMPTED)
        elif target.kind == COORD:
            self.dispatch("/z", [target.name, *self._moved_along(target, amount)], UNPROMPTED)

    def _moved_along(self, target: Target, coordinate: float) -> list[float]:
        """The slot's latent with principal coordinate `target.index` set to `coordinate`, the rest kept."""
        stats = self.session.engine.bundle.latent
        with self.session.lock:
            z = self.session.state.slot_z(target.name).astype(np.float64)
        i = target.index
        now = float(stats.components[i] @ (z - stats.mean)) / float(stats.stddevs[i])
        moved = z + (coordinate - now) * float(stats.stddevs[i]) * stats.components[i].astype(np.float64)
        return [float(v) for v in moved]

    def _learned(self, cc: int, target: Target, error: str | None) -> None:
        log.info("MIDI learn: CC %d -> %s", cc, target)
        if error:
            self.session.error(UNPROMPTED, "/learn", error)
        self.session.reply(UNPROMPTED, message("/learned", str(target), cc))

    def _armed(self, slot: str) -> None:
        self.session.ok(UNPROMPTED, "/record", slot)

    def _recorded(self, slot: str, notes: list[Note]) -> None:
        clip = [v for n in notes[:MAX_ENCODE_NOTES] for v in (n.pitch, n.velocity, n.start, n.duration)]
        self.dispatch("/encode", [slot, *clip], UNPROMPTED)

    def _bpm(self) -> float:
        if self.loops:
            return self.loops[0].scheduler.bpm
        with self.session.lock:
            return float(self.session.state.bpm)

    # --------------------------------------------------------------------------------------- addresses

    def learn(self, target_text) -> Target:
        router = self._need_midi_in("/learn")
        try:
            target = parse_target(A.text(target_text, "target"), self.targets)
        except MapError as exc:
            raise A.ArgumentError(str(exc)) from None
        router.learn(target)
        return target

    def record(self, slot: str) -> None:
        self._need_midi_in("/record").arm(slot)

    def transport(self, running: bool) -> None:
        if self.conductor is not None:
            return self.conductor.transport(running)
        for loop in self._need_loops("/play" if running else "/stop"):
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

    def _follow(self, clock) -> None:
        old, self.clock = self.clock, clock
        for loop in self.loops:
            loop.set_source(clock)
        if old is not None and old is not clock:
            old.close()

    def _need_midi_in(self, address: str) -> MidiRouter:
        if self.conductor is not None:
            raise A.ArgumentError(f"{address}: MIDI in plays the first model; send it without a model prefix")
        if self.router is None:
            raise A.ArgumentError(f"{address} needs MIDI in: start serve with --midi-in NAME")
        return self.router

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
    target = _instrument(session).learn(args[0])
    session.ok(sender, "/learn", str(target))


def record(session: "Session", args: list, sender: "Sender") -> None:
    slot = A.slot(args[0])
    _instrument(session).record(slot)
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
