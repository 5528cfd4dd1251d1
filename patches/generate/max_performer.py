"""Layout of patches/musicvae.maxpat: the Max 8/9 performer patch.

Eight numbered sections, left to right, each headed by a bold comment. Every OSC message goes out
through [s musicvae-out] -> [udpsend 127.0.0.1 9000]; replies arrive on [udpreceive 9001] (udpsend
cannot receive, DESIGN.md section 7). Max cuts lists over 256 atoms, so this patch moves the latent
through /coords (8 numbers) and /attribute, never /z.
"""
from __future__ import annotations

from maxpatch import Patcher

OUT = "s musicvae-out"
COORDS = 8
ATTRIBUTES = ("c_diatonic", "note_density", "avg_interval", "syncopation_16th", "syncopation_8th")
CLIP_A = ("/encode a 60 100 0. 0.5 62 100 0.5 0.5 64 100 1. 0.5 65 100 1.5 0.5 67 100 2. 1. "
          "65 100 3. 0.5 64 100 3.5 0.5 62 100 4. 1. 60 100 5. 2.")
CLIP_B = ("/encode b 48 100 0. 1. 55 100 1. 1. 52 100 2. 1. 55 100 3. 1. 60 100 4. 0.5 "
          "59 100 4.5 0.5 55 100 5. 1. 52 100 6. 2.")
BOLD = {"fontface": 1, "fontsize": 14.0}


def _header(p: Patcher) -> None:
    p.comment("musicvae-live  -  performer patch (Max 8/9)", 15, 10, 600, fontface=1, fontsize=20.0)
    p.comment("Start the server first:  musicvae serve  (or musicvae serve --model DIR).  This patch sends OSC to "
              "127.0.0.1:9000 and listens on port 9001. Work left to right: fill slots A and B, "
              "morph with alpha, shape with coordinates and attributes; notes come back on the right "
              "and loop at the bpm.", 15, 38, 1100, lines=2)


def _connection(p: Patcher, x: float, y: float) -> None:
    p.comment("0  CONNECTION", x, y, 300, **BOLD)
    rcv = p.obj("r musicvae-out", x, y + 30)
    send = p.obj("udpsend 127.0.0.1 9000", x, y + 60)
    p.connect(rcv, 0, send)
    p.comment("every message of this patch leaves here", x + 165, y + 60, 160, lines=2)
    load = p.obj("loadbang", x, y + 100)
    delay = p.obj("delay 300", x, y + 130)
    trig = p.obj("t b b", x, y + 160)
    ping = p.msg("/ping", x, y + 195)
    status = p.msg("/status", x + 60, y + 195)
    out = p.obj(OUT, x, y + 230)
    p.connect(load, 0, delay)
    p.connect(delay, 0, trig)
    p.connect(trig, 1, ping)
    p.connect(trig, 0, status)
    p.connect(ping, 0, out)
    p.connect(status, 0, out)
    p.comment("on load: /ping (the light in section 7 flashes) and /status (fills tempo, "
              "temperature and loop length); click them to ask again", x + 130, y + 160, 200, lines=4)


