"""Presets: saved and recalled over OSC, safe names, atomic files that survive kill -9 and restarts."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pytest

from contract.codec import Note
from server.presets import PAUSE_ENV, TMP_PREFIX, write_atomic
from tests.fixtures.server import start_server_process


def _presets_file(state_dir: Path) -> Path:
    files = list(Path(state_dir).glob("presets-*.json"))
    assert len(files) <= 1, files
    return files[0] if files else None


def _wait(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _saved_names(state_dir: Path) -> set[str]:
    path = _presets_file(state_dir)
    return set(json.loads(path.read_text())["presets"]) if path else set()


def test_save_and_load_over_osc(live_server):
    client = live_server.client()
    client.request("/sample", "a", 1.0, 21)
    client.request("/sample", "b", 1.0, 22)
    name = next(iter(live_server.session.engine.bundle.attributes))
    client.request("/attribute", name, 1.5)
    client.send("/temperature", 0.8)
    saved = client.request("/alpha", 0.4)
    client.send("/preset/save", "verse")
    client.request("/sample", "a", 1.0, 99)
    client.send("/temperature", 0.0)
    changed = client.request("/alpha", 0.9)
    assert changed.notes != saved.notes
    assert client.request("/preset/load", "verse").notes == saved.notes
    state = live_server.session.state
    assert state.alpha == pytest.approx(0.4) and state.temperature == pytest.approx(0.8)
    assert state.attributes[name] == pytest.approx(1.5)
    assert _wait(lambda: "verse" in _saved_names(live_server.state_dir))
    stored = json.loads(_presets_file(live_server.state_dir).read_text())["presets"]["verse"]
    assert len(stored["slots"]["a"]) == live_server.session.engine.z_size
    assert stored["alpha"] == pytest.approx(0.4)


def test_a_save_right_after_an_encode_stores_the_encoded_slot(live_server):
    client = live_server.client()
    clip = [60, 100, 0.0, 1.0, 64, 100, 1.0, 1.0, 67, 100, 2.0, 2.0]
    client.send("/encode", "a", *clip)
    client.send("/preset/save", "clip")  # no wait: the encoder may not have run yet
    assert _wait(lambda: "clip" in _saved_names(live_server.state_dir))
    stored = json.loads(_presets_file(live_server.state_dir).read_text())["presets"]["clip"]
    wire_order = [clip[i:i + 4] for i in range(0, len(clip), 4)]  # pitch, velocity, start, duration
    notes = [Note(start=s, pitch=p, velocity=v, duration=d) for p, v, s, d in wire_order]
    mu = live_server.session.engine.encode(notes)
    np.testing.assert_allclose(stored["slots"]["a"], mu, atol=1e-6)


def test_numeric_names_from_pd(live_server):
    """Pd sends the symbol 3 as the float 3.0: it names the preset '3'."""
    client = live_server.client()
    expected = client.request("/alpha", 0.2)
    client.send("/preset/save", 3.0)
    client.request("/alpha", 0.8)
    assert client.request("/preset/load", 3).notes == expected.notes
    assert client.request("/preset/load", "3").notes == expected.notes


def test_write_atomic_keeps_the_old_file_when_a_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "presets.json"
    write_atomic(path, b'{"old": true}')
    real_fsync = os.fsync

    def failing_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, b'{"new": true}')
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert json.loads(path.read_text()) == {"old": True}
    assert not list(tmp_path.glob(f"{TMP_PREFIX}*")), "the temp file is cleaned up"


def test_kill_9_during_a_save_leaves_the_previous_presets_and_they_survive_restarts(live_engine, tmp_path):
    bundle, state = live_engine.bundle.path, tmp_path / "state"
    first = start_server_process(bundle, state, env={PAUSE_ENV: "second"})
    try:
        client = first.client
        client.request("/sample", "a", 1.0, 31)
        original = client.request("/alpha", 0.3)
        client.send("/preset/save", "first")
        assert _wait(lambda: "first" in _saved_names(state)), first.log()
        client.send("/preset/save", "second")  # the hook stops this save half-way through its temp file
        assert _wait(lambda: any(p.stat().st_size > 0 for p in state.glob(f"{TMP_PREFIX}*"))), first.log()
        first.proc.kill()  # SIGKILL mid-save
        first.proc.wait(10)
    finally:
        first.close()
    assert _saved_names(state) == {"first"}, "the presets file is the previous, complete one"
    second = start_server_process(bundle, state)
    try:
        client = second.client
        assert not list(state.glob(f"{TMP_PREFIX}*")), "the torn temp file is removed at start"
        assert client.request("/preset/load", "first").notes == original.notes
        assert "unknown preset" in client.ask("/preset/load", "second", reply="/error").args[1]
        client.request("/alpha", 0.7)
        client.send("/preset/save", "third")
        assert _wait(lambda: "third" in _saved_names(state))
        assert second.interrupt() == 0, second.log()  # Ctrl-C: a clean exit
    finally:
        second.close()
    third = start_server_process(bundle, state)
    try:
        assert third.client.request("/preset/load", "first").notes == original.notes
        assert third.client.request("/preset/load", "third") is not None
    finally:
        third.close()


def test_an_unreadable_presets_file_is_set_aside(live_engine, tmp_path):
    from server.presets import PresetStore, presets_path
    path = presets_path(tmp_path, "m")
    path.write_text("{torn")
    store = PresetStore(path)
    assert store.names() == []
    assert list(tmp_path.glob("*.unreadable-*.json")), "kept for the user to inspect, not overwritten"
