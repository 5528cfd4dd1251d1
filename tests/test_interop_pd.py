"""Interop with Pure Data, headless: a patch generated here sends /ping, /sample a and /alpha 0.5 through
[oscformat] + [netsend -u -b] and prints what [netreceive -u -b] + [oscparse] get back."""
from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from server.latent import slerp
from tests.fixtures.server import HOST, free_udp_port

pytestmark = pytest.mark.skipif(shutil.which("pd") is None, reason="Pure Data (puredata-core) is not installed")

# Objects by index (Pd connects by creation order); the [t b b b] fires right to left: ping, sample, alpha.
PATCH = """#N canvas 0 0 640 480 12;
#X obj 20 20 loadbang;
#X msg 20 50 connect 127.0.0.1 {server_port};
#X obj 20 400 netsend -u -b;
#X obj 20 80 delay 300;
#X obj 20 110 t b b b;
#X obj 240 150 oscformat ping;
#X msg 130 150 list a;
#X obj 130 180 oscformat sample;
#X msg 20 150 0.5;
#X obj 20 180 oscformat alpha;
#X obj 20 340 list prepend send;
#X obj 20 370 list trim;
#X obj 400 20 netreceive -u -b {reply_port};
#X obj 400 50 oscparse;
#X obj 400 80 list trim;
#X obj 400 110 print OSC;
#X obj 300 20 delay {quit_ms};
#X msg 300 50 \\; pd quit;
#X connect 0 0 1 0;
#X connect 1 0 2 0;
#X connect 0 0 3 0;
#X connect 3 0 4 0;
#X connect 4 2 5 0;
#X connect 4 1 6 0;
#X connect 6 0 7 0;
#X connect 4 0 8 0;
#X connect 8 0 9 0;
#X connect 5 0 10 0;
#X connect 7 0 10 0;
#X connect 9 0 10 0;
#X connect 10 0 11 0;
#X connect 11 0 2 0;
#X connect 12 0 13 0;
#X connect 13 0 14 0;
#X connect 14 0 15 0;
#X connect 0 0 16 0;
#X connect 16 0 17 0;
"""


def _blocks(lines: list[str], kind: str = "notes") -> list[list[tuple[int, float]]]:
    """(pitch, start) of each notes block Pd printed ("notes": what plays; "preview": a slot's preview),
    checked against its begin count and end id. [oscparse] splits /preview/begin into `preview begin`."""
    blocks, current, header = [], None, None
    note = {"notes": ["note"], "preview": ["preview", "note"]}[kind]
    for line in lines:
        words = line.split()
        if words[:2] == [kind, "begin"]:
            header, current = words[2:], []
        elif words[:len(note)] == note and current is not None:
            current.append((int(float(words[len(note)])), float(words[len(note) + 2])))
        elif words[:2] == [kind, "end"] and current is not None:
            assert words[2:] == header[:-1] and len(current) == int(float(header[-1]))
            blocks.append(current)
            current = None
    return blocks


def test_pd_drives_the_server_and_reads_the_notes(live_engine, tmp_path):
    from server.live import LiveServer, ServerConfig

    reply_port = free_udp_port()
    server = LiveServer(live_engine, ServerConfig(HOST, 0, reply_port, tmp_path / "state")).start()
    patch = tmp_path / "musicvae_test.pd"
    patch.write_text(PATCH.format(server_port=server.port, reply_port=reply_port, quit_ms=2500))
    try:
        result = subprocess.run(["pd", "-nogui", "-noaudio", "-nomidi", "-stderr", str(patch)],
                                capture_output=True, text=True, timeout=60)
        time.sleep(0.05)
    finally:
        server.stop()
    lines = [line[len("OSC: "):] for line in result.stderr.splitlines() if line.startswith("OSC: ")]
    assert "pong" in lines, result.stderr[-2000:]
    state, engine = server.session.state, live_engine
    sample = [(n.pitch, n.start) for n in engine.decode(state.slot_z("a"), state.temperature, state.seed)]
    morph = [(n.pitch, n.start) for n in engine.decode(slerp(state.slot_z("a"), state.slot_z("b"), 0.5),
                                                       state.temperature, state.seed)]
    assert _blocks(lines, "preview") == [sample], lines
    # /sample a moved the current point, so what plays comes too: slot a, or already the morph if /alpha,
    # sent in the same instant, reached the server before the decode ran; /alpha's own reply is the morph.
    played = _blocks(lines)
    assert played[-1] == morph and all(block in (sample, morph) for block in played) and len(played) <= 2, lines
    assert state.alpha == 0.5
    assert server.session.stats()["received"] == {"/ping": 1, "/sample": 1, "/alpha": 1}
