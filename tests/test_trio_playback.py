"""A trio model played live: the loop routes melody, bass and drums by track, a real `musicvae serve` on an
imported trio bundle plays them on three MIDI channels through JACK's dummy backend (drums on General MIDI's
channel 10), and /encode takes trio notes with their track, refusing a wrong count or track with /error."""
from __future__ import annotations

import time
from collections import Counter

import mido
import numpy as np
import pytest

from bench.osc_client import HOST, OscClient
from contract.codec import DRUM_CLASS_TO_PITCH, GM_DRUM_CHANNEL, STEPS_PER_BEAT, Note
from server.playback import LoopScheduler, Playback
from tests.fixtures.jack import RecordingSink, jack_log_size, skip_if_jack_dropped_cycles

MELODY, BASS, DRUMS = 0, 1, 2
LOOP = 32
STEP_S = 60.0 / 120 / STEPS_PER_BEAT


def note(pitch, start, duration, track):
    return Note(start=start, pitch=pitch, velocity=100, duration=duration, track=track)


# ------------------------------------------------------------------------------------- the event table


def test_loop_routes_every_event_by_track_and_ends_each_tracks_notes():
    """Melody and bass hold the same pitch at once, a kick shares the bass's pitch: each is its own voice,
    with its own note-off on its own track."""
    scheduler = LoopScheduler(LOOP, bpm=120)
    scheduler.set_notes([note(48, 0.0, 2.0, MELODY), note(48, 0.0, 1.0, BASS), note(36, 0.0, 0.25, BASS),
                         note(36, 0.5, 0.25, DRUMS)], now=0.0)
    events = [e for step in range(LOOP) for e in scheduler.advance(step * STEP_S)]
    played = [(e.step, e.kind, e.pitch, e.track) for e in events]
    assert (0, "on", 48, MELODY) in played and (0, "on", 48, BASS) in played, played
    assert (4, "off", 48, BASS) in played and (8, "off", 48, MELODY) in played, "each track's own note-off"
    assert (1, "off", 36, BASS) in played and (2, "on", 36, DRUMS) in played and (3, "off", 36, DRUMS) in played
    sounding = Counter()
    for _, kind, pitch, track in played:
        sounding[(track, pitch)] += 1 if kind == "on" else -1
        assert sounding[(track, pitch)] in (0, 1), played
    assert not any(sounding.values()), "every note-on matched by a note-off on its track"


def test_playback_hands_each_sink_the_track():
    sink = RecordingSink()
    playback = Playback(LOOP, [sink], bpm=1200)
    playback.set_notes([note(60, 0.0, 1.0, MELODY), note(40, 0.0, 1.0, BASS), note(42, 1.0, 0.25, DRUMS)])
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and set(sink.tracks) != {MELODY, BASS, DRUMS}:
        time.sleep(0.01)
    playback.close()
    with sink.lock:
        by_track = {(kind, pitch, track) for (kind, pitch), track in zip(sink.events, sink.tracks)}
    assert {("on", 60, MELODY), ("on", 40, BASS), ("on", 42, DRUMS)} <= by_track, by_track


# ------------------------------------------------------------------------------- a real trio bundle


@pytest.fixture(scope="module")
def trio_bundle(tmp_path_factory):
    """A trio_4bar-shaped bundle at tiny sizes, imported from a magenta.js folder of random weights."""
    from importer.bundle import import_bundle
    from tests.test_import import options, tiny_folder

    root = tmp_path_factory.mktemp("trio")
    out = root / "bundle"
    import_bundle(str(tiny_folder(root, decoder="hier", codec="trio", num_bars=2)), out, options(root))
    return out


@pytest.fixture(scope="module")
def trio_server(trio_bundle, tmp_path_factory):
    from server.engine import Engine, EngineOptions
    from server.live import LiveServer, ServerConfig

    engine = Engine(trio_bundle, EngineOptions(provider="cpu", warmup=1))
    client = OscClient(0)
    server = LiveServer(engine, ServerConfig(HOST, 0, client.port, tmp_path_factory.mktemp("state"))).start()
    client.server = (HOST, server.port)
    yield server, client
    client.close()
    server.stop()


def _fives(notes) -> list:
    return [v for n in notes for v in (int(n.pitch), int(n.velocity), float(n.start), float(n.duration), int(n.track))]


def test_encode_of_a_trio_phrase_round_trips_with_its_tracks(trio_server):
    server, client = trio_server
    session, engine = server.session, server.session.engine
    phrase = client.request("/sample", "a", 1.0, 5, timeout=30).notes
    assert {n.track for n in phrase} == {MELODY, BASS, DRUMS}, phrase
    preview = client.request("/encode", "b", *_fives(phrase), timeout=30)
    assert preview is not None and preview.preview == "b"
    assert all(len(m.args) == 5 for m in preview.packet.messages if m.address.endswith("note"))
    tokens = session.state.slots["b"].tokens
    assert engine.codec.decode(tokens) == sorted(phrase), "the clip reaches the encoder track by track"
    state = session.state
    z = engine.encode(phrase)
    assert sorted(preview.notes) == engine.decode(z, state.temperature, state.seed), "its reconstruction"
    as_bass = [Note(n.start, n.pitch, n.velocity, n.duration, BASS) for n in phrase if n.track == MELODY]
    client.request("/encode", "b", *_fives(as_bass), timeout=30)
    moved = session.state.slots["b"].tokens
    assert not moved[:, MELODY].any() and (moved[:, BASS] == tokens[:, MELODY]).all(), "the track decides"


