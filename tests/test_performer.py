"""A performer end to end through JACK's dummy MIDI backend: `musicvae serve --midi-in ... --midi ...` in a
subprocess, a virtual controller keyboard sending CCs and notes into it, the loop read back from its MIDI
output, replies read over OSC.

- a CC 1 sweep 0 -> 127 is answered, and the reply to the last CC is slot b's decode (alpha = 1);
- a phrase played on the keyboard after /record a comes back as its reconstruction from slot a;
- /sample at alpha = 0 previews slot b without changing what the MIDI output plays;
- MIDI learn over OSC binds the next CC moved; SysEx and garbage are counted, not fatal;
- with a melody and a drum model served together, /drums/learn binds a CC to the drum model's alpha (and
  not the melody's), and a drum phrase played after /drums/record a becomes the drum model's slot a;
- an unknown input port lists the ports there are, and OSC keeps serving;
- MIDI clock in (--clock-in) starts, drives and stops the loop; /bpm then says the clock owns the tempo;
- with --link, /bpm sets the Link session's tempo for another peer, /play and /stop start and stop the
  session for it, /link 0 leaves it and /link 1 rejoins.
"""
from __future__ import annotations

import time

import pytest

from tests.fixtures.jack import collect_midi, jack_dropped_cycles, jack_log_size, open_jack_input
from tests.fixtures.server import REPO

CC, NOTE_ON, NOTE_OFF = 0xB0, 0x90, 0x80
KEYS = "mv-perf-keys"  # the test's virtual keyboard, an output port the server reads
OUT = "mv-perf-out"  # the server's MIDI output
JACK_ENV = {"MUSICVAE_MIDI_API": "UNIX_JACK"}


@pytest.fixture
def keyboard(jack_server):
    """A virtual MIDI output port in the test process (a controller keyboard with a mod wheel)."""
    import rtmidi

    out = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name="mv-perf-controller")
    out.open_virtual_port(KEYS)
    yield out
    out.close_port()
    out.delete()


def _serve(tiny_bundle, tmp_path, *args):
    from tests.fixtures.server import start_server_process

    return start_server_process(tiny_bundle, tmp_path / "state", "--midi-in", KEYS, *args, env=JACK_ENV)


def _notes_after(client, timeout=5.0):
    """Every notes reply from the client's cursor until `timeout` passes with none new."""
    replies = []
    while (reply := client.wait_notes(timeout)) is not None:
        replies.append(reply)
        timeout = 1.0
    return replies


def test_a_mod_wheel_sweep_ends_on_slot_b(tiny_bundle, tmp_path, keyboard):
    server = _serve(tiny_bundle, tmp_path)
    try:
        assert "MIDI in from" in server.log(), server.log()
        client = server.client
        assert client.request("/sample", "a", 1.0, 3) is not None
        b = client.request("/sample", "b", 1.0, 5)
        assert b is not None and b.notes
        mark = jack_log_size()
        client.mark()
        for value in range(128):  # a hand on the mod wheel: one CC every 2 ms
            keyboard.send_message([CC, 1, value])
            time.sleep(0.002)
        replies = _notes_after(client)
        status = server.status()
        if status.get("alpha") != 1.0 and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns) during the sweep")
        assert replies, "the sweep was answered"
        assert status["alpha"] == 1.0
        assert replies[-1].notes == b.notes, "the last CC (127) decodes slot b exactly"
    finally:
        server.close()


def test_a_phrase_played_on_the_keyboard_comes_back_as_its_reconstruction(tiny_bundle, tmp_path, keyboard):
    server = _serve(tiny_bundle, tmp_path, "--bpm", "120")  # a 16th is 125 ms: the hand's timing is loose
    phrase = [(60, 0.0, 1.0), (62, 1.0, 0.5), (64, 1.5, 0.5), (65, 2.0, 1.0), (67, 3.0, 2.0), (64, 5.0, 1.0),
              (60, 6.0, 1.5)]  # (pitch, start, duration) in beats, inside the 2-bar model's 8 beats
    try:
        client = server.client
        assert client.ask("/record", "a", reply="/ok") is not None
        mark = jack_log_size()
        client.mark()
        lateness = _play(keyboard, phrase, bpm=120)
        recorded = client.wait_notes(timeout=10.0)
        if recorded is None and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns) during the take")
        assert recorded is not None, f"the take was never encoded:\n{server.log()}"
        expected = client.request("/encode", "a", *[v for p, s, d in phrase for v in (p, 100, s, d)])
        assert expected is not None
        if recorded.notes != expected.notes and (lateness > LATE_S or jack_dropped_cycles(mark)):
            # The phrase itself was distorted (the hand sent it late, or JACK lost a cycle of it). A server slow
            # to read it is not a reason: a take is timed by JACK's stamps (server/midi_time.py).
            pytest.skip(f"the phrase was sent up to {1000 * lateness:.0f} ms late or JACK dropped cycles")
        assert recorded.notes == expected.notes
    finally:
        server.close()


