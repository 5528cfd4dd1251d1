"""Several models in one server, over real UDP with real bundles: the tiny test bundle (/tiny, the first
model) and the shipped models/mel_2bar_small (/mel). Each answers under its own prefix with its own state;
bare addresses go to the first."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from contract.codec import GM_DRUM_CHANNEL, TrioCodec
from bench.osc_client import HOST, OscClient, parse_groups
from server.latent import sample_prior
from server.channels import ChannelError, midi_channels
from server.live import LiveServer, Model, ModelNameError, ServerConfig, model_names
from server.playback import Playback
from tests.fixtures.server import REPO, start_server_process
from tests.fixtures.jack import collect_midi, jack_log_size, open_jack_input, skip_if_jack_dropped_cycles


SHIPPED = REPO / "models" / "mel_2bar_small"
BEAT_BPM = 240.0


@pytest.fixture(scope="module")
def mel_engine():
    if not (SHIPPED / "manifest.json").exists():
        pytest.skip(f"{SHIPPED} is not there")
    from server.engine import Engine

    return Engine(SHIPPED)


@pytest.fixture
def two_models(live_engine, mel_engine, tmp_path):
    client = OscClient(0)
    models = [Model(live_engine, Playback(live_engine.num_steps, [], bpm=BEAT_BPM)),
              Model(mel_engine, Playback(mel_engine.num_steps, [], bpm=BEAT_BPM))]
    server = LiveServer(models, ServerConfig(HOST, 0, client.port, tmp_path)).start()
    client.server = (HOST, server.port)
    yield server, client
    client.close()
    server.stop()


def test_each_model_answers_under_its_prefix_and_bare_addresses_go_to_the_first(two_models):
    server, client = two_models
    tiny, mel = server.sessions
    assert (tiny.prefix, mel.prefix) == ("/tiny", "/mel"), "the bundle names' first words"
    assert client.ask("/status", reply="/status").args[0] == tiny.engine.bundle.name
    assert client.ask("/tiny/status", reply="/tiny/status").args[0] == tiny.engine.bundle.name
    status = client.ask("/mel/status", reply="/mel/status").args
    assert status[:3] == [mel.engine.bundle.name, mel.engine.provider, mel.engine.z_size]
    assert client.ask("/mel/ping", reply="/mel/pong") is not None


def test_a_prefixed_edit_changes_only_its_model_and_replies_in_its_namespace(two_models):
    server, client = two_models
    tiny, mel = server.sessions
    tiny_a = tiny.state.slot_z("a").copy()
    reply = client.request("/mel/sample", "a", 1.0, 3)
    assert reply is not None
    addresses = [m.address for m in reply.packet.messages]
    assert addresses[0] == "/mel/preview/begin" and "/mel/notes/begin" in addresses and "/notes/begin" not in addresses
    z = sample_prior(mel.engine.z_size, 1.0, 3)
    assert reply.notes == mel.engine.decode(z, mel.state.temperature, mel.state.seed)
    assert (tiny.state.slot_z("a") == tiny_a).all(), "the other model's slot is untouched"
    assert mel.playback.scheduler.playing and not tiny.playback.scheduler.playing, "only /mel's loop plays"

    assert client.ask("/mel/temperature", 0, reply="/mel/ok").args == ["/mel/temperature", 0.0]
    assert (mel.state.temperature, tiny.state.temperature) == (0.0, pytest.approx(0.5))
    client.request("/mel/alpha", 0.5)
    assert (mel.state.alpha, tiny.state.alpha) == (0.5, 0.0)
    bare = client.request("/sample", "b", 1.0, 4)  # the first model, in the bare namespace
    assert [g.preview for g in parse_groups(bare.packet)] == ["b"]
    assert bare.packet.messages[0].address == "/preview/begin"


def test_errors_name_the_address_as_sent(two_models):
    server, client = two_models
    error = client.ask("/mel/alpha", 2.0, reply="/error").args
    assert error[0] == "/mel/alpha" and "alpha must be in [0, 1]" in error[1]
    error = client.ask("/mel/nope", reply="/error").args
    assert error[0] == "/mel/nope" and "unknown address" in error[1] and "/mel/..." in error[1]
    assert client.ask("/drums/alpha", 0.5, reply="/error").args[0] == "/drums/alpha", "no model of that name"
    error = client.ask("/drums/learn", "alpha", reply="/error").args
    assert error == ["/drums/learn", "unknown model '/drums'; served models: /tiny, /mel (bare addresses: the first)"]
    assert server.sessions[1].stats()["errors"] == {"/alpha": 1}
    assert client.ping() is not None


def test_subscribers_get_each_models_playhead_in_the_namespace_they_used(two_models):
    server, client = two_models
    with OscClient(server.port) as watcher:
        assert watcher.ask("/mel/subscribe", watcher.port, "beats", reply="/mel/ok") is not None
        client.request("/mel/sample", "a", 1.0, 5)  # /mel's loop starts; /tiny's stays silent
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline and len(watcher.all_messages("/mel/beat")) < 3:
            time.sleep(0.05)
        assert len(watcher.all_messages("/mel/beat")) >= 3
        assert not watcher.all_messages("/beat") and not watcher.all_messages("/tiny/beat")


def test_model_names_and_channels(live_engine, mel_engine):
    assert model_names([Model(live_engine), Model(mel_engine), Model(live_engine, name="lead")]) == \
        ["tiny", "mel", "lead"]
    with pytest.raises(ModelNameError, match="'tiny' is taken"):
        model_names([Model(live_engine), Model(live_engine)])
    with pytest.raises(ModelNameError, match="'preset' is taken"):
        model_names([Model(live_engine, name="preset")])  # would shadow /preset/save
    with pytest.raises(ModelNameError, match="use a letter"):
        model_names([Model(live_engine, name="2x")])
    assert midi_channels([(False,), (True,), (False,)]) == [(0,), (9,), (1,)], "drums on GM's drum channel"
    assert midi_channels([(False,)] * 3) == [(0,), (1,), (2,)]
    trio = TrioCodec.drums_by_track
    assert midi_channels([trio]) == [(0, 1, GM_DRUM_CHANNEL)], "melody, bass, drums on GM's drum channel"
    assert midi_channels([(True,), trio, (False,)]) == [(9,), (0, 1, 2), (3,)], "the first drum part takes 10"
    assert midi_channels([trio, (True,)]) == [(0, 1, 9), (2,)]
    with pytest.raises(ChannelError, match="6 models play 18 parts"):
        midi_channels([trio] * 6)


def test_two_models_share_one_presets_file_per_bundle(live_engine, tmp_path):
    client = OscClient(0)
    server = LiveServer([Model(live_engine, name="lead"), Model(live_engine, name="bass")],
                        ServerConfig(HOST, 0, client.port, tmp_path)).start()
    client.server = (HOST, server.port)
    try:
        client.ask("/lead/preset/save", "x", reply="/lead/ok")
        assert client.ask("/bass/presets", reply="/bass/presets").args == ["x"], "one bundle, one presets store"
    finally:
        server.stop()
        client.close()
    assert len(list(tmp_path.glob("presets-*.json"))) == 1


def test_serve_takes_several_models(live_engine, tmp_path):
    server = start_server_process(live_engine.bundle.path, tmp_path, "--model", f"lead={live_engine.bundle.path}")
    try:
        client = server.client
        assert client.ask("/lead/ping", reply="/lead/pong") is not None
        assert client.ask("/tiny/ping", reply="/tiny/pong") is not None
        assert "/tiny/... model tiny_mel_2bar; /lead/... model tiny_mel_2bar" in server.log()
    finally:
        server.close()


def test_serve_refuses_clashing_model_names(live_engine, tmp_path):
    done = subprocess.run([sys.executable, "-m", "musicvae.cli", "serve", "--state", str(tmp_path), "--port", "0",
                           "--model", str(live_engine.bundle.path), "--model", str(live_engine.bundle.path)],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode != 0 and "'tiny' is taken" in done.stderr and "Traceback" not in done.stderr


def test_models_share_one_midi_port_on_their_own_channels(jack_midi):
    """Two sinks of one --midi NAME (two models) open one port; each plays on its channel; the port stays
    until the last closes."""
    from server.midi_out import MidiSink
    mark = jack_log_size()
    lead, drums = MidiSink("mv-models-test", channel=0), MidiSink("mv-models-test", channel=9)
    assert lead.port is drums.port
    reader = open_jack_input(jack_midi, "mv-models-test")
    try:
        time.sleep(0.1)
        lead.note_on(60, 90)
        drums.note_on(36, 100)
        lead.close()  # the port stays open for the drums
        drums.note_off(36)
        drums.close()
        got = collect_midi(reader, lambda g: sum(m.type == "control_change" for m in g) >= 2)
    finally:
        reader.close()
    if sum(m.type == "control_change" for m in got) < 2:
        skip_if_jack_dropped_cycles(mark)
    assert [(m.channel, m.note) for m in got if m.type == "note_on" and m.velocity > 0] == [(0, 60), (9, 36)]
    assert {m.channel for m in got if m.type == "control_change"} == {0, 9}