@pytest.mark.parametrize("args, words", [
    ([60, 100, 0.0, 0.25], "clip arguments come in fives (pitch velocity start duration track), got 4"),
    ([60, 100, 0.0, 0.25, 3], "note 0 track must be in [0, 2], got 3"),
    ([60, 100, 0.0, 0.25, -1], "note 0 track must be in [0, 2], got -1"),
    ([60, 100, 0.0, 0.25, 0.5], "note 0 track must be a whole number"),
    ([60, 100, 0.0, 0.25, "bass"], "note 0 track must be a number"),
    ([60, 100, 0.0, 0.25, 0, 62, 100, 1.0, 0.25, 7], "note 1 track must be in [0, 2], got 7"),
])
def test_bad_trio_notes_get_an_error_and_the_server_keeps_serving(trio_server, args, words):
    server, client = trio_server
    before = server.session.state.slots["a"]
    error = client.ask("/encode", "a", *args, reply="/error", timeout=5.0)
    assert error is not None and error.args[0] == "/encode" and words in error.args[1], error
    assert server.session.state.slots["a"] is before, "a refused clip changes nothing"
    assert client.ping() is not None
    assert client.request("/encode", "a", 60, 100, 0.0, 1.0, BASS, 36, 100, 0.0, 0.25, DRUMS, timeout=30).notes


# ------------------------------------------------------------------------ three channels on real MIDI


def channels_on(got) -> set[int]:
    return {m.channel for m in got if m.type == "note_on" and m.velocity > 0}


def test_serve_plays_a_trio_on_three_channels_with_drums_on_channel_10(trio_bundle, jack_server, monkeypatch,
                                                                        tmp_path):
    from tests.fixtures.server import start_server_process
    from tests.fixtures.jack import collect_midi, open_jack_input

    monkeypatch.setenv("MUSICVAE_MIDI_API", "UNIX_JACK")
    backend = mido.Backend("mido.backends.rtmidi/UNIX_JACK")
    jack_mark = jack_log_size()
    server = start_server_process(trio_bundle, tmp_path, "--midi", "mv-trio-test", "--bpm", "480",
                                  env={"MUSICVAE_MIDI_API": "UNIX_JACK"})
    reader = None
    try:
        reader = open_jack_input(backend, "mv-trio-test")
        reply = server.client.request("/sample", "a", 1.0, 5, timeout=30)
        assert reply is not None and {n.track for n in reply.notes} == {MELODY, BASS, DRUMS}, reply
        got = collect_midi(reader, lambda got: len(channels_on(got)) == 3, timeout=10.0)
    finally:
        if reader is not None:
            reader.close()
        server.close()
    played = [m for m in got if m.type == "note_on" and m.velocity > 0]
    if channels_on(got) != {0, 1, GM_DRUM_CHANNEL} and len(played) < 2 * len(reply.notes):
        skip_if_jack_dropped_cycles(jack_mark)  # too little arrived to tell: JACK dropped cycles, not us
    assert channels_on(got) == {0, 1, GM_DRUM_CHANNEL}, [(m.channel, m.note) for m in played]
    pitches = {track: {n.pitch for n in reply.notes if n.track == track} for track in (MELODY, BASS, DRUMS)}
    for channel, track in ((0, MELODY), (1, BASS), (GM_DRUM_CHANNEL, DRUMS)):
        assert {m.note for m in played if m.channel == channel} <= pitches[track], (channel, played)
    assert {m.note for m in played if m.channel == GM_DRUM_CHANNEL} <= set(DRUM_CLASS_TO_PITCH)
    assert np.all([m.channel in (0, 1, GM_DRUM_CHANNEL) for m in got if m.type == "note_off"])


def test_a_keyboard_take_on_a_trio_reads_each_part_from_its_channel():
    """Melody on channel 1, bass on 2, drums on 10 (0, 1, 9 from 0), any other channel into the melody."""
    from contract.codec import TrioCodec
    from server.recorder import KeyboardRecorder

    recorder = KeyboardRecorder(8.0, TrioCodec.drums_by_track)
    recorder.arm("a")
    for pitch, channel in ((60, 0), (36, 1), (36, GM_DRUM_CHANNEL), (72, 5)):
        assert recorder.note_on(pitch, 100, channel, now=0.0, bpm=120)
    recorder.note_off(36, 1, now=0.5)  # ends the bass note only: the kick on 36 is another part
    slot, notes = recorder.expire(now=4.0)
    parts = {(n.pitch, n.track): n.duration for n in notes}
    assert slot == "a" and parts == {(60, MELODY): 8.0, (36, BASS): 1.0, (36, DRUMS): 8.0, (72, MELODY): 8.0}
