"""Write MIDI files a person can listen to, and piano-roll PNGs of the same, from a model bundle:

  samples/         draws from the prior (z ~ N(0, I)), decoded at --temperature
  reconstructions/ test windows next to the model's reconstruction of them (needs --data)
  interpolation    A -> B in 9 steps along the great circle (slerp), one MIDI file, bar after bar

A drum bundle writes its MIDI on channel 10 (General MIDI drums) and draws drum grids instead of piano
rolls: one row per drum class (kick at the bottom), one column per 16th step.

Example:
  musicvae examples models/mel_2bar_small --data data --out examples/mel_2bar_small
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from contract.codec import DEFAULT_BPM, DRUM_CLASS_NAMES, DRUM_PITCH_TO_CLASS, Note, write_midi
from contract.errors import UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, help="model bundle folder")
    parser.add_argument("--out", type=Path, required=True, help="folder to write MIDI and PNG files into")
    parser.add_argument("--data", type=Path, default=None,
                        help="data folder: reconstructions and interpolation endpoints come from its test split "
                             "(without it, endpoints are prior samples and reconstructions are skipped)")
    parser.add_argument("--samples", type=int, default=8, help="prior samples to write")
    parser.add_argument("--reconstructions", type=int, default=4, help="test windows to reconstruct")
    parser.add_argument("--steps", type=int, default=9, help="interpolation steps from A to B, both included")
    parser.add_argument("--temperature", type=float, default=0.5, help="sampling temperature for prior samples")
    parser.add_argument("--bpm", type=float, default=DEFAULT_BPM, help="tempo of the MIDI files (default %(default)g)")
    parser.add_argument("--seed", type=int, default=0)


def run(args: argparse.Namespace) -> int:
    from contract.bundle import BundleError
    from server.engine import Engine, EngineOptions

    try:
        engine = Engine(args.bundle, EngineOptions(provider="cpu", warmup=1))
        test = _test_windows(args.data, engine) if args.data else None
    except (BundleError, FileNotFoundError, ValueError) as exc:
        raise UserError(exc) from exc
    writer = ExampleWriter(engine, args.out, args.bpm)
    rng = np.random.default_rng(args.seed)
    writer.samples(args.samples, args.temperature, rng)
    if test is not None:
        writer.reconstructions(test[rng.choice(len(test), size=min(args.reconstructions, len(test)), replace=False)])
        ends = engine.encode_tokens(test[rng.choice(len(test), size=2, replace=False)])
    else:
        ends = rng.normal(size=(2, engine.z_size)).astype(np.float32)
    writer.interpolation(ends[0], ends[1], args.steps)
    print(f"wrote {len(writer.written)} files under {args.out}")
    return 0


def _test_windows(data: Path, engine) -> np.ndarray:
    from vae.shards import load_windows

    windows = load_windows(data, engine.bundle.manifest["config"]["dataset"], "test")
    return windows[(windows > 0).sum(axis=1) >= 4]  # something to listen to, not a lone note


class ExampleWriter:
    def __init__(self, engine, out: Path, bpm: float):
        self.engine, self.out, self.bpm = engine, Path(out), bpm
        self.drums = engine.bundle.codec == "drums"
        self.written: list[Path] = []

    def samples(self, n: int, temperature: float, rng: np.random.Generator) -> None:
        z = rng.normal(size=(n, self.engine.z_size)).astype(np.float32)
        for i, tokens in enumerate(self.engine.decode_batch(z, temperature, seed=int(rng.integers(2**31)))):
            self._write(f"samples/sample_{i:02d}", [("sample", self._notes(tokens))])

    def reconstructions(self, windows: np.ndarray) -> None:
        decoded = self.engine.decode_batch(self.engine.encode_tokens(windows), 0.0)
        for i, (original, rebuilt) in enumerate(zip(windows, decoded)):
            original_notes, rebuilt_notes = self._notes(original), self._notes(rebuilt)
            self._write(f"reconstructions/{i:02d}_original", [("original", original_notes)])
            self._write(f"reconstructions/{i:02d}_reconstruction", [("reconstruction", rebuilt_notes)],
                        png_rolls=[("original", original_notes), ("reconstruction", rebuilt_notes)])

    def interpolation(self, z_a: np.ndarray, z_b: np.ndarray, steps: int) -> None:
        from server.latent import slerp

        alphas = np.linspace(0.0, 1.0, steps)
        z = np.stack([slerp(z_a, z_b, float(a)) for a in alphas]).astype(np.float32)
        rolls = [(f"α={a:.3g}", self._notes(t)) for a, t in zip(alphas, self.engine.decode_batch(z, 0.0))]
        length = self.engine.bundle.length_beats
        joined = [_shift(n, i * length) for i, (_, notes) in enumerate(rolls) for n in notes]
        self._write("interpolation", [("A→B", joined)], png_rolls=rolls)

    def _notes(self, tokens: np.ndarray) -> list[Note]:
        return self.engine.codec.decode(np.asarray(tokens))

    def _write(self, stem: str, rolls: list[tuple[str, list[Note]]], png_rolls=None) -> None:
        midi = self.out / f"{stem}.mid"
        midi.parent.mkdir(parents=True, exist_ok=True)
        write_midi(midi, rolls[0][1], bpm=self.bpm, drums=self.drums)
        self.written.append(midi)
        draw = drum_grid_png if self.drums else piano_roll_png
        png = draw(self.out / f"{stem}.png", png_rolls or rolls, self.engine.bundle.length_beats)
        if png:
            self.written.append(png)


def _shift(note: Note, beats: float) -> Note:
    return Note(start=note.start + beats, pitch=note.pitch, velocity=note.velocity, duration=note.duration)


def piano_roll_png(path: Path, rolls: list[tuple[str, list[Note]]], length_beats: float) -> Path | None:
    """One piano-roll panel per (title, notes), side by side; None without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import Rectangle
    except ImportError:
        return None
    pitches = [n.pitch for _, notes in rolls for n in notes] or [60]
    low, high = min(pitches) - 2, max(pitches) + 2
    fig, axes = plt.subplots(1, len(rolls), figsize=(min(2.2 * len(rolls) + 2, 24), 3), sharey=True, squeeze=False)
    for ax, (title, notes) in zip(axes[0], rolls):
        for n in notes:
            ax.add_patch(Rectangle((n.start, n.pitch - 0.4), n.duration, 0.8, color="tab:blue"))
        span = max(length_beats, max((n.start + n.duration for n in notes), default=0))
        ax.set_xlim(0, span)
        ax.set_ylim(low, high)
        for bar in np.arange(0, span + 1e-9, 4):
            ax.axvline(bar, color="0.8", lw=0.6, zorder=0)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("beats")
    axes[0][0].set_ylabel("MIDI pitch")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def drum_grid_png(path: Path, rolls: list[tuple[str, list[Note]]], length_beats: float) -> Path | None:
    """One drum grid per (title, notes), side by side: a row per drum class, a cell per 16th step hit;
    None without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import Rectangle
    except ImportError:
        return None
    rows = len(DRUM_CLASS_NAMES)
    fig, axes = plt.subplots(1, len(rolls), figsize=(min(2.6 * len(rolls) + 2, 24), 3), sharey=True, squeeze=False)
    for ax, (title, notes) in zip(axes[0], rolls):
        span = max(length_beats, max((n.start + 0.25 for n in notes), default=0))
        for n in notes:
            row = DRUM_PITCH_TO_CLASS.get(n.pitch)
            if row is not None:
                ax.add_patch(Rectangle((n.start, row - 0.4), 0.25, 0.8, color="tab:red"))
        ax.set_xlim(0, span)
        ax.set_ylim(-0.6, rows - 0.4)
        for beat in np.arange(0, span + 1e-9, 1):
            ax.axvline(beat, color="0.6" if beat % 4 == 0 else "0.88", lw=0.6, zorder=0)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("beats")
    axes[0][0].set_yticks(range(rows), [name.replace("_", " ") for name in DRUM_CLASS_NAMES], fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