def _slots(p: Patcher, x: float, y: float) -> None:
    p.comment("1  SLOTS A and B", x, y, 300, **BOLD)
    p.comment("sampling temperature", x, y + 28, 130)
    p.comment("seed", x + 140, y + 28, 60)
    init_t = p.obj("loadmess 1.", x, y + 50)
    init_s = p.obj("loadmess 0", x + 140, y + 50)
    temp = p.ui("flonum", x, y + 80, 60, 22, format=6)
    seed = p.ui("number", x + 140, y + 80, 60, 22)
    dice = p.ui("button", x + 215, y + 50, 24, 24)
    rnd = p.obj("random 100000", x + 215, y + 80, 100)
    p.comment("new seed", x + 245, y + 52, 70)
    p.connect(init_t, 0, temp)
    p.connect(init_s, 0, seed)
    p.connect(dice, 0, rnd)
    p.connect(rnd, 0, seed)
    pak = p.obj("pak 1. 0", x, y + 115, 160)
    p.connect(temp, 0, pak, 0)
    p.connect(seed, 0, pak, 1)
    for i, slot in enumerate("ab"):
        cx = x + 170 * i
        pre = p.obj(f"prepend /sample {slot}", cx, y + 150, 130)
        setter = p.obj("prepend set", cx, y + 180, 90)
        button = p.ui("button", cx, y + 212, 24, 24)
        p.comment(f"sample {slot.upper()}", cx + 28, y + 214, 80)
        message = p.msg(f"/sample {slot} 1. 0", cx, y + 245, 130)
        out = p.obj(OUT, cx, y + 278, 110)
        p.connect(pak, 0, pre)
        p.connect(pre, 0, setter)
        p.connect(setter, 0, message)
        p.connect(button, 0, message)
        p.connect(message, 0, out)
    p.comment("the message boxes show what a click sends: /sample slot temperature seed",
              x, y + 305, 330, lines=2)
    p.comment("or encode a clip (pitch velocity start duration, in beats; at most 63 notes, since Max "
              "lists stop at 256 atoms). Edit the numbers, then click:", x, y + 345, 330, lines=3)
    for i, clip in enumerate((CLIP_A, CLIP_B)):
        cy = y + 395 + 75 * i
        message = p.msg(clip, x, cy, 330, linecount=3)
        out = p.obj(OUT, x, cy + 48, 110)
        p.connect(message, 0, out)


def _morph(p: Patcher, x: float, y: float) -> None:
    p.comment("2  MORPH  A -> B  (alpha)", x, y, 260, **BOLD)
    p.comment("MIDI controller: CC 1 (mod wheel) moves alpha through [ctlin 1]; or use Max's MIDI "
              "Mapping mode on the slider (it is a mappable parameter)", x, y + 25, 250, lines=3)
    ctl = p.obj("ctlin 1", x, y + 75)
    scale = p.obj("scale 0 127 0. 1.", x, y + 105, 120)
    slider = p.ui("slider", x, y + 140, 250, 26, floatoutput=1, size=1.0, min=0.0,
                  parameter_enable=1, varname="alpha",
                  saved_attribute_attributes={"valueof": {
                      "parameter_longname": "alpha", "parameter_shortname": "alpha",
                      "parameter_type": 0, "parameter_mmin": 0.0, "parameter_mmax": 1.0,
                      "parameter_unitstyle": 1}})
    value = p.ui("flonum", x, y + 175, 60, 22, format=6)
    pre = p.obj("prepend /alpha", x, y + 210, 100)
    out = p.obj(OUT, x, y + 240, 110)
    p.connect(ctl, 0, scale)
    p.connect(scale, 0, slider)
    p.connect(slider, 0, value)
    p.connect(value, 0, pre)
    p.connect(pre, 0, out)
    resend = p.obj("r musicvae-resend-alpha", x + 120, y + 175, 150)
    store = p.obj("f", x + 120, y + 210, 40)
    p.connect(resend, 0, store, 0)
    p.connect(value, 0, store, 1)
    p.connect(store, 0, pre)
    p.comment("alpha is re-sent after a coordinate change, so the new slot is heard", x + 165, y + 210,
              110, lines=3)


def _decoding(p: Patcher, x: float, y: float) -> None:
    p.comment("3  DECODING and TEMPO", x, y, 260, **BOLD)
    p.comment("the server's /status reply (model provider z_size bars steps temperature bpm) fills "
              "both boxes when the patch opens", x, y + 25, 250, lines=3)
    status = p.obj("r musicvae-status", x, y + 72, 120)
    temp_n = p.obj("zl nth 6", x, y + 132, 60)
    bpm_n = p.obj("zl nth 7", x + 150, y + 132, 60)
    p.connect(status, 0, temp_n)
    p.connect(status, 0, bpm_n)
    p.comment("temperature (0 = most likely notes)", x, y + 165, 130, lines=2)
    temp = p.ui("flonum", x, y + 200, 60, 22, format=6)
    t_pre = p.obj("prepend /temperature", x, y + 230, 135)
    t_out = p.obj(OUT, x, y + 260, 110)
    p.connect(temp_n, 0, temp)
    p.connect(temp, 0, t_pre)
    p.connect(t_pre, 0, t_out)
    p.comment("bpm (this loop, the server's MIDI and audio)", x + 150, y + 165, 130, lines=2)
    bpm = p.ui("number", x + 150, y + 200, 60, 22, minimum=20, maximum=400)
    b_trig = p.obj("t i i", x + 150, y + 230, 60)
    b_loop = p.obj("s musicvae-bpm", x + 205, y + 260, 100)
    b_pre = p.obj("prepend /bpm", x + 150, y + 290, 90)
    b_out = p.obj(OUT, x + 150, y + 320, 110)
    p.connect(bpm_n, 0, bpm)
    p.connect(bpm, 0, b_trig)
    p.connect(b_trig, 1, b_loop)
    p.connect(b_trig, 0, b_pre)
    p.connect(b_pre, 0, b_out)


