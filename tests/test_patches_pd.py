"""Live: patches/musicvae.pd running headless in Pure Data, against the real server or a capturing socket.

A small driver patch, opened beside the performer patch, points its [netsend]/[netreceive] at the test
server (through the patch's musicvae-netsend / musicvae-netreceive receivers), subscribes, sets the bpm
and presses "sample A" through the bang's receive name, exactly as a performer's click would. The
performer patch announces what it parsed (musicvae-notes-begin, -note, -notes-end) and what it played
(musicvae-played); the driver prints those to stderr and quits Pd. Pd runs in real time (`-batch` would
run in logical time and exit before any reply arrives).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from server.live import LiveServer, Model, ServerConfig
from tests.fixtures.server import HOST, OscClient, free_udp_port

PATCHES = Path(__file__).resolve().parents[1] / "patches"
PATCH = PATCHES / "musicvae.pd"
sys.path.insert(0, str(PATCHES / "generate"))
from spec import MODEL_PREFIXES  # noqa: E402  (patches/generate/spec.py: the model menu's entries)

DRUMS = MODEL_PREFIXES.index("/drums")  # the model menu's entry for the drum model
PD = shutil.which("pd")
pytestmark = pytest.mark.skipif(PD is None, reason="Pure Data is not installed (apt-get install puredata-core)")

BPM = 480  # a 2-bar loop lasts one second
QUIT_AFTER_END_MS = 1500
SAFETY_QUIT_MS = 25000

DRIVER = """#N canvas 0 50 450 300 12;
#X obj 10 10 loadbang;
#X msg 10 40 \\; musicvae-netsend disconnect \\; musicvae-netsend connect 127.0.0.1 {server} \\; musicvae-netreceive listen {listen};
#X obj 10 80 delay 100;
#X msg 10 105 list {listen};
#X obj 10 130 oscformat subscribe;
#X obj 10 155 s musicvae-out;
#X obj 10 185 delay 600;
#X msg 10 210 {actions};
#X obj 10 250 delay {safety};
#X msg 10 275 \\; pd quit;
#X obj 250 10 r musicvae-notes-begin;
#X obj 250 35 print MV-BEGIN;
#X obj 250 60 r musicvae-note;
#X obj 250 85 print MV-NOTE;
#X obj 250 110 r musicvae-played;
#X obj 250 135 print MV-PLAYED;
#X obj 250 160 r musicvae-notes-end;
#X obj 250 185 print MV-END;
#X obj 250 210 t b;
#X obj 250 235 delay {quit_after};
#X connect 0 0 1 0;
#X connect 0 0 2 0;
#X connect 2 0 3 0;
#X connect 3 0 4 0;
#X connect 4 0 5 0;
#X connect 0 0 6 0;
#X connect 6 0 7 0;
#X connect 0 0 8 0;
#X connect 8 0 9 0;
#X connect 10 0 11 0;
#X connect 12 0 13 0;
#X connect 14 0 15 0;
#X connect 16 0 17 0;
#X connect 16 0 18 0;
#X connect 18 0 19 0;
#X connect 19 0 9 0;
"""


def _run_pd(driver: Path, cwd: Path) -> tuple[str, float]:
    started = time.monotonic()
    run = subprocess.run([PD, "-nogui", "-noaudio", "-nomidi", "-stderr", "-open", str(PATCH), "-open", str(driver)],
                         capture_output=True, text=True, timeout=45, cwd=cwd)
    log = run.stdout + run.stderr
    assert "couldn't create" not in log and "connection failed" not in log, log
    return log, time.monotonic() - started


def _printed(log: str, tag: str) -> list[list[float]]:
    return [[float(v) for v in m.group(1).split()] for m in re.finditer(rf"^{tag}: (.*)$", log, re.MULTILINE)]


def test_pd_patch_samples_receives_and_plays(live_server, tmp_path):
    reference = live_server.client()  # the server's reply port: what the server really sent
    listen = free_udp_port()
    driver = tmp_path / "driver.pd"
    driver.write_text(DRIVER.format(server=live_server.port, listen=listen, safety=SAFETY_QUIT_MS,
                                    quit_after=QUIT_AFTER_END_MS,
                                    actions=f"\\; musicvae-bpm {BPM} \\; musicvae-sample-a bang"))
    log, elapsed = _run_pd(driver, tmp_path)
    assert elapsed < SAFETY_QUIT_MS / 1000 - 1, f"Pd hit the safety quit: no /notes/end arrived\n{log}"

    begins, notes, ends = _printed(log, "MV-BEGIN"), _printed(log, "MV-NOTE"), _printed(log, "MV-END")
    assert begins and ends, f"the patch never parsed a notes bundle\n{log}"
    decode_id, count = begins[0]
    assert ends[0] == [decode_id]
    assert count > 0 and len(notes) >= count, (count, notes)
    received = notes[:int(count)]
    assert all(len(n) == 4 for n in received)

    # the same bundle, as the server's reply port saw it (python-osc, an independent parser)
    sent = next(r for r in (reference.wait_notes(timeout=1.0) for _ in range(5)) if r and r.id == decode_id)
    assert sent.count == count
    for (pitch, velocity, start, duration), note in zip(received, sent.notes):
        assert (pitch, velocity) == (note.pitch, note.velocity)
        assert start == pytest.approx(note.start, abs=1e-4) and duration == pytest.approx(note.duration, abs=1e-4)

    # the loop played received pitches through [makenote] -> [noteout]
    played = [p[0] for p in _printed(log, "MV-PLAYED")]
    assert played, f"nothing played in {QUIT_AFTER_END_MS} ms at {BPM} bpm\n{log}"
    in_time = [n[0] for n in sorted(received, key=lambda n: n[2])]
    assert any(all(p == in_time[(offset + i) % len(in_time)] for i, p in enumerate(played))
               for offset in range(len(in_time))), f"played {played} is not the loop {in_time} in order"

    stats = live_server.session.stats()
    assert not stats["errors"], stats["errors"]
    for address in ("/subscribe", "/ping", "/status", "/bpm", "/sample"):
        assert stats["received"].get(address, 0) >= 1, (address, stats["received"])
    assert live_server.session.state.bpm == BPM


def test_every_pd_control_reaches_the_server_without_an_error(live_server, tmp_path):
    """Turn each control once, through its receive name, after sampling both slots. The attribute rows are
    named by the server's /attributes reply, which arrives before the driver starts turning."""
    names = live_server.session.engine.bundle.attributes
    first, last = list(names)[1], list(names)[-1]
    actions = ["musicvae-sample-b bang", "musicvae-alpha 0.5", "musicvae-temperature 0.5", "musicvae-c0 1.5",
               "musicvae-c7 -1", "musicvae-coords-slot 1", "musicvae-c3 2", "musicvae-attribute-2 1",
               f"musicvae-attribute-{len(names)} -1", "musicvae-attribute-8 1", "musicvae-preset 2",
               "musicvae-save bang", "musicvae-load bang", "musicvae-noise-seed 7", "musicvae-fresh-seed 0",
               "musicvae-seed 7", "musicvae-sample-a bang"]
    driver = tmp_path / "driver.pd"
    driver.write_text(DRIVER.format(server=live_server.port, listen=free_udp_port(), safety=SAFETY_QUIT_MS,
                                    quit_after=QUIT_AFTER_END_MS,
                                    actions=" ".join(f"\\; {a}" for a in actions)))
    log, elapsed = _run_pd(driver, tmp_path)
    assert elapsed < SAFETY_QUIT_MS / 1000 - 1, log
    session = live_server.session
    stats = session.stats()
    assert not stats["errors"], (stats["errors"], log)  # row 8 has no attribute in a 5-attribute model: silent
    for address in ("/sample", "/alpha", "/temperature", "/coords", "/attribute", "/preset/save", "/preset/load",
                    "/seed", "/attributes"):
        assert stats["received"].get(address, 0) >= 1, (address, stats["received"])
    state = session.state
    assert state.alpha == pytest.approx(0.5) and state.temperature == pytest.approx(0.5) and state.seed == 7
    assert state.attributes[first] == pytest.approx(1.0)
    assert state.attributes[last] == pytest.approx(-1.0)
    assert "bridge" in session.presets.names()  # the third preset name
    assert _printed(log, "MV-END"), log


