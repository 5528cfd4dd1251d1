"""MIDI in without a MIDI system: the mapping file, MIDI learn, the keyboard recorder and the router
fed raw bytes (SysEx and garbage included). The real ports are in tests/test_performer.py."""
from __future__ import annotations

import json
import threading
import time

import pytest

from contract.codec import GM_DRUM_CHANNEL, Note
from server.midi_in import LATE_READ_S, MidiActions, MidiRouter, open_input
from server.midi_map import (ALPHA, MapError, MidiMap, MidiMapStore, ModelTargets, ServedModels, Target,
                             default_map_path, parse_target)
from server.midi_out import MidiUnavailable
from server.midi_time import PlayedTimeline
from server.recorder import KeyboardRecorder

MODEL = ModelTargets(attributes=("note_density", "c_diatonic"), slots=("a", "b"), coordinates=16)
DRUMS = ModelTargets(attributes=("kick_density",), slots=("a", "b"), coordinates=0)
SERVED = ServedModels((("/mel", MODEL), ("/drums", DRUMS)))  # a melody model first, a drum model second
CC, NOTE_ON, NOTE_OFF = 0xB0, 0x90, 0x80


# -------------------------------------------------------------------------------------- the mapping


def test_default_map_drives_alpha_with_the_mod_wheel_on_the_exact_knob_grid():
    mapping = MidiMap.default()
    wheel = mapping.controls[1]
    assert wheel.target == Target(ALPHA) and mapping.record.pedal_cc == 64 and mapping.record.slot == "a"
    assert [wheel.value(k) for k in (0, 127)] == [0.0, 1.0]
    assert all(wheel.value(k) * 127 == pytest.approx(k, abs=1e-9) for k in range(128))


def test_targets_parse_and_unknown_ones_are_named_with_the_valid_ones():
    assert str(parse_target("attribute/note_density", MODEL)) == "attribute/note_density"
    assert parse_target("coord/b/15", MODEL) == Target("coord", "b", 15)
    for bad in ("alpah", "attribute/loudness", "coord/c/0", "coord/a/16", "coord/a/x", ""):
        with pytest.raises(MapError) as err:
            parse_target(bad, MODEL)
        text = str(err.value)
        assert repr(bad) in text and "alpha" in text and "attribute/note_density" in text and "coord/a/0..15" in text


def test_a_mapping_file_round_trips_and_bad_files_say_what_is_wrong(tmp_path):
    store = MidiMapStore(tmp_path / "map.json", MODEL)
    assert store.load().controls.keys() == {1}, "no file yet: the default map"
    mapping = MidiMap.default().bind(21, parse_target("attribute/c_diatonic", MODEL))
    store.save(mapping)
    loaded = store.load()
    assert loaded.controls[21].target == Target("attribute", "c_diatonic")
    assert (loaded.controls[21].low, loaded.controls[21].high) == (-2.0, 2.0)
    assert loaded.to_json() == mapping.to_json()
    assert not list(tmp_path.glob(".presets-*")), "the atomic write left no temp file"

    def load(payload) -> str:
        (tmp_path / "bad.json").write_text(payload if isinstance(payload, str) else json.dumps(payload))
        with pytest.raises(MapError) as err:
            MidiMapStore(tmp_path / "bad.json", MODEL).load()
        return str(err.value)

    header = {"format": "musicvae-midi-map", "version": 1}
    text = load({**header, "controls": [{"cc": 7, "target": "volume"}]})
    assert "bad.json" in text and "'volume'" in text and "cc 7" in text and "temperature" in text
    assert "CC 7 is mapped twice" in load({**header, "controls": [{"cc": 7, "target": "alpha"}] * 2})
    assert "cc must be a whole number in 0..127" in load({**header, "controls": [{"cc": 300, "target": "alpha"}]})
    assert "channel must be" in load({**header, "controls": [{"cc": 2, "target": "alpha", "channel": 0}]})
    assert "alpha's low and high" in load({**header, "controls": [{"cc": 2, "target": "alpha", "high": 3}]})
    assert "unknown slot 'c'" in load({**header, "record": {"slot": "c"}})
    assert "not a MIDI mapping file" in load({"controls": []})
    assert "cannot read it" in load("{not json")


