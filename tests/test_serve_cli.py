"""`musicvae serve`: help, start-up, clear failures, clean shutdown."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys

import pytest

from contract.bundle import BundleError
from contract.errors import ExitCode
from musicvae.cli import main
from server.model_dir import default_model_dirs, resolve_model_dir
from tests.fixtures.server import REPO, ServerProcess

# A hang guard, not a speed test (start-up time is printed; speed belongs in the benchmark): a loaded CI
# machine can take several seconds to import onnxruntime and build the sessions.
STARTUP_LIMIT_S = 60.0


def test_help_lists_the_options(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in ("--model", "--host", "--port", "--reply-port", "--midi", "--audio", "--state", "oscsend"):
        assert option in text


def test_starts_and_stops_cleanly_on_sigterm(live_engine, tmp_path):
    server = ServerProcess(live_engine.bundle.path, tmp_path)
    try:
        seconds = server.wait_ready()
        print(f"\nstart-up to first /pong: {seconds:.2f} s")
        assert seconds < STARTUP_LIMIT_S
        assert server.client.request("/sample", "a") is not None
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(10) == 0
        log = server.log()
        assert "ready in" in log and live_engine.provider in log and "stopping" in log
    finally:
        server.close()


# `musicvae serve` launched with SIGINT ignored, as a shell script's background job inherits it (exec keeps
# an ignored signal ignored).
SERVE_WITH_SIGINT_IGNORED = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, "
                             "signal.SIG_IGN); os.execv(sys.executable, [sys.executable, '-m', 'musicvae.cli', "
                             "'serve', *sys.argv[1:]])"]


def test_sigint_stops_cleanly_even_when_inherited_as_ignored(live_engine, tmp_path):
    server = ServerProcess(live_engine.bundle.path, tmp_path, launcher=SERVE_WITH_SIGINT_IGNORED)
    try:
        server.wait_ready(STARTUP_LIMIT_S)
        assert server.client.request("/sample", "a") is not None
        assert server.interrupt() == ExitCode.OK
        assert "stopping" in server.log()
    finally:
        server.close()


def test_missing_default_model_says_what_to_do(monkeypatch, tmp_path):
    assert REPO / "models" / "mel_2bar_small" in default_model_dirs(), "found relative to the repository"
    monkeypatch.setattr("server.model_dir.default_model_dirs", lambda: [tmp_path / "models" / "mel_2bar_small"])
    with pytest.raises(BundleError, match=r"models/mel_2bar_small does not exist yet.*--model DIR"):
        resolve_model_dir(None)


def test_bad_model_and_busy_port_exit_with_a_message(live_engine, tmp_path):
    run = [sys.executable, "-m", "musicvae.cli", "serve", "--state", str(tmp_path)]
    result = subprocess.run(run + ["--model", str(tmp_path / "nope")], capture_output=True, text=True, timeout=60,
                            cwd=REPO)
    assert result.returncode == ExitCode.ERROR and "does not exist; pass --model" in result.stderr
    assert "Traceback" not in result.stderr
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as busy:
        busy.bind(("127.0.0.1", 0))
        port = busy.getsockname()[1]
        result = subprocess.run(run + ["--model", str(live_engine.bundle.path), "--port", str(port)],
                                capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == ExitCode.ERROR and f"cannot listen on udp 127.0.0.1:{port}" in result.stderr


def test_shipped_default_model(tmp_path):
    """The bar: `musicvae serve` on the shipped model starts in under 5 s and answers /sample."""
    try:
        model = resolve_model_dir(None)
    except BundleError as exc:
        pytest.skip(f"no shipped model yet: {exc}")
    server = ServerProcess(model, tmp_path)
    try:
        seconds = server.wait_ready()
        print(f"\nshipped model start-up: {seconds:.2f} s")
        assert seconds < STARTUP_LIMIT_S
        reply = server.client.request("/sample", "a")
        assert reply is not None and reply.count == len(reply.notes)
        assert server.interrupt() == 0
    finally:
        server.close()
