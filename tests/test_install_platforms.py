"""The live install (`pip install .`) resolves to wheels on the five platforms performers use, with exactly one
ONNX Runtime flavour: onnxruntime-gpu where its wheels exist (Linux x86_64, Windows AMD64), onnxruntime
elsewhere. No such machine is needed: pip resolves for a foreign platform with `--platform`.

The resolution test asks PyPI. Wheels are kept under pytest's cache (`.pytest_cache/d/pip-wheels`), so only
the first run downloads them (~600 MB, onnxruntime-gpu alone is 170-255 MB); later runs only read the index.
`pip install --dry-run --report` was measured as no cheaper: pip 23 still fetches each wheel's body.
"""
from __future__ import annotations

import re
import socket
import subprocess
import sys
from itertools import product
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

REPO = Path(__file__).resolve().parent.parent
PYTHON_VERSION = "3.11"
FLAVOURS = {"onnxruntime", "onnxruntime-gpu"}


# name -> (pip's --platform tag, the marker environment of such a machine, the flavour it must get).
# The tags are the newest each platform's onnxruntime wheels need, so each stands for a current machine:
# onnxruntime's Linux aarch64 wheels are manylinux_2_28 (glibc >= 2.28; a manylinux2014 machine, glibc 2.17,
# finds none at >= 1.18), and macOS x86_64 last had wheels in 1.23.2 (macOS >= 13; macOS 11 gets 1.19.2).
PLATFORMS = {
    "macos-arm64": ("macosx_14_0_arm64", {"sys_platform": "darwin", "platform_machine": "arm64"}, "onnxruntime"),
    "macos-x86_64": ("macosx_11_0_x86_64", {"sys_platform": "darwin", "platform_machine": "x86_64"}, "onnxruntime"),
    "linux-aarch64": ("manylinux_2_28_aarch64", {"sys_platform": "linux", "platform_machine": "aarch64"},
                      "onnxruntime"),
    "linux-x86_64": ("manylinux_2_28_x86_64", {"sys_platform": "linux", "platform_machine": "x86_64"},
                     "onnxruntime-gpu"),
    "windows-amd64": ("win_amd64", {"sys_platform": "win32", "platform_machine": "AMD64"}, "onnxruntime-gpu"),
}
SYSTEMS = {"darwin": ("Darwin", "posix"), "linux": ("Linux", "posix"), "win32": ("Windows", "nt")}


def marker_environment(sys_platform: str, platform_machine: str) -> dict[str, str]:
    system, os_name = SYSTEMS[sys_platform]
    return {**default_environment(), "sys_platform": sys_platform, "platform_machine": platform_machine,
            "platform_system": system, "os_name": os_name, "python_version": PYTHON_VERSION,
            "python_full_version": f"{PYTHON_VERSION}.0", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "extra": ""}


def base_requirements(environment: dict[str, str]) -> list[Requirement]:
    """pyproject.toml's base dependencies that apply on a machine with this marker environment."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    requirements = [Requirement(line) for line in pyproject["project"]["dependencies"]]
    return [r for r in requirements if r.marker is None or r.marker.evaluate(environment)]


def flavours(requirements: list[Requirement]) -> set[str]:
    return {canonicalize_name(r.name) for r in requirements} & FLAVOURS


@pytest.mark.parametrize(("sys_platform", "machine"), product(SYSTEMS, ("x86_64", "AMD64", "arm64", "aarch64",
                                                                          "armv7l", "ARM64", "i686")))
def test_markers_choose_exactly_one_onnxruntime(sys_platform, machine):
    """The two markers are complements on every machine, not only on the five below."""
    chosen = flavours(base_requirements(marker_environment(sys_platform, machine)))
    gpu_wheels = (sys_platform, machine) in {("linux", "x86_64"), ("win32", "AMD64")}
    assert chosen == {"onnxruntime-gpu" if gpu_wheels else "onnxruntime"}


@pytest.fixture(scope="module")
def wheel_cache(request, tmp_path_factory) -> Path:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
    except OSError as exc:
        pytest.skip(f"PyPI is unreachable ({exc}): cannot resolve the install for other platforms")
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    return Path(cache.mkdir("pip-wheels")) if cache is not None else tmp_path_factory.mktemp("pip-wheels")


@pytest.mark.parametrize("name", sorted(PLATFORMS))
def test_live_install_resolves_to_wheels(name, wheel_cache):
    tag, machine, flavour = PLATFORMS[name]
    requirements = base_requirements(marker_environment(**machine))
    assert flavours(requirements) == {flavour}
    # Without their markers: pip evaluates markers on this machine, not on the --platform it resolves for.
    unmarked = [f"{r.name}{r.specifier}" for r in requirements]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--platform", tag,
         "--python-version", PYTHON_VERSION, "--disable-pip-version-check", "-d", str(wheel_cache),
         *unmarked],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{name} ({tag}) does not resolve:\n{done.stderr[-2000:]}"
    wheels = {parse_wheel_filename(Path(path).name)[0]: Path(path).name for path in re.findall(
        r"(?:Saved|File was already downloaded) (\S+\.whl)", done.stdout)}
    assert set(wheels) == {canonicalize_name(r.name) for r in requirements}, done.stdout
    assert set(wheels) & FLAVOURS == {flavour}
    print(f"\n{name}: " + ", ".join(sorted(wheels.values())))
