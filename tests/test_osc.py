"""The OSC address space over real UDP on 127.0.0.1, with the real exported tiny bundle."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from contract.codec import Note
from server import wire
from server.addresses import ADDRESSES, REPLIES, STATUS_FIELDS
from server.handlers import HANDLERS
from server.latent import coordinates_to_z, sample_prior, slerp
from tests.fixtures.server import OscClient, parse_notes


def test_every_address_has_a_handler():
    assert set(HANDLERS) == set(ADDRESSES)


def test_the_readme_tables_are_generated_from_the_address_table():
    from server.addresses import markdown_tables
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert markdown_tables() in readme, "regenerate the README's tables: python -m server.addresses"


def test_ping_and_status(live_server):
    client = live_server.client()
    assert client.ping() is not None
    status = client.ask("/status", reply="/status").args
    assert len(status) == len(STATUS_FIELDS)
    engine = live_server.session.engine
    assert status[:7] == [engine.bundle.name, engine.provider, engine.z_size, engine.bundle.num_bars,
                          engine.num_steps, pytest.approx(0.5), pytest.approx(120.0)]


def test_attributes_lists_the_manifest_names(live_server):
    client = live_server.client()
    names = client.ask("/attributes", reply="/attributes").args
    assert names == list(live_server.session.engine.bundle.attributes)
    assert names, "the tiny bundle has attribute vectors"


def _expected(live_server, z):
    state = live_server.session.state
    return live_server.session.engine.decode(z, state.temperature, state.seed)


def test_sample_replies_one_bundle_matching_the_engine(live_server):
    client = live_server.client()
    reply = client.request("/sample", "a", 1.0, 7)
    assert reply is not None and reply.packet.bundle
    z = sample_prior(live_server.session.engine.z_size, 1.0, 7)
    assert reply.notes == _expected(live_server, z)
    assert reply.count == len(reply.notes) > 0
    for note in reply.notes:
        assert isinstance(note.pitch, int) and isinstance(note.start, float)
        assert 0 <= note.start < live_server.session.engine.bundle.length_beats


def test_float_arguments_work_like_ints(live_server):
    """Pd sends every number as a float: a seed of 7.0 is the seed 7."""
    client = live_server.client()
    as_int = client.request("/sample", "b", 1, 7)
    as_float = client.request("/sample", "b", 1.0, 7.0)
    assert as_int.notes == as_float.notes
    client.send("/temperature", 0)
    client.send("/seed", 3.0)
    client.send("/bpm", 90)
    status = client.ask("/status", reply="/status").args
    assert status[5] == 0.0 and status[6] == 90.0 and status[8] == 3


def test_sample_without_seed_gives_new_latents_reproducibly(live_server):
    client = live_server.client()
    first = client.request("/sample", "a")
    second = client.request("/sample", "a")
    assert first.notes != second.notes
    client.send("/seed", 0)  # restarts the sequence of unseeded samples
    assert client.request("/sample", "a").notes == first.notes


def test_ids_increase_with_every_decode(live_server):
    client = live_server.client()
    ids = [client.request("/alpha", a).id for a in (0.0, 0.5, 1.0)]
    assert ids == sorted(ids) and len(set(ids)) == 3


def test_alpha_decodes_the_slerp_of_the_slots(live_server):
    client = live_server.client()
    client.request("/sample", "a", 1.0, 1)
    client.request("/sample", "b", 1.0, 2)
    reply = client.request("/alpha", 0.25)
    size = live_server.session.engine.z_size
    z = slerp(sample_prior(size, 1.0, 1), sample_prior(size, 1.0, 2), 0.25)
    assert reply.notes == _expected(live_server, z)
    assert client.request("/alpha", 0).notes == _expected(live_server, sample_prior(size, 1.0, 1))


def test_z_sets_a_slot(live_server):
    client = live_server.client()
    size = live_server.session.engine.z_size
    z = np.linspace(-1, 1, size).astype(np.float32)
    reply = client.request("/z", "b", *[float(v) for v in z])
    assert reply.notes == _expected(live_server, z)
    assert client.request("/alpha", 1.0).notes == reply.notes


def test_coords_follow_the_principal_directions(live_server):
    client = live_server.client()
    stats = live_server.session.engine.bundle.latent
    coords = [1.0, -0.5, 2.0][: stats.num_coordinates]
    reply = client.request("/coords", "a", *coords)
    assert reply.notes == _expected(live_server, coordinates_to_z(coords, stats))


def test_attribute_moves_the_current_point(live_server):
    client = live_server.client()
    name = next(iter(live_server.session.engine.bundle.attributes))
    client.request("/alpha", 0.5)
    reply = client.request("/attribute", name, 2)
    state = live_server.session.state
    vector = live_server.session.engine.bundle.attributes[name]
    z = slerp(state.slot_z("a"), state.slot_z("b"), 0.5) + 2.0 * vector
    assert reply.notes == _expected(live_server, z)


def test_encode_sets_the_slot_to_the_clips_mu(live_server):
    client = live_server.client()
    engine = live_server.session.engine
    clip = [(60, 100, 0.0, 1.0), (62, 90, 1.0, 0.5), (64, 80, 2.0, 2.0), (67, 100, 4.5, 1.5)]
    reply = client.request("/encode", "a", *[v for n in clip for v in n])
    mu = engine.encode([Note(start=s, pitch=p, velocity=v, duration=d) for p, v, s, d in clip])
    assert reply.notes == _expected(live_server, mu)
    np.testing.assert_allclose(live_server.session.state.slot_z("a"), mu, atol=1e-6)


def test_temperature_zero_is_argmax_whatever_the_seed(live_server):
    client = live_server.client()
    client.send("/temperature", 0.0)
    client.send("/seed", 1)
    one = client.request("/alpha", 0.3).notes
    client.send("/seed", 2)
    assert client.request("/alpha", 0.3).notes == one
    client.send("/temperature", 1.5)
    hot = [client.request("/alpha", 0.3).notes for _ in range(2)]
    assert hot[0] == hot[1], "same seed, same temperature: same notes"


def test_subscribers_get_replies_until_they_unsubscribe(live_server):
    main = live_server.client()
    other = live_server.client()  # subscribed on its own port
    reply = main.request("/alpha", 0.5)
    assert other.wait_notes().notes == reply.notes
    other.send("/unsubscribe", other.port)
    main.ask("/ping", reply="/pong")
    other.mark()
    main.request("/alpha", 0.6)
    assert other.wait_notes(timeout=0.3) is None
    assert main.ask("/unsubscribe", other.port, reply="/error").args[0] == "/unsubscribe"


def test_bundles_of_messages_are_handled_in_order(live_server):
    client = live_server.client()
    client.mark()
    client.send_raw(wire.bundle([wire.message("/temperature", 0.0), wire.message("/alpha", 1.0),
                                 wire.message("/ping")]))
    reply = client.wait_notes()
    client.settle(0.05)
    assert len(client.all_messages("/pong")) == 1
    assert reply.notes == _expected(live_server, live_server.session.state.slot_z("b"))
    assert live_server.session.state.temperature == 0.0


def test_replies_use_only_declared_addresses(live_server):
    client = live_server.client()
    client.request("/sample", "a")
    client.ask("/status", reply="/status")
    client.ask("/nowhere", reply="/error")
    addresses = {m.address for p in client.packets for m in p.messages}
    assert addresses <= set(REPLIES)


def test_large_bundles_arrive_whole(live_server):
    """A notes bundle is one datagram: every /notes/begin comes with its /note messages and /notes/end."""
    client = live_server.client()
    for a in np.linspace(0, 1, 5):
        client.request("/alpha", float(a))
    bundles = [p for p in client.packets if p.messages[0].address == "/notes/begin"]
    assert len(bundles) >= 5
    for packet in bundles:
        assert packet.bundle
        parse_notes(packet)


def test_status_counts_decodes(live_server):
    client = live_server.client()
    for _ in range(3):
        client.request("/alpha", 0.1)
    status = client.ask("/status", reply="/status").args
    assert status[9] >= 3  # decodes
    assert live_server.session.stats()["decodes"] == status[9]


def test_a_second_client_can_drive_the_server(live_server):
    live_server.client()
    with OscClient(live_server.port) as other:
        other.send("/subscribe", other.port)
        assert other.ask("/ping", reply="/pong") is not None


def test_datagrams_over_8192_bytes_are_received(live_server):
    """python-osc's own servers drop datagrams over 8192 bytes silently; a full 512-note /encode is ~10 kB."""
    from server.addresses import MAX_ENCODE_NOTES
    client = live_server.client()
    clip = [v for i in range(MAX_ENCODE_NOTES) for v in (60 + i % 12, 100, i * 0.25, 0.25)]
    assert len(wire.message("/encode", "a", *clip)) > 8192
    reply = client.request("/encode", "a", *clip)
    assert reply is not None and reply.notes


def test_replies_refuse_numpy_scalars():
    """OSC arguments must be Python int/float/str: a numpy scalar is a bug to catch, not to mis-encode."""
    with pytest.raises(TypeError, match="float32"):
        wire.message("/note", np.float32(1.0))
    with pytest.raises(TypeError, match="bool"):
        wire.message("/note", True)
    assert wire.message("/x", 1, 2.5, "s") == b"/x\x00\x00,ifs\x00\x00\x00\x00\x00\x00\x00\x01@ \x00\x00s\x00\x00\x00"