def test_pd_patch_on_the_drums_prefix_takes_the_drum_models_prefixed_replies(live_engine, tmp_path):
    """A server playing two models, the second under /drums: with the model menu on /drums, sample A goes
    to that model, whose replies carry its prefix (/drums/notes/begin ...); the patch parses them as it
    parses bare ones. The patch listens on the server's reply port (a reply goes to the sender's host)."""
    listen = free_udp_port()
    server = LiveServer([Model(live_engine), Model(live_engine, name="drums")],
                        ServerConfig(HOST, 0, listen, tmp_path / "state")).start()
    try:
        driver = tmp_path / "driver.pd"
        driver.write_text(DRIVER.format(server=server.port, listen=listen, safety=SAFETY_QUIT_MS,
                                        quit_after=QUIT_AFTER_END_MS,
                                        actions=f"\\; musicvae-model {DRUMS} \\; musicvae-sample-a bang"))
        log, elapsed = _run_pd(driver, tmp_path)
        first, drums = (session.stats() for session in server.sessions)
    finally:
        server.stop()
    assert drums["received"].get("/sample") == 1 and "/sample" not in first["received"], (first, drums)
    assert not first["errors"] and not drums["errors"], (first["errors"], drums["errors"])
    assert elapsed < SAFETY_QUIT_MS / 1000 - 1, f"Pd hit the safety quit: no /drums/notes/end taken\n{log}"
    begins, notes, ends = _printed(log, "MV-BEGIN"), _printed(log, "MV-NOTE"), _printed(log, "MV-END")
    assert begins and ends == [[begins[0][0]]], log
    count = int(begins[0][1])
    assert count > 0 and len(notes) >= count and all(len(n) == 4 for n in notes[:count]), (count, notes)


