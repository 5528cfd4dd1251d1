"""The OSC test client shared by the benchmark (bench/roundtrip.py) and the tests (tests/fixtures/server.py).

    client = OscClient(server_port)            # a UDP socket on 127.0.0.1, receiving on a thread
    reply = client.request("/sample", "a")     # send, then wait for the next notes bundle
    assert client.ask("/ping", reply="/pong") is not None

Every datagram received is kept as a `Packet` (bundles unpacked; `.bundle` tells whether it came as one),
stamped with time.perf_counter() the moment it arrives: the benchmark charges latency from these stamps,
and perf_counter is the clock scripts/osc_stage_timing.py shares with the server process. Waiting methods
look only at packets after the client's cursor, so `request` and `ask` never match a reply to an earlier
message. What the server sends is parsed with python-osc, an independent check of the server's encoder.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

from pythonosc.osc_packet import OscPacket

from contract.codec import Note
from server import wire

HOST = "127.0.0.1"
NOTES_BEGIN, PREVIEW_BEGIN = "/notes/begin", "/preview/begin"
GROUPS = {NOTES_BEGIN: ("/note", "/notes/end"), PREVIEW_BEGIN: ("/preview/note", "/preview/end")}  # begin -> body, end
BEGINS = tuple(GROUPS)
RECEIVE_BUFFER = 4 << 20  # a 100 Hz sweep's replies must not overflow it while the test thread is busy


@dataclass
class Message:
    address: str
    args: list


@dataclass
class Packet:
    time: float  # time.perf_counter() when it arrived
    messages: list[Message]
    bundle: bool  # came as one OSC bundle (one datagram)


@dataclass
class NotesReply:
    """One group of notes: what plays (/notes/begin id count ...) or a slot's preview (/preview/begin slot id
    count ...)."""
    id: int
    count: int
    notes: list[Note]
    packet: Packet = field(repr=False)
    preview: str | None = None  # the slot previewed; None: the notes of the current point

    @property
    def current(self) -> "NotesReply | None":
        """The current point's notes in the same datagram (this group itself if it is one), if any."""
        return next((g for g in parse_groups(self.packet) if g.preview is None), None)


