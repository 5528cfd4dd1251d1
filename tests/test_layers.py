"""The packages' layering, read from every module's imports (ast, so imports inside functions and under
TYPE_CHECKING count too): contract at the bottom, each package importing only the floors below it.

A package may import itself and the packages listed for it, nothing else: a back-arrow (export importing
server, server importing vae, contract importing anything of ours) fails here with the file and line.
"""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# package -> the packages of ours it may import (besides itself)
LAYERS: dict[str, set[str]] = {
    "contract": set(),  # codec, bundle format, graph names, noise: what exporter and server agree on
    "vae": {"contract"},  # training (torch)
    "export": {"contract", "vae"},  # checkpoint -> bundle
    "importer": {"contract", "vae", "export"},  # published Magenta checkpoints -> our model
    "server": {"contract"},  # the live side: never the training stack, never the exporter
    "analysis": {"contract", "vae", "server"},  # studies of a finished bundle through the live engine
    "bench": {"contract", "vae", "export", "importer", "server"},  # --paper-size builds and quantizes decoders
    "musicvae": {"contract", "vae", "export", "importer", "server", "analysis", "bench"},  # the command line
}


def packages(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "__init__.py").exists() and p.name != "tests")


def imported_packages(source: str) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def violations(root: Path) -> list[str]:
    """'file:line: package imports other' for each import across the layering."""
    ours = set(packages(root))
    problems = []
    for package in sorted(ours):
        allowed = LAYERS.get(package, set()) | {package}
        for path in sorted((root / package).rglob("*.py")):
            for line, imported in imported_packages(path.read_text(encoding="utf-8")):
                if imported in ours and imported not in allowed:
                    problems.append(f"{path.relative_to(root)}:{line}: {package} imports {imported}")
    return problems


def test_every_package_has_a_layer():
    missing = [p for p in packages(REPO) if p not in LAYERS]
    assert not missing, f"declare the layer of {missing} in tests/test_layers.py LAYERS"


def test_the_layers_have_no_cycle():
    done: set[str] = set()

    def visit(package: str, path: tuple[str, ...]) -> None:
        assert package not in path, f"LAYERS has a cycle: {' -> '.join(path + (package,))}"
        if package not in done:
            for below in LAYERS[package]:
                visit(below, path + (package,))
            done.add(package)

    for package in LAYERS:
        visit(package, ())


def test_no_module_imports_against_the_layering():
    problems = violations(REPO)
    assert not problems, "imports against the layering:\n" + "\n".join(problems)


def test_a_back_arrow_is_caught(tmp_path):
    """The checker bites: a server module importing vae, and contract importing server, are both reported;
    relative imports and imports of other projects are not ours to judge."""
    for package, source in {
        "contract": "from server.engine import Engine\n",
        "server": "import numpy\nfrom . import wire\n\ndef f():\n    from vae.model import MusicVAE\n",
        "vae": "from contract.codec import Note\n",
    }.items():
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "mod.py").write_text(source)
    assert violations(tmp_path) == ["contract/mod.py:1: contract imports server", "server/mod.py:5: server imports vae"]
