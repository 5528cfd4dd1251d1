"""Layout of patches/musicvae.pd: the Pure Data (vanilla 0.51+) performer patch.

OSC goes out as [oscformat] byte lists through [netsend -u -b] to 127.0.0.1:9000 and comes back on
[netreceive -u -b] port 9001 into [oscparse]. Pd sends only floats and oscformat writes a symbol atom
as an OSC string, so slot names and attribute names travel as symbols at the front of each list.
Every control has a receive name (musicvae-...), so another patch, a MIDI mapping or a test can drive
it; the patch announces what it receives on musicvae-notes-begin / -notes-end / -played.
"""
from __future__ import annotations

from pdpatch import PdPatch

COORDS = 8
ATTRIBUTES = ("c_diatonic", "note_density", "avg_interval", "syncopation_16th", "syncopation_8th")
CLIP_A = ("list a 60 100 0 0.5 62 100 0.5 0.5 64 100 1 0.5 65 100 1.5 0.5 67 100 2 1 "
          "65 100 3 0.5 64 100 3.5 0.5 62 100 4 1 60 100 5 2")
CLIP_B = ("list b 48 100 0 1 55 100 1 1 52 100 2 1 55 100 3 1 60 100 4 0.5 59 100 4.5 0.5 "
          "55 100 5 1 52 100 6 2")
OUT = "s musicvae-out"


def _network(p: PdPatch, x: int, y: int) -> None:
    p.comment("0 CONNECTION: to 127.0.0.1:9000, replies on 9001", x, y, 48)
    send_in = p.obj("r musicvae-out", x, y + 25)
    ctl_send = p.obj("r musicvae-netsend", x + 130, y + 25)
    netsend = p.obj("netsend -u -b", x, y + 55)
    p.connect(send_in, 0, netsend)
    p.connect(ctl_send, 0, netsend)
    load = p.obj("loadbang", x, y + 95)
    trig = p.obj("t b b b", x, y + 120)
    delay = p.obj("delay 300", x, y + 150)
    connect = p.msg("connect 127.0.0.1 9000", x + 90, y + 150)
    listen = p.msg("listen 9001", x + 90, y + 180)
    ctl_recv = p.obj("r musicvae-netreceive", x + 190, y + 180)
    netreceive = p.obj("netreceive -u -b", x + 90, y + 215)
    osc_in = p.obj("s musicvae-osc-in", x + 90, y + 245)
    p.connect(load, 0, trig)
    p.connect(trig, 2, connect)
    p.connect(trig, 1, listen)
    p.connect(trig, 0, delay)
    p.connect(connect, 0, netsend)
    p.connect(listen, 0, netreceive)
    p.connect(ctl_recv, 0, netreceive)
    p.connect(netreceive, 0, osc_in)
    ping = p.obj("oscformat ping", x, y + 285)
    status = p.obj("oscformat status", x + 130, y + 285)
    out = p.obj(OUT, x, y + 315)
    p.connect(delay, 0, ping)
    p.connect(delay, 0, status)
    p.connect(ping, 0, out)
    p.connect(status, 0, out)
    p.comment("on load: /ping and /status (tempo, temperature, loop length). "
              "musicvae-netsend and musicvae-netreceive take connect / listen messages for other ports",
              x, y + 345, 45)


