"""Audio preview: with no audio device the server says so and keeps serving; with one (JACK's dummy
driver stands in for a sound card) the synth really streams."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest

from tests.fixtures.server import start_server_process


def _no_device_env(tmp_path) -> dict:
    """No ~/.asoundrc, no JACK server to find and none to autostart: no output device on a machine
    without a sound card (this one has no /dev/snd)."""
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "JACK_DEFAULT_SERVER": f"none-{os.getpid()}", "JACK_NO_START_SERVER": "1"}


def _has_output_device(env: dict) -> bool:
    probe = "import sounddevice as sd; sd.query_devices(kind='output')"
    result = subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, capture_output=True, timeout=60)
    return result.returncode == 0


def test_serve_without_an_audio_device_says_so_and_keeps_serving(live_engine, tmp_path):
    env = _no_device_env(tmp_path)
    if _has_output_device(env):
        pytest.skip("this machine has a real audio output device")
    server = start_server_process(live_engine.bundle.path, tmp_path / "state", "--audio", env=env)
    try:
        log = server.log()
        assert "audio preview off" in log and "no usable audio output device" in log, log
        assert server.client.request("/sample", "a") is not None
        assert server.client.ping() is not None
        assert server.interrupt() == 0
    finally:
        server.close()


def test_serve_with_audio_on_jack(jack_server, live_engine, tmp_path):
    server = start_server_process(live_engine.bundle.path, tmp_path / "state", "--audio")
    try:
        assert server.client.request("/sample", "a") is not None
        assert "audio preview on" in server.log(), server.log()
        assert server.interrupt() == 0
    finally:
        server.close()


def test_audio_out_streams_the_synth(jack_server):
    import sounddevice as sd

    sd._terminate()  # PortAudio lists devices once, at initialisation: rescan now that JACK runs
    sd._initialize()
    from server.audio import AudioOut

    audio = AudioOut()
    peaks = []
    render = audio.synths[0].render

    def recording_render(frames):
        out = render(frames)
        peaks.append(float(np.abs(out).max()))
        return out

    audio.synths[0].render = recording_render
    try:
        audio.note_on(69, 100)
        time.sleep(0.3)
        audio.note_off(69)
        time.sleep(0.2)
    finally:
        audio.close()
        # Leave PortAudio closed: its JACK client must go before the session's JACK server does, or
        # PortAudio asserts at interpreter exit. (No other in-process test uses sounddevice.)
        sd._terminate()
    assert audio.callbacks > 10, "the device pulls blocks in real time"
    assert max(peaks) > 0.05, "and they carry the note"
    assert peaks[-1] == 0.0, "silence after the release"
