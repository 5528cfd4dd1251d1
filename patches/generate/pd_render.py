"""The performer spec (spec.py) rendered to Pure Data vanilla 0.51+: musicvae.pd.

Every control sends a plain list, address first (`/alpha 0.5`), to [s musicvae-send]; one formatter sets
[oscformat]'s address to the model prefix + that address and sends the bytes through [netsend -u -b].
Replies come back on [netreceive -u -b] into [oscparse]. Pd sends only floats, and oscformat writes a
symbol as an OSC string, so slot and attribute names travel as symbols. Every control has a receive name
(musicvae-<key>), so another patch, a MIDI mapping or a test can drive it; the patch announces what it
receives on musicvae-notes-begin / -note / -notes-end / -beat and what it plays on musicvae-played.
"""
from __future__ import annotations

from pdpatch import PdPatch
from spec import FIRST_MODEL_LABEL, MIDI_CC_ALPHA, NO_MODEL_NAME, PATCH, SEED_RANGE, Control, PerformerSpec
from wiring import chain

SEND = "s musicvae-send"
SLIDER_PX = {"hsl": 160, "vsl": 100}


def receive_name(key: str) -> str:
    return f"musicvae-{key}"


def _label(c: Control) -> str:
    return c.label.replace(" ", "_")


def _position(c: Control, pixels: int) -> int:
    """An IEM slider's saved position (100ths of a pixel) for the control's initial value."""
    return round((c.initial - c.lo) / (c.hi - c.lo) * (pixels - 1) * 100)


