"""Drum mode end to end on the shipped `models/drums_2bar_small`: the README's serve command answers liblo's
oscsend with General MIDI drum notes, MIDI out plays on channel 10, the audio preview has a voice for every
drum class, and `musicvae examples` writes drum MIDI and drum grids."""
from __future__ import annotations

import json

import mido
import numpy as np
import pytest

from contract.codec import DRUM_CLASS_TO_PITCH, GM_DRUM_CHANNEL
from tests.fixtures.liblo import dumped_notes, needs_liblo, oscsend, serve_with_oscdump
from tests.fixtures.server import REPO
from vae.attributes import DRUM_ATTRIBUTES

BUNDLE = REPO / "models" / "drums_2bar_small"
GM_DRUM_PITCHES = range(35, 82)  # General MIDI's percussion key map
MAX_BUNDLE_BYTES = 30 * 1024 * 1024


def test_drum_bundle_is_shipped_small_and_carries_drum_attributes():
    manifest = json.loads((BUNDLE / "manifest.json").read_text())
    assert manifest["codec"] == "drums" and manifest["config"]["name"] == "drums_2bar_small"
    assert list(manifest["attributes"]) == list(DRUM_ATTRIBUTES)
    assert sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file()) < MAX_BUNDLE_BYTES
    metrics = json.loads((BUNDLE / "test_metrics.json").read_text())
    assert {"mma", "freedoom", "openmsx"} <= set(metrics["sampled_accuracy_by_group"])


def test_drum_bundle_reconstructs_a_held_out_hydrogen_song(tiny_data_dir):
    """Hydrogen's test song is a test piece of every build (the split hashes the piece id), so the shipped
    model never trained on it. Measured: 0.95 sampled accuracy on its 71 windows, majority token 0.52."""
    from server.engine import Engine, EngineOptions
    from vae.shards import load_windows

    engine = Engine(BUNDLE, EngineOptions(provider="cpu"))
    windows = load_windows(tiny_data_dir, "drums_2bar", "test")
    decoded = engine.decode_batch(engine.encode_tokens(windows), 0.0)
    sampled = float((decoded == windows).mean())
    majority = float((windows == np.bincount(windows.ravel()).argmax()).mean())
    assert sampled >= 0.88 and sampled > majority + 0.3, (sampled, majority)


@needs_liblo
def test_readme_serve_command_on_the_drum_bundle_answers_oscsend_with_gm_drum_notes(tmp_path):
    with serve_with_oscdump(tmp_path, "--model", str(BUNDLE)) as (port, dump):
        oscsend(port, "/sample", "s", "a")
        notes = dumped_notes(dump.until(lambda line: line.startswith("/notes/end")))
        assert notes and all(pitch in GM_DRUM_PITCHES for pitch, *_ in notes), notes
        oscsend(port, "/attributes")
        line = dump.until(lambda line: line.startswith("/attributes"))[-1]
        assert all(f'"{name}"' in line for name in DRUM_ATTRIBUTES), line


def test_serve_on_the_drum_bundle_plays_midi_on_channel_10(jack_server, monkeypatch, tmp_path):
    from tests.fixtures.server import start_server_process
    from tests.fixtures.jack import collect_midi, open_jack_input

    monkeypatch.setenv("MUSICVAE_MIDI_API", "UNIX_JACK")
    backend = mido.Backend("mido.backends.rtmidi/UNIX_JACK")
    server = start_server_process(BUNDLE, tmp_path, "--midi", "mv-drum-test", "--bpm", "480",
                                  env={"MUSICVAE_MIDI_API": "UNIX_JACK"})
    reader = None
    try:
        reader = open_jack_input(backend, "mv-drum-test")
        reply = server.client.request("/sample", "a", 0.0, 3)
        assert reply.notes
        got = collect_midi(reader, lambda g: len([m for m in g if m.type == "note_on"]) >= 4)
    finally:
        if reader is not None:
            reader.close()
        server.close()
    played = [m for m in got if m.type in ("note_on", "note_off")]
    assert played, "no MIDI arrived from the server"
    assert {m.channel for m in played} == {GM_DRUM_CHANNEL}
    assert {m.note for m in played} <= {n.pitch for n in reply.notes}


