"""Score a checkpoint on a data split: reconstruction accuracy (the paper's Table 1), KL and active latents.

Every window is encoded to z = mu (the posterior mean, so the numbers are deterministic), then
  teacher-forced accuracy: per-step argmax accuracy with the true previous token as each step's input;
  sampled accuracy: the decoder runs free, fed its own argmax outputs (temperature 0), and the whole
    decoded sequence is compared step by step with the input;
  KL per dimension: KL(q(z|x) || N(0, 1)) averaged over windows, in nats;
  active dimensions: dimensions whose mean KL exceeds 0.01 nats (a dimension the encoder ignores has KL
    ~ 0: posterior collapse); also Burda et al.'s (2016) activity Var_x(E_q[z_d]) > 0.01, reported beside;
  shuffled-z sampled accuracy: the same free-running decode, but each window decoded from another
    window's mu (a fixed derangement of the batch). A decoder that reads z falls sharply; a collapsed one,
    which plays the same thing whatever z says, does not move. `z_use_drop` is the difference;
  prior distinct decodes: how many of 64 latents drawn from N(0, I) (fixed seed) decode to different
    sequences at temperature 0 (a collapsed model answers a handful).
The majority-class baseline (always predicting the most frequent token, usually "no event") is reported
for scale: melody windows are mostly held notes.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from contract.errors import UserError
from vae.losses import kl_per_dim

ACTIVE_KL_NATS = 0.01
ACTIVE_VARIANCE = 0.01
PRIOR_SAMPLES = 64
PRIOR_SEED = 1234
SHUFFLE_SEED = 4321
# A model whose sampled accuracy falls by less than this when z is shuffled does not use its latent.
COLLAPSE_DROP = 0.02


def derangement(n: int, seed: int = SHUFFLE_SEED) -> np.ndarray:
    """A fixed permutation of range(n) with no fixed point (n > 1): every window gets another one's z."""
    if n < 2:
        return np.arange(n)
    order = np.random.default_rng(seed).permutation(n)
    return np.roll(order, 1)[np.argsort(order)]


def _greedy(model, z: torch.Tensor) -> torch.Tensor:
    cfg, n = model.config, len(z)
    return model.decode(z, torch.zeros(n, device=z.device),
                        torch.full((n, cfg.num_steps, cfg.num_classes), 0.5, device=z.device))


def prior_distinct_decodes(model, samples: int = PRIOR_SAMPLES, seed: int = PRIOR_SEED) -> int:
    """How many of `samples` prior latents z ~ N(0, I) decode (temperature 0) to distinct sequences."""
    device = next(model.parameters()).device
    z = torch.from_numpy(np.random.default_rng(seed).standard_normal((samples, model.config.z_size))).float()
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            decoded = _greedy(model, z.to(device)).cpu().numpy()
    finally:
        model.train(was_training)
    return len({row.tobytes() for row in decoded})


def evaluate_windows(model, windows: np.ndarray, batch_size: int = 256, progress: bool = False,
                     groups: np.ndarray | None = None) -> dict:
    """Metrics of `model` on token windows [N, steps]; the model's train/eval mode is restored after.

    groups: an optional name per window (e.g. its collection): sampled accuracy is also reported per group.
    """
    cfg = model.config
    windows = np.ascontiguousarray(windows, dtype=np.int64)
    if windows.ndim != 2 or windows.shape[1] != cfg.num_steps or len(windows) == 0:
        raise ValueError(f"expected windows [N>0, {cfg.num_steps}], got {list(windows.shape)}")
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    tf_hits = np.zeros(cfg.num_steps)
    window_hits, shuffled_hits = [], []
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
                window_hits.append((_greedy(model, mu) == tokens).cpu().numpy())
                kl_sum += kl_per_dim(mu, sigma).sum(0).double().cpu()
                mus.append(mu.cpu().numpy())
            mus = np.concatenate(mus)
            # Shuffle across the whole set, not within a batch, so the last small batch is no special case.
            shuffled = torch.from_numpy(mus[derangement(len(mus))]).to(device)
            for start in range(0, len(windows), batch_size):
                tokens = torch.from_numpy(windows[start: start + batch_size]).to(device)
                shuffled_hits.append((_greedy(model, shuffled[start: start + batch_size]) == tokens).cpu().numpy())
            distinct = prior_distinct_decodes(model)
    finally:
        model.train(was_training)
    metrics = _summarise(windows, tf_hits, np.concatenate(window_hits), np.concatenate(shuffled_hits), ce_sum,
                         kl_sum.numpy(), mus, cfg)
    metrics["prior_distinct_decodes"] = distinct
    metrics["prior_samples"] = PRIOR_SAMPLES
    if groups is not None:
        metrics["sampled_accuracy_by_group"] = _by_group(np.concatenate(window_hits), np.asarray(groups))
    return metrics