LATE_S = 0.03  # a quarter of a 16th at 120 bpm: later than this, the take may quantise elsewhere


def _play(keyboard, phrase, bpm, channels=None) -> float:
    """Note-ons and note-offs at their times (the first note starts the take), each note on its channel
    (0-based; default 0); -> the latest send, s late."""
    beat = 60.0 / bpm
    channels = channels or [0] * len(phrase)
    events = sorted([(s * beat, 1, [NOTE_ON | c, p, 100]) for (p, s, d), c in zip(phrase, channels)]
                    + [((s + d) * beat - 0.01, 0, [NOTE_OFF | c, p, 0]) for (p, s, d), c in zip(phrase, channels)])
    start, latest = time.monotonic(), 0.0
    for at, _, message in events:
        time.sleep(max(0.0, start + at - time.monotonic()))
        keyboard.send_message(message)
        latest = max(latest, time.monotonic() - start - at)
    return latest


def test_sampling_slot_b_at_alpha_0_does_not_change_what_plays(tiny_bundle, tmp_path, keyboard, jack_server):
    import mido

    backend = mido.Backend("mido.backends.rtmidi/UNIX_JACK")
    server = _serve(tiny_bundle, tmp_path, "--midi", OUT, "--bpm", "480")  # a 2-bar loop lasts 1 s
    reader = None
    try:
        client = server.client
        a = client.request("/sample", "a", 1.0, 3)
        assert client.request("/alpha", 0.0) is not None
        reader = open_jack_input(backend, OUT)
        mark = jack_log_size()
        collect_midi(reader, timeout=1.2)  # the loop settles on A
        b = None
        for seed in range(5, 25):  # a tiny model gives some seeds the same melody: B must differ from A
            b = client.request("/sample", "b", 1.0, seed)
            if b is not None and [n.pitch for n in b.notes] != [n.pitch for n in a.notes]:
                break
        assert b is not None and [n.pitch for n in b.notes] != [n.pitch for n in a.notes], "B differs from A"
        played = collect_midi(reader, timeout=2.5)  # two and a half loops after B was sampled
        ons = [m.note for m in played if m.type == "note_on" and m.velocity > 0]
        if not ons and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns)")
        a_pitches = [n.pitch for n in a.notes]
        assert ons, "the loop kept playing"
        b_pitches = [n.pitch for n in b.notes]
        assert set(ons) <= set(a_pitches), f"only A's notes play: {ons} vs A {a_pitches}, B {b_pitches}"
    finally:
        if reader is not None:
            reader.close()
        server.close()


def test_learn_binds_the_next_cc_and_junk_is_counted(tiny_bundle, tmp_path, keyboard):
    server = _serve(tiny_bundle, tmp_path)
    try:
        client = server.client
        assert client.ask("/learn", "temperature", reply="/ok").args == ["/learn", "temperature"]
        client.mark()
        keyboard.send_message([CC, 74, 0])  # the knob moved: CC 74 now drives the temperature
        learned = client.wait_for("/learned")
        assert learned is not None and learned.args == ["temperature", 74]
        keyboard.send_message([0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7])  # SysEx identity request
        keyboard.send_message([0x42, 0x13])  # bytes without a status byte
        time.sleep(0.2)
        keyboard.send_message([CC, 74, 127])
        assert _wait_status(server, "temperature", 2.0), "CC 74 set the temperature to its top"
        assert client.ask("/learn", "volume", reply="/error").args[1].startswith("unknown target 'volume'")
        mapping = (tmp_path / "state").glob("midi-map-*.json")
        assert any('"temperature"' in p.read_text() for p in mapping), "the binding was saved"
        assert server.interrupt() == 0
        assert "ignored 1 SysEx and 1 unparseable" in server.log(), server.log()
    finally:
        server.close()


