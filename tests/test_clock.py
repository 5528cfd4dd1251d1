"""Tempo sync: MIDI clock in on a fake clock, the loop following an external clock, the transport, and two
real Ableton Link peers on this machine."""
from __future__ import annotations

import threading
import time

import pytest

from tests.fixtures.jack import RecordingSink

from contract.codec import Note
from server.clock import CLOCK, CONTINUE, SONG_POSITION, START, STOP, ClockError, MidiClock, Reading
from server.playback import LoopScheduler, Playback

PULSE_120 = 60.0 / 120 / 24  # seconds between MIDI clock pulses at 120 bpm
LOOP = 32  # two bars of 16ths


def n(pitch, start, duration=0.25):
    return Note(start=start, pitch=pitch, velocity=100, duration=duration)


def _pulses(clock: MidiClock, count: int, t0: float, interval: float = PULSE_120) -> float:
    for i in range(count):
        clock.feed([CLOCK], t0 + i * interval)
    return t0 + (count - 1) * interval


def test_midi_clock_measures_the_tempo_and_counts_the_position_from_start():
    clock = MidiClock(initial_bpm=90)
    last = _pulses(clock, 30, 0.0)  # pulses before Start: tempo only, no position
    assert clock.read(last).bpm == pytest.approx(120) and not clock.read(last).running
    clock.feed([START], last + 0.001)
    assert not clock.read(last + 0.002).running, "after Start the loop waits for the first pulse"
    last = _pulses(clock, 25, last + PULSE_120)  # the first is beat 0, 24 more make one beat
    reading = clock.read(last)
    assert reading.running and reading.beat == pytest.approx(1.0)
    assert clock.read(last + PULSE_120 / 2).beat == pytest.approx(1 + 1 / 48), "interpolated between pulses"
    assert clock.read(last + 10.0).beat == pytest.approx(1 + 1 / 24), "never past the next pulse"
    clock.feed([STOP], last + 0.005)
    frozen = clock.read(last + 1.0)
    assert not frozen.running and frozen.beat == pytest.approx(1.0)
    clock.feed([SONG_POSITION, 8, 0], last + 0.01)  # 16th 8 = beat 2
    clock.feed([CONTINUE], last + 0.02)
    last = _pulses(clock, 7, last + 0.03)
    assert clock.read(last).beat == pytest.approx(2.25), "continue from the song position"
    clock.feed([0x90, 60, 100], last)  # a note on the clock port: not the clock's business
    assert clock.counts["ignored"] == 1 and clock.counts["start"] == 1 and clock.counts["pulse"] == 62
    with pytest.raises(ClockError, match="MIDI clock"):
        clock.set_bpm(100)


def test_midi_clock_follows_a_tempo_change_within_a_beat():
    clock = MidiClock()
    clock.feed([START], 0.0)
    last = _pulses(clock, 48, 0.0)
    last = _pulses(clock, 25, last + 60.0 / 150 / 24, interval=60.0 / 150 / 24)
    assert clock.read(last).bpm == pytest.approx(150)


def _events(scheduler, reading: Reading, now: float):
    events = scheduler.follow(reading.beat * 4, reading.bpm, now) + scheduler.advance(now)
    return [(e.step, e.kind, e.pitch) for e in events]


def test_the_loop_follows_an_external_clock_and_switches_on_its_bar_lines():
    s = LoopScheduler(LOOP)
    s.follow(2.5 * 4, 150, now=0.0)  # the clock is at beat 2.5 (step 10) when the loop starts following it
    s.set_notes([n(60, 0.0), n(62, 2.0)], now=0.0)
    events = []
    for i in range(1, 700):  # the clock at 150 bpm, read every 10 ms: 17.5 beats
        now = i * 0.01
        if i == 250:  # beat 8.75, step 35
            s.set_notes([n(70 + k % 8, k * 0.25) for k in range(LOOP)], now)
        events += _events(s, Reading(True, 2.5 + now * 150 / 60, 150), now)
    ons = [(step, p) for step, kind, p in events if kind == "on"]
    assert ons[:2] == [(32, 60), (40, 62)], "in phase with the clock: loop step 0 at the clock's step 32"
    first_new = next(step for step, p in ons if p >= 70)
    assert first_new == 48, "the new clip starts on the clock's next bar line"
    assert s.bpm == 150


def test_a_clock_jumping_back_restarts_the_loop_there_without_stuck_notes():
    s = LoopScheduler(LOOP)
    s.follow(0.0, 120, 0.0)
    s.set_notes([n(60, 0.0, 8.0)], 0.0)  # one long note
    assert _events(s, Reading(True, 3.0, 120), 1.5)[0] == (0, "on", 60)
    events = _events(s, Reading(True, 0.0, 120), 1.6)  # MIDI Start: back to 0
    assert events[0] == (13, "off", 60) and (0, "on", 60) in events


