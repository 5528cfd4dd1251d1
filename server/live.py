"""The live server put together: the OSC transport (server/osc.py), the dispatcher (server/dispatcher.py)
and a Session per model (server/session.py), started and stopped as one.

    server = LiveServer(engine, ServerConfig(port=0)).start()             # one model
    server = LiveServer([Model(mel), Model(drums, name="beat")]).start()  # several: /mel/..., /beat/...
    ...
    server.stop()

Several models share the socket, the reply port and the presets folder; each has its own Session (state,
decode worker, subscribers, playback loop on its own MIDI channels) under its own address prefix: the name
given, else the first word of its bundle's name (mel_2bar_small: /mel). Bare addresses go to the first.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from server.addresses import ADDRESSES
from server.dispatcher import Dispatcher
from server.engine import Engine
from server.instrument import Instrument, InstrumentConfig
from server.osc import OscServer
from server.presets import PresetStore, default_state_dir, presets_path
from server.session import Session

log = logging.getLogger("musicvae.server")


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 9000  # 0 picks a free port (tests)
    reply_port: int = 9001
    state_dir: Path | None = None  # presets live here; None: the platform's user data folder


@dataclass
class Model:
    """One model to serve: its engine, its playback loop (MIDI/audio; None: none) and its address name."""
    engine: Engine
    playback: object = None  # server.playback.Playback
    name: str | None = None  # the address prefix without its "/"; None: the bundle name's first word


class ModelNameError(ValueError):
    pass


MODEL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")


def model_names(models: Sequence[Model]) -> list[str]:
    """Each model's address name: given, or its bundle name's first word; checked to be a valid OSC address
    part, unique, and never the first part of an address (a model named `preset` would shadow /preset/save)."""
    taken = {path.split("/")[1] for path in ADDRESSES}
    names = []
    for model in models:
        name = model.name or re.split(r"[^A-Za-z0-9]+", model.engine.bundle.name)[0].lower()
        if not MODEL_NAME.match(name):
            raise ModelNameError(f"model name {name!r} for {model.engine.bundle.path}: use a letter, then letters, "
                                 f"digits, '_' or '-' (up to 32), as in --model NAME=DIR")
        if name in taken:
            raise ModelNameError(f"model name {name!r} is taken (by an address or another model); name it with "
                                 f"--model NAME=DIR")
        taken.add(name)
        names.append(name)
    return names


class LiveServer:
    def __init__(self, models: Engine | Sequence[Model], config: ServerConfig = ServerConfig(), playback=None,
                 instrument: InstrumentConfig = InstrumentConfig()):
        """`models`: an Engine alone serves one model (with `playback`), else one Model each."""
        models = [Model(models, playback)] if isinstance(models, Engine) else list(models)
        names = model_names(models)  # ModelNameError before anything starts
        self.config = config
        self.transport = OscServer(config.host, config.port)  # binds first: a busy port fails before threads start
        self.sessions: list[Session] = []
        try:
            state_dir = Path(config.state_dir) if config.state_dir else default_state_dir()
            stores: dict[Path, PresetStore] = {}  # one store per file: two prefixes on one bundle share presets
            for model, name in zip(models, names):
                path = presets_path(state_dir, model.engine.bundle.name)
                if path not in stores:
                    stores[path] = PresetStore(path)
                self.sessions.append(Session(model.engine, stores[path], self.transport.send, config.reply_port,
                                             model.playback, "/" + name))
        except BaseException:
            self.close_sessions()
            self.transport.close()
            raise
        self.dispatcher = Dispatcher(self.sessions)
        # Every model gets its α cache; the first one's instrument also owns MIDI in (which drives every
        # model), the clock (Link, MIDI clock) and the transport, for every loop. What cannot start is logged
        # and left out. Every session has its instrument before MIDI in opens: a knob may name any model.
        conductor = Instrument(self.session, self.dispatcher.handle_message, state_dir, instrument,
                               loops=[s.playback for s in self.sessions])
        instruments = [conductor] + [Instrument(s, self.dispatcher.handle_message, state_dir, conductor=conductor)
                                     for s in self.sessions[1:]]
        conductor.conduct(instruments)
        for session, member in zip(self.sessions, instruments):
            session.instrument = member
        for member in reversed(instruments):  # the conductor last: MIDI in opens onto a ready ensemble
            member.start()
        self.transport.handle = self.dispatcher.handle_datagram

    @property
    def port(self) -> int:
        return self.transport.port

    @property
    def session(self) -> Session:
        """The first model's Session (bare addresses go to it)."""
        return self.sessions[0]

    def serve_forever(self) -> None:
        """Receive and dispatch until stop() (or KeyboardInterrupt in the calling thread)."""
        log.info("listening on udp %s:%d, replies to port %d", self.config.host, self.port, self.config.reply_port)
        self.transport.serve_forever()

    def start(self) -> "LiveServer":
        """Serve on a background thread (tests, embedding)."""
        self.transport.start()
        return self

    def stop(self) -> None:
        """Stop receiving, finish pending jobs (a save in flight lands), silence playback, close."""
        self.transport.stop()
        for session in reversed(self.sessions):  # the conductor last: it owns MIDI in and the clock
            session.instrument.close()  # no MIDI message reaches a session past here
        self.close_sessions()
        self.transport.close()

    def close_sessions(self) -> None:
        for session in self.sessions:
            session.close()