def test_entries_name_their_model_and_each_target_is_checked_against_that_model(tmp_path):
    header = {"format": "musicvae-midi-map", "version": 1}
    payload = {**header, "controls": [{"cc": 1, "target": "alpha"},
                                      {"cc": 2, "target": "alpha", "model": "/drums"},
                                      {"cc": 3, "target": "attribute/kick_density", "model": "/drums"},
                                      {"cc": 4, "target": "coord/a/3", "model": "/mel"}],
               "record": {"slot": "b", "model": "/drums"}}
    (tmp_path / "map.json").write_text(json.dumps(payload))
    store = MidiMapStore(tmp_path / "map.json", SERVED)
    mapping = store.load()
    assert [mapping.controls[cc].model for cc in (1, 2, 3, 4)] == [None, "/drums", "/drums", "/mel"]
    assert mapping.controls[3].target == Target("attribute", "kick_density")
    assert (mapping.record.slot, mapping.record.model) == ("b", "/drums")
    store.save(mapping.bind(5, Target(ALPHA), "/drums"))
    again = store.load()
    assert again.controls[5].model == "/drums" and again.to_json()["controls"][0] == {
        "cc": 1, "target": "alpha", "low": 0.0, "high": 1.0}, "the first model's entries stay without one"
    assert again.to_json()["record"]["model"] == "/drums"

    def load(controls=(), record=None) -> str:
        bad = {**header, "controls": list(controls), **({"record": record} if record else {})}
        (tmp_path / "bad.json").write_text(json.dumps(bad))
        with pytest.raises(MapError) as err:
            MidiMapStore(tmp_path / "bad.json", SERVED).load()
        return str(err.value)

    text = load([{"cc": 9, "target": "alpha", "model": "/bass"}])
    assert "controls[0] (cc 9)" in text and "unknown model '/bass'" in text and "/mel, /drums" in text
    text = load([{"cc": 9, "target": "attribute/note_density", "model": "/drums"}])
    assert "model /drums" in text and "'attribute/note_density'" in text and "attribute/kick_density" in text
    assert "coord/a/0" not in text, "a drum bundle without latent statistics offers no coordinates"
    assert "model must be a served model's prefix (/mel, /drums), got 3" in load([{"cc": 9, "target": "alpha",
                                                                                    "model": 3}])
    assert "record: unknown model 'drums'" in load(record={"slot": "a", "model": "drums"})


def test_the_default_map_file_sits_next_to_the_presets(tmp_path):
    assert default_map_path(tmp_path, "mel 2bar").name == "midi-map-mel_2bar.json"


# ------------------------------------------------------------------------------------- the recorder


def test_a_take_starts_at_the_first_note_and_ends_after_the_model_length():
    rec = KeyboardRecorder(length_beats=8.0, drums=False)
    assert not rec.note_on(60, 100, 0, now=0.0, bpm=120), "not armed: nothing is recorded"
    rec.arm("b")
    assert rec.armed == "b" and rec.deadline is None
    assert rec.note_on(60, 90, 0, now=10.0, bpm=120)  # beat 0
    assert rec.deadline == pytest.approx(14.0), "8 beats at 120 bpm"
    rec.note_off(60, 0, now=10.5)  # 1 beat
    rec.note_on(62, 80, 0, now=10.76, bpm=200)  # ~beat 1.52: the tempo is the take's, set at its start
    rec.note_on(64, 70, 0, now=13.9, bpm=120)  # held past the end
    assert not rec.note_on(65, 70, 0, now=14.2, bpm=120), "past the end"
    assert rec.expire(13.99) is None
    slot, notes = rec.expire(14.0)
    assert slot == "b" and rec.armed is None
    assert [(n.pitch, n.velocity) for n in notes] == [(60, 90), (62, 80), (64, 70)]
    assert notes[0].start == 0.0 and notes[0].duration == pytest.approx(1.0)
    assert notes[1].start == pytest.approx(1.52)
    assert notes[2].start + notes[2].duration == pytest.approx(8.0), "a held note is cut at the end"


def test_with_a_loop_playing_a_take_keeps_the_loops_bar_grid():
    rec = KeyboardRecorder(length_beats=8.0, drums=False)
    rec.arm("a")
    assert rec.note_on(60, 90, 0, now=10.0, bpm=120, bar_phase=6.5)  # beat 2.5 of the loop's second bar
    rec.note_off(60, 0, now=10.25)
    assert rec.deadline == pytest.approx(10.0 - 1.25 + 4.0), "8 beats from the bar line before the note"
    _, notes = rec.expire(rec.deadline)
    assert notes[0].start == pytest.approx(2.5) and notes[0].duration == pytest.approx(0.5)
    rec.arm("a")
    rec.note_on(62, 90, 0, now=20.0, bpm=120, bar_phase=3.9)  # a touch early for the downbeat: on it
    _, notes = rec.expire(rec.deadline)
    assert notes[0].start == 0.0 and rec.deadline is None
    assert KeyboardRecorder.lead_beats(3.8) == pytest.approx(3.8), "earlier than half a 16th: not moved"


