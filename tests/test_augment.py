"""Drum kit recombination (vae/augment.py): what it keeps, what it swaps, and that it is reproducible."""
import dataclasses

import pytest
import torch

from contract.codec import DRUM_CLASS_NAMES
from vae.augment import BODY_MASK, METAL_MASK, recombine_kits
from vae.configs import get_config

KICK, SNARE, HAT, RIDE = (1 << DRUM_CLASS_NAMES.index(n) for n in ("kick", "snare", "closed_hihat", "ride"))


def _batch() -> torch.Tensor:
    rock = torch.tensor([KICK | HAT, HAT, SNARE | HAT, HAT] * 8)
    swing = torch.tensor([RIDE, 0, KICK | RIDE, SNARE] * 8)
    hats_only = torch.tensor([HAT, 0, 0, 0] * 8)
    return torch.stack([rock, swing, hats_only]).to(torch.int16)


def test_every_chosen_window_keeps_its_body_and_takes_another_windows_metal():
    tokens = _batch()
    mixed = recombine_kits(tokens, 1.0, torch.Generator().manual_seed(0))
    for i in range(2):  # windows with a body: their metal now comes from another window
        assert torch.equal(mixed[i] & BODY_MASK, tokens[i] & BODY_MASK)
        metal = mixed[i] & METAL_MASK
        assert any(torch.equal(metal, tokens[j] & METAL_MASK) for j in range(3) if j != i)
        assert not torch.equal(metal, tokens[i] & METAL_MASK)


def test_a_recombination_that_would_be_silent_keeps_the_window():
    hats_only, silent_metal = _batch()[2:3], torch.zeros(1, 32, dtype=torch.int16)
    pair = torch.cat([hats_only, silent_metal])  # body of 0 is empty, metal of 1 is empty
    mixed = recombine_kits(pair, 1.0, torch.Generator().manual_seed(0))
    assert torch.equal(mixed[0], hats_only[0])


def test_probability_zero_changes_nothing_and_draws_are_reproducible():
    tokens = _batch()
    assert recombine_kits(tokens, 0.0, torch.Generator().manual_seed(0)) is tokens
    first = recombine_kits(tokens, 0.5, torch.Generator().manual_seed(7))
    again = recombine_kits(tokens, 0.5, torch.Generator().manual_seed(7))
    assert torch.equal(first, again)


def test_a_config_refuses_recombination_where_it_means_nothing():
    melody, drums = get_config("mel_2bar_small"), get_config("drums_2bar_small")
    with pytest.raises(ValueError, match="melody codec"):
        dataclasses.replace(melody, train=dataclasses.replace(melody.train, drum_recombine=0.5))
    with pytest.raises(ValueError, match="probability"):
        dataclasses.replace(drums, train=dataclasses.replace(drums.train, drum_recombine=1.5))