class OscClient:
    """Send OSC to a server and collect what comes back (see the module docstring)."""

    def __init__(self, server_port: int, listen_port: int = 0, host: str = HOST):
        self.server = (host, server_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        self.sock.bind((host, listen_port))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.packets: list[Packet] = []
        self.cursor = 0  # waits look at packets[cursor:]
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._receive, name="osc-test-client", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._closed:
            try:
                data, _ = self.sock.recvfrom(65535)
            except (socket.timeout, OSError):
                continue
            arrived = time.perf_counter()
            if not data:
                continue
            parsed = OscPacket(data)
            packet = Packet(arrived, [Message(m.message.address, list(m.message.params)) for m in parsed.messages],
                            data.startswith(b"#bundle"))
            with self._cond:
                self.packets.append(packet)
                self._cond.notify_all()

    # ------------------------------------------------------------------------------------------- send

    def send(self, address: str, *args) -> None:
        """One message; Python ints go as OSC int32, floats as float32, str as string."""
        self.sock.sendto(wire.message(address, *args), self.server)

    def send_raw(self, data: bytes) -> None:
        self.sock.sendto(data, self.server)

    def mark(self) -> None:
        """Forget everything received so far for the purpose of waiting."""
        with self._cond:
            self.cursor = len(self.packets)

    # ------------------------------------------------------------------------------------------- wait

    def next_packet(self, predicate, timeout: float = 5.0) -> Packet | None:
        """The first packet after the cursor that satisfies `predicate`; moves the cursor past it."""
        deadline = time.perf_counter() + timeout
        with self._cond:
            while True:
                for i in range(self.cursor, len(self.packets)):
                    if predicate(self.packets[i]):
                        self.cursor = i + 1
                        return self.packets[i]
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def wait_for(self, address: str, timeout: float = 5.0) -> Message | None:
        packet = self.next_packet(lambda p: any(m.address == address for m in p.messages), timeout)
        return None if packet is None else next(m for m in packet.messages if m.address == address)

    def wait_notes(self, timeout: float = 5.0) -> NotesReply | None:
        """The first group of the next datagram with notes: a slot edit's preview, else what plays."""
        packet = self.next_packet(lambda p: p.messages and _begin(p.messages[0].address) is not None, timeout)
        return None if packet is None else parse_notes(packet)

    def wait_current(self, timeout: float = 5.0) -> NotesReply | None:
        """The notes of the current point (what plays) in the next datagram that has them."""
        packet = self.next_packet(lambda p: any(_begin(m.address) == NOTES_BEGIN for m in p.messages), timeout)
        return None if packet is None else parse_notes(packet).current

    def ask(self, address: str, *args, reply: str, timeout: float = 5.0) -> Message | None:
        """Send and wait for the next message with address `reply` (e.g. /status, /error)."""
        self.mark()
        self.send(address, *args)
        return self.wait_for(reply, timeout)

    def request(self, address: str, *args, timeout: float = 5.0) -> NotesReply | None:
        """Send and wait for the next notes bundle (its first group: for a slot edit, the preview)."""
        self.mark()
        self.send(address, *args)
        return self.wait_notes(timeout)

    def ping(self, timeout: float = 5.0) -> float | None:
        """Round-trip time of /ping -> /pong in seconds, None if no answer."""
        self.mark()
        sent = time.perf_counter()
        self.send("/ping")
        packet = self.next_packet(lambda p: any(m.address == "/pong" for m in p.messages), timeout)
        return None if packet is None else packet.time - sent

    def all_messages(self, address: str) -> list[Message]:
        with self._cond:
            return [m for p in self.packets for m in p.messages if m.address == address]

    def since_mark(self) -> list[Packet]:
        """The packets received after the cursor (a snapshot)."""
        with self._cond:
            return self.packets[self.cursor:]

    def forget(self) -> None:
        """Drop every packet received so far: an hour-long soak would otherwise keep them all."""
        with self._cond:
            self.packets.clear()
            self.cursor = 0

    def settle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:
        """Wait until nothing has arrived for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._cond:
                last = self.packets[-1].time if self.packets else 0.0
            if time.perf_counter() - last >= quiet:
                return
            time.sleep(quiet / 4)

    def close(self) -> None:
        self._closed = True
        try:
            self.sock.sendto(b"", (HOST, self.port))  # wakes the receiving thread at once
        except OSError:
            pass
        self._thread.join(1.0)
        self.sock.close()

    def __enter__(self) -> "OscClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def parse_notes(packet: Packet) -> NotesReply:
    """The first group of notes in a notes bundle (see parse_groups)."""
    return parse_groups(packet)[0]


def parse_groups(packet: Packet) -> list[NotesReply]:
    """Every group of a notes bundle, checked for shape: begin [slot] id count, count notes, end [slot] id.
    Addresses may carry a model's prefix (/drums/notes/begin): the same one throughout."""
    groups, messages, i = [], packet.messages, 0
    assert messages and _begin(messages[0].address) is not None, [m.address for m in messages]
    prefix = messages[0].address[:-len(_begin(messages[0].address))]
    while i < len(messages):
        begin = messages[i]
        kind = begin.address[len(prefix):]
        note, end_address = (prefix + a for a in GROUPS[kind])
        preview = begin.args[0] if kind == PREVIEW_BEGIN else None
        decode_id, count = begin.args[-2:]
        body, end = messages[i + 1:i + 1 + count], messages[i + 1 + count]
        assert len(body) == count and all(m.address == note for m in body), [m.address for m in messages]
        assert end.address == end_address and end.args == begin.args[:-1], (begin.args, end.args)
        notes = [Note(start=m.args[2], pitch=m.args[0], velocity=m.args[1], duration=m.args[3],
                      track=m.args[4] if len(m.args) > 4 else 0) for m in body]  # a trio note carries its track
        groups.append(NotesReply(decode_id, count, notes, packet, preview))
        i += count + 2
    return groups


def _begin(address: str) -> str | None:
    """NOTES_BEGIN or PREVIEW_BEGIN if the address is one, after any model prefix."""
    return next((begin for begin in BEGINS if address.endswith(begin)), None)


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]