class PdRenderer:
    def __init__(self, spec: PerformerSpec):
        self.spec = spec
        self.p = PdPatch(2050, 1450)

    # ------------------------------------------------------------------------------------ building blocks

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.spec.controls_for(PATCH))

    def widget(self, key: str, x: int, y: int, slider: str = "hsl") -> int:
        c = self.spec.control(key)
        common = {"receive": receive_name(key), "label": _label(c)}
        if c.kind == "dial":
            size = (SLIDER_PX[slider], 15) if slider == "hsl" else (18, SLIDER_PX[slider])
            return self.p.gui(slider, x, y, size=size, lo=c.lo, hi=c.hi, value=_position(c, SLIDER_PX[slider]),
                              **common)
        if c.kind == "number":
            return self.p.gui("nbx", x, y, size=(6, 18), lo=c.lo, hi=c.hi, init=1, value=c.initial, **common)
        if c.kind == "toggle":
            return self.p.gui("tgl", x, y, size=(18, 18), init=1, value=c.initial, **common)
        if c.kind == "button":
            return self.p.gui("bng", x, y, size=(20, 20), **common)
        if c.kind == "menu":
            return self.p.gui("hradio", x, y, size=(18, len(c.items)), **common)
        raise KeyError(f"no Pd widget for {c.kind!r}")

    def menu(self, key: str, x: int, y: int) -> tuple[int, int]:
        """A row of cells and, under it, the chosen entry as a symbol: (radio, symbol object)."""
        c = self.spec.control(key)
        radio = self.widget(key, x, y)
        self.p.comment(" | ".join(item or FIRST_MODEL_LABEL for item in c.items), x, y + 22)
        get = self.p.msg("get $1 1", x, y + 50)
        store = self.p.obj("list store " + " ".join(item or "-" for item in c.items), x, y + 75)
        chosen = self.p.obj("symbol", x, y + 100)
        self.p.connect(radio, 0, get)
        self.p.connect(get, 0, store)
        self.p.connect(store, 0, chosen)
        return radio, chosen

    def send(self, src: int, atoms: str, x: int, y: int, outlet: int = 0) -> int:
        """[list prepend atoms] -> [s musicvae-send] under it; returns the prepend."""
        pre = self.p.obj(f"list prepend {atoms}", x, y)
        self.p.connect(src, outlet, pre)
        self.p.connect(pre, 0, self.p.obj(SEND, x, y + 25))
        return pre

    def message(self, atoms: str, x: int, y: int, width: int | None = None) -> int:
        box = self.p.msg(f"list {atoms}", x, y, width)
        self.p.connect(box, 0, self.p.obj(SEND, x, y + (80 if width else 25)))
        return box

    def button(self, key: str, x: int, y: int) -> None:
        """A bang and, under it, the list it sends."""
        send = self.spec.control(key).send
        self.p.connect(self.widget(key, x, y), 0, self.message(" ".join((send.address, *send.args)), x, y + 25))

    def title(self, key: str, width: int = 48) -> tuple[int, int]:
        s = self.spec.section(key)
        self.p.comment(f"{s.number} {s.title}: {s.note}", s.x, s.y, width)
        return s.x, s.y

    # ------------------------------------------------------------------------------------------ sections

    def connection(self) -> None:
        x, y = self.title("connection")
        controls = self.p.obj("r musicvae-send", x, y + 60)
        fan = self.p.obj("t a a", x, y + 85)
        head, prefix, _, trim = chain(self.p, ["list split 1", "list prepend", "list prepend set", "list trim"],
                                      x + 100, y + 110, 25)
        rest = self.p.obj("list split 1", x, y + 210)
        fmt = self.p.obj("oscformat", x, y + 240)
        for a, o, b in ((controls, 0, fan), (fan, 1, head), (trim, 0, fmt), (fan, 0, rest), (rest, 1, fmt)):
            self.p.connect(a, o, b)
        self.p.connect(fmt, 0, self.p.obj("s musicvae-out", x, y + 265))
        radio, chosen = self.menu("model", x + 230, y + 60)
        first = self.p.obj("sel 0", x + 230, y + 185)
        empty = self.p.msg("list", x + 230, y + 210)
        self.p.connect(radio, 0, first)
        self.p.connect(first, 0, empty)
        self.p.connect(empty, 0, prefix, 1)
        self.p.connect(chosen, 0, prefix, 1)
        self.p.comment("model: the address prefix in front of every message", x + 300, y + 185, 25)
        self._reply_prefix(radio, x + 300, y + 235)
        self._network(x, y + 310)

    def _reply_prefix(self, radio: int, x: int, y: int) -> None:
        """The chosen model's name as [oscparse] splits it off a reply (/drums/note: drums), to
        musicvae-reply-prefix; the first model's stands for no prefix."""
        items = self.spec.control("model").items
        get = self.p.msg("get $1 1", x, y)
        names = self.p.obj("list store " + " ".join(item.strip("/") or NO_MODEL_NAME for item in items), x, y + 25)
        name = self.p.obj("symbol", x, y + 50)
        for a, o, b in ((radio, 0, get), (get, 0, names), (names, 0, name)):
            self.p.connect(a, o, b)
        self.p.connect(name, 0, self.p.obj("s musicvae-reply-prefix", x, y + 75))

    def _network(self, x: int, y: int) -> None:
        spec = self.spec
        outgoing = self.p.obj("r musicvae-out", x, y)
        redirect = self.p.obj("r musicvae-netsend", x + 130, y)
        netsend = self.p.obj("netsend -u -b", x, y + 30)
        self.p.connect(outgoing, 0, netsend)
        self.p.connect(redirect, 0, netsend)
        load = self.p.obj("loadbang", x, y + 65)
        fan = self.p.obj("t b b b", x, y + 90)
        delay = self.p.obj("delay 300", x, y + 120)
        connect = self.p.msg(f"connect {spec.host} {spec.port}", x + 90, y + 120)
        listen = self.p.msg(f"listen {spec.reply_port}", x + 90, y + 150)
        relisten = self.p.obj("r musicvae-netreceive", x + 190, y + 150)
        netreceive = self.p.obj("netreceive -u -b", x + 90, y + 185)
        for a, o, b in ((load, 0, fan), (fan, 2, connect), (fan, 1, listen), (fan, 0, delay), (connect, 0, netsend),
                        (listen, 0, netreceive), (relisten, 0, netreceive)):
            self.p.connect(a, o, b)
        self.p.connect(netreceive, 0, self.p.obj("s musicvae-osc-in", x + 90, y + 210))
        sends = spec.on_load
        hello = self.p.obj("t " + " ".join("b" * len(sends)), x, y + 245)
        self.p.connect(delay, 0, hello)
        for i, s in enumerate(sends):  # a trigger fires right to left: the first message leaves first
            self.p.connect(hello, len(sends) - 1 - i, self.message(" ".join((s.address, *s.args)), x + 90 * i, y + 275))
        self.p.comment("on load: " + ", ".join(s.address for s in sends) + ". musicvae-netsend and "
                       "musicvae-netreceive take connect / listen messages for other ports", x, y + 330, 45)

    def slots(self) -> None:
        x, y = self.title("slots")
        spread = self.widget("sample-temperature", x, y + 60)
        seed = self.widget("seed", x + 130, y + 60)
        fresh = self.widget("fresh-seed", x + 260, y + 60)
        draw = self._fresh_seed(fresh, seed, x + 200, y + 95)
        pack = self.p.obj("pack s f f", x, y + 160)
        for i, slot in enumerate(self.spec.slots):
            cx = x + 100 * i
            fire = self.p.obj("t b b", cx, y + 125)
            name = self.p.msg(f"symbol {slot}", cx + 40, y + 125)
            self.p.connect(self.widget(f"sample-{slot}", cx, y + 95), 0, fire)
            self.p.connect(fire, 0, name)
            self.p.connect(name, 0, pack, 0)
            self.p.connect(fire, 1, draw)
        self.p.connect(spread, 0, pack, 1)
        self.p.connect(seed, 0, pack, 2)
        self.send(pack, "/sample", x, y + 190)
        self.p.comment("/sample slot spread seed", x, y + 245)
        for i, slot in enumerate(self.spec.slots):
            self.button(f"record-{slot}", x + 100 * i, y + 290)
        if self.has("encode-a"):
            self.p.comment("...or encode a clip: click a list (pitch velocity start duration, in beats)", x, y + 390,
                           45)
            for i, slot in enumerate(self.spec.slots):
                send = self.spec.control(f"encode-{slot}").send
                self.message(" ".join((send.address, *send.args)), x, y + 430 + 115 * i, width=44)

    def _fresh_seed(self, fresh: int, seed: int, x: int, y: int) -> int:
        """While 'fresh' is on, each click draws the next seed of a [random] seeded once, at the first
        click, from the real time since the patch opened (Pd's [random] starts the same in every run)."""
        gate = self.p.obj("spigot 1", x, y + 30)
        fan = self.p.obj("t b b", x, y + 55)
        once = self.p.obj("spigot 1", x + 60, y + 80)
        first = self.p.obj("t b b", x + 60, y + 105)
        closed = self.p.msg("0", x + 130, y + 130)
        clock, micros = chain(self.p, ["realtime", "* 1000"], x + 60, y + 130, 25)
        reseed = self.p.msg("seed $1", x + 60, y + 180)
        draw = self.p.obj(f"random {SEED_RANGE}", x, y + 205)
        load = self.p.obj("loadbang", x + 150, y + 80)
        for a, o, b, i in ((fresh, 0, gate, 1), (gate, 0, fan, 0), (fan, 1, once, 0), (once, 0, first, 0),
                           (first, 1, closed, 0), (closed, 0, once, 1), (first, 0, clock, 1), (load, 0, clock, 0),
                           (micros, 0, reseed, 0), (reseed, 0, draw, 0), (fan, 0, draw, 0), (draw, 0, seed, 0)):
            self.p.connect(a, o, b, i)
        return gate

    def morph(self) -> None:
        x, y = self.title("morph", 44)
        ctl = self.p.obj(f"ctlin {MIDI_CC_ALPHA}", x, y + 60)
        scale = self.p.obj("/ 127", x, y + 85)
        alpha = self.widget("alpha", x, y + 130)
        pre = self.send(alpha, "/alpha", x, y + 160)
        resend = self.p.obj("r musicvae-resend-alpha", x + 120, y + 60)
        store = self.p.obj("f", x + 120, y + 85)
        for a, o, b, i in ((ctl, 0, scale, 0), (scale, 0, alpha, 0), (resend, 0, store, 0), (alpha, 0, store, 1),
                           (store, 0, pre, 0)):
            self.p.connect(a, o, b, i)
        self.button("learn", x + 220, y + 130)

    def decoding(self) -> None:
        x, y = self.title("decoding", 44)
        temperature = self.widget("temperature", x, y + 70)
        self.send(temperature, "/temperature", x, y + 95)
        self.send(self.widget("noise-seed", x + 200, y + 70), "/seed", x + 200, y + 95)
        self.send(self.widget("link", x + 200, y + 290), "/link", x + 200, y + 315)
        bpm = self.widget("bpm", x + 200, y + 160)
        both = self.p.obj("t f f", x + 200, y + 185)
        self.p.connect(bpm, 0, both)
        self.p.connect(both, 1, self.p.obj("s musicvae-tempo", x + 250, y + 240))
        self.send(both, "/bpm", x + 200, y + 210)
        # /status: steps temperature bpm stand next to each other
        steps = self.spec.status_index("steps")
        assert self.spec.status_fields[steps + 1:steps + 3] == ("temperature", "bpm"), self.spec.status_fields
        status = self.p.obj("r musicvae-status", x, y + 160)
        split = self.p.obj(f"list split {steps}", x, y + 185)
        fields = self.p.obj("unpack f f f", x, y + 210)
        loop = self.p.obj("s musicvae-steps", x, y + 260)
        shown = self.p.msg("set $1", x + 100, y + 260)
        for a, o, b, i in ((status, 0, split, 0), (split, 1, fields, 0), (fields, 0, loop, 0), (fields, 1, shown, 0),
                           (shown, 0, temperature, 0), (fields, 2, bpm, 0)):
            self.p.connect(a, o, b, i)

    def presets(self) -> None:
        x, y = self.title("presets", 44)
        _, chosen = self.menu("preset", x, y + 50)
        for i, key in enumerate(("save", "load")):
            cx = x + 150 * i
            hold = self.p.obj(f"symbol {self.spec.control('preset').items[0]}", cx, y + 200)
            self.p.connect(self.widget(key, cx, y + 170), 0, hold)
            self.p.connect(chosen, 0, hold, 1)
            self.send(hold, self.spec.control(key).send.address, cx, y + 225)

    def coords(self) -> None:
        x, y = self.title("coords", 58)
        toggle = self.widget("coords-slot", x, y + 60)
        choose = self.p.obj("sel 0 1", x + 90, y + 60)
        load = self.p.obj("loadbang", x + 250, y + 60)
        sym_a, sym_b = (self.p.msg(f"symbol {s}", x + 90 + 80 * i, y + 90) for i, s in enumerate(self.spec.slots))
        keys = self.spec.coord_keys()
        pack = self.p.obj("pack " + " ".join(["f"] * len(keys)), x, y + 285)
        for i, key in enumerate(keys):
            cx = x + 45 * i
            slider = self.widget(key, cx, y + 140, slider="vsl")
            if i == 0:
                self.p.connect(slider, 0, pack, 0)
                continue
            both = self.p.obj("t b f", cx, y + 255)
            self.p.connect(slider, 0, both)
            self.p.connect(both, 1, pack, i)
            self.p.connect(both, 0, pack, 0)  # a bang re-sends the list with the stored first value
        fan = self.p.obj("t b l", x, y + 315)
        slot = self.p.obj(f"list prepend {self.spec.slots[0]}", x, y + 345)
        again = self.p.obj("s musicvae-resend-alpha", x + 150, y + 345)
        for a, o, b, i in ((toggle, 0, choose, 0), (choose, 0, sym_a, 0), (choose, 1, sym_b, 0), (load, 0, sym_a, 0),
                           (sym_a, 0, slot, 1), (sym_b, 0, slot, 1), (pack, 0, fan, 0), (fan, 1, slot, 0),
                           (fan, 0, again, 0)):
            self.p.connect(a, o, b, i)
        self.send(slot, "/coords", x, y + 375)

    def attributes(self) -> None:
        x, y = self.title("attributes", 58)
        names = self.p.obj("r musicvae-attributes", x, y + 50)
        fan = self.p.obj("t a b", x, y + 75)
        close = self.p.msg("0", x + 60, y + 100)
        self.p.connect(names, 0, fan)
        self.p.connect(fan, 1, close)
        keys = self.spec.attribute_keys()
        unnamed = self.p.msg("; " + "; ".join(f"{receive_name(k)} label {_label(self.spec.control(k))}" for k in keys),
                             x + 100, y + 100, 40)
        self.p.connect(fan, 1, unnamed)
        for k, key in enumerate(keys):
            ry = y + 150 + 55 * k
            slider = self.widget(key, x, ry + 5)
            gate = self.p.obj("spigot", x + 170, ry)
            both = self.p.obj("t b f", x + 170, ry + 25)
            pack = self.p.obj("pack s f", x + 240, ry + 25)
            nth = self.p.obj(f"list split {k}", x + 330, ry)
            head = self.p.obj("list split 1", x + 420, ry)
            name = self.p.obj("symbol", x + 330, ry + 25)
            named = self.p.obj("t b s", x + 400, ry + 25)
            label = self.p.msg("label $1", x + 460, ry + 25)
            opened = self.p.msg("1", x + 530, ry + 25)
            held = self.p.obj("symbol", x + 170, ry + 50)
            # naming a row sends nothing: the amount is sent when the slider moves
            for a, o, b, i in ((slider, 0, gate, 0), (gate, 0, both, 0), (both, 1, pack, 1), (both, 0, held, 0),
                               (held, 0, pack, 0), (fan, 0, nth, 0), (nth, 1, head, 0), (head, 0, name, 0),
                               (name, 0, named, 0), (named, 1, label, 0), (label, 0, slider, 0), (named, 1, held, 1),
                               (named, 0, opened, 0), (opened, 0, gate, 1), (close, 0, gate, 1)):
                self.p.connect(a, o, b, i)
            self.send(pack, "/attribute", x + 550, ry)

    def receive(self) -> None:
        x, y = self.title("receive", 60)
        osc = self.p.obj("r musicvae-osc-in", x, y + 50)
        parse = self.p.obj("oscparse", x, y + 75)
        trim = self.p.obj("list trim", x, y + 100)
        heads = list(dict.fromkeys(r.strip("/").split("/")[0] for r in self.spec.replies))
        route = self.p.obj("route " + " ".join(heads), x, y + 130)
        for a, b in ((osc, parse), (parse, trim), (trim, route)):
            self.p.connect(a, 0, b)
        n = len(heads)
        # a reversed staircase under the outlets, so no cord crosses another box
        for k in reversed(range(1, n)):
            rx, ry = x + 55 * k, y + 165 + 28 * (n - 1 - k)
            head = heads[k]
            if head == "error":
                target = self.p.obj("print musicvae-error", rx, ry)
            elif head == "pong":
                target = self.p.gui("bng", rx, ry, label="pong", size=(18, 18))
            elif head == "beat":
                target = self._playhead(route, k, rx, ry)
            else:
                target = self.p.obj(f"s {receive_name(head)}", rx, ry)
            self.p.connect(route, k, target)
        self._unprefixed(route, n, x + 380, y + 225)
        notes = self.p.obj("route begin end", x, y + 165 + 28 * (n - 1))
        self.p.connect(route, 0, notes)
        self._file_notes(notes, x, y + 200 + 28 * (n - 1))

    def _unprefixed(self, route: int, rejected: int, x: int, y: int) -> None:
        """A reply the route does not know whose first part is the chosen model's name (/drums/notes/begin
        while the model menu is on /drums) goes round again without it; any other (another model's, or
        /preview/...) stops here."""
        p = self.p
        split = p.obj("list split 1", x, y)
        chosen = p.obj(f"sel {NO_MODEL_NAME}", x, y + 30)  # set by the model menu
        rest = p.obj("list", x, y + 60)
        again = p.obj("list trim", x, y + 90)
        for a, o, b, i in ((route, rejected, split, 0), (split, 1, rest, 1), (split, 0, chosen, 0),
                           (p.obj("r musicvae-reply-prefix", x + 90, y), 0, chosen, 1), (chosen, 0, rest, 0),
                           (rest, 0, again, 0), (again, 0, route, 0)):
            p.connect(a, o, b, i)
        p.comment("the chosen model's replies: its prefix dropped", x + 80, y + 60, 24)

    def _playhead(self, route: int, outlet: int, x: int, y: int) -> int:
        """/beat bar step: two number boxes, and musicvae-beat for other patches."""
        fields = self.p.obj("unpack f f", x, y)
        self.p.connect(fields, 0, self.p.floatatom(x + 90, y, 4, "bar"))
        self.p.connect(fields, 1, self.p.floatatom(x + 150, y, 4, "step"))
        self.p.connect(route, outlet, self.p.obj("s musicvae-beat", x + 210, y))
        return fields

    def _file_notes(self, notes: int, x: int, y: int) -> None:
        """/notes/begin id count clears the notes; each /note becomes a line "step pitch velocity start
        duration" of [text define musicvae-notes] and a point of the piano roll."""
        begin = self.p.obj("t l b", x, y)
        end = self.p.obj("s musicvae-notes-end", x + 120, y)
        clear = self.p.msg("clear", x + 60, y + 35)
        roll_clear = self.p.msg("; musicvae-roll const 0", x + 110, y + 35)
        text = self.p.obj("text define musicvae-notes", x + 60, y + 65)
        header = self.p.obj("unpack f f", x, y + 100)
        p = self.p
        for a, o, b in ((notes, 0, begin), (notes, 1, end), (begin, 1, clear), (begin, 1, roll_clear), (clear, 0, text),
                        (begin, 0, header)):
            p.connect(a, o, b)
        p.connect(begin, 0, p.obj("s musicvae-notes-begin", x, y + 160))
        p.connect(header, 0, p.floatatom(x, y + 130, 5))
        p.connect(header, 1, p.floatatom(x + 55, y + 130, 5))
        p.comment("id, count", x + 110, y + 130)
        note = p.obj("r musicvae-note", x + 300, y)
        both = p.obj("t l l", x + 300, y + 30)
        step = p.obj("expr int($f3*4+0.5)", x + 360, y + 60)
        pitch = p.obj("unpack f", x + 220, y + 90)
        line = p.obj("list prepend", x + 300, y + 90)
        store = p.obj("text set musicvae-notes 1e+07", x + 300, y + 120)
        roll = p.obj("tabwrite musicvae-roll", x + 220, y + 160)
        p.comment("(1e+07: append a line)", x + 390, y + 160)
        for a, o, b, i in ((note, 0, both, 0), (both, 1, step, 0), (step, 0, line, 1), (step, 0, roll, 1),
                           (both, 0, line, 0), (both, 0, pitch, 0), (pitch, 0, roll, 0), (line, 0, store, 0)):
            p.connect(a, o, b, i)
        # the piano roll: pitch at each onset step, resized to the loop by /status
        p.graph("musicvae-roll", 32, x, y + 230, 320, 120, 21, 108)
        p.comment("received pitches by 16th step (click [text define] for the notes)", x, y + 360, 50)
        steps = p.obj("r musicvae-steps", x + 350, y + 230)
        resize = p.msg("; musicvae-roll resize $1; musicvae-roll bounds 0 108 $1 21", x + 350, y + 260, 30)
        p.connect(steps, 0, resize)

    def play(self) -> None:
        x, y = self.title("play", 60)
        p = self.p
        toggle = self.widget("play", x, y + 30)
        tempo = p.obj("r musicvae-tempo", x + 100, y + 30)
        metro = p.obj("metro 125", x, y + 60)
        period = p.obj("expr 15000/$f1", x + 100, y + 60)
        beat = p.obj("expr 60000/$f1", x + 230, y + 60)
        counter = p.obj("f", x, y + 90)
        plus = p.obj("+ 1", x + 40, y + 90)
        steps = p.obj("r musicvae-steps", x + 110, y + 90)
        wrap = p.obj("mod 32", x + 40, y + 120)
        current = p.floatatom(x, y + 150, 4, "step")
        for a, o, b, i in ((toggle, 0, metro, 0), (tempo, 0, period, 0), (tempo, 0, beat, 0), (period, 0, metro, 1),
                           (metro, 0, counter, 0), (counter, 0, plus, 0), (plus, 0, wrap, 0), (wrap, 0, counter, 1),
                           (steps, 0, wrap, 1), (counter, 0, current, 0)):
            p.connect(a, o, b, i)
        hold = self._lines_at_step(current, x, y + 180)
        fields = p.obj("unpack f f f f", x + 100, y + 300)
        duration = p.obj("* 500", x + 230, y + 330)
        makenote = p.obj("makenote 100 250", x + 100, y + 365)
        noteout = p.obj("noteout 1", x + 100, y + 395)
        strip = p.obj("stripnote", x + 250, y + 395)
        for a, o, b, i in ((hold, 0, fields, 0), (fields, 3, duration, 0), (beat, 0, duration, 1),
                           (duration, 0, makenote, 2), (fields, 1, makenote, 1), (fields, 0, makenote, 0),
                           (makenote, 0, noteout, 0), (makenote, 1, noteout, 1), (makenote, 0, strip, 0),
                           (makenote, 1, strip, 1)):
            p.connect(a, o, b, i)
        p.connect(strip, 0, p.obj("s musicvae-played", x + 250, y + 425))
        p.comment("pitch velocity start duration", x + 220, y + 300)
        for i, key in enumerate(("start", "stop")):
            self.button(key, x + 100 * i, y + 470)

    def _lines_at_step(self, current: int, x: int, y: int) -> int:
        """Every line of the notes text whose step is the current one, out of the returned [list]."""
        p = self.p
        p.comment("for each line of the text: play it if its step is this step", x + 200, y + 60, 30)
        trig = p.obj("t b f", x, y)
        size = p.obj("text size musicvae-notes", x, y + 25)
        loop = p.obj("t f b", x, y + 50)
        zero = p.msg("0", x + 60, y + 75)
        until = p.obj("until", x, y + 75)
        index = p.obj("f", x, y + 100)
        next_index = p.obj("+ 1", x + 40, y + 100)
        get = p.obj("text get musicvae-notes", x, y + 125)
        split = p.obj("list split 1", x, y + 150)
        same = p.obj("==", x, y + 175)
        hit = p.obj("sel 1", x, y + 200)
        hold = p.obj("list", x + 100, y + 200)
        for a, o, b, i in ((current, 0, trig, 0), (trig, 1, same, 1), (trig, 0, size, 0), (size, 0, loop, 0),
                           (loop, 1, zero, 0), (zero, 0, index, 1), (loop, 0, until, 0), (until, 0, index, 0),
                           (index, 0, next_index, 0), (next_index, 0, index, 1), (index, 0, get, 0), (get, 0, split, 0),
                           (split, 1, hold, 1), (split, 0, same, 0), (same, 0, hit, 0), (hit, 0, hold, 0)):
            p.connect(a, o, b, i)
        return hold

    def render(self) -> PdPatch:
        self.p.comment("musicvae-live - performer patch (Pd vanilla 0.51+)", 20, 10)
        self.p.comment("Start the server first: musicvae serve (or --model DIR); then turn the controls. "
                       "Every control has a receive name (musicvae-...) for MIDI mapping or remote control.",
                       20, 35, 120)
        for section in ("slots", "connection", "morph", "decoding", "presets", "coords", "attributes", "receive",
                        "play"):
            getattr(self, section)()
        return self.p


def render(spec: PerformerSpec) -> PdPatch:
    return PdRenderer(spec).render()