def _wait(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        time.sleep(0.005)
    return predicate()


def test_transport_stop_silences_and_play_restarts_the_loop():
    sink, beats = RecordingSink(), []
    playback = Playback(LOOP, [sink], bpm=1200, on_beat=lambda bar, step: beats.append((bar, step)))
    try:
        playback.set_notes([n(60, 0.0, 8.0)])  # sounds through the whole loop
        assert _wait(lambda: ("on", 60) in sink.events)
        playback.stop()
        assert sink.events[-1] == ("off", 60), "stop ends the sounding note at once"
        stopped_at = sink.count()
        time.sleep(0.3)  # two loops at 1200 bpm
        assert sink.count() == stopped_at, "nothing plays while stopped"
        playback.play()
        assert _wait(lambda: sink.count() > stopped_at) and sink.events[stopped_at] == ("on", 60)
        assert _wait(lambda: (2, 0) in beats) and (1, 0) in beats
        assert {step for _, step in beats} <= {0, 4, 8, 12} and {bar for bar, _ in beats} <= {1, 2}
    finally:
        playback.close()
    assert sink.events[-1] == ("off", 60)


def test_playback_on_midi_clock_plays_while_the_clock_runs():
    clock, sink = MidiClock(), RecordingSink()
    playback = Playback(LOOP, [sink], source=clock)
    stop = threading.Event()

    def master():  # 600 bpm: a pulse every ~4 ms
        while not stop.is_set():
            clock.feed([CLOCK], time.monotonic())
            time.sleep(60.0 / 600 / 24)

    thread = threading.Thread(target=master, daemon=True)
    try:
        thread.start()
        playback.set_notes([n(60 + i, i * 0.25) for i in range(32)])
        time.sleep(0.2)
        assert sink.count() == 0, "the clock has not started"
        clock.feed([START], time.monotonic())
        assert _wait(lambda: sink.count() >= 6), "notes play once the clock runs"
        assert playback.scheduler.bpm > 300, "the tempo comes from the pulses"
        clock.feed([STOP], time.monotonic())
        time.sleep(0.1)
        with sink.lock:
            sounding = {p for k, p in sink.events if k == "on"} - set()
            balance = {p: sum(1 if k == "on" else -1 for k, q in sink.events if q == p) for p in sounding}
            count = len(sink.events)
        assert all(v == 0 for v in balance.values()), "the MIDI Stop ended every note"
        time.sleep(0.1)
        assert sink.count() == count, "nothing plays after Stop"
    finally:
        stop.set()
        thread.join(1)
        playback.close()


# ------------------------------------------------------------------------------------ Ableton Link


@pytest.fixture
def link_peers():
    pytest.importorskip("aalink", reason="Ableton Link tests need the aalink package (pip install aalink)")
    from server.clock import LinkClock

    ours, theirs = LinkClock(100.0), LinkClock(140.0)
    try:
        if not _wait(lambda: ours.peers >= 1 and theirs.peers >= 1, timeout=10.0):
            pytest.skip("two Link peers on this machine did not discover each other within 10 s "
                        "(no multicast on the loopback or network interface here)")
        yield ours, theirs
    finally:
        ours.close()
        theirs.close()


def test_two_link_peers_share_tempo_and_bar_phase(link_peers):
    ours, theirs = link_peers
    theirs.set_bpm(133.0)
    assert _wait(lambda: abs(ours.read(0).bpm - 133.0) < 0.01), "the other peer's tempo reaches us"
    ours.set_bpm(150.0)
    assert _wait(lambda: abs(theirs.read(0).bpm - 150.0) < 0.01), "ours reaches them"
    a, b = ours.read(0).beat, theirs.read(0).beat
    assert abs((a - b + 2) % 4 - 2) < 0.05, "both peers are at the same place in the bar (quantum 4)"


def test_the_loop_switches_clips_on_link_bar_boundaries(link_peers):
    ours, theirs = link_peers
    theirs.set_bpm(300.0)
    assert _wait(lambda: abs(ours.read(0).bpm - 300.0) < 0.01)
    s = LoopScheduler(LOOP)
    s.follow(ours.read(0).beat * 4, 300.0, time.monotonic())
    s.set_notes([n(60, i * 0.25) for i in range(32)], time.monotonic())
    events, switched_at, asked = [], None, False
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and switched_at is None:
        now = time.monotonic()
        if len(events) >= 8 and not asked:  # a few notes in: ask for the next clip mid-bar
            asked = True
            s.set_notes([n(70 + i % 8, i * 0.25) for i in range(32)], now)
        new = _events(s, ours.read(now), now)
        events += new
        switched_at = next((step for step, kind, p in new if kind == "on" and p >= 70), None)
        time.sleep(0.005)
    assert switched_at is not None, "the new clip never played"
    assert switched_at % 16 == 0, "it starts on a bar line of Link's timeline"
    assert s.bpm == pytest.approx(300.0, abs=0.01)
    theirs_step = theirs.read(0).beat * 4
    assert abs((theirs_step - switched_at + 32) % 64 - 32) < 16, "the other peer is in that same bar"


def test_link_start_stop_reaches_every_peer_and_the_loop_follows_it(link_peers):
    ours, theirs = link_peers
    theirs.set_bpm(600.0)  # a 16th every 25 ms
    assert not ours.playing and not theirs.playing, "a new session is stopped"
    sink = RecordingSink()
    playback = Playback(LOOP, [sink], source=ours)
    try:
        playback.set_notes([n(60 + i % 4, i * 0.25) for i in range(32)])
        time.sleep(0.3)
        assert sink.count() == 0, "the loop waits for the session to start"
        theirs.set_playing(True)  # the other app starts the session
        assert _wait(lambda: ours.playing), "their start reaches us"
        assert _wait(lambda: sink.count() >= 4), "and starts the loop"
        ours.set_playing(False)  # /stop here
        assert _wait(lambda: not theirs.playing), "our stop reaches them"
        time.sleep(0.1)
        stopped = sink.count()
        time.sleep(0.3)
        assert sink.count() == stopped, "and the loop is silent"
        assert sink.events[-1][0] == "off"
    finally:
        playback.close()