def _slots(p: PdPatch, x: int, y: int) -> None:
    p.comment("1 SLOTS A and B: sample a random point...", x, y)
    temp = p.gui("nbx", x, y + 40, receive="musicvae-sample-temperature", label="temperature",
                 size=(5, 18), lo=0, hi=10, init=1, value=1)
    seed = p.gui("nbx", x + 130, y + 40, receive="musicvae-seed", label="seed", size=(6, 18),
                 lo=0, hi=1e6, init=1, value=0)
    bang_a = p.gui("bng", x, y + 75, receive="musicvae-sample-a", label="sample_A", size=(20, 20))
    bang_b = p.gui("bng", x + 130, y + 75, receive="musicvae-sample-b", label="sample_B", size=(20, 20))
    sym_a = p.msg("symbol a", x, y + 105)
    sym_b = p.msg("symbol b", x + 130, y + 105)
    pack = p.obj("pack s 1 0", x, y + 140)
    fmt = p.obj("oscformat sample", x, y + 170)
    out = p.obj(OUT, x, y + 200)
    p.connect(bang_a, 0, sym_a)
    p.connect(bang_b, 0, sym_b)
    p.connect(sym_a, 0, pack, 0)
    p.connect(sym_b, 0, pack, 0)
    p.connect(temp, 0, pack, 1)
    p.connect(seed, 0, pack, 2)
    p.connect(pack, 0, fmt)
    p.connect(fmt, 0, out)
    p.comment("/sample slot temperature seed", x + 140, y + 170)
    p.comment("...or encode a clip: click a list (pitch velocity start duration, in beats)", x, y + 240, 45)
    for i, clip in enumerate((CLIP_A, CLIP_B)):
        cy = y + 280 + 120 * i
        message = p.msg(clip, x, cy, 44)
        fmt = p.obj("oscformat encode", x, cy + 80)
        out = p.obj(OUT, x + 140, cy + 80)
        p.connect(message, 0, fmt)
        p.connect(fmt, 0, out)


def _morph(p: PdPatch, x: int, y: int) -> None:
    p.comment("2 MORPH A -> B (alpha)", x, y)
    p.comment("CC 1 (mod wheel) on any channel moves alpha; change the number in [ctlin 1] for "
              "another knob", x, y + 20, 44)
    ctl = p.obj("ctlin 1", x, y + 75)
    scale = p.obj("/ 127", x, y + 100)
    resend = p.obj("r musicvae-resend-alpha", x + 120, y + 75)
    store = p.obj("f", x + 120, y + 100)
    p.comment("re-sent after a coordinate change", x + 155, y + 100, 18)
    alpha = p.gui("hsl", x, y + 150, receive="musicvae-alpha", label="alpha", size=(200, 18),
                  lo=0, hi=1)
    fmt = p.obj("oscformat alpha", x, y + 180)
    out = p.obj(OUT, x, y + 210)
    p.connect(ctl, 0, scale)
    p.connect(scale, 0, alpha)
    p.connect(alpha, 0, fmt)
    p.connect(fmt, 0, out)
    p.connect(resend, 0, store, 0)
    p.connect(alpha, 0, store, 1)
    p.connect(store, 0, fmt)


def _decoding(p: PdPatch, x: int, y: int) -> None:
    p.comment("3 DECODING and TEMPO (/status fills them)", x, y)
    temp = p.gui("nbx", x, y + 40, receive="musicvae-temperature", label="temperature",
                 size=(5, 18), lo=0, hi=10)
    fmt = p.obj("oscformat temperature", x, y + 70)
    out = p.obj(OUT, x, y + 100)
    p.connect(temp, 0, fmt)
    p.connect(fmt, 0, out)
    bpm = p.gui("nbx", x + 180, y + 40, receive="musicvae-bpm", label="bpm", size=(5, 18),
                lo=20, hi=400)
    trig = p.obj("t f f", x + 180, y + 70)
    b_fmt = p.obj("oscformat bpm", x + 180, y + 100)
    b_out = p.obj(OUT, x + 180, y + 130)
    local = p.obj("s musicvae-tempo", x + 210, y + 160)
    p.connect(bpm, 0, trig)
    p.connect(trig, 1, local)
    p.connect(trig, 0, b_fmt)
    p.connect(b_fmt, 0, b_out)
    p.comment("/status model provider z_size bars steps temperature bpm", x, y + 195, 45)
    status = p.obj("r musicvae-status", x, y + 235)
    split = p.obj("list split 4", x, y + 260)
    fields = p.obj("unpack f f f", x, y + 290)
    steps = p.obj("s musicvae-steps", x, y + 320)
    set_temp = p.msg("set $1", x + 130, y + 320)
    p.connect(status, 0, split)
    p.connect(split, 1, fields)
    p.connect(fields, 0, steps)
    p.connect(fields, 1, set_temp)
    p.connect(set_temp, 0, temp)
    p.connect(fields, 2, bpm)


