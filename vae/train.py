"""Train a MusicVAE config on a data folder, with checkpoints, validation and exact resume.

Loss: reconstruction cross-entropy (summed over steps) + beta * max(KL - free_nats, 0) per sequence,
beta = beta_max * (1 - beta_rate^step), free_nats = free_bits * ln 2 (Magenta). Adam with exponential
learning-rate decay to a floor, global-norm gradient clipping, inverse-sigmoid scheduled sampling.

Writes OUT/config.json, OUT/metrics.jsonl (validation) and OUT/checkpoints/step-NNNNNNNN/ (safetensors
weights and optimizer state + JSON; the newest few are kept). Every random draw is a function of
(seed, step), so `--resume` continues an interrupted run exactly where it stopped.

CONFIG is a name from vae.configs (e.g. mel_2bar_small) or the path of a config JSON file (as written
into every run). Scale out with DDP: `torchrun --nproc-per-node 2 -m vae.train CONFIG --data ... --out ...`
(gloo on CPU, nccl on GPU; the batch is split across ranks; only rank 0 writes).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from contract.errors import ExitCode, UserError
from vae import distributed, schedules
from vae.augment import recombine_kits
from vae.batches import BatchSchedule
from vae.checkpoint import (checkpoint_dir, list_checkpoints, load_optimizer, prune_checkpoints, read_config,
                            resolve_checkpoint, save_checkpoint, OPTIMIZER_FILE)
from vae.configs import Config, get_config
from vae.evaluate import evaluate_windows
from vae.losses import vae_loss
from vae.model import MusicVAE
from vae.shards import load_windows
from vae.train_options import TrainOptions, add_arguments, options_from  # noqa: F401 - TrainOptions re-exported
from vae.warm_start import warm_start


class NonFiniteLossError(RuntimeError):
    """Training produced a NaN/inf loss or gradient; nothing was saved after the last good checkpoint."""


def load_config(name_or_path: str) -> Config:
    """A registered config name, or a JSON file holding a Config (e.g. a run's config.json)."""
    path = Path(name_or_path)
    if name_or_path.endswith(".json") and path.is_file():
        return Config.from_dict(json.loads(path.read_text()))
    return get_config(name_or_path)


def load_training_data(config: Config, data_dir: str | Path, split: str) -> np.ndarray:
    windows = load_windows(data_dir, config.dataset, split)
    m = config.model
    if windows.shape[1] != m.num_steps:
        raise ValueError(f"{config.dataset}/{split} windows have {windows.shape[1]} steps; config {config.name} "
                         f"expects {m.num_steps}")
    if windows.min() < 0 or windows.max() >= m.num_classes:
        raise ValueError(f"{config.dataset}/{split} holds tokens outside 0..{m.num_classes - 1}")
    return windows


def _threads(options: TrainOptions, world: distributed.World) -> int:
    if options.threads:
        return options.threads
    return max(1, min(2, os.cpu_count() or 1) // world.size)


def _step_seed(seed: int, step: int, rank: int) -> int:
    return int(np.random.SeedSequence([seed, step, rank]).generate_state(1)[0])


class Trainer:
    def __init__(self, config: Config, data_dir: str | Path, out_dir: str | Path, options: TrainOptions,
                 world: distributed.World):
        self.config, self.options, self.world = config, options, world
        self.out = Path(out_dir)
        self.total_steps = options.steps if options.steps is not None else config.train.steps
        self.train_windows = load_training_data(config, data_dir, "train")
        self.valid_windows = self._validation_subset(load_training_data(config, data_dir, "valid"))
        torch.manual_seed(options.seed)  # identical initial weights on every rank
        self.model = MusicVAE(config.model).to(world.device)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=config.train.learning_rate)
        self.step = 0
        self.last_checkpoint: Path | None = None
        self.history: list[dict] = []
        if not self._restore() and config.train.warm_start:
            self._say(warm_start(self.model, config.train.warm_start).summary())
        self.net = self.model
        if world.distributed:
            ids = [world.device.index] if world.device.type == "cuda" else None
            self.net = torch.nn.parallel.DistributedDataParallel(self.model, device_ids=ids)
        self.batches = BatchSchedule(len(self.train_windows), config.train.batch_size, options.seed, world.size,
                                     world.rank)

    def _validation_subset(self, windows: np.ndarray) -> np.ndarray:
        limit = self.config.train.eval_windows
        if len(windows) <= limit:
            return windows
        return windows[np.sort(np.random.default_rng(12345).choice(len(windows), size=limit, replace=False))]

    def _restore(self) -> bool:
        """Resume from the run's newest checkpoint; False when the run is new."""
        existing = list_checkpoints(self.out)
        if not existing:
            return False
        if not self.options.resume:
            raise ValueError(f"{self.out} already holds a training run ({existing[-1].name}); pass --resume to "
                             "continue it or choose another --out")
        ckpt = resolve_checkpoint(self.out)
        saved = read_config(ckpt)
        if saved.name != self.config.name:
            raise ValueError(f"cannot resume: {ckpt} holds config {saved.name!r}, but {self.config.name!r} was asked for")
        if saved.model != self.config.model:
            raise ValueError(f"cannot resume: {ckpt} was trained with different {saved.name} model sizes than the "
                             "config now has; train into a new --out")
        if replace(saved.train, warm_start="") != replace(self.config.train, warm_start=""):  # it only starts a run
            old, new = asdict(saved.train), asdict(self.config.train)
            changed = [f"{name}: {old[name]} -> {new[name]}" for name in old
                       if old[name] != new[name] and name != "warm_start"]
            raise ValueError(f"cannot resume: {ckpt} was trained with other settings ({'; '.join(changed)}); resume "
                             f"with the run's own config: musicvae train {ckpt / 'config.json'} --resume ...")
        from safetensors.torch import load_file
        self.model.load_state_dict(load_file(str(ckpt / "model.safetensors"), device=str(self.world.device)))
        if (ckpt / OPTIMIZER_FILE).exists():
            load_optimizer(self.optimizer, self.model, ckpt / OPTIMIZER_FILE)
        state = json.loads((ckpt / "state.json").read_text())
        self.step = int(state["step"])
        self.history = list(state.get("history", []))
        self.last_checkpoint = ckpt
        self._say(f"resumed from {ckpt} at step {self.step}")
        return True

    # ---------------------------------------------------------------------------------------------- loop

    def run(self) -> dict:
        train = self.config.train
        started = time.monotonic()
        first_step = self.step
        if self.world.is_main:
            self.out.mkdir(parents=True, exist_ok=True)
            (self.out / "config.json").write_text(json.dumps(self.config.to_dict(), indent=2) + "\n")
        bar = tqdm(total=self.total_steps, initial=self.step, desc=self.config.name, dynamic_ncols=True,
                   disable=not (self.world.is_main and self.options.progress),
                   mininterval=1.0 if sys.stderr.isatty() else 30.0)
        smooth: dict[str, float] = {}
        stopped_early = False
        self.net.train()
        while self.step < self.total_steps:
            if self._out_of_time(started):
                stopped_early = True
                break
            terms = self._train_step()
            self.step += 1
            for key, value in terms.items():
                smooth[key] = value if key not in smooth else 0.95 * smooth[key] + 0.05 * value
            bar.update(1)
            if self.step % 10 == 0 or self.step == self.total_steps:
                bar.set_postfix({k: f"{v:.3g}" for k, v in smooth.items()}, refresh=False)
            if self.step % train.eval_every == 0:
                self._validate(smooth, bar)
            if self.step % train.checkpoint_every == 0:
                self._checkpoint()
        bar.close()
        elapsed = time.monotonic() - started
        if not self.history or self.history[-1]["step"] != self.step:
            self._validate(smooth, None)
        if self.last_checkpoint is None or not self.last_checkpoint.name.endswith(f"{self.step:08d}"):
            self._checkpoint()
        steps_done = self.step - first_step
        summary = {"config": self.config.name, "step": self.step, "steps_this_run": steps_done,
                   "seconds": round(elapsed, 1), "steps_per_second": round(steps_done / max(elapsed, 1e-9), 3),
                   "stopped_by_time_budget": stopped_early, "world_size": self.world.size,
                   "validation": self.history[-1] if self.history else None,
                   "checkpoint": str(self.last_checkpoint) if self.last_checkpoint else None}
        summary["rank_weights"] = distributed.gather_strings(self.world, distributed.weights_digest(self.model))
        if self.world.is_main:
            (self.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
            self._say(f"done: step {self.step}, {summary['steps_per_second']} steps/s; checkpoint {self.last_checkpoint}")
        return summary

    def _out_of_time(self, started: float) -> bool:
        budget = self.options.max_minutes
        if budget is None:
            return False
        # Ranks must agree, or one would wait forever for the other's gradients.
        return distributed.any_rank(self.world, time.monotonic() - started > budget * 60)

    def _train_step(self) -> dict[str, float]:
        train, step = self.config.train, self.step
        lr = schedules.learning_rate(step, train)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        seed = _step_seed(self.options.seed, step, self.world.rank)
        torch.manual_seed(seed)  # dropout, if any
        generator = torch.Generator(device=self.world.device).manual_seed(seed)
        position = self.batches.position(step)
        tokens = torch.from_numpy(self.train_windows[position.indices]).to(self.world.device)
        if train.drum_recombine:
            tokens = recombine_kits(tokens, train.drum_recombine, generator)
        p = schedules.sampling_probability(step, train)
        beta = schedules.beta(step, train)
        logits, mu, sigma = self.net(tokens, p, generator, train.word_dropout)
        terms = vae_loss(logits, tokens, mu, sigma, beta, schedules.free_nats(train))
        self.optimizer.zero_grad(set_to_none=True)
        terms.loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), train.grad_clip)
        loss = terms.loss.item()
        if not (math.isfinite(loss) and math.isfinite(norm.item())):
            raise NonFiniteLossError(
                f"non-finite {'loss' if not math.isfinite(loss) else 'gradient'} at step {step} (epoch "
                f"{position.epoch}, batch {position.batch} of the epoch, rank {self.world.rank}, windows "
                f"{position.indices[:8].tolist()}{'...' if len(position.indices) > 8 else ''}): loss {loss}, "
                f"gradient norm {norm.item()}. Stopped without saving; last good checkpoint: "
                f"{self.last_checkpoint or 'none'}")
        self.optimizer.step()
        return {"loss": loss, "rec": terms.reconstruction.item(), "kl": terms.kl.item(),
                "acc": terms.accuracy.item(), "beta": beta, "p": p, "lr": lr}

    def _validate(self, smooth: dict, bar) -> None:
        if not self.world.is_main:
            return
        metrics = evaluate_windows(self.model, self.valid_windows)
        record = {"step": self.step, "time": time.strftime("%H:%M:%S"),
                  "train": {k: round(v, 5) for k, v in smooth.items()},
                  "valid": {k: metrics[k] for k in ("teacher_forced_accuracy", "sampled_accuracy", "kl_total",
                                                    "active_dims", "reconstruction_nats_per_step",
                                                    "shuffled_z_sampled_accuracy", "z_use_drop",
                                                    "active_dims_burda", "prior_distinct_decodes")}}
        self.history.append(record)
        with open(self.out / "metrics.jsonl", "a") as f:
            f.write(json.dumps(record) + "\n")
        v = record["valid"]
        line = (f"step {self.step}: valid teacher-forced {v['teacher_forced_accuracy']:.4f}, sampled "
                f"{v['sampled_accuracy']:.4f} (z shuffled {v['shuffled_z_sampled_accuracy']:.4f}), KL "
                f"{v['kl_total']:.1f}, active dims {v['active_dims']} (Burda {v['active_dims_burda']}), "
                f"distinct prior decodes {v['prior_distinct_decodes']}")
        (bar.write if bar is not None else self._say)(line)

    def _checkpoint(self) -> None:
        if not self.world.is_main:
            return
        extra = {"seed": self.options.seed, "world_size": self.world.size, "history": self.history[-50:],
                 "validation": self.history[-1]["valid"] if self.history else None}
        self.last_checkpoint = save_checkpoint(checkpoint_dir(self.out, self.step), self.model, self.config,
                                               self.step, self.optimizer, extra)
        prune_checkpoints(self.out, self.config.train.keep_checkpoints)

    def _say(self, message: str) -> None:
        if self.world.is_main:
            print(f"[train {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def train(config: Config, data_dir: str | Path, out_dir: str | Path, options: TrainOptions = TrainOptions()) -> dict:
    """Train (or resume) a run; returns its summary. Works single-process or under torchrun."""
    world = distributed.setup(options.device)
    try:
        torch.set_num_threads(_threads(options, world))
        return Trainer(config, data_dir, out_dir, options, world).run()
    finally:
        distributed.teardown(world)


# -------------------------------------------------------------------------------------------------- CLI


def run(args: argparse.Namespace) -> None:
    """`musicvae train` (arguments: vae/train_options.py)."""
    try:
        train(load_config(args.config), args.data, args.out, options_from(args))
    except (FileNotFoundError, ValueError, NonFiniteLossError) as exc:
        raise UserError(exc) from exc


def main(argv: list[str] | None = None) -> int:
    """`python -m vae.train`, as torchrun launches each rank."""
    parser = argparse.ArgumentParser(prog="python -m vae.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    try:
        run(parser.parse_args(argv))
    except UserError as exc:
        print(f"python -m vae.train: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
