"""The bundle's manifest.json: what a server needs to know to load and drive the graphs."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

# The reader's definitions, so writer and reader cannot drift apart.
from contract.bundle import FORMAT, FORMAT_VERSION, sha256_file
from contract.graphs import GRAPHS, graph_file


def build_manifest(config, bundle_dir: Path, *, training: dict, metrics: dict, parity: dict,
                   attributes: dict, attribute_info: dict, latent: dict) -> dict:
    model = config.model
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": config.name,
        "codec": model.codec,
        "num_classes": model.num_classes,
        "num_bars": model.num_bars,
        "steps_per_bar": model.steps_per_bar,
        "num_steps": model.num_steps,
        "z_size": model.z_size,
        "config": {"name": config.name, "dataset": config.dataset, "model": asdict(model),
                   "train": asdict(config.train)},
        "graphs": {
            name: {"file": graph_file(name), "sha256": sha256_file(bundle_dir / graph_file(name))}
            for name in GRAPHS
        },
        "training": training,
        "metrics": metrics,
        "parity": parity,
        "attributes": {name: [round(float(v), 7) for v in vec] for name, vec in attributes.items()},
        "attribute_quartiles": attribute_info,
        "latent": latent,
    }


def write_json(path: Path, payload: dict) -> None:
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