def _presets(p: PdPatch, x: int, y: int) -> None:
    p.comment("4 PRESETS: number N is the preset named presetN", x, y)
    number = p.gui("nbx", x + 90, y + 35, receive="musicvae-preset", label="preset", size=(3, 18),
                   lo=1, hi=99, init=1, value=1)
    for i, action in enumerate(("save", "load")):
        cx = x + 180 * i
        button = p.gui("bng", cx, y + 65, receive=f"musicvae-{action}", label=action, size=(18, 18))
        hold = p.obj("f", cx, y + 95)
        name = p.obj("makefilename preset%d", cx, y + 125)
        fmt = p.obj(f"oscformat preset {action}", cx, y + 155)
        out = p.obj(OUT, cx, y + 185)
        p.connect(number, 0, hold, 1)
        p.connect(button, 0, hold, 0)
        p.connect(hold, 0, name)
        p.connect(name, 0, fmt)
        p.connect(fmt, 0, out)


def _coords(p: PdPatch, x: int, y: int) -> None:
    p.comment("5 LATENT COORDINATES c0..c7 (-3..3 standard deviations): they set slot A, or B "
              "while the toggle is on, then alpha is re-sent", x, y, 58)
    slot = p.gui("tgl", x, y + 60, receive="musicvae-coords-slot", label="slot_B", size=(18, 18))
    choose = p.obj("sel 0 1", x + 90, y + 60)
    load = p.obj("loadbang", x + 250, y + 60)
    sym_a = p.msg("symbol a", x + 90, y + 90)
    sym_b = p.msg("symbol b", x + 170, y + 90)
    p.connect(slot, 0, choose)
    p.connect(choose, 0, sym_a)
    p.connect(choose, 1, sym_b)
    p.connect(load, 0, sym_a)
    pack = p.obj("pack " + " ".join(["f"] * COORDS), x, y + 285)
    for i in range(COORDS):
        cx = x + 45 * i
        slider = p.gui("vsl", cx, y + 140, receive=f"musicvae-c{i}", label=f"c{i}", size=(18, 100),
                       lo=-3, hi=3, value=4950)  # the middle of 100 px: coordinate 0
        if i == 0:
            p.connect(slider, 0, pack, 0)
            continue
        trig = p.obj("t b f", cx, y + 255)
        p.connect(slider, 0, trig)
        p.connect(trig, 1, pack, i)
        p.connect(trig, 0, pack, 0)  # a bang re-sends the list with the stored first value
    trig = p.obj("t b l", x, y + 315)
    prepend = p.obj("list prepend a", x, y + 345)
    fmt = p.obj("oscformat coords", x, y + 375)
    out = p.obj(OUT, x, y + 405)
    again = p.obj("s musicvae-resend-alpha", x + 150, y + 345)
    p.connect(sym_a, 0, prepend, 1)
    p.connect(sym_b, 0, prepend, 1)
    p.connect(pack, 0, trig)
    p.connect(trig, 1, prepend)
    p.connect(trig, 0, again)
    p.connect(prepend, 0, fmt)
    p.connect(fmt, 0, out)


def _attributes(p: PdPatch, x: int, y: int) -> None:
    p.comment("6 ATTRIBUTES: amount -2..2 along each attribute direction", x, y)
    prepends = []
    for i, name in enumerate(ATTRIBUTES):
        cy = y + 40 + 40 * i
        slider = p.gui("hsl", x, cy, receive=f"musicvae-{name}", label=name, size=(160, 15),
                       lo=-2, hi=2, value=7950)  # 100ths of a pixel: the middle of 160 px = amount 0
        prepends.append(p.obj(f"list prepend {name}", x + 200, cy - 3))
        p.connect(slider, 0, prepends[-1])
    fmt = p.obj("oscformat attribute", x + 200, y + 40 + 40 * len(ATTRIBUTES))
    out = p.obj(OUT, x + 200, y + 70 + 40 * len(ATTRIBUTES))
    for prepend in prepends:
        p.connect(prepend, 0, fmt)
    p.connect(fmt, 0, out)