def _wait_status(server, field, value, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.status().get(field) == value:
            return True
        time.sleep(0.05)
    return False


MEL, DRUMS = REPO / "models" / "mel_2bar_small", REPO / "models" / "drums_2bar_small"
KICK, SNARE, CLOSED_HAT = 36, 38, 42  # General MIDI drum pitches


def test_midi_in_drives_the_drum_model_served_beside_a_melody(tmp_path, keyboard):
    from contract.codec import GM_DRUM_CHANNEL
    from server.engine import Engine
    from server.latent import sample_prior, slerp
    from tests.fixtures.server import start_server_process

    for model in (MEL, DRUMS):
        if not (model / "manifest.json").exists():
            pytest.skip(f"{model} is not there")
    server = start_server_process(MEL, tmp_path / "state", "--model", str(DRUMS), "--midi-in", KEYS,
                                  "--bpm", "120", env=JACK_ENV)
    try:
        client = server.client
        assert "MIDI in from" in server.log(), server.log()
        assert client.ask("/drums/learn", "alpha", reply="/drums/ok").args == ["/drums/learn", "alpha"]
        keyboard.send_message([CC, 20, 0])  # the knob moved: CC 20 now drives the drum model's alpha
        assert client.wait_for("/drums/learned").args == ["alpha", 20]
        assert client.request("/drums/sample", "a", 1.0, 3) is not None
        assert client.request("/drums/sample", "b", 1.0, 5) is not None
        mel_alpha = server.status()["alpha"]
        mark = jack_log_size()
        client.mark()
        keyboard.send_message([CC, 20, 64])
        knob = client.wait_current(10.0)
        if knob is None and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns)")
        assert knob is not None and knob.packet.messages[0].address == "/drums/notes/begin"
        fields = client.ask("/drums/status", reply="/drums/status").args
        drums = dict(zip(("temperature", "alpha", "seed"), (fields[5], fields[7], fields[8])))
        assert drums["alpha"] == pytest.approx(64 / 127), "CC 64 is the cache grid's alpha 64/127"
        assert server.status()["alpha"] == mel_alpha, "the melody model's alpha did not move"
        engine = Engine(DRUMS)  # the drum model's decode of alpha 64/127, made here
        z = slerp(sample_prior(engine.z_size, 1.0, 3), sample_prior(engine.z_size, 1.0, 5), 64 / 127)
        assert knob.notes == engine.decode(z, drums["temperature"], drums["seed"])
        assert '"model": "/drums"' in next((tmp_path / "state").glob("midi-map-*.json")).read_text(), "saved"

        assert client.ask("/drums/record", "a", reply="/drums/ok").args == ["/drums/record", "a"]
        beats = [(KICK, 0.0, 0.5), (CLOSED_HAT, 1.0, 0.5), (SNARE, 2.0, 0.5), (CLOSED_HAT, 3.0, 0.5),
                 (KICK, 4.0, 0.5), (KICK, 4.5, 0.5), (SNARE, 6.0, 0.5), (CLOSED_HAT, 7.0, 0.5)]
        melody = [(60, 1.5, 1.0)]  # a key on channel 1 meanwhile: not a drum
        mark = jack_log_size()
        client.mark()
        lateness = _play(keyboard, beats + melody, bpm=120, channels=[GM_DRUM_CHANNEL] * len(beats) + [0])
        recorded = client.wait_notes(timeout=10.0)
        if recorded is None and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns) during the take")
        assert recorded is not None, f"the take was never encoded:\n{server.log()}"
        assert recorded.packet.messages[0].address == "/drums/preview/begin" and recorded.preview == "a"
        expected = client.request("/drums/encode", "a", *[v for p, s, d in beats for v in (p, 100, s, d)])
        assert expected is not None
        if recorded.notes != expected.notes and (lateness > LATE_S or jack_dropped_cycles(mark)):
            pytest.skip(f"the phrase was sent up to {1000 * lateness:.0f} ms late or JACK dropped cycles")
        assert recorded.notes == expected.notes, "the drum model's slot a holds the phrase (its drums only)"
    finally:
        server.close()