def _presets(p: Patcher, x: float, y: float) -> None:
    p.comment("4  PRESETS", x, y, 200, **BOLD)
    p.comment("pick a name, then click save or load (both slots, alpha and attributes; the server "
              "keeps them on disk)", x, y + 25, 260, lines=3)
    menu = p.ui("umenu", x, y + 75, 120, 22,
                items=["verse", ",", "chorus", ",", "bridge", ",", "drop", ",", "intro", ",", "outro"])
    for i, action in enumerate(("save", "load")):
        cx = x + 140 * i
        pre = p.obj(f"prepend /preset/{action}", cx, y + 110, 130)
        setter = p.obj("prepend set", cx, y + 140, 90)
        message = p.msg(f"/preset/{action} verse", cx, y + 172, 130)
        out = p.obj(OUT, cx, y + 205, 110)
        p.connect(menu, 1, pre)
        p.connect(pre, 0, setter)
        p.connect(setter, 0, message)
        p.connect(message, 0, out)


def _coords(p: Patcher, x: float, y: float) -> None:
    p.comment("5  LATENT COORDINATES", x, y, 300, **BOLD)
    p.comment("eight principal directions of the latent space, in standard deviations (-3..3). "
              "They set the slot chosen here, then alpha is re-sent:", x, y + 25, 440, lines=2)
    toggle = p.ui("toggle", x, y + 62, 22, 22)
    p.comment("off: slot A   on: slot B", x + 28, y + 63, 170)
    plus = p.obj("+ 1", x + 200, y + 62, 35)
    p.connect(toggle, 0, plus)
    init = p.obj("loadmess set 60", x + 250, y + 62, 110)
    p.comment("centre the dials", x + 365, y + 63, 110)
    pak = p.obj("pak " + " ".join(["0."] * COORDS), x, y + 255, 440)
    for i in range(COORDS):
        cx = x + 55 * i
        p.comment(f"c{i}", cx + 10, y + 100, 30)
        dial = p.ui("dial", cx, y + 120, 40, 40, size=121.0)
        minus = p.obj("- 60", cx, y + 165, 40)
        divide = p.obj("/ 20.", cx, y + 192, 40)
        value = p.ui("flonum", cx, y + 220, 50, 22, format=6)
        p.connect(init, 0, dial)
        p.connect(dial, 0, minus)
        p.connect(minus, 0, divide)
        p.connect(divide, 0, value)
        p.connect(value, 0, pak, i)
    gate = p.obj("gate 2 1", x, y + 290, 60)
    p.comment("dial 0..120 -> -3..3", x + 70, y + 290, 140)
    p.connect(plus, 0, gate, 0)
    p.connect(pak, 0, gate, 1)
    for i, slot in enumerate("ab"):
        cx = x + 220 * i
        pre = p.obj(f"prepend /coords {slot}", cx, y + 325, 130)
        trig = p.obj("t b l", cx, y + 355, 50)
        out = p.obj(OUT, cx + 30, y + 390, 110)
        again = p.obj("s musicvae-resend-alpha", cx, y + 425, 150)
        p.connect(gate, i, pre)
        p.connect(pre, 0, trig)
        p.connect(trig, 1, out)
        p.connect(trig, 0, again)