CAPTURE_DRIVER = """#N canvas 0 50 450 300 12;
#X obj 10 10 loadbang;
#X msg 10 40 \\; musicvae-netsend disconnect \\; musicvae-netsend connect 127.0.0.1 {capture};
#X obj 10 80 delay 500;
#X msg 10 105 {actions};
#X obj 10 145 delay 700;
#X msg 10 170 \\; pd quit;
#X connect 0 0 1 0;
#X connect 0 0 2 0;
#X connect 2 0 3 0;
#X connect 0 0 4 0;
#X connect 4 0 5 0;
"""


def test_pd_sample_buttons_draw_fresh_seeds_and_the_model_menu_prefixes(tmp_path):
    """What the patch really sends, caught on a socket: what it asks when it opens, sample A and B with
    different seeds, the learn, record and transport buttons, the Link toggle, and every address behind the
    chosen model's prefix."""
    actions = ["musicvae-sample-a bang", "musicvae-sample-b bang", "musicvae-learn bang", "musicvae-link 1",
               "musicvae-record-b bang", "musicvae-start bang", "musicvae-stop bang",
               f"musicvae-model {DRUMS}", "musicvae-alpha 0.25", "musicvae-fresh-seed 0", "musicvae-sample-a bang",
               "musicvae-model 0", "musicvae-alpha 0.75"]
    with OscClient(server_port=9) as capture:
        driver = tmp_path / "driver.pd"
        driver.write_text(CAPTURE_DRIVER.format(capture=capture.port,
                                                actions=" ".join(f"\\; {a}" for a in actions)))
        log, _ = _run_pd(driver, tmp_path)
        capture.settle(0.2, 2.0)
        sent = [(m.address, m.args) for p in capture.packets for m in p.messages]
    samples = [args for address, args in sent if address == "/sample"]
    assert [s[0] for s in samples] == ["a", "b"], (sent, log)
    (_, spread_a, seed_a), (_, spread_b, seed_b) = samples
    assert spread_a == spread_b == 1.0 and seed_a != seed_b, samples
    assert all(0 <= s < 1_000_000 and s == int(s) for s in (seed_a, seed_b))
    assert ("/learn", ["alpha"]) in sent and ("/link", [1.0]) in sent and ("/record", ["b"]) in sent
    assert ("/play", []) in sent and ("/stop", []) in sent
    assert sent[:4] == [("/ping", []), ("/status", []), ("/attributes", []),
                        ("/subscribe", [float(ServerConfig.reply_port), "beats"])]  # on load
    prefixed = [(address, args) for address, args in sent if address.startswith("/drums/")]
    assert prefixed[0] == ("/drums/alpha", [0.25]), sent
    assert ("/drums/sample", ["a", 1.0, seed_b]) in prefixed  # fresh seed off: the last seed again
    assert sent[-1] == ("/alpha", [0.75])  # back to the first model: no prefix