def test_an_unknown_input_port_is_listed_and_osc_keeps_serving(tiny_bundle, tmp_path, keyboard):
    from tests.fixtures.server import start_server_process

    server = start_server_process(tiny_bundle, tmp_path / "state", "--midi-in", "no-such-keys", env=JACK_ENV)
    try:
        assert server.client.request("/sample", "a") is not None
        log = server.log()
        assert "MIDI in off" in log and "no-such-keys" in log and KEYS in log, log
        assert server.client.ask("/record", "a", reply="/error").args[1].startswith("/record needs MIDI in")
    finally:
        server.close()


def test_midi_clock_in_starts_drives_and_stops_the_loop(tiny_bundle, tmp_path, keyboard):
    import threading

    import mido

    from tests.fixtures.server import start_server_process

    backend = mido.Backend("mido.backends.rtmidi/UNIX_JACK")
    server = start_server_process(tiny_bundle, tmp_path / "state", "--clock-in", KEYS, "--midi", OUT, env=JACK_ENV)
    reader, pulsing = None, threading.Event()

    def master():  # a drum machine at 600 bpm: 24 pulses a beat
        while pulsing.is_set():
            keyboard.send_message([0xF8])
            time.sleep(60.0 / 600 / 24)

    thread = threading.Thread(target=master, daemon=True)
    try:
        client = server.client
        assert "MIDI in from" in server.log(), server.log()
        reader = open_jack_input(backend, OUT)
        mark = jack_log_size()
        pulsing.set()
        thread.start()
        assert client.request("/alpha", 1.0) is not None
        quiet = [m for m in collect_midi(reader, timeout=0.5) if m.type == "note_on" and m.velocity > 0]
        assert quiet == [], "pulses alone do not start the loop: Start does"
        keyboard.send_message([0xFA])  # Start
        playing = [m for m in collect_midi(reader, timeout=1.5) if m.type == "note_on" and m.velocity > 0]
        if not playing and jack_dropped_cycles(mark):
            pytest.skip("JACK dropped MIDI cycles (xruns)")
        assert playing, "Start and the pulses play the loop"
        assert client.ask("/bpm", 90.0, reply="/error").args[1].startswith("the tempo follows the MIDI clock")
        keyboard.send_message([0xFC])  # Stop
        time.sleep(0.3)
        collect_midi(reader, timeout=0.1)
        after = [m for m in collect_midi(reader, timeout=0.8) if m.type == "note_on" and m.velocity > 0]
        assert after == [], "nothing plays after Stop"
    finally:
        pulsing.clear()
        thread.join(1)
        if reader is not None:
            reader.close()
        server.close()


def test_link_over_osc_sets_the_session_tempo_and_leaves(tiny_bundle, tmp_path):
    pytest.importorskip("aalink", reason="Ableton Link needs the aalink package (pip install aalink)")
    from server.clock import LinkClock
    from tests.fixtures.server import start_server_process

    peer = LinkClock(100.0)  # another app in the Link session
    server = start_server_process(tiny_bundle, tmp_path / "state", "--link")
    try:
        assert "Ableton Link on" in server.log(), server.log()
        if not _wait(lambda: peer.peers >= 1, 10.0):
            pytest.skip("Link peers on this machine did not discover each other within 10 s (no multicast here)")
        assert server.client.ask("/bpm", 133.0, reply="/ok").args == ["/bpm", 133.0]
        assert _wait(lambda: abs(peer.read(0).bpm - 133.0) < 0.01, 5.0), "the server set the session's tempo"
        assert server.client.ask("/play", reply="/ok") is not None
        assert _wait(lambda: peer.playing, 5.0), "/play starts the session (start/stop sync)"
        assert server.client.ask("/stop", reply="/ok") is not None
        assert _wait(lambda: not peer.playing, 5.0), "/stop stops it"
        assert server.client.ask("/link", 0, reply="/ok").args == ["/link", 0]
        assert _wait(lambda: peer.peers == 0, 10.0), "the server left the session"
        server.client.ask("/bpm", 90.0, reply="/ok")
        time.sleep(0.3)
        assert abs(peer.read(0).bpm - 133.0) < 0.01, "a server out of the session no longer sets its tempo"
        assert server.client.ask("/link", 1, reply="/ok").args == ["/link", 1]
        assert _wait(lambda: peer.peers >= 1, 10.0), "and joins it again"
    finally:
        server.close()
        peer.close()


def _wait(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        time.sleep(0.02)
    return predicate()