def test_played_times_come_from_the_backends_deltas_not_from_when_they_were_read():
    timeline = PlayedTimeline()
    # played at 0, 0.5, 1.0 and 1.25 s; read at 100.0 (on time), then in a burst at 101.3 (a busy server)
    reads = [timeline.stamp(0.0, 100.0), timeline.stamp(0.5, 101.3), timeline.stamp(0.5, 101.3),
             timeline.stamp(0.25, 101.3)]
    assert reads == pytest.approx([100.0, 100.5, 101.0, 101.25])
    late_first = PlayedTimeline()
    assert late_first.stamp(0.0, 50.2) == 50.2  # the first message read 0.2 s late: no way to know yet
    assert late_first.stamp(1.0, 51.0) == pytest.approx(51.0), "one read sooner moves the timeline back"
    assert late_first.offset == pytest.approx(50.0)


def test_a_drum_model_takes_channel_10_only_and_a_melody_model_everything_else():
    drums, melody = KeyboardRecorder(8.0, drums=True), KeyboardRecorder(8.0, drums=False)
    for rec in (drums, melody):
        rec.arm("a")
    assert not drums.note_on(36, 100, 0, 0.0, 120) and drums.note_on(36, 100, GM_DRUM_CHANNEL, 0.0, 120)
    assert not melody.note_on(36, 100, GM_DRUM_CHANNEL, 0.0, 120) and melody.note_on(60, 100, 3, 0.0, 120)


# --------------------------------------------------------------------------------------- the router


class Recorded:
    def __init__(self):
        self.controls, self.learned, self.armed, self.takes = [], [], [], []
        self.took = threading.Event()

    def actions(self, bpm=120.0) -> MidiActions:
        def recorded(slot, notes, model):
            self.takes.append((slot, notes) if model is None else (model, slot, notes))
            self.took.set()

        def armed(slot, model):
            self.armed.append(slot if model is None else model + "/" + slot)

        return MidiActions(control=lambda b, v: self.controls.append((str(b.target), b.value(v))),
                           learned=lambda cc, t, model, err: self.learned.append((cc, str(t), err)),
                           armed=armed, recorded=recorded, bpm=lambda model: bpm)


def _router(tmp_path, length_beats=8.0, drums=False, bpm=120.0, clock=time.monotonic):
    seen = Recorded()
    store = MidiMapStore(tmp_path / "map.json", MODEL)
    router = MidiRouter(store.load(), store, {"": KeyboardRecorder(length_beats, drums)}, seen.actions(bpm), clock)
    return router, seen, store


def test_the_mod_wheel_moves_alpha_and_sysex_and_garbage_are_counted_not_raised(tmp_path):
    router, seen, _ = _router(tmp_path)
    for k in (0, 64, 127):
        router.handle([CC, 1, k])
    for junk in ([0xF0, 0x7E, 0x01, 0xF7], [0x42, 0x13], [CC, 1], [], [0xF7], [0x90, 200, 3], [0xFF] * 5):
        router.handle(junk)
    router.handle([0xC0, 5])  # a program change: valid, not ours
    router.handle([0xF8])  # clock on the controller port: valid, not ours
    router.handle([CC, 99, 10])  # a CC nobody mapped
    assert seen.controls == [("alpha", 0.0), ("alpha", 64 / 127), ("alpha", 1.0)]
    assert router.counts["sysex"] == 1 and router.counts["garbage"] == 6
    assert router.counts["ignored"] == 2 and router.counts["unbound_cc"] == 1 and router.counts["cc"] == 4


def test_learn_binds_the_next_cc_moved_and_persists_it(tmp_path):
    router, seen, store = _router(tmp_path)
    router.learn(parse_target("attribute/note_density", MODEL))
    router.handle([CC | 2, 21, 100])  # channel 3 moves CC 21: bound, not applied
    assert seen.learned == [(21, "attribute/note_density", None)] and seen.controls == []
    router.handle([CC, 21, 127])
    assert seen.controls == [("attribute/note_density", 2.0)]
    assert router.learning is None
    assert store.load().controls[21].target == Target("attribute", "note_density"), "persisted"
    router.learn(Target(ALPHA))
    router.handle([CC, 21, 5])  # relearn the same CC: one target per CC
    assert store.load().controls[21].target == Target(ALPHA) and 1 in store.load().controls


