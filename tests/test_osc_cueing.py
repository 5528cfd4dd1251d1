"""Cueing over real UDP with the real tiny bundle: what plays is the current point. Editing a slot replies
its preview, and changes what plays (the notes group, the playback loop) only if the current point moved."""
from __future__ import annotations

import numpy as np
import pytest

from bench.osc_client import OscClient, parse_groups
from server.latent import sample_prior, slerp
from tests.fixtures.server import looping_live_server

SLOW_BPM = 30.0  # a bar lasts 8 s: a cued switch is still pending when the reply is checked


def _decode(session, z):
    state = session.state
    return session.engine.decode(z, state.temperature, state.seed)


def _groups(client: OscClient, address: str, *args):
    reply = client.request(address, *args)
    assert reply is not None, f"{address} {args} replied nothing"
    return parse_groups(reply.packet)


@pytest.fixture
def cued_server(live_engine, tmp_path):
    """A live server with a playback loop (no sinks: what it would play is read from its scheduler)."""
    with looping_live_server(live_engine, tmp_path, SLOW_BPM) as (server, client):
        yield server.session, client


def test_at_alpha_0_editing_b_previews_it_and_leaves_what_plays(cued_server):
    session, client = cued_server
    size = session.engine.z_size
    (preview,) = _groups(client, "/sample", "b", 1.0, 5)
    assert preview.preview == "b" and preview.current is None
    assert preview.notes == _decode(session, sample_prior(size, 1.0, 5))
    assert not session.playback.scheduler.playing, "a preview alone never starts the loop"

    preview, current = _groups(client, "/sample", "a", 1.0, 6)
    a_notes = _decode(session, sample_prior(size, 1.0, 6))
    assert (preview.preview, current.preview) == ("a", None)
    assert preview.notes == current.notes == a_notes and preview.id == current.id, "one decode, both roles"
    scheduler = session.playback.scheduler
    assert scheduler.playing and scheduler.switches == 0 and not scheduler.cued

    for address, args in (("/sample", ["b", 1.0, 7]), ("/z", ["b", *[0.3] * size]), ("/coords", ["b", 1.0]),
                          ("/encode", ["b", 60, 100, 0.0, 1.0, 62, 100, 1.0, 1.0])):
        groups = _groups(client, address, *args)
        assert [g.preview for g in groups] == ["b"], f"{address} b at alpha 0 changed what plays"
    assert not scheduler.cued and scheduler.switches == 0
    assert client.request("/alpha", 0.0).notes == a_notes, "still the current point"


def test_at_alpha_1_editing_a_previews_it_and_editing_b_plays(cued_server):
    session, client = cued_server
    size = session.engine.z_size
    client.request("/alpha", 1.0)
    assert [g.preview for g in _groups(client, "/sample", "a", 1.0, 8)] == ["a"]
    preview, current = _groups(client, "/sample", "b", 1.0, 9)
    assert current.preview is None and current.notes == preview.notes == _decode(session, sample_prior(size, 1.0, 9))
    assert session.playback.scheduler.cued or session.playback.scheduler.switches == 1, "b is cued for the bar line"


def test_between_the_slots_either_edit_moves_the_current_point(cued_server):
    session, client = cued_server
    size = session.engine.z_size
    client.request("/sample", "b", 1.0, 2)
    client.request("/alpha", 0.5)
    preview, current = _groups(client, "/sample", "a", 1.0, 1)
    assert preview.notes == _decode(session, sample_prior(size, 1.0, 1))
    morph = slerp(sample_prior(size, 1.0, 1), sample_prior(size, 1.0, 2), 0.5)
    assert current.notes == _decode(session, morph) and current.id == preview.id + 1


def test_with_an_attribute_the_current_point_is_not_the_slot(cued_server):
    session, client = cued_server
    name, vector = next(iter(session.engine.bundle.attributes.items()))
    client.request("/attribute", name, 2.0)
    preview, current = _groups(client, "/sample", "a", 1.0, 4)
    z = sample_prior(session.engine.z_size, 1.0, 4)
    assert preview.notes == _decode(session, z), "the preview is the slot alone"
    assert current.notes == _decode(session, z + 2.0 * np.asarray(vector)), "what plays carries the attribute"


def test_a_bad_slot_edit_changes_nothing(cued_server):
    session, client = cued_server
    client.request("/sample", "a", 1.0, 3)
    before = client.request("/alpha", 0.0).notes
    assert "finite" in client.ask("/z", "a", *[float("nan")] * session.engine.z_size, reply="/error").args[1]
    assert client.ask("/sample", "c", reply="/error").args[0] == "/sample"
    assert client.request("/alpha", 0.0).notes == before
