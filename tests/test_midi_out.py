"""MIDI out: the loop scheduler on a fake clock, then the real port through a JACK dummy server."""
from __future__ import annotations

import os
import time
from collections import Counter

import pytest

from tests.fixtures.jack import RecordingSink, collect_midi, jack_log_size, open_jack_input, skip_if_jack_dropped_cycles

from server.playback import MAX_CATCH_UP_STEPS, LoopScheduler, Playback
from contract.codec import Note

STEP = 60.0 / 120 / 4  # seconds per 16th note at 120 bpm
LOOP = 32  # two bars


def n(pitch, start, duration, velocity=100):
    return Note(start=start, pitch=pitch, velocity=velocity, duration=duration)


def _run(scheduler, until_step, t0=0.0):
    """Advance the scheduler one step at a time (a fake clock) and return (step, kind, pitch) events."""
    events = []
    for step in range(until_step + 1):
        events += scheduler.advance(t0 + step * STEP)
    return [(e.step, e.kind, e.pitch) for e in events]


def _balanced(events):
    sounding = Counter()
    for _, kind, pitch in events:
        sounding[pitch] += 1 if kind == "on" else -1
        assert sounding[pitch] in (0, 1), f"pitch {pitch} started twice or ended twice"
    return all(v == 0 for v in sounding.values())


def test_loops_the_sequence_at_the_tempo():
    s = LoopScheduler(LOOP, bpm=120)
    s.set_notes([n(60, 0.0, 1.0), n(62, 1.0, 0.5), n(64, 7.5, 0.5)], now=0.0)
    events = _run(s, 2 * LOOP)
    assert events[:4] == [(0, "on", 60), (4, "off", 60), (4, "on", 62), (6, "off", 62)]
    assert (30, "on", 64) in events and (32, "off", 64) in events, "a note ending at the loop end ends there"
    assert (32, "on", 60) in events and (64, "on", 60) in events, "the loop repeats every 8 beats"
    assert s.time_of(32) == pytest.approx(32 * STEP)


def test_a_new_sequence_starts_at_the_next_bar_line_in_phase():
    s = LoopScheduler(LOOP, bpm=120)
    s.set_notes([n(60, 0.0, 8.0)], now=0.0)  # one long note through both bars
    events = _run(s, 5)
    s.set_notes([n(70, 0.0, 1.0), n(72, 4.0, 1.0), n(74, 5.0, 1.0)], now=5 * STEP)
    events += [(e.step, e.kind, e.pitch) for t in range(6, 40) for e in s.advance(t * STEP)]
    assert (16, "off", 60) in events, "the old note is released at the bar line, not mid-bar"
    assert not any(p == 72 and k == "on" and st < 16 for st, k, p in events)
    assert (16, "on", 72) in events, "the new sequence plays from the loop position of the bar line"
    assert not any(p == 70 and k == "on" and st < 32 for st, k, p in events), "its bar 1 waits for the loop"
    assert (32, "on", 70) in events
    assert s.switches == 1


def test_no_stuck_notes_on_switch_stop_and_retrigger():
    s = LoopScheduler(LOOP, bpm=120)
    s.set_notes([n(60, 0.0, 8.0), n(60, 2.0, 1.0)], now=0.0)  # the same pitch again while sounding
    events = _run(s, 9)
    assert [(st, k) for st, k, p in events if p == 60] == [(0, "on"), (8, "off"), (8, "on")]
    s.set_notes([n(65, 0.0, 8.0)], now=9 * STEP)
    events += [(e.step, e.kind, e.pitch) for t in range(10, 20) for e in s.advance(t * STEP)]
    events += [(e.step, e.kind, e.pitch) for e in s.stop()]
    assert _balanced(events)
    assert s.sounding == [] and not s.playing
    assert s.advance(100.0) == []


def test_tempo_changes_keep_the_position():
    s = LoopScheduler(LOOP, bpm=120)
    s.set_notes([n(60, 0.0, 0.25)], now=0.0)
    s.advance(8 * STEP)
    s.set_bpm(60, now=8 * STEP)
    assert s.step_at(8 * STEP) == pytest.approx(8)
    assert s.time_of(10) == pytest.approx(8 * STEP + 2 * 2 * STEP), "half the tempo: steps twice as long"