def _attributes(p: Patcher, x: float, y: float) -> None:
    p.comment("6  ATTRIBUTES", x, y, 300, **BOLD)
    p.comment("push the current point along a musical attribute (amount -2..2, centre = 0); "
              "c_diatonic and avg_interval need a melody model", x, y + 25, 440, lines=2)
    init = p.obj("loadmess set 50", x, y + 62, 110)
    p.comment("centre the dials; dial 0..100 -> -2..2", x + 120, y + 62, 260)
    for i, name in enumerate(ATTRIBUTES):
        cy = y + 95 + 55 * i
        dial = p.ui("dial", x + 40, cy, 36, 36, size=101.0)
        scale = p.obj("scale 0 100 -2. 2.", x + 85, cy + 7, 110)
        value = p.ui("flonum", x + 200, cy + 7, 55, 22, format=6)
        pre = p.obj(f"prepend /attribute {name}", x + 262, cy + 7, 210)
        out = p.obj(OUT, x + 262, cy + 32, 110)
        p.connect(init, 0, dial)
        p.connect(dial, 0, scale)
        p.connect(scale, 0, value)
        p.connect(value, 0, pre)
        p.connect(pre, 0, out)


def _receive(p: Patcher, x: float, y: float) -> None:
    p.comment("7  RECEIVE  (notes come back as one bundle per decode)", x, y, 420, **BOLD)
    rcv = p.obj("udpreceive 9001", x, y + 30, 110)
    p.comment("the light flashes when the server answers /ping; /error replies print in the Max "
              "console", x + 160, y + 25, 300, lines=2)
    route = p.obj("route /notes/begin /note /notes/end /status /pong /error", x, y + 60, 400)
    p.connect(rcv, 0, route)
    # a reversed staircase under the outlets, so no cord crosses another box
    errors = p.obj("print musicvae-error", x + 327, y + 95, 140)
    alive = p.ui("button", x + 262, y + 95, 24, 24)
    p.connect(route, 5, errors)
    p.connect(route, 4, alive)
    names = ("musicvae-notes-begin", "musicvae-note", "musicvae-notes-end", "musicvae-status")
    for k in (3, 2, 1, 0):
        send = p.obj(f"s {names[k]}", x + 65 * k, y + 125 + 30 * (3 - k), 150)
        p.connect(route, k, send)
    y0 = y + 250
    # /notes/begin id count: forget the previous sequence
    begin = p.obj("r musicvae-notes-begin", x, y0, 150)
    b_trig = p.obj("t l b", x, y0 + 30, 60)
    header = p.obj("unpack 0 0", x, y0 + 60, 70)
    clear = p.msg("clear", x + 80, y0 + 60, 45)
    ident = p.ui("number", x, y0 + 90, 50, 22)
    count = p.ui("number", x + 55, y0 + 90, 50, 22)
    p.comment("decode id, note count", x, y0 + 115, 150)
    p.connect(begin, 0, b_trig)
    p.connect(b_trig, 1, clear)
    p.connect(b_trig, 0, header)
    p.connect(header, 0, ident)
    p.connect(header, 1, count)
    # /note pitch velocity start duration: file it under its 16th-note step
    note = p.obj("r musicvae-note", x + 170, y0, 110)
    n_trig = p.obj("t l l", x + 170, y0 + 30, 60)
    step = p.obj("expr int($f3 * 4. + 0.5)", x + 240, y0 + 60, 150)
    join = p.obj("zl join", x + 170, y0 + 90, 70)
    merge = p.msg("merge $5 $1 $2 $4", x + 170, y0 + 120, 125)
    p.comment("step pitch velocity duration", x + 300, y0 + 120, 100, lines=2)
    coll = p.obj("coll musicvae-notes", x, y0 + 160, 140)
    p.comment("same-named colls share their contents: section 8 plays this one", x, y0 + 185, 200,
              lines=2)
    p.connect(note, 0, n_trig)
    p.connect(n_trig, 1, step)
    p.connect(step, 0, join, 1)
    p.connect(n_trig, 0, join, 0)
    p.connect(join, 0, merge)
    p.connect(clear, 0, coll)
    p.connect(merge, 0, coll)
    # the whole decode as text, shown at /notes/end
    d_begin = p.obj("r musicvae-notes-begin", x + 430, y0, 150)
    zlclear = p.msg("zlclear", x + 430, y0 + 30, 60)
    d_note = p.obj("r musicvae-note", x + 520, y0 + 30, 110)
    d_end = p.obj("r musicvae-notes-end", x + 640, y0 + 30, 135)
    end_b = p.obj("t b", x + 640, y0 + 60, 30)
    group = p.obj("zl group 256", x + 430, y0 + 90, 90)
    shown = p.obj("prepend set", x + 430, y0 + 120, 85)
    display = p.msg("", x + 430, y0 + 150, 340, linecount=4)
    p.comment("received notes: pitch velocity start duration, ...", x + 430, y0 + 210, 340)
    p.connect(d_begin, 0, zlclear)
    p.connect(zlclear, 0, group)
    p.connect(d_note, 0, group)
    p.connect(d_end, 0, end_b)
    p.connect(end_b, 0, group)
    p.connect(group, 0, shown)
    p.connect(shown, 0, display)