def _by_group(window_hits: np.ndarray, groups: np.ndarray) -> dict:
    """group -> {windows, sampled_accuracy}, for windows [N, steps] of booleans."""
    if len(groups) != len(window_hits):
        raise ValueError(f"{len(groups)} group names for {len(window_hits)} windows")
    return {str(g): {"windows": int((groups == g).sum()),
                     "sampled_accuracy": round(float(window_hits[groups == g].mean()), 5)}
            for g in sorted(set(groups.tolist()))}


def _summarise(windows, tf_hits, window_hits, shuffled_hits, ce_sum, kl_sum, mus, cfg) -> dict:
    n, steps = windows.shape
    sampled_hits = window_hits.sum(0)
    sampled, shuffled = float(window_hits.mean()), float(shuffled_hits.mean())
    kl = kl_sum / n
    counts = np.bincount(windows.ravel(), minlength=cfg.num_classes)
    by_bar = lambda hits: [round(float(x), 5) for x in hits.reshape(cfg.num_bars, -1).sum(1) / (n * cfg.steps_per_bar)]
    return {
        "windows": int(n),
        "steps": int(steps),
        "teacher_forced_accuracy": float(tf_hits.sum() / (n * steps)),
        "sampled_accuracy": sampled,
        "shuffled_z_sampled_accuracy": shuffled,
        "z_use_drop": sampled - shuffled,
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
        ("sampled accuracy, z shuffled", f"{metrics['shuffled_z_sampled_accuracy']:.4f}"),
        ("z-use drop (sampled - shuffled)", f"{metrics['z_use_drop']:+.4f}"),
        ("majority-class baseline", f"{metrics['majority_baseline_accuracy']:.4f}"),
        ("reconstruction (nats/step)", f"{metrics['reconstruction_nats_per_step']:.4f}"),
        ("KL total (nats)", f"{metrics['kl_total']:.2f}"),
        ("active dims (KL > 0.01)", f"{metrics['active_dims']} / {metrics['z_size']}"),
        ("active dims (Burda, Var mu > 0.01)", f"{metrics['active_dims_burda']} / {metrics['z_size']}"),
        ("distinct decodes of prior samples", f"{metrics['prior_distinct_decodes']} / {metrics['prior_samples']}"),
    ]
    rows += [(f"  sampled accuracy, {name}", f"{g['sampled_accuracy']:.4f} ({g['windows']} windows)")
             for name, g in metrics.get("sampled_accuracy_by_group", {}).items()]
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
    collections = window_collections(data_dir, config.dataset, split)
    if limit is not None and len(windows) > limit:
        keep = np.sort(np.random.default_rng(0).choice(len(windows), size=limit, replace=False))
        windows, collections = windows[keep], collections[keep]
    metrics = evaluate_windows(model, windows, batch_size=batch_size, progress=progress, groups=collections)
    metrics.update({"config": config.name, "dataset": config.dataset, "split": split,
                    "checkpoint": meta["path"], "step": meta.get("step")})
    return metrics


def window_collections(data_dir: str | Path, dataset: str, split: str) -> np.ndarray:
    """The collection name (e.g. essenFolksong, bach) of every window of a split, in load_windows order."""
    from vae.shards import load_pieces

    pieces = json.loads((Path(data_dir) / "pieces.json").read_text())
    names = np.array([p["collection"] for p in sorted(pieces, key=lambda p: p["index"])])
    return names[load_pieces(data_dir, dataset, split)]


def run(args: argparse.Namespace) -> int:
    """`musicvae evaluate` (arguments: vae/evaluate_args.py)."""
    torch.set_num_threads(max(1, args.threads))
    try:
        metrics = evaluate_checkpoint(args.checkpoint, args.data, args.split, args.limit, args.batch_size)
    except (FileNotFoundError, ValueError) as exc:
        raise UserError(exc) from exc
    print(format_table(metrics, f"{metrics['config']} step {metrics['step']} on {metrics['dataset']}/{args.split}"))
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0
