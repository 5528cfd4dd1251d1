"""Bad input over UDP: each answered with /error address "reason", and the server keeps serving."""
from __future__ import annotations

import struct

import pytest

from server import wire
from server.addresses import MAX_ENCODE_NOTES

NAN, INF = float("nan"), float("inf")


def _z(size: int, bad: float | None = None, length: int | None = None) -> list:
    values = [0.1] * (size if length is None else length)
    if bad is not None:
        values[len(values) // 2] = bad
    return values


# (address, args, words the reason must contain); "Z" in args stands for a whole z vector of the right size
CASES = [
    ("/nope", [], "unknown address"),
    ("/alpha", [], "expects 1"),
    ("/alpha", [0.1, 0.2], "expects 1"),
    ("/ping", [1], "expects 0"),
    ("/sample", [], "expects 1..3"),
    ("/sample", ["a", 1.0, 2, 3], "expects 1..3"),
    ("/alpha", ["x"], "alpha must be a number"),
    ("/sample", [1], "slot must be a symbol"),
    ("/sample", ["c"], "unknown slot"),
    ("/seed", ["x"], "seed must be a number"),
    ("/seed", [1.5], "whole number"),
    ("/seed", [-1], "seed must be in"),
    ("/bpm", ["fast"], "bpm must be a number"),
    ("/bpm", [0], "bpm must be in"),
    ("/alpha", [-0.1], "alpha must be in [0, 1]"),
    ("/alpha", [1.1], "alpha must be in [0, 1]"),
    ("/alpha", [NAN], "finite"),
    ("/alpha", [INF], "finite"),
    ("/temperature", [-1.0], "temperature must be in"),
    ("/temperature", [INF], "finite"),
    ("/sample", ["a", -0.5], "temperature must be in"),
    ("/sample", ["a", NAN], "finite"),
    ("/z", ["a", 1.0, 2.0, 3.0], "z must have"),
    ("/z", ["a", "Z-nan"], "finite"),
    ("/z", ["a", "Z-inf"], "finite"),
    ("/z", ["a", "Z-huge"], "z["),
    ("/coords", ["a", NAN], "finite"),
    ("/coords", ["a", "COORDS+1"], "COORDS"),
    ("/attribute", ["nope", 1.0], "unknown attribute"),
    ("/attribute", ["ATTR", NAN], "finite"),
    ("/attribute", ["ATTR", -INF], "finite"),
    ("/preset/load", ["never-saved"], "unknown preset"),
    ("/preset/save", ["../escape"], "preset name"),
    ("/preset/save", ["a/b"], "preset name"),
    ("/preset/save", [".hidden"], "preset name"),
    ("/preset/save", [""], "preset name"),
    ("/preset/save", ["x" * 65], "preset name"),
    ("/preset/load", ["..\\..\\windows"], "preset name"),
    ("/encode", ["a"], "empty clip"),
    ("/encode", ["a", 60, 100, 0.0], "fours"),
    ("/encode", ["a", 200, 100, 0.0, 1.0], "pitch must be in"),
    ("/encode", ["a", 60, 100, -1.0, 1.0], "start must be in"),
    ("/encode", ["a", 60, 100, 0.0, 0.0], "duration must be > 0"),
    ("/encode", ["a", 60, 100, NAN, 1.0], "finite"),
    ("/encode", ["a", 10, 100, 0.0, 1.0], "no note of the clip fits"),
    ("/encode", ["a", 60, 100, 500.0, 1.0], "no note of the clip fits"),
    ("/encode", ["a", *([60, 100, 0.0, 0.25] * (MAX_ENCODE_NOTES + 1))], f"clip has {MAX_ENCODE_NOTES + 1} notes"),
    ("/encode", ["a", *([60, 100, 0.0, 0.25, 1] * (2 * MAX_ENCODE_NOTES))], "expects 1..2561"),
    ("/subscribe", [0], "port must be in"),
    ("/subscribe", [70000], "port must be in"),
    ("/unsubscribe", ["x"], "port must be a number"),
    ("/subscribe", [9, "drums"], "unknown stream 'drums'; streams are beats"),
    ("/subscribe", [9, "beats", "beats"], "expects 1..2"),
]


def _expand(args: list, live_server) -> list:
    engine = live_server.session.engine
    out = []
    for arg in args:
        if isinstance(arg, str) and arg.startswith("Z-"):
            bad = {"nan": NAN, "inf": INF, "huge": 1e30}[arg[2:]]
            out += _z(engine.z_size, bad)
        elif arg == "COORDS+1":
            out += [0.5] * (engine.bundle.latent.num_coordinates + 1)
        elif arg == "ATTR":
            out.append(next(iter(engine.bundle.attributes)))
        else:
            out.append(arg)
    return out


def test_all_bad_inputs_get_errors_and_the_server_keeps_serving(live_server):
    """One server for the whole table (fast): every case gets its own /error, state stays as it was."""
    client = live_server.client()
    before = client.request("/alpha", 0.5)
    for address, args, words in CASES:
        error = client.ask(address, *_expand(args, live_server), reply="/error", timeout=2.0)
        assert error is not None, f"no /error for {address} {args}"
        assert error.args[0] == address
        if words == "COORDS":  # more coordinates than the bundle has, or than any bundle may have
            words = "at most" if live_server.session.engine.bundle.latent.num_coordinates < 16 else "expects 2..17"
        assert words in error.args[1], (address, args, error.args[1])
    assert client.ping() is not None
    assert live_server.session.state.alpha == 0.5
    assert client.request("/alpha", 0.5).notes == before.notes, "no bad input changed the state"
    stats = live_server.session.stats()
    assert sum(stats["errors"].values()) >= len(CASES)


def test_wrong_types_from_other_encoders(live_server):
    """Blobs, booleans, doubles and int64s as a tool like liblo may send them."""
    client = live_server.client()
    blob = wire._padded("/alpha") + wire._padded(",b") + struct.pack(">i", 3) + b"abc\x00"
    true = wire._padded("/alpha") + wire._padded(",T")
    double = wire._padded("/alpha") + wire._padded(",d") + struct.pack(">d", 0.25)
    int64 = wire._padded("/seed") + wire._padded(",h") + struct.pack(">q", 5)
    for raw, expect in ((blob, "blob"), (true, "boolean")):
        client.mark()
        client.send_raw(raw)
        error = client.wait_for("/error")
        assert error.args[0] == "/alpha" and expect in error.args[1]
    client.mark()
    client.send_raw(double)
    as_double = client.wait_notes()
    assert as_double is not None and as_double.notes == client.request("/alpha", 0.25).notes
    client.send_raw(int64)
    assert client.ask("/status", reply="/status").args[8] == 5


@pytest.mark.parametrize("data", [
    b"",
    b"\x00\x01\x02garbage",
    b"/alpha",  # no padding, no type tags
    wire._padded("/seed") + wire._padded(",i") + b"\x00\x00",  # truncated int
    wire._padded("/alpha") + wire._padded(",f"),  # type tag promises a float that is not there
    wire._padded("/alpha") + wire._padded(",s"),  # type tag promises a string that is not there
    wire._padded("/alpha") + wire._padded(",x") + b"1234",  # unknown type tag: no arguments left
    b"#bundle\x00" + b"\x00" * 8 + struct.pack(">i", 1000) + b"/ping",  # element longer than the packet
])
def test_malformed_datagrams(live_server, data):
    client = live_server.client()
    client.mark()
    client.send_raw(data)
    error = client.wait_for("/error")
    assert error is not None
    assert client.ping() is not None
