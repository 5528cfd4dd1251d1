"""Layout of patches/musicvae-device.maxpat: the Max for Live MIDI effect.

The same conversation with the server as the Max performer patch, with Live in charge of time: the
controls are live.dial / live.numbox / live.text / live.menu objects whose values are Live parameters
(saved with the set, automatable, mappable in Live's Map mode), the loop steps on Live's transport
([metro 16n @quantize 16n] reading bar/beat/tick from [transport]), Live's tempo is sent as /bpm, and
the notes leave through [midiformat] -> [midiout] into the track. Incoming MIDI passes through.
"""
from __future__ import annotations

from maxpatch import Patcher

OUT = "s ---out"  # '---' makes a send name local to one device instance
COORDS = 8
ATTRIBUTES = ("c_diatonic", "note_density", "avg_interval", "syncopation_16th", "syncopation_8th")
DEVICE_WIDTH = 770.0


def _param(longname: str, shortname: str, ptype: int, lo: float, hi: float, initial, unitstyle: int,
           **extra) -> dict:
    valueof = {"parameter_longname": longname, "parameter_shortname": shortname,
               "parameter_type": ptype, "parameter_mmin": lo, "parameter_mmax": hi,
               "parameter_initial_enable": 1, "parameter_initial": [initial],
               "parameter_unitstyle": unitstyle}
    valueof.update(extra)
    return {"saved_attribute_attributes": {"valueof": valueof}, "varname": longname}


def _dial(p, x, y, name, lo, hi, initial, present):
    return p.ui("live.dial", x, y, 44, 48, presentation=1, presentation_rect=present,
                **_param(name, name, 0, lo, hi, initial, 1))


def _button(p, x, y, text, present):
    return p.ui("live.text", x, y, 60, 20, presentation=1, presentation_rect=present, mode=0, text=text,
                texton=text, **_param(text, text, 2, 0.0, 1.0, 0.0, 0, parameter_enum=["off", "on"]))


def _network(p: Patcher, x: float, y: float) -> None:
    p.comment("NETWORK: everything leaves through [s ---out]; replies come back on port 9001 "
              "(one instance of this device per Live set, or change both ports)", x, y, 420, lines=2)
    rcv = p.obj("r ---out", x, y + 40)
    send = p.obj("udpsend 127.0.0.1 9000", x, y + 70)
    p.connect(rcv, 0, send)
    device = p.obj("live.thisdevice", x + 200, y + 40)
    trig = p.obj("t b b", x + 200, y + 70, 60)
    ping = p.msg("/ping", x + 200, y + 100, 45)
    status = p.msg("/status", x + 255, y + 100, 60)
    out = p.obj(OUT, x + 200, y + 130, 70)
    p.connect(device, 0, trig)
    p.connect(trig, 1, ping)
    p.connect(trig, 0, status)
    p.connect(ping, 0, out)
    p.connect(status, 0, out)
    p.comment("when Live has loaded the device: /ping and /status", x + 330, y + 70, 150, lines=2)
    midi_in = p.obj("midiin", x, y + 110)
    midi_thru = p.obj("midiout", x, y + 140)
    p.connect(midi_in, 0, midi_thru)
    p.comment("MIDI in passes through", x, y + 165, 150)


def _slots(p: Patcher, x: float, y: float, temperature: str) -> None:
    p.comment("SLOTS: Sample A / B use the Temperature dial and the Seed", x, y, 400)
    seed = p.ui("live.numbox", x + 150, y + 25, 50, 15, presentation=1,
                presentation_rect=[8.0, 104.0, 60.0, 15.0],
                **_param("Seed", "Seed", 1, 0.0, 99999.0, 0.0, 0))
    pak = p.obj("pak 1. 0", x, y + 55, 210)
    p.connect(temperature, 0, pak, 0)
    p.connect(seed, 0, pak, 1)
    for i, slot in enumerate("ab"):
        cx = x + 230 * i
        pre = p.obj(f"prepend /sample {slot}", cx, y + 85, 125)
        setter = p.obj("prepend set", cx, y + 115, 85)
        button = _button(p, cx, y + 145, f"Sample {slot.upper()}", [8.0, 8.0 + 28.0 * i, 60.0, 20.0])
        message = p.msg(f"/sample {slot} 1. 0", cx, y + 175, 125)
        out = p.obj(OUT, cx, y + 205, 70)
        p.connect(pak, 0, pre)
        p.connect(pre, 0, setter)
        p.connect(setter, 0, message)
        p.connect(button, 0, message)
        p.connect(message, 0, out)


