"""Warn a performer when a bundle's own test metrics say its latent is unused (posterior collapse).

A collapsed model decodes nearly the same clip from every latent point, so every knob sounds alike; the
reason is in the bundle's test_metrics.json (written by `musicvae evaluate`), not in anything the
performer did. The thresholds match the evaluation's own definitions (vae/evaluate.py).
"""
from __future__ import annotations

import json
from pathlib import Path

METRICS_FILE = "test_metrics.json"
MIN_Z_USE_DROP = 0.02  # sampled accuracy minus shuffled-z sampled accuracy
MIN_BURDA_FRACTION = 1 / 16  # of the latent dimensions with Var(mu) > 0.01


def collapse_warning(bundle_dir: str | Path) -> str | None:
    """A one-line warning when the bundle's metrics show an unused latent; None when fine or unmeasured."""
    path = Path(bundle_dir) / METRICS_FILE
    try:
        metrics = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    reasons = []
    drop = metrics.get("z_use_drop")
    if isinstance(drop, (int, float)) and drop < MIN_Z_USE_DROP:
        reasons.append(f"decoding from another clip's latent costs only {drop:.3f} accuracy")
    burda, z_size = metrics.get("active_dims_burda"), metrics.get("z_size")
    if isinstance(burda, int) and isinstance(z_size, int) and burda < MIN_BURDA_FRACTION * z_size:
        reasons.append(f"only {burda} of {z_size} latent dimensions vary across clips")
    if not reasons:
        return None
    return (f"this model barely uses its latent ({'; '.join(reasons)}, per {path.name}): "
            "expect most latent points to sound alike")