def test_a_stalled_clock_skips_ahead_instead_of_bursting():
    s = LoopScheduler(LOOP, bpm=120)
    s.set_notes([n(60, i * 0.25, 0.25) for i in range(32)], now=0.0)
    s.advance(0.0)
    events = s.advance(10.0)  # 80 steps late
    assert len(events) < 2 * MAX_CATCH_UP_STEPS
    assert _balanced([(0, "on", 60)] + [(e.step, e.kind, e.pitch) for e in events]) or s.sounding == [60]


def test_playback_thread_on_the_real_clock_ends_every_note():
    sink = RecordingSink()
    playback = Playback(LOOP, [sink], bpm=1200)  # 12.5 ms steps: two loops in 0.8 s
    playback.set_notes([n(60, 0.0, 2.0), n(64, 2.0, 6.0)])
    time.sleep(0.15)
    playback.set_notes([n(67, 0.0, 8.0)])
    time.sleep(0.3)
    playback.close()
    pitches = {p for _, p in sink.events}
    assert {60, 67} <= pitches and sink.closed
    assert _balanced([(0, k, p) for k, p in sink.events]), sink.events


# --------------------------------------------------------------------------------- the real MIDI port


def test_midi_sink_writes_to_a_virtual_port(jack_midi):
    jack_mark = jack_log_size()
    from server.midi_out import MidiSink
    sink = MidiSink("mv-sink-test")
    reader = open_jack_input(jack_midi, "mv-sink-test")
    try:
        time.sleep(0.1)
        sink.note_on(60, 90)
        sink.note_on(64, 80)
        sink.close()  # 64 and 60 still sound: close must end them
        got = collect_midi(reader, lambda g: any(m.type == "control_change" for m in g))
    finally:
        reader.close()
    if not any(m.type == "control_change" for m in got):
        skip_if_jack_dropped_cycles(jack_mark)
    ons = [(m.note, m.velocity) for m in got if m.type == "note_on" and m.velocity > 0]
    offs = {m.note for m in got if m.type == "note_off" or (m.type == "note_on" and m.velocity == 0)}
    assert ons == [(60, 90), (64, 80)] and offs == {60, 64}
    assert got[-1].type == "control_change" and got[-1].control == 123


def test_serve_with_midi_plays_decodes_and_silences_on_ctrl_c(jack_midi, live_engine, tmp_path):
    jack_mark = jack_log_size()
    from tests.fixtures.server import start_server_process
    server = start_server_process(live_engine.bundle.path, tmp_path, "--midi", "mv-serve-test", "--bpm", "480",
                                  env={"MUSICVAE_MIDI_API": "UNIX_JACK"})
    reader = None
    try:
        reader = open_jack_input(jack_midi, "mv-serve-test")
        time.sleep(0.1)
        reply = server.client.request("/sample", "a", 1.0, 5)
        expected = {note.pitch for note in reply.notes}
        got = collect_midi(reader, lambda g: len([m for m in g if m.type == "note_on"]) >= 8)
        played = {m.note for m in got if m.type == "note_on" and m.velocity > 0}
        assert played and played <= expected, (played, expected)
        assert server.interrupt() == 0, server.log()
        got += collect_midi(reader, lambda g: any(m.type == "control_change" for m in g), timeout=3.0)
    finally:
        if reader is not None:
            reader.close()
        server.close()
    sounding = Counter()
    for m in got:
        if m.type == "note_on" and m.velocity > 0:
            sounding[m.note] += 1
        elif m.type in ("note_on", "note_off"):
            sounding[m.note] -= 1
    if any(v != 0 for v in sounding.values()):
        skip_if_jack_dropped_cycles(jack_mark)
    assert all(v == 0 for v in sounding.values()), f"stuck notes after Ctrl-C: {sounding}: {got}"
    assert "MIDI out on" in server.log()


def test_serve_without_a_midi_system_keeps_serving(live_engine, tmp_path):
    from tests.fixtures.server import start_server_process
    env = {"MUSICVAE_MIDI_API": "UNIX_JACK", "JACK_DEFAULT_SERVER": f"none-{os.getpid()}", "JACK_NO_START_SERVER": "1"}
    server = start_server_process(live_engine.bundle.path, tmp_path, "--midi", "nowhere", env=env)
    try:
        assert server.client.request("/sample", "a") is not None
        assert "MIDI out off" in server.log()
    finally:
        server.close()