def _morph(p: Patcher, x: float, y: float) -> str:
    p.comment("MORPH and DECODING: Alpha is a Live parameter: Cmd-M (Map mode) in Live, click it, "
              "turn a knob", x, y, 420, lines=2)
    alpha = _dial(p, x, y + 40, "Alpha", 0.0, 1.0, 0.0, [80.0, 8.0, 50.0, 60.0])
    pre = p.obj("prepend /alpha", x, y + 100, 95)
    out = p.obj(OUT, x, y + 130, 70)
    p.connect(alpha, 0, pre)
    p.connect(pre, 0, out)
    resend = p.obj("r ---resend-alpha", x + 110, y + 40, 115)
    store = p.obj("f", x + 110, y + 70, 35)
    p.connect(resend, 0, store, 0)
    p.connect(alpha, 0, store, 1)
    p.connect(store, 0, pre)
    temperature = _dial(p, x + 250, y + 40, "Temperature", 0.0, 2.0, 1.0, [80.0, 80.0, 50.0, 60.0])
    t_pre = p.obj("prepend /temperature", x + 250, y + 100, 135)
    t_out = p.obj(OUT, x + 250, y + 130, 70)
    p.connect(temperature, 0, t_pre)
    p.connect(t_pre, 0, t_out)
    return temperature


