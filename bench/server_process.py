"""`musicvae serve` in a child process on free ports, shared by the benchmark and the tests.

    with start_server_process(bundle, state_dir, "--threads", "2") as server:
        reply = server.client.request("/sample", "a")

`.client` is an OscClient (bench/osc_client.py) listening on the server's reply port; `.proc` the child,
`.log()` its output (stdout and stderr, in a file next to the presets), `.status()` the /status reply as
a dict, `.interrupt()` Ctrl-C. `close()` (or leaving the `with`) ends it with SIGTERM, a clean stop
(presets land, notes off, atexit hooks run), then SIGKILL if it hangs. `launcher` replaces the command
before serve's options (scripts/osc_stage_timing.py launches an instrumented serve).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.osc_client import HOST, OscClient, free_udp_port
from server.addresses import STATUS_FIELDS

REPO = Path(__file__).resolve().parents[1]
SERVE = [sys.executable, "-m", "musicvae.cli", "serve"]
READY_TIMEOUT_S = 30.0  # a loaded CI machine can take seconds to import onnxruntime and build the sessions
STOP_TIMEOUT_S = 10.0


class ServerNotReady(RuntimeError):
    pass


class ServerProcess:
    def __init__(self, model: Path, state_dir: Path, *args: str, env: dict | None = None,
                 log_path: Path | None = None, launcher: list[str] = SERVE):
        self.client = OscClient(0)  # bound first, so its port is free for sure: it becomes the reply port
        self.reply_port = self.client.port
        self.port = free_udp_port()
        self.client.server = (HOST, self.port)
        self.log_path = Path(log_path or Path(state_dir) / f"serve-{self.port}.log")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        command = [*launcher, "--model", str(model), "--port", str(self.port), "--reply-port", str(self.reply_port),
                   "--state", str(state_dir), *args]
        full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full_env.get("PYTHONPATH")]))
        self._log = open(self.log_path, "wb")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT, env=full_env, cwd=REPO)

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> float:
        """Seconds from launch until the first /pong; ServerNotReady, with the log, if it never comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerNotReady(f"server exited with {self.proc.returncode}:\n{self.log()}")
            if self.client.ping(timeout=0.1) is not None:
                return time.monotonic() - self.started
        raise ServerNotReady(f"server did not answer /ping within {timeout} s:\n{self.log()}")

    def status(self, timeout: float = 2.0) -> dict:
        """The /status reply by field name; {} if none came."""
        reply = self.client.ask("/status", reply="/status", timeout=timeout)
        return dict(zip(STATUS_FIELDS, reply.args)) if reply is not None else {}

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def interrupt(self, timeout: float = STOP_TIMEOUT_S) -> int:
        """Ctrl-C, then wait for the exit code."""
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(STOP_TIMEOUT_S)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.kill()
        self.client.close()
        self._log.close()

    def __enter__(self) -> "ServerProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start_server_process(model: Path, state_dir: Path, *args: str, env: dict | None = None,
                         timeout: float = READY_TIMEOUT_S, launcher: list[str] = SERVE) -> ServerProcess:
    """A ServerProcess that has answered /ping (closed again if it never does)."""
    process = ServerProcess(model, state_dir, *args, env=env, launcher=launcher)
    try:
        process.wait_ready(timeout)
    except BaseException:
        process.close()
        raise
    return process
