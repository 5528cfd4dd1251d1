"""The live server put together: the OSC transport (server/osc.py), the dispatcher (server/dispatcher.py)
and a Session per model (server/session.py), started and stopped as one.

    server = LiveServer(engine, ServerConfig(port=0)).start()
    ...
    server.stop()
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from server.dispatcher import Dispatcher
from server.engine import Engine
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


class LiveServer:
    def __init__(self, engine: Engine, config: ServerConfig = ServerConfig(), playback=None):
        self.config = config
        self.transport = OscServer(config.host, config.port)  # binds first: a busy port fails before threads start
        try:
            state_dir = Path(config.state_dir) if config.state_dir else default_state_dir()
            presets = PresetStore(presets_path(state_dir, engine.bundle.name))
            self.session = Session(engine, presets, self.transport.send, config.reply_port, playback)
        except BaseException:
            self.transport.close()
            raise
        self.dispatcher = Dispatcher(self.session)
        self.transport.handle = self.dispatcher.handle_datagram

    @property
    def port(self) -> int:
        return self.transport.port

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
        self.session.close()
        self.transport.close()