def _receive(p: PdPatch, x: int, y: int) -> None:
    p.comment("7 RECEIVE: one bundle per decode: /notes/begin id count, /note pitch velocity "
              "start duration ..., /notes/end id", x, y, 60)
    osc = p.obj("r musicvae-osc-in", x, y + 50)
    parse = p.obj("oscparse", x, y + 75)
    trim = p.obj("list trim", x, y + 100)
    route = p.obj("route notes note status pong error", x, y + 130)
    p.connect(osc, 0, parse)
    p.connect(parse, 0, trim)
    p.connect(trim, 0, route)
    # a reversed staircase under the outlets, so no cord crosses another box
    error = p.obj("print musicvae-error", x + 250, y + 165)
    pong = p.gui("bng", x + 190, y + 165, label="pong", size=(18, 18))
    status = p.obj("s musicvae-status", x + 125, y + 195)
    note_out = p.obj("s musicvae-note", x + 62, y + 225)
    notes = p.obj("route begin end", x, y + 255)
    p.connect(route, 4, error)
    p.connect(route, 3, pong)
    p.connect(route, 2, status)
    p.connect(route, 1, note_out)
    p.connect(route, 0, notes)
    # /notes/begin id count: forget the previous sequence
    begin = p.obj("t l b", x, y + 290)
    end = p.obj("s musicvae-notes-end", x + 120, y + 290)
    clear = p.msg("clear", x + 60, y + 325)
    roll_clear = p.msg("; musicvae-roll const 0", x + 110, y + 325)
    text = p.obj("text define musicvae-notes", x + 60, y + 355)
    header = p.obj("unpack f f", x, y + 390)
    ident = p.floatatom(x, y + 420, 5)
    count = p.floatatom(x + 55, y + 420, 5)
    p.comment("id, count", x + 110, y + 420)
    announce = p.obj("s musicvae-notes-begin", x, y + 450)
    p.connect(notes, 0, begin)
    p.connect(notes, 1, end)
    p.connect(begin, 1, clear)
    p.connect(begin, 1, roll_clear)
    p.connect(clear, 0, text)
    p.connect(begin, 0, header)
    p.connect(begin, 0, announce)
    p.connect(header, 0, ident)
    p.connect(header, 1, count)
    # /note pitch velocity start duration: one line "step pitch velocity start duration" per note
    note = p.obj("r musicvae-note", x + 300, y + 290)
    n_trig = p.obj("t l l", x + 300, y + 320)
    step = p.obj("expr int($f3*4+0.5)", x + 360, y + 350)
    pitch = p.obj("unpack f", x + 220, y + 380)
    line = p.obj("list prepend", x + 300, y + 380)
    store = p.obj("text set musicvae-notes 1e+07", x + 300, y + 410)
    roll = p.obj("tabwrite musicvae-roll", x + 220, y + 450)
    p.comment("(1e+07: append a line)", x + 390, y + 450)
    p.connect(note, 0, n_trig)
    p.connect(n_trig, 1, step)
    p.connect(step, 0, line, 1)
    p.connect(step, 0, roll, 1)
    p.connect(n_trig, 0, line, 0)
    p.connect(n_trig, 0, pitch)
    p.connect(pitch, 0, roll)
    p.connect(line, 0, store)
    # the piano roll: pitch at each onset step, resized to the loop by /status
    p.graph("musicvae-roll", 32, x, y + 520, 320, 120, 21, 108)
    p.comment("received pitches by 16th step (click [text define] for the notes)", x, y + 650, 50)
    steps = p.obj("r musicvae-steps", x + 350, y + 520)
    resize = p.msg("; musicvae-roll resize $1; musicvae-roll bounds 0 108 $1 21", x + 350, y + 550, 30)
    p.connect(steps, 0, resize)