def test_audio_preview_has_a_voice_for_every_drum_class():
    from server.synth import SAMPLE_RATE, Synth

    spectra = []
    for pitch in DRUM_CLASS_TO_PITCH:
        synth = Synth(SAMPLE_RATE, drums=True)
        synth.note_on(pitch, 100)
        audio = synth.render(SAMPLE_RATE // 10)
        assert np.abs(audio).max() > 0.01, f"drum pitch {pitch} is silent"
        spectrum = np.abs(np.fft.rfft(audio))
        spectra.append(spectrum[: len(spectrum) // 20].sum() / spectrum.sum())  # share below 2.4 kHz
    kick, snare, closed_hat = spectra[0], spectra[1], spectra[2]
    assert kick > max(snare, closed_hat), spectra  # the kick is the low one


def test_examples_write_drum_midi_and_drum_grids(tmp_path):
    from musicvae.cli import main as cli_main

    out = tmp_path / "examples"
    assert cli_main(["examples", str(BUNDLE), "--out", str(out), "--samples", "2", "--steps", "3"]) == 0
    midi = sorted(out.rglob("*.mid"))
    assert len(midi) == 3 and len(sorted(out.rglob("*.png"))) == 3
    for path in midi:
        notes = [m for track in mido.MidiFile(str(path)).tracks for m in track if m.type == "note_on"]
        assert all(m.channel == GM_DRUM_CHANNEL and m.note in GM_DRUM_PITCHES for m in notes)


def test_drum_grid_has_a_row_per_drum_class(tmp_path):
    from contract.codec import DRUM_CLASS_NAMES, Note
    from musicvae.examples import drum_grid_png

    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    notes = [Note(start=i / 4, pitch=p) for i, p in enumerate(DRUM_CLASS_TO_PITCH)]
    figures = []
    monkey_close = plt.close
    try:
        plt.close = lambda fig=None: figures.append(fig)  # keep the figure to look at its rows
        assert drum_grid_png(tmp_path / "grid.png", [("all", notes)], 8.0) == tmp_path / "grid.png"
    finally:
        plt.close = monkey_close
    ax = figures[0].axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [n.replace("_", " ") for n in DRUM_CLASS_NAMES]
    rows = sorted(round(p.get_y() + p.get_height() / 2) for p in ax.patches)
    assert rows == list(range(len(DRUM_CLASS_NAMES)))
    plt.close(figures[0])


def test_prior_study_counts_distinct_patterns_kicks_and_training_copies():
    from analysis.drum_bar import PRIOR_LATENTS, pooled, prior_study

    class TwoPatternEngine:
        """Decodes z to one of two patterns by the sign of z[0]: a kick pattern or a hi-hat one."""

        z_size = 4

        def decode_batch(self, z, temperature, seed=0):
            kick, hat = np.zeros(32, np.int64), np.zeros(32, np.int64)
            kick[::8], hat[::2] = 1, 4
            return np.stack([kick if row[0] > 0 else hat for row in z])

    train = np.where(np.arange(32) % 8 == 0, 1, 0)[None, :]  # the kick pattern is a training window
    result = prior_study(TwoPatternEngine(), train)
    assert result["prior_latents"] == PRIOR_LATENTS and result["distinct_decodes_at_temperature_0"] == 2
    assert 0.3 < result["share_with_kick_or_snare"] < 0.7  # the kick pattern, about half the time
    assert result["share_not_a_training_copy"] == pytest.approx(1 - result["share_with_kick_or_snare"])
    groups = {"freedoom": {"windows": 30, "sampled_accuracy": 0.9}, "openmsx": {"windows": 10, "sampled_accuracy": 0.5},
              "mma": {"windows": 100, "sampled_accuracy": 0.1}}
    assert pooled(groups, ("freedoom", "openmsx")) == {"windows": 40, "sampled_accuracy": pytest.approx(0.8),
                                                       "sources": ["freedoom", "openmsx"]}
