"""Which MIDI channel each part plays on: a model has one part per token track (melody, drums; a trio
melody, bass and drums), and a server playing several models places them all on one port
(docs/design.md, 'Playback, MIDI and audio'). Keyboard takes (server/recorder.py) read a trio's parts back
from the same channels.
"""
from __future__ import annotations

from typing import Sequence

from contract.codec import GM_DRUM_CHANNEL

MIDI_CHANNELS = 16


class ChannelError(ValueError):
    """More parts than MIDI has channels."""


def midi_channels(drums_by_track: Sequence[Sequence[bool]]) -> list[tuple[int, ...]]:
    """MIDI channels (0-based) for each model, one per track: for each model, for each of its tracks,
    whether that track is drums (the codec's `drums_by_track`: melody (False,), drums (True,), trio (False,
    False, True)).

    Parts are placed in model order, then track order: the first drum part (a drum model, or a trio's drums
    track) on General MIDI's drum channel, every other part on the lowest channel still free, never the drum
    channel (a GM synth plays drums there). So one trio plays on channels 1, 2 and 10 (counting from 1); a
    second drum part (a drum model after a trio) gets a channel of its own, to route to a kit in the DAW,
    rather than mixing into the first kit's channel."""
    parts = [(model, bool(drums)) for model, tracks in enumerate(drums_by_track) for drums in tracks]
    first_drum = next((i for i, (_, drums) in enumerate(parts) if drums), None)
    free = [c for c in range(MIDI_CHANNELS) if c != GM_DRUM_CHANNEL]
    if len(parts) - (first_drum is not None) > len(free):
        raise ChannelError(f"{len(drums_by_track)} models play {len(parts)} parts, but MIDI has only "
                           f"{len(free)} channels besides the drum one")
    channels: list[list[int]] = [[] for _ in drums_by_track]
    for i, (model, _) in enumerate(parts):
        channels[model].append(GM_DRUM_CHANNEL if i == first_drum else free.pop(0))
    return [tuple(c) for c in channels]
