"""The performer spec (spec.py) rendered to Max: musicvae.maxpat and the Max for Live device's patcher.

Both use Live's UI objects (live.dial, live.numbox, live.text, live.menu), which plain Max runs as well:
their values are parameters (Max's MIDI Mapping mode in Max; automation and Map mode in Live), so one
widget function serves both. What differs is the MaxTarget: the device's send names are local to its
instance ('---'), it starts on [live.thisdevice], shows its controls in presentation mode, follows Live's
tempo and transport and sends notes into its track; the patch has its own bpm, [metro] and [noteout].
Max cuts lists over 256 atoms, so the latent moves through /coords and /attribute, never /z.
"""
from __future__ import annotations

from dataclasses import dataclass

from maxpatch import Patcher
from spec import DEVICE, FIRST_MODEL_LABEL, MIDI_CC_ALPHA, PATCH, SEED_RANGE, Control, PerformerSpec
from wiring import chain

BOLD = {"fontface": 1, "fontsize": 14.0}
CLASSES = {"dial": "live.dial", "number": "live.numbox", "button": "live.text", "toggle": "live.text",
           "menu": "live.menu"}
SIZES = {"dial": (44.0, 48.0), "number": (48.0, 15.0), "button": (48.0, 20.0), "toggle": (48.0, 20.0),
         "menu": (96.0, 15.0)}
CELL = (52.0, 56.0)  # the device strip's grid (Live shows 169 px of a device's height)
PANEL_MARGIN = 8.0
LABELLED = ("number", "menu", "display")  # kinds that show no name of their own: a label above them
# A reply address in the chosen model's prefix (%s): [regexp]'s capture is the address without it
REPLY_PATTERN = "^%s(/.+)"


@dataclass(frozen=True)
class MaxTarget:
    where: str  # spec.PATCH or spec.DEVICE
    local: str  # prefix of the send/receive names ('---' is private to one device instance)
    title: str
    rect: tuple[float, float, float, float]


PERFORMER = MaxTarget(PATCH, "musicvae-", "musicvae-live  -  performer patch (Max 8/9)", (40.0, 80.0, 2000.0, 1500.0))
DEVICE_TARGET = MaxTarget(DEVICE, "---", "musicvae-live  -  Max for Live MIDI effect", (40.0, 80.0, 2000.0, 1500.0))


def _enum(c: Control) -> list[str]:
    if c.kind == "menu":
        return [item or FIRST_MODEL_LABEL for item in c.items]
    return ["off", "on"]


def _parameter(c: Control) -> dict:
    """Live/Max parameter attributes: type 0 float, 1 int, 2 enum."""
    enum = c.kind in ("menu", "button", "toggle")
    ptype = 2 if enum else 1 if c.integer else 0
    valueof = {"parameter_longname": c.label, "parameter_shortname": c.label, "parameter_type": ptype,
               "parameter_mmin": 0.0 if enum else float(c.lo),
               "parameter_mmax": float(len(_enum(c)) - 1) if enum else float(c.hi),
               "parameter_initial_enable": 1, "parameter_initial": [c.initial],
               "parameter_unitstyle": 0 if enum or c.integer else 1}
    if enum:
        valueof["parameter_enum"] = _enum(c)
    return {"saved_attribute_attributes": {"valueof": valueof}}