def _play(p: Patcher, x: float, y: float) -> None:
    p.comment("8  PLAY  (loops the received notes at the bpm)", x, y, 420, **BOLD)
    init = p.obj("loadmess 1", x, y + 28, 70)
    toggle = p.ui("toggle", x, y + 58, 24, 24)
    p.comment("play", x + 28, y + 60, 50)
    bpm = p.obj("r musicvae-bpm", x + 150, y + 28, 100)
    b_trig = p.obj("t f f", x + 150, y + 58, 60)
    step_ms = p.obj("!/ 15000.", x + 90, y + 88, 65)
    beat_ms = p.obj("!/ 60000.", x + 205, y + 88, 65)
    metro = p.obj("metro 125", x, y + 120, 80)
    status = p.obj("r musicvae-status", x + 290, y + 28, 120)
    steps = p.obj("zl nth 5", x + 290, y + 58, 60)
    last = p.obj("- 1", x + 290, y + 88, 35)
    p.comment("loop length from /status", x + 330, y + 88, 160)
    counter = p.obj("counter 0 31", x, y + 150, 320)
    stepbox = p.ui("number", x, y + 180, 50, 22)
    p.comment("step (16ths)", x + 55, y + 182, 90)
    p.connect(init, 0, toggle)
    p.connect(toggle, 0, metro)
    p.connect(bpm, 0, b_trig)
    p.connect(b_trig, 1, beat_ms)
    p.connect(b_trig, 0, step_ms)
    p.connect(step_ms, 0, metro, 1)
    p.connect(status, 0, steps)
    p.connect(steps, 0, last)
    p.connect(last, 0, counter, 4)
    p.connect(metro, 0, counter)
    p.connect(counter, 0, stepbox)
    coll = p.obj("coll musicvae-notes", x, y + 215, 140)
    p.comment("notes filed under their step: pitch velocity duration ...", x + 150, y + 215, 250, lines=2)
    p.connect(stepbox, 0, coll)
    iterate = p.obj("zl iter 3", x, y + 250, 70)
    fields = p.obj("unpack 0 0 0.", x, y + 280, 130)
    duration = p.obj("* 500.", x + 205, y + 310, 60)
    makenote = p.obj("makenote 100 250", x, y + 345, 130)
    noteout = p.obj("noteout 1", x, y + 380, 80)
    p.comment("MIDI channel 1 of the default output; double-click [noteout] to choose a synth",
              x + 90, y + 380, 300, lines=2)
    p.connect(coll, 0, iterate)
    p.connect(iterate, 0, fields)
    p.connect(fields, 2, duration)
    p.connect(beat_ms, 0, duration, 1)
    p.connect(duration, 0, makenote, 2)
    p.connect(fields, 1, makenote, 1)
    p.connect(fields, 0, makenote, 0)
    p.connect(makenote, 0, noteout, 0)
    p.connect(makenote, 1, noteout, 1)


def build() -> Patcher:
    p = Patcher((40.0, 80.0, 1900.0, 1100.0))
    _header(p)
    _slots(p, 15, 85)
    _connection(p, 15, 640)
    _morph(p, 380, 85)
    _decoding(p, 380, 370)
    _presets(p, 380, 740)
    _coords(p, 680, 85)
    _attributes(p, 680, 650)
    _receive(p, 1160, 85)
    _play(p, 1160, 600)
    return p
