"""Which bundle `serve` plays when none is named: the shipped default, found in the repository or the
working folder, or a clear BundleError saying how to build it."""
from __future__ import annotations

from pathlib import Path

from contract.bundle import MANIFEST_FILE, BundleError

DEFAULT_MODEL = "mel_2bar_small"  # the shipped default bundle, under <repo>/models/


def default_model_dirs() -> list[Path]:
    """Where the shipped default bundle may be: the repository (editable install) and the working dir."""
    repo = Path(__file__).resolve().parent.parent
    candidates = [repo / "models" / DEFAULT_MODEL, Path.cwd() / "models" / DEFAULT_MODEL]
    unique: list[Path] = []
    for c in candidates:
        if c not in unique:
            unique.append(c)
    return unique


def resolve_model_dir(model: str | Path | None) -> Path:
    """The bundle folder to serve: `model` if given, else the first shipped default that exists."""
    if model is not None:
        path = Path(model).expanduser()
        if not path.exists():
            raise BundleError(f"model bundle {path} does not exist; pass --model DIR, a folder holding "
                              f"manifest.json, encoder.onnx and decoder.onnx (written by `musicvae export`)")
        return path
    for candidate in default_model_dirs():
        if (candidate / MANIFEST_FILE).exists():
            return candidate
    looked = ", ".join(str(c) for c in default_model_dirs())
    raise BundleError(
        f"the default model bundle models/{DEFAULT_MODEL} does not exist yet (looked in: {looked}). "
        f"Build it with `musicvae recipe` (or `musicvae export`), or point the server at another bundle "
        f"with --model DIR (a folder holding manifest.json, encoder.onnx and decoder.onnx)."
    )