class MaxRenderer:
    def __init__(self, spec: PerformerSpec, target: MaxTarget):
        self.spec, self.t = spec, target
        self.device = target.where == DEVICE
        extra = {"openinpresentation": 1, "devicewidth": self.device_width()} if self.device else {}
        self.p = Patcher(target.rect, **extra)

    # ------------------------------------------------------------------------------------ building blocks

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.spec.controls_for(self.t.where))

    def device_width(self) -> float:
        cols = [c.panel[0] for c in self.spec.controls_for(DEVICE) if c.panel]
        return PANEL_MARGIN * 2 + CELL[0] * max(cols) + SIZES["menu"][0]  # the widest widget at the right edge

    def panel_xy(self, c: Control) -> tuple[float, float]:
        col, row = c.panel
        return PANEL_MARGIN + CELL[0] * col, 4.0 + CELL[1] * row

    def present(self, c: Control, dx: float, dy: float, w: float, h: float) -> dict:
        """Presentation attributes (device only): a rectangle inside the control's grid cell."""
        if not (self.device and c.panel):
            return {}
        x, y = self.panel_xy(c)
        return {"presentation": 1, "presentation_rect": [x + dx, y + dy, w, h]}

    def widget(self, key: str, x: float, y: float, size: tuple[float, float] | None = None) -> str:
        c = self.spec.control(key)
        w, h = size or SIZES[c.kind]
        attrs = {"varname": c.key, **_parameter(c), **self.present(c, 0.0, 20.0 if c.kind in LABELLED else 0.0, w, h)}
        if c.kind in ("button", "toggle"):
            attrs.update(mode=0 if c.kind == "button" else 1, text=c.label, texton=c.label)
        if c.kind in LABELLED:
            self.p.comment(c.label, x, y - 20, max(w, 80.0), **self.present(c, 0.0, 0.0, w, 18.0))
        return self.p.ui(CLASSES[c.kind], x, y, w, h, **attrs)

    def out(self, x: float, y: float) -> str:
        return self.p.obj(f"s {self.t.local}out", x, y, 90)

    def send(self, src: str, text: str, x: float, y: float, outlet: int = 0) -> str:
        """[prepend text] -> [s out] under it; returns the prepend."""
        pre = self.p.obj(f"prepend {text}", x, y)
        self.p.connect(src, outlet, pre)
        self.p.connect(pre, 0, self.out(x, y + 30))
        return pre

    def message(self, text: str, x: float, y: float, **attrs) -> str:
        """A message box that sends what it shows."""
        box = self.p.msg(text, x, y, **attrs)
        self.p.connect(box, 0, self.out(x, y + 30 + 14 * (attrs.get("linecount", 1) - 1)))
        return box

    def button(self, key: str, x: float, y: float) -> None:
        """A button and, under it, the message box it sends."""
        send = self.spec.control(key).send
        self.p.connect(self.widget(key, x, y), 0, self.message(" ".join((send.address, *send.args)), x, y + 30))

    def title(self, key: str) -> tuple[float, float]:
        s = self.spec.section(key)
        self.p.comment(f"{s.number}  {s.title}", s.x, s.y, 330, **BOLD)
        if s.note:
            self.p.comment(s.note, s.x, s.y + 24, 330, lines=3)
        return s.x, s.y

    # ------------------------------------------------------------------------------------------ sections

    def connection(self) -> None:
        x, y = self.title("connection")
        rcv = self.p.obj(f"r {self.t.local}out", x, y + 70, 90)
        gate = self.p.obj("gate 2 1", x, y + 100, 60)
        udp = self.p.obj(f"udpsend {self.spec.host} {self.spec.port}", x, y + 310, 150)
        self.p.connect(rcv, 0, gate, 1)
        self.p.connect(gate, 0, udp)
        # with a prefix: address := prefix + address, arguments kept (a message may have none)
        fan = self.p.obj("t l l b", x + 70, y + 130, 70)
        head = self.p.obj("zl slice 1", x + 70, y + 160, 70)
        rest = self.p.obj("zl slice 1", x + 150, y + 160, 70)
        clear = self.p.msg("zlclear", x + 230, y + 160, 55)
        prefix, *_, message = chain(self.p, ["zl join", "zl rev", "sprintf %s%s", "zl join"], x + 70, y + 190, 30)
        for a, o, b, i in ((gate, 1, fan, 0), (fan, 2, clear, 0), (fan, 1, rest, 0), (fan, 0, head, 0),
                           (clear, 0, message, 0), (rest, 1, message, 1), (head, 0, prefix, 0), (message, 0, udp, 0)):
            self.p.connect(a, o, b, i)
        model = self.widget("model", x + 200, y + 70)
        choose = self.p.obj("sel 0", x + 200, y + 100, 45)
        direct, prefixed = self.p.msg("1", x + 250, y + 100, 30), self.p.msg("2", x + 285, y + 100, 30)
        for a, o, b, i in ((model, 0, choose, 0), (choose, 0, direct, 0), (choose, 1, prefixed, 0),
                           (direct, 0, gate, 0), (prefixed, 0, gate, 0), (model, 1, prefix, 1)):
            self.p.connect(a, o, b, i)
        # the receive section takes replies in the chosen prefix too: the pattern that strips it
        pattern = self.p.obj(f"sprintf re {REPLY_PATTERN}", x + 200, y + 250, 120)
        self.p.connect(model, 1, pattern)
        self.p.connect(pattern, 0, self.p.obj(f"s {self.t.local}reply-prefix", x + 200, y + 280, 120))
        self._on_load(x, y + 350)

    def _on_load(self, x: float, y: float) -> None:
        if self.device:
            start = self.p.obj("live.thisdevice", x, y + 30, 100)
            thru_in, thru_out = self.p.obj("midiin", x + 250, y, 50), self.p.obj("midiout", x + 250, y + 30, 55)
            self.p.connect(thru_in, 0, thru_out)
            self.p.comment("MIDI in passes through", x + 310, y + 30, 150)
        else:
            start = self.p.obj("delay 300", x, y + 30, 70)
            self.p.connect(self.p.obj("loadbang", x, y, 70), 0, start)
        sends = self.spec.on_load
        fan = self.p.obj("t " + " ".join("b" * len(sends)), x, y + 60, 80)
        self.p.connect(start, 0, fan)
        for i, s in enumerate(sends):  # a trigger fires right to left: the first message leaves first
            self.p.connect(fan, len(sends) - 1 - i, self.message(" ".join((s.address, *s.args)), x + 90 * i, y + 90))
        self.p.comment("on load: " + ", ".join(s.address for s in sends) + " (the replies fill tempo, temperature, "
                       "loop length and the attribute menus; the subscription brings the playhead)", x + 100, y + 45,
                       280, lines=2)

    def slots(self) -> None:
        x, y = self.title("slots")
        spread = self.widget("sample-temperature", x, y + 85)
        seed = self.widget("seed", x + 100, y + 85)
        fresh = self.widget("fresh-seed", x + 200, y + 85)
        gate = self.p.obj("gate 1 1", x + 200, y + 115, 55)
        draw = self.p.obj(f"random {SEED_RANGE}", x + 200, y + 145, 100)
        pak = self.p.obj("pak 1. 0", x, y + 175, 160)
        for a, o, b, i in ((fresh, 0, gate, 0), (gate, 0, draw, 0), (draw, 0, seed, 0), (spread, 0, pak, 0),
                           (seed, 0, pak, 1)):
            self.p.connect(a, o, b, i)
        for i, slot in enumerate(self.spec.slots):
            cx = x + 170 * i
            pre = self.p.obj(f"prepend /sample {slot}", cx, y + 205, 130)
            setter = self.p.obj("prepend set", cx, y + 235, 90)
            button = self.widget(f"sample-{slot}", cx, y + 265)
            fire = self.p.obj("t b b", cx, y + 295, 50)
            shown = self.message(f"/sample {slot} 1. 0", cx, y + 325, w=130)
            for a, o, b, n in ((pak, 0, pre, 0), (pre, 0, setter, 0), (setter, 0, shown, 0), (button, 0, fire, 0),
                               (fire, 1, gate, 1), (fire, 0, shown, 0)):
                self.p.connect(a, o, b, n)
        self.p.comment("the message boxes show what a click sends: /sample slot spread seed", x, y + 385, 330)
        for i, slot in enumerate(self.spec.slots):
            self.button(f"record-{slot}", x + 170 * i, y + 410)
        if self.has("encode-a"):
            self.p.comment("or encode a clip (pitch velocity start duration, in beats; at most 63 notes: Max "
                           "lists stop at 256 atoms). Edit the numbers, then click:", x, y + 505, 330, lines=3)
            for i, slot in enumerate(self.spec.slots):
                send = self.spec.control(f"encode-{slot}").send
                self.message(" ".join((send.address, *send.args)), x, y + 555 + 80 * i, w=330, linecount=3)

    def morph(self) -> None:
        x, y = self.title("morph")
        alpha = self.widget("alpha", x, y + 120)
        if not self.device:
            ctl = self.p.obj(f"ctlin {MIDI_CC_ALPHA}", x, y + 60, 60)
            scale = self.p.obj("/ 127.", x, y + 90, 50)
            self.p.connect(ctl, 0, scale)
            self.p.connect(scale, 0, alpha)
        pre = self.send(alpha, "/alpha", x, y + 180)
        resend = self.p.obj(f"r {self.t.local}resend-alpha", x + 100, y + 120, 150)
        store = self.p.obj("f", x + 100, y + 150, 40)
        self.p.connect(resend, 0, store, 0)
        self.p.connect(alpha, 0, store, 1)
        self.p.connect(store, 0, pre)
        self.button("learn", x + 180, y + 180)

    def decoding(self) -> None:
        x, y = self.title("decoding")
        temperature = self.widget("temperature", x, y + 70)
        self.send(temperature, "/temperature", x, y + 125)
        self.send(self.widget("noise-seed", x + 120, y + 92), "/seed", x + 120, y + 125)
        self.send(self.widget("link", x + 220, y + 92), "/link", x + 220, y + 125)
        if not self.has("bpm"):
            return
        bpm = self.widget("bpm", x, y + 212)
        both = self.p.obj("t f f", x, y + 240, 50)
        self.p.connect(bpm, 0, both)
        self.p.connect(both, 1, self.p.obj(f"s {self.t.local}bpm", x + 100, y + 270, 100))
        self.send(both, "/bpm", x, y + 270)
        status = self.p.obj(f"r {self.t.local}status", x + 150, y + 180, 120)
        for field, target in (("temperature", temperature), ("bpm", bpm)):
            nth = self.p.obj(f"zl nth {self.spec.status_index(field) + 1}", x + 150 + 80 * (field == "bpm"),
                             y + 210, 60)
            self.p.connect(status, 0, nth)
            self.p.connect(nth, 0, target)

    def presets(self) -> None:
        x, y = self.title("presets")
        menu = self.widget("preset", x, y + 75)
        for i, key in enumerate(("save", "load")):
            cx = x + 150 * i
            address = self.spec.control(key).send.address
            pre = self.p.obj(f"prepend {address}", cx, y + 105, 130)
            setter = self.p.obj("prepend set", cx, y + 135, 90)
            button = self.widget(key, cx, y + 165)
            shown = self.message(f"{address} {self.spec.control('preset').items[0]}", cx, y + 195, w=130)
            for a, o, b in ((menu, 1, pre), (pre, 0, setter), (setter, 0, shown), (button, 0, shown)):
                self.p.connect(a, o, b)

    def coords(self) -> None:
        x, y = self.title("coords")
        toggle = self.widget("coords-slot", x, y + 70)
        plus = self.p.obj("+ 1", x + 70, y + 70, 35)
        self.p.connect(toggle, 0, plus)
        keys = self.spec.coord_keys()
        pak = self.p.obj("pak " + " ".join(["0."] * len(keys)), x, y + 160, 55 * len(keys))
        for i, key in enumerate(keys):
            self.p.connect(self.widget(key, x + 55 * i, y + 100), 0, pak, i)
        gate = self.p.obj("gate 2 1", x, y + 190, 60)
        self.p.connect(plus, 0, gate, 0)
        self.p.connect(pak, 0, gate, 1)
        for i, slot in enumerate(self.spec.slots):
            cx = x + 220 * i
            pre = self.p.obj(f"prepend /coords {slot}", cx, y + 225, 130)
            both = self.p.obj("t b l", cx, y + 255, 50)
            again = self.p.obj(f"s {self.t.local}resend-alpha", cx, y + 315, 150)
            self.p.connect(gate, i, pre)
            self.p.connect(pre, 0, both)
            self.p.connect(both, 1, self.out(cx + 30, y + 285))
            self.p.connect(both, 0, again)

    def attributes(self) -> None:
        x, y = self.title("attributes")
        names = self.p.obj(f"r {self.t.local}attributes", x, y + 75, 130)
        fan = self.p.obj("t l l b", x, y + 105, 70)
        clear, close = self.p.msg("clear", x + 150, y + 105, 45), self.p.msg("0", x + 200, y + 105, 30)
        items = self.p.obj("zl iter 1", x + 75, y + 135, 65)
        append = self.p.obj("prepend append", x + 150, y + 135, 100)
        self.p.connect(names, 0, fan)
        self.p.connect(fan, 2, clear)
        self.p.connect(fan, 2, close)
        self.p.connect(fan, 1, items)
        self.p.connect(items, 0, append)
        for k, key in enumerate(self.spec.attribute_keys()):
            ry = y + 175 + 54 * k
            nth = self.p.obj(f"zl nth {k + 1}", x, ry, 60)
            pick = self.p.msg(str(k), x + 65, ry, 30)
            c = self.spec.control(key)
            menu = self.p.ui("umenu", x + 100, ry, 110, 22, varname=f"{key}-name",
                             **self.present(c, 0.0, 40.0, 48.0, 15.0))
            dial = self.widget(key, x + 215, ry, size=(44.0, 38.0))
            opened = self.p.obj("+ 1", x + 100, ry + 26, 35)
            name = self.p.obj("zl reg", x + 140, ry + 26, 45)
            pack = self.p.obj("pack s 0.", x + 190, ry + 26, 65)
            amount = self.p.obj("t b f", x + 260, ry + 26, 40)
            gate = self.p.obj("gate 1", x + 305, ry + 26, 40)
            # naming a row sends nothing: the amount is sent when the dial moves
            for a, o, b, i in ((fan, 0, nth, 0), (nth, 0, pick, 0), (pick, 0, menu, 0), (clear, 0, menu, 0),
                               (append, 0, menu, 0), (close, 0, gate, 0), (menu, 0, opened, 0), (opened, 0, gate, 0),
                               (menu, 1, name, 1), (dial, 0, amount, 0), (amount, 1, pack, 1), (amount, 0, name, 0),
                               (name, 0, pack, 0), (pack, 0, gate, 1)):
                self.p.connect(a, o, b, i)
            pre = self.p.obj("prepend /attribute", x + 350, ry + 26, 115)
            self.p.connect(gate, 0, pre)
            self.p.connect(pre, 0, self.out(x + 470, ry + 26))

    def receive(self) -> None:
        x, y = self.title("receive")
        rcv = self.p.obj(f"udpreceive {self.spec.reply_port}", x, y + 75, 110)
        replies = self.spec.replies
        route = self.p.obj("route " + " ".join(replies), x, y + 105, 500)
        self.p.connect(rcv, 0, route)
        n = len(replies)
        # a reversed staircase under the outlets, so no cord crosses another box
        for k in reversed(range(n)):
            rx, ry = x + 500 * k / n, y + 140 + 26 * (n - 1 - k)
            reply = replies[k]
            if reply == "/error":
                target = self.p.obj("print musicvae-error", rx, ry, 130)
            elif reply == "/pong":
                target = self.p.ui("button", rx, ry, 22, 22)
            elif reply == "/beat":
                target = self._playhead(rx, ry)
            else:
                target = self.p.obj(f"s {self.t.local}{reply.strip('/').replace('/', '-')}", rx, ry, 130)
            self.p.connect(route, k, target)
        self._unprefixed(route, n, x + 560, y + 200)
        self._file_notes(x, y + 390)
        if not self.device:
            self._show_notes(x + 300, y + 390)

    def _unprefixed(self, route: str, rejected: int, x: float, y: float) -> None:
        """A reply the route does not know whose address starts with the chosen model's prefix
        (/drums/notes/begin while the menu is on /drums) goes round again without it; any other (another
        model's, or /preview/...) stops at the [regexp], which outputs a capture only on a match."""
        fan = self.p.obj("t l l b", x, y, 70)
        head, rest = self.p.obj("zl slice 1", x, y + 30, 70), self.p.obj("zl slice 1", x + 80, y + 30, 70)
        clear = self.p.msg("zlclear", x + 160, y + 30, 55)
        strip = self.p.obj(f"regexp {REPLY_PATTERN % FIRST_MODEL_LABEL}", x, y + 60, 130)  # none until chosen
        joined = self.p.obj("zl join", x, y + 90, 70)
        chosen = self.p.obj(f"r {self.t.local}reply-prefix", x + 140, y + 60, 120)
        for a, o, b, i in ((route, rejected, fan, 0), (fan, 2, clear, 0), (fan, 1, rest, 0), (fan, 0, head, 0),
                           (clear, 0, joined, 0), (rest, 1, joined, 1), (head, 0, strip, 0), (chosen, 0, strip, 0),
                           (strip, 1, joined, 0), (joined, 0, route, 0)):
            self.p.connect(a, o, b, i)

    def _playhead(self, x: float, y: float) -> str:
        c = self.spec.control("playhead")
        fields = self.p.obj("unpack 0 0", x, y, 70)
        for i, what in enumerate(("bar", "step")):
            box = self.p.ui("number", x + 75 + 45 * i, y, 40, 22, varname=f"playhead-{what}",
                            **self.present(c, 34.0 * i, 20.0, 30.0, 15.0))
            self.p.connect(fields, i, box)
        self.p.comment("playhead: bar step", x + 170, y, 130, **self.present(c, 0.0, 0.0, 96.0, 18.0))
        return fields

    def _file_notes(self, x: float, y: float) -> None:
        """/notes/begin clears the loop; each /note is filed under its 16th-note step."""
        local = self.t.local
        begin = self.p.obj(f"r {local}notes-begin", x, y, 140)
        clear = self.p.msg("clear", x, y + 30, 45)
        note = self.p.obj(f"r {local}note", x + 120, y + 30, 110)
        both = self.p.obj("t l l", x + 120, y + 60, 45)
        step = self.p.obj("expr int($f3 * 4. + 0.5)", x + 170, y + 90, 150)
        join = self.p.obj("zl join", x + 120, y + 120, 60)
        merge = self.p.msg("merge $5 $1 $2 $4", x + 120, y + 150, 125)
        coll = self.p.obj(f"coll {local}notes", x, y + 185, 120)
        self.p.comment("step pitch velocity duration; same-named colls share their contents: PLAY reads "
                       "this one", x, y + 210, 250, lines=2)
        for a, o, b, i in ((begin, 0, clear, 0), (clear, 0, coll, 0), (note, 0, both, 0), (both, 1, step, 0),
                           (step, 0, join, 1), (both, 0, join, 0), (join, 0, merge, 0), (merge, 0, coll, 0)):
            self.p.connect(a, o, b, i)

    def _show_notes(self, x: float, y: float) -> None:
        """The whole decode as text, shown at /notes/end."""
        local = self.t.local
        begin = self.p.obj(f"r {local}notes-begin", x, y, 140)
        zlclear = self.p.msg("zlclear", x, y + 30, 60)
        note = self.p.obj(f"r {local}note", x + 70, y + 60, 100)
        end = self.p.obj(f"r {local}notes-end", x + 180, y + 60, 130)
        bang = self.p.obj("t b", x + 180, y + 90, 30)
        group = self.p.obj("zl group 256", x, y + 120, 90)
        shown = self.p.obj("prepend set", x, y + 150, 85)
        display = self.p.msg("", x, y + 180, 280, linecount=4)
        self.p.comment("received notes: pitch velocity start duration, ...", x, y + 240, 280)
        for a, b in ((begin, zlclear), (zlclear, group), (note, group), (end, bang), (bang, group), (group, shown),
                     (shown, display)):
            self.p.connect(a, 0, b)

    def play(self) -> None:
        x, y = self.title("play")
        step = self._transport_step(x, y + 75) if self.device else self._metro_step(x, y + 75)
        coll = self.p.obj(f"coll {self.t.local}notes", x, y + 255, 120)
        self.p.connect(step, 0, coll)
        notes = self.p.obj("zl iter 3", x, y + 285, 70)
        fields = self.p.obj("unpack 0 0 0.", x, y + 315, 100)
        duration = self.p.obj("* 500.", x + 150, y + 345, 55)
        makenote = self.p.obj("makenote 100 250", x, y + 375, 120)
        for a, o, b, i in ((coll, 0, notes, 0), (notes, 0, fields, 0), (fields, 2, duration, 0),
                           (duration, 0, makenote, 2), (fields, 1, makenote, 1), (fields, 0, makenote, 0)):
            self.p.connect(a, o, b, i)
        self.p.connect(self.p.obj(f"r {self.t.local}beat-ms", x + 220, y + 315, 110), 0, duration, 1)
        if self.device:
            pack = self.p.obj("pack 0 0", x, y + 405, 60)
            midi = self.p.obj("midiformat", x, y + 435, 80)
            self.p.connect(makenote, 1, pack, 1)
            self.p.connect(makenote, 0, pack, 0)
            self.p.connect(pack, 0, midi)
            self.p.connect(midi, 0, self.p.obj("midiout", x, y + 465, 60))
            self.p.comment("notes into the track", x + 70, y + 465, 140)
        else:
            noteout = self.p.obj("noteout 1", x, y + 405, 80)
            self.p.connect(makenote, 0, noteout, 0)
            self.p.connect(makenote, 1, noteout, 1)
            self.p.comment("MIDI channel 1 of the default output; double-click [noteout] to choose a synth",
                           x + 90, y + 405, 300, lines=2)
        for i, key in enumerate(("start", "stop")):
            self.button(key, x + 100 * i, y + 510)

    def _metro_step(self, x: float, y: float) -> str:
        """The patch's own clock: a 16th-note [metro] at the bpm, counting through the loop."""
        toggle = self.widget("play", x, y)
        tempo = self.p.obj(f"r {self.t.local}bpm", x + 150, y, 100)
        both = self.p.obj("t f f", x + 150, y + 30, 50)
        step_ms = self.p.obj("!/ 15000.", x + 90, y + 60, 65)
        beat_ms = self.p.obj("!/ 60000.", x + 205, y + 60, 65)
        metro = self.p.obj("metro 125", x, y + 90, 80)
        status = self.p.obj(f"r {self.t.local}status", x + 290, y, 120)
        steps = self.p.obj(f"zl nth {self.spec.status_index('steps') + 1}", x + 290, y + 30, 60)
        last = self.p.obj("- 1", x + 290, y + 60, 35)
        counter = self.p.obj("counter 0 31", x, y + 120, 320)
        shown = self.p.ui("number", x, y + 150, 50, 22)
        self.p.comment("step (16ths); loop length from /status", x + 55, y + 150, 250)
        for a, o, b, i in ((toggle, 0, metro, 0), (tempo, 0, both, 0), (both, 1, beat_ms, 0), (both, 0, step_ms, 0),
                           (step_ms, 0, metro, 1), (status, 0, steps, 0), (steps, 0, last, 0), (last, 0, counter, 4),
                           (metro, 0, counter, 0), (counter, 0, shown, 0)):
            self.p.connect(a, o, b, i)
        self.p.connect(beat_ms, 0, self.p.obj(f"s {self.t.local}beat-ms", x + 205, y + 90, 110))
        return shown

    def _transport_step(self, x: float, y: float) -> str:
        """Live's clock: the song position in 16ths modulo the loop length (4/4); Live's tempo -> /bpm."""
        self.p.comment("on Live's transport: the loop stays on Live's bar lines", x, y - 25, 330)
        metro = self.p.obj("metro 16n @quantize 16n @active 1", x, y, 210)
        transport = self.p.obj("transport", x, y + 30, 300)
        loop = self.p.obj(f"r {self.t.local}status", x + 320, y, 110)
        steps = self.p.obj(f"zl nth {self.spec.status_index('steps') + 1}", x + 320, y + 30, 60)
        loop_init = self.p.obj("loadmess 32", x + 400, y + 30, 80)
        position = self.p.obj("expr (($i1 - 1) * 16 + ($i2 - 1) * 4 + int($f3 / 120. + 0.5)) % $i4",
                              x, y + 70, 400)
        tempo = self.p.obj("change", x + 200, y + 105, 50)
        both = self.p.obj("t f f", x + 200, y + 135, 45)
        beat_ms = self.p.obj("!/ 60000.", x + 200, y + 165, 65)
        for a, o, b, i in ((metro, 0, transport, 0), (transport, 2, position, 2), (transport, 1, position, 1),
                           (transport, 0, position, 0), (loop, 0, steps, 0), (steps, 0, position, 3),
                           (loop_init, 0, position, 3), (transport, 4, tempo, 0), (tempo, 0, both, 0),
                           (both, 0, beat_ms, 0)):
            self.p.connect(a, o, b, i)
        self.send(both, "/bpm", x + 280, y + 165, outlet=1)
        self.p.connect(beat_ms, 0, self.p.obj(f"s {self.t.local}beat-ms", x + 200, y + 195, 110))
        return position

    def render(self) -> Patcher:
        self.p.comment(self.t.title, 15, 10, 600, fontface=1, fontsize=20.0)
        self.p.comment(f"Start the server first:  musicvae serve  (or --model DIR). This sends OSC to "
                       f"{self.spec.host}:{self.spec.port} and listens on port {self.spec.reply_port}. Work left "
                       f"to right: fill slots A and B, morph with alpha, shape with coordinates and attributes; "
                       f"notes come back on the right and loop.", 15, 38, 1100, lines=2)
        for section in ("connection", "slots", "morph", "decoding", "presets", "coords", "attributes", "receive",
                        "play"):
            getattr(self, section)()
        return self.p


def render(spec: PerformerSpec, target: MaxTarget) -> Patcher:
    return MaxRenderer(spec, target).render()