def _play(p: PdPatch, x: int, y: int) -> None:
    p.comment("8 PLAY: loops the notes at the bpm through [noteout 1]", x, y)
    play = p.gui("tgl", x, y + 30, receive="musicvae-play", label="play", size=(18, 18), init=1, value=1)
    tempo = p.obj("r musicvae-tempo", x + 100, y + 30)
    metro = p.obj("metro 125", x, y + 60)
    period = p.obj("expr 15000/$f1", x + 100, y + 60)
    beat = p.obj("expr 60000/$f1", x + 230, y + 60)
    p.connect(play, 0, metro)
    p.connect(tempo, 0, period)
    p.connect(tempo, 0, beat)
    p.connect(period, 0, metro, 1)
    counter = p.obj("f", x, y + 90)
    plus = p.obj("+ 1", x + 40, y + 90)
    steps = p.obj("r musicvae-steps", x + 110, y + 90)
    wrap = p.obj("mod 32", x + 40, y + 120)
    p.connect(metro, 0, counter)
    p.connect(counter, 0, plus)
    p.connect(plus, 0, wrap)
    p.connect(wrap, 0, counter, 1)
    p.connect(steps, 0, wrap, 1)
    current = p.floatatom(x, y + 150, 4, "step")
    p.connect(counter, 0, current)
    # every line of the text whose step is the current one plays
    p.comment("for each line of the text: play it if its step is this step", x + 200, y + 240, 30)
    trig = p.obj("t b f", x, y + 180)
    size = p.obj("text size musicvae-notes", x, y + 210)
    loop = p.obj("t f b", x, y + 240)
    zero = p.msg("0", x + 60, y + 270)
    until = p.obj("until", x, y + 270)
    index = p.obj("f", x, y + 300)
    next_index = p.obj("+ 1", x + 40, y + 300)
    get = p.obj("text get musicvae-notes", x, y + 330)
    split = p.obj("list split 1", x, y + 360)
    same = p.obj("==", x, y + 390)
    hit = p.obj("sel 1", x, y + 420)
    hold = p.obj("list", x + 100, y + 450)
    p.connect(current, 0, trig)
    p.connect(trig, 1, same, 1)
    p.connect(trig, 0, size)
    p.connect(size, 0, loop)
    p.connect(loop, 1, zero)
    p.connect(zero, 0, index, 1)
    p.connect(loop, 0, until)
    p.connect(until, 0, index)
    p.connect(index, 0, next_index)
    p.connect(next_index, 0, index, 1)
    p.connect(index, 0, get)
    p.connect(get, 0, split)
    p.connect(split, 1, hold, 1)
    p.connect(split, 0, same)
    p.connect(same, 0, hit)
    p.connect(hit, 0, hold)
    fields = p.obj("unpack f f f f", x + 100, y + 480)
    duration = p.obj("* 500", x + 230, y + 510)
    makenote = p.obj("makenote 100 250", x + 100, y + 545)
    noteout = p.obj("noteout 1", x + 100, y + 575)
    strip = p.obj("stripnote", x + 250, y + 575)
    played = p.obj("s musicvae-played", x + 250, y + 605)
    p.connect(hold, 0, fields)
    p.connect(fields, 3, duration)
    p.connect(beat, 0, duration, 1)
    p.connect(duration, 0, makenote, 2)
    p.connect(fields, 1, makenote, 1)
    p.connect(fields, 0, makenote, 0)
    p.connect(makenote, 0, noteout, 0)
    p.connect(makenote, 1, noteout, 1)
    p.connect(makenote, 0, strip, 0)
    p.connect(makenote, 1, strip, 1)
    p.connect(strip, 0, played)
    p.comment("pitch velocity start duration", x + 220, y + 480)


def build() -> PdPatch:
    p = PdPatch(1800, 1450)
    p.comment("musicvae-live - performer patch (Pd vanilla 0.51+)", 20, 10)
    p.comment("Start the server first: musicvae serve (or --model DIR); then turn the controls. "
              "Every control has a receive name (musicvae-...) for MIDI mapping or remote control.",
              20, 35, 120)
    _slots(p, 20, 80)
    _network(p, 20, 780)
    _morph(p, 380, 80)
    _decoding(p, 380, 330)
    _presets(p, 380, 720)
    _coords(p, 740, 80)
    _attributes(p, 740, 560)
    _receive(p, 1180, 80)
    _play(p, 1180, 800)
    return p
