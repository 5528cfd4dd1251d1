"""Score a checkpoint on a data split: reconstruction accuracy (the paper's Table 1), KL and active latents.

Every window is encoded to z = mu (the posterior mean, so the numbers are deterministic), then
  teacher-forced accuracy: per-step argmax accuracy with the true previous token as each step's input;
  sampled accuracy: the decoder runs free, fed its own argmax outputs (temperature 0), and the whole
    decoded sequence is compared step by step with the input;
  KL per dimension: KL(q(z|x) || N(0, 1)) averaged over windows, in nats;
  active dimensions: dimensions whose mean KL exceeds 0.01 nats (a dimension the encoder ignores has KL
    ~ 0: posterior collapse); also Burda et al.'s (2016) activity Var_x(E_q[z_d]) > 0.01, reported beside.
The majority-class baseline (always predicting the most frequent token, usually "no event") is reported
for scale: melody windows are mostly held notes.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from vae.losses import kl_per_dim

ACTIVE_KL_NATS = 0.01
ACTIVE_VARIANCE = 0.01


def evaluate_windows(model, windows: np.ndarray, batch_size: int = 256, progress: bool = False) -> dict:
    """Metrics of `model` on token windows [N, steps]; the model's train/eval mode is restored after."""
    cfg = model.config
    windows = np.ascontiguousarray(windows, dtype=np.int64)
    if windows.ndim != 2 or windows.shape[1] != cfg.num_steps or len(windows) == 0:
        raise ValueError(f"expected windows [N>0, {cfg.num_steps}], got {list(windows.shape)}")
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    tf_hits = np.zeros(cfg.num_steps)
    sampled_hits = np.zeros(cfg.num_steps)
    ce_sum, kl_sum, mus = 0.0, torch.zeros(cfg.z_size, dtype=torch.float64), []
    try:
        with torch.no_grad():
            for start in tqdm(range(0, len(windows), batch_size), desc="evaluate", disable=not progress,
                              leave=False):
                tokens = torch.from_numpy(windows[start: start + batch_size]).to(device)
                mu, sigma = model.encode(tokens)
                logits = model.reconstruction_logits(mu, tokens)
                tf_hits += (logits.argmax(-1) == tokens).sum(0).cpu().numpy()
                ce_sum += torch.nn.functional.cross_entropy(logits.flatten(0, 1), tokens.flatten(),
                                                            reduction="sum").item()
                n = len(tokens)
                decoded = model.decode(mu, torch.zeros(n, device=device),
                                       torch.full((n, cfg.num_steps, cfg.num_classes), 0.5, device=device))
                sampled_hits += (decoded == tokens).sum(0).cpu().numpy()
                kl_sum += kl_per_dim(mu, sigma).sum(0).double().cpu()
                mus.append(mu.cpu().numpy())
    finally:
        model.train(was_training)
    return _summarise(windows, tf_hits, sampled_hits, ce_sum, kl_sum.numpy(), np.concatenate(mus), cfg)


def _summarise(windows, tf_hits, sampled_hits, ce_sum, kl_sum, mus, cfg) -> dict:
    n, steps = windows.shape
    kl = kl_sum / n
    counts = np.bincount(windows.ravel(), minlength=cfg.num_classes)
    by_bar = lambda hits: [round(float(x), 5) for x in hits.reshape(cfg.num_bars, -1).sum(1) / (n * cfg.steps_per_bar)]
    return {
        "windows": int(n),
        "steps": int(steps),
        "teacher_forced_accuracy": float(tf_hits.sum() / (n * steps)),
        "sampled_accuracy": float(sampled_hits.sum() / (n * steps)),
        "teacher_forced_accuracy_by_bar": by_bar(tf_hits),
        "sampled_accuracy_by_bar": by_bar(sampled_hits),
        "reconstruction_nats_per_step": float(ce_sum / (n * steps)),
        "majority_baseline_accuracy": float(counts.max() / counts.sum()),
        "kl_total": float(kl.sum()),
        "kl_per_dim": [round(float(x), 6) for x in kl],
        "active_dims": int((kl > ACTIVE_KL_NATS).sum()),
        "active_dims_criterion": f"mean KL per dimension > {ACTIVE_KL_NATS} nats",
        "active_dims_burda": int((mus.var(axis=0) > ACTIVE_VARIANCE).sum()) if n > 1 else 0,
        "z_size": int(cfg.z_size),
        "z": "posterior mean (mu)",
    }


def format_table(metrics: dict, title: str = "") -> str:
    rows = [
        ("windows", f"{metrics['windows']}"),
        ("teacher-forced accuracy", f"{metrics['teacher_forced_accuracy']:.4f}"),
        ("sampled accuracy (argmax, z = mu)", f"{metrics['sampled_accuracy']:.4f}"),
        ("majority-class baseline", f"{metrics['majority_baseline_accuracy']:.4f}"),
        ("reconstruction (nats/step)", f"{metrics['reconstruction_nats_per_step']:.4f}"),
        ("KL total (nats)", f"{metrics['kl_total']:.2f}"),
        ("active dims (KL > 0.01)", f"{metrics['active_dims']} / {metrics['z_size']}"),
        ("active dims (Burda, Var mu > 0.01)", f"{metrics['active_dims_burda']} / {metrics['z_size']}"),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [title] if title else []
    lines += [f"  {k:<{width}}  {v}" for k, v in rows]
    return "\n".join(lines)


def evaluate_checkpoint(checkpoint: str | Path, data_dir: str | Path, split: str = "test",
                        limit: int | None = None, batch_size: int = 256, progress: bool = True) -> dict:
    from vae.checkpoint import load_model
    from vae.shards import load_windows

    model, config, meta = load_model(checkpoint)
    windows = load_windows(data_dir, config.dataset, split)
    if limit is not None and len(windows) > limit:
        windows = windows[np.sort(np.random.default_rng(0).choice(len(windows), size=limit, replace=False))]
    metrics = evaluate_windows(model, windows, batch_size=batch_size, progress=progress)
    metrics.update({"config": config.name, "dataset": config.dataset, "split": split,
                    "checkpoint": meta["path"], "step": meta.get("step")})
    return metrics


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("checkpoint", help="checkpoint directory, or a training run directory (its newest checkpoint)")
    parser.add_argument("--data", required=True, help="data folder written by `musicvae data`")
    parser.add_argument("--split", default="test", choices=("train", "valid", "test"))
    parser.add_argument("--json", help="also write the metrics to this JSON file")
    parser.add_argument("--limit", type=int, help="score a fixed random subset of at most this many windows")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads")


def run(args: argparse.Namespace) -> int:
    torch.set_num_threads(max(1, args.threads))
    try:
        metrics = evaluate_checkpoint(args.checkpoint, args.data, args.split, args.limit, args.batch_size)
    except (FileNotFoundError, ValueError) as exc:
        print(f"musicvae evaluate: error: {exc}", file=sys.stderr)
        return 1
    print(format_table(metrics, f"{metrics['config']} step {metrics['step']} on {metrics['dataset']}/{args.split}"))
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0