def test_the_pedal_arms_a_take_that_becomes_the_slots_clip(tmp_path):
    now = [0.0]
    router, seen, _ = _router(tmp_path, length_beats=1.0, bpm=240.0, clock=lambda: now[0])  # 0.25 s takes
    router.handle([CC, 64, 127])
    router.handle([CC, 64, 127])  # held: still one press
    router.handle([CC, 64, 0])
    assert seen.armed == ["a"] and router.recorder.armed == "a"
    router.handle([NOTE_ON, 60, 90], now=0.0)
    router.handle([NOTE_OFF, 60, 0], now=0.0625)  # a 16th at 240 bpm
    router.handle([NOTE_ON, 67, 80], now=0.125)
    now[0] = 0.3 + LATE_READ_S  # the timer fires once notes played before the end (0.25 s) are surely read
    assert seen.took.wait(3.0), "the take never ended"
    slot, notes = seen.takes[0]
    assert slot == "a" and [(n.pitch, n.start) for n in notes] == [(60, 0.0), (67, 0.5)]
    assert notes[1].duration == pytest.approx(0.5), "held to the end of the take"


def test_an_arming_note_arms_instead_of_sounding(tmp_path):
    store = MidiMapStore(tmp_path / "map.json", MODEL)
    payload = {**MidiMap.default().to_json(), "record": {"slot": "b", "pedal_cc": None, "note": 21}}
    (tmp_path / "map.json").write_text(json.dumps(payload))
    seen = Recorded()
    router = MidiRouter(store.load(), store, {"": KeyboardRecorder(8.0, False)}, seen.actions())
    router.handle([CC, 64, 127])
    assert seen.armed == [] and router.counts["unbound_cc"] == 1, "no pedal configured"
    router.handle([NOTE_ON, 21, 100])
    assert seen.armed == ["b"] and router.recorder.deadline is None, "the arming note is not recorded"


def test_a_take_goes_to_the_armed_models_recorder_and_a_learn_to_the_named_model(tmp_path):
    seen = Recorded()
    store = MidiMapStore(tmp_path / "map.json", SERVED)
    recorders = {"/mel": KeyboardRecorder(0.5, drums=False), "/drums": KeyboardRecorder(0.5, drums=True)}
    router = MidiRouter(store.load(), store, recorders, seen.actions(bpm=600.0))  # 50 ms takes
    router.learn(Target(ALPHA), "/drums")
    router.handle([CC, 30, 0])
    router.handle([CC, 30, 127])
    assert store.load().controls[30].model == "/drums" and seen.controls == [("alpha", 1.0)]
    router.arm("a", "/mel")
    router.arm("b", "/drums")  # one take at a time: the melody's is discarded
    assert recorders["/mel"].armed is None and router.recorder is recorders["/drums"]
    router.handle([NOTE_ON, 60, 100])  # a melody key: not the drum model's
    assert recorders["/drums"].deadline is None
    router.handle([NOTE_ON | GM_DRUM_CHANNEL, 36, 100])  # a kick on channel 10
    assert seen.took.wait(3.0)
    model, slot, notes = seen.takes[0]
    assert (model, slot, [n.pitch for n in notes]) == ("/drums", "b", [36])


# ------------------------------------------------------------------------------------------ the port


def test_an_unknown_port_lists_the_ports_or_says_there_is_no_midi_system(monkeypatch):
    monkeypatch.setenv("JACK_NO_START_SERVER", "1")
    monkeypatch.setenv("JACK_DEFAULT_SERVER", "musicvae-none")
    with pytest.raises(MidiUnavailable) as err:
        open_input("no-such-port")
    text = str(err.value)
    assert "no-such-port" in text and ("ports that exist" in text or "no MIDI system" in text)


def test_a_take_armed_over_osc_ends_on_its_own_timer(tmp_path):
    router, seen, _ = _router(tmp_path, length_beats=0.5, bpm=600.0)  # 50 ms takes
    router.arm("b")
    router.handle([NOTE_ON, 72, 64])
    assert seen.took.wait(3.0)
    assert seen.takes[0][0] == "b" and isinstance(seen.takes[0][1][0], Note)
