"""The collapse warning reads a bundle's own metrics; the shipped collapsed model's metrics trigger it."""
from __future__ import annotations

import json

from server.latent_use import collapse_warning


def _bundle(tmp_path, **metrics):
    (tmp_path / "test_metrics.json").write_text(json.dumps(metrics))
    return tmp_path


def test_a_latent_that_is_used_gets_no_warning(tmp_path):
    assert collapse_warning(_bundle(tmp_path, z_use_drop=0.2, active_dims_burda=120, z_size=128)) is None


def test_no_drop_when_z_is_shuffled_warns(tmp_path):
    warning = collapse_warning(_bundle(tmp_path, z_use_drop=0.001, active_dims_burda=120, z_size=128))
    assert warning and "0.001" in warning


def test_few_active_dimensions_warn_even_without_the_drop_metric(tmp_path):
    warning = collapse_warning(_bundle(tmp_path, active_dims_burda=0, z_size=256))
    assert warning and "0 of 256" in warning


def test_missing_or_corrupt_metrics_are_not_an_error(tmp_path):
    assert collapse_warning(tmp_path) is None
    (tmp_path / "test_metrics.json").write_text("{not json")
    assert collapse_warning(tmp_path) is None