def _coords(p: Patcher, x: float, y: float) -> None:
    p.comment("LATENT COORDINATES c0..c7 (standard deviations) set slot A, or slot B while 'Edit B' "
              "is on; alpha is re-sent after each change", x, y, 480, lines=2)
    edit_b = p.ui("live.text", x, y + 38, 60, 20, presentation=1,
                  presentation_rect=[140.0, 8.0, 50.0, 18.0], mode=1, text="Edit A", texton="Edit B",
                  **_param("Edit B", "Edit B", 2, 0.0, 1.0, 0.0, 0, parameter_enum=["A", "B"]))
    plus = p.obj("+ 1", x + 70, y + 38, 35)
    p.connect(edit_b, 0, plus)
    pak = p.obj("pak " + " ".join(["0."] * COORDS), x, y + 125, 440)
    for i in range(COORDS):
        dial = _dial(p, x + 55 * i, y + 68, f"c{i}", -3.0, 3.0, 0.0,
                     [140.0 + 50.0 * (i % 4), 30.0 + 62.0 * (i // 4), 44.0, 60.0])
        p.connect(dial, 0, pak, i)
    gate = p.obj("gate 2 1", x, y + 155, 60)
    p.connect(plus, 0, gate, 0)
    p.connect(pak, 0, gate, 1)
    for i, slot in enumerate("ab"):
        cx = x + 220 * i
        pre = p.obj(f"prepend /coords {slot}", cx, y + 190, 125)
        trig = p.obj("t b l", cx, y + 220, 45)
        out = p.obj(OUT, cx + 30, y + 250, 70)
        again = p.obj("s ---resend-alpha", cx, y + 280, 115)
        p.connect(gate, i, pre)
        p.connect(pre, 0, trig)
        p.connect(trig, 1, out)
        p.connect(trig, 0, again)


def _attributes(p: Patcher, x: float, y: float) -> None:
    p.comment("ATTRIBUTES: amount along each attribute direction (-2..2)", x, y, 420)
    for i, name in enumerate(ATTRIBUTES):
        cx = x + 55 * i
        dial = _dial(p, cx, y + 25, name, -2.0, 2.0, 0.0, [360.0 + 56.0 * i, 8.0, 54.0, 60.0])
        row = y + 85 + 30 * (len(ATTRIBUTES) - 1 - i)  # a reversed staircase: no cord crosses a box
        pre = p.obj(f"prepend /attribute {name}", cx, row, 205)
        out = p.obj(OUT, cx + 212, row, 70)
        p.connect(dial, 0, pre)
        p.connect(pre, 0, out)


def _presets(p: Patcher, x: float, y: float) -> None:
    p.comment("PRESETS: pick a name, then Save or Load (kept by the server)", x, y, 420)
    menu = p.ui("live.menu", x, y + 25, 100, 15, presentation=1,
                presentation_rect=[650.0, 80.0, 100.0, 15.0],
                **_param("Preset", "Preset", 2, 0.0, 3.0, 0.0, 0,
                         parameter_enum=["verse", "chorus", "bridge", "drop"]))
    for i, action in enumerate(("save", "load")):
        cx = x + 170 * i
        pre = p.obj(f"prepend /preset/{action}", cx, y + 55, 130)
        setter = p.obj("prepend set", cx, y + 85, 85)
        button = _button(p, cx + 95, y + 85, action.capitalize(), [650.0 + 52.0 * i, 104.0, 48.0, 18.0])
        message = p.msg(f"/preset/{action} verse", cx, y + 115, 130)
        out = p.obj(OUT, cx, y + 145, 70)
        p.connect(menu, 1, pre)
        p.connect(pre, 0, setter)
        p.connect(setter, 0, message)
        p.connect(button, 0, message)
        p.connect(message, 0, out)


def _receive(p: Patcher, x: float, y: float) -> None:
    p.comment("RECEIVE: /notes/begin clears the loop, each /note is filed under its 16th step",
              x, y, 290, lines=2)
    rcv = p.obj("udpreceive 9001", x, y + 25, 105)
    route = p.obj("route /notes/begin /note /status /error", x, y + 55, 300)
    p.connect(rcv, 0, route)
    errors = p.obj("print musicvae-error", x + 226, y + 90, 135)
    p.connect(route, 3, errors)
    status = p.obj("zl nth 5", x + 152, y + 120, 60)
    steps = p.obj("s ---steps", x + 152, y + 150, 75)
    p.connect(route, 2, status)
    p.connect(status, 0, steps)
    clear = p.msg("clear", x, y + 180, 45)
    p.connect(route, 0, clear)
    note = p.obj("t l l", x + 76, y + 90, 45)
    step = p.obj("expr int($f3 * 4. + 0.5)", x + 130, y + 180, 150)
    join = p.obj("zl join", x + 76, y + 210, 60)
    merge = p.msg("merge $5 $1 $2 $4", x + 76, y + 240, 120)
    coll = p.obj("coll ---notes", x, y + 275, 95)
    p.connect(route, 1, note)
    p.connect(note, 1, step)
    p.connect(step, 0, join, 1)
    p.connect(note, 0, join, 0)
    p.connect(join, 0, merge)
    p.connect(clear, 0, coll)
    p.connect(merge, 0, coll)


def _play(p: Patcher, x: float, y: float) -> None:
    p.comment("PLAY on Live's transport: the step is the song position in 16ths modulo the loop "
              "length (4/4), so the loop stays on Live's bar lines", x, y, 460, lines=2)
    metro = p.obj("metro 16n @quantize 16n @active 1", x, y + 40, 210)
    transport = p.obj("transport", x, y + 70, 300)
    loop = p.obj("r ---steps", x + 320, y + 70, 75)
    loop_init = p.obj("loadmess 32", x + 320, y + 40, 80)
    position = p.obj("expr (($i1 - 1) * 16 + ($i2 - 1) * 4 + int($f3 / 120. + 0.5)) % $i4",
                     x, y + 110, 400)
    p.connect(metro, 0, transport)
    p.connect(transport, 2, position, 2)
    p.connect(transport, 1, position, 1)
    p.connect(transport, 0, position, 0)
    p.connect(loop_init, 0, position, 3)
    p.connect(loop, 0, position, 3)
    tempo = p.obj("change", x + 200, y + 145, 50)
    t_trig = p.obj("t f f", x + 200, y + 175, 45)
    bpm = p.obj("prepend /bpm", x + 270, y + 205, 85)
    out = p.obj(OUT, x + 270, y + 235, 70)
    beat = p.obj("!/ 60000.", x + 200, y + 235 - 30, 65)
    p.connect(transport, 4, tempo)
    p.connect(tempo, 0, t_trig)
    p.connect(t_trig, 1, bpm)
    p.connect(t_trig, 0, beat)
    p.connect(bpm, 0, out)
    p.comment("Live's tempo -> /bpm", x + 360, y + 205, 120)
    coll = p.obj("coll ---notes", x, y + 145, 95)
    p.connect(position, 0, coll)
    iterate = p.obj("zl iter 3", x, y + 175, 65)
    fields = p.obj("unpack 0 0 0.", x, y + 205, 95)
    duration = p.obj("* 500.", x + 130, y + 265, 55)
    makenote = p.obj("makenote 100 250", x, y + 295, 110)
    pack = p.obj("pack 0 0", x, y + 325, 60)
    midi = p.obj("midiformat", x, y + 355, 80)
    midi_out = p.obj("midiout", x, y + 385, 60)
    p.connect(coll, 0, iterate)
    p.connect(iterate, 0, fields)
    p.connect(fields, 2, duration)
    p.connect(beat, 0, duration, 1)
    p.connect(duration, 0, makenote, 2)
    p.connect(fields, 1, makenote, 1)
    p.connect(fields, 0, makenote, 0)
    p.connect(makenote, 1, pack, 1)
    p.connect(makenote, 0, pack, 0)
    p.connect(pack, 0, midi)
    p.connect(midi, 0, midi_out)
    p.comment("notes into the track", x + 70, y + 385, 140)


def _labels(p: Patcher) -> None:
    """Comments that only show in the device (presentation mode)."""
    p.comment("Seed", 1350, 10, 60, presentation=1, presentation_rect=[8.0, 86.0, 60.0, 18.0])
    p.comment("musicvae-live", 1350, 35, 120, presentation=1, fontface=1,
              presentation_rect=[650.0, 8.0, 110.0, 20.0])
    p.comment("server: musicvae serve", 1350, 60, 150, presentation=1,
              presentation_rect=[650.0, 30.0, 115.0, 34.0], linecount=2)
    p.comment("(device-only labels)", 1350, 85, 150)


def build() -> Patcher:
    p = Patcher((40.0, 80.0, 1500.0, 900.0), openinpresentation=1, devicewidth=DEVICE_WIDTH)
    p.comment("musicvae-live  -  Max for Live MIDI effect", 15, 10, 500, fontface=1, fontsize=18.0)
    _network(p, 15, 45)
    temperature = _morph(p, 15, 260)
    _slots(p, 15, 440, temperature)
    _coords(p, 520, 45)
    _attributes(p, 520, 370)
    _presets(p, 520, 640)
    _receive(p, 1050, 45)
    _play(p, 1050, 390)
    _labels(p)
    return p


def build_json() -> str:
    return build().dumps()
