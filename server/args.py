"""Checking OSC arguments: every numeric argument accepts int or float (Pd sends only floats), nothing
non-finite gets through, and each failure is an `ArgumentError` whose text becomes the /error reason."""
from __future__ import annotations

import math
import re

from server.addresses import SLOTS

# Latent values and attribute amounts beyond this are refused: float32 would overflow downstream.
MAX_MAGNITUDE = 1e4
PRESET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}$")


class ArgumentError(ValueError):
    """An argument the address cannot take; the message is sent back as /error's reason."""


def number(value, what: str, low: float | None = None, high: float | None = None) -> float:
    """A finite int or float as a Python float, optionally within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ArgumentError(f"{what} must be a number, got {_kind(value)}")
    result = float(value)
    if not math.isfinite(result):
        raise ArgumentError(f"{what} must be finite, got {result}")
    if (low is not None and result < low) or (high is not None and result > high):
        raise ArgumentError(f"{what} must be in [{_num(low)}, {_num(high)}], got {_num(result)}")
    return result


def whole(value, what: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number given as int or as an integral float (Pd sends 3 as 3.0)."""
    result = number(value, what)
    if not result.is_integer():
        raise ArgumentError(f"{what} must be a whole number, got {_num(result)}")
    result = int(result)
    if (low is not None and result < low) or (high is not None and result > high):
        raise ArgumentError(f"{what} must be in [{_num(low)}, {_num(high)}], got {result}")
    return result


def text(value, what: str) -> str:
    if not isinstance(value, str):
        raise ArgumentError(f"{what} must be a symbol (string), got {_kind(value)}")
    return value


def choice(value, what: str, allowed: tuple[str, ...]) -> str:
    name = text(value, what)
    if name not in allowed:
        raise ArgumentError(f"unknown {what} {name!r}; {what}s are {', '.join(allowed)}")
    return name


def slot(value) -> str:
    return choice(value, "slot", SLOTS)


def preset_name(value) -> str:
    """A safe preset name. Pd sends a numeric symbol as a float, so 3.0 names the preset '3'."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        name = str(whole(value, "preset name", 0))
    else:
        name = text(value, "preset name")
    if not PRESET_NAME.match(name) or ".." in name:
        raise ArgumentError("preset name must be 1-64 letters, digits, spaces, '_', '-' or '.', starting "
                            "with a letter or digit (no path separators)")
    return name


def count(args: list, low: int, high: int | None, address: str, signature: str) -> None:
    if len(args) < low or (high is not None and len(args) > high):
        expected = f"{low}" if high == low else f"{low}..{high}" if high is not None else f"at least {low}"
        raise ArgumentError(f"expects {expected} argument(s) ({signature or 'none'}), got {len(args)}")


def _kind(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "a blob"
    if isinstance(value, bool):
        return "a boolean"
    return f"{type(value).__name__} {value!r}"[:60]


def _num(value) -> str:
    if value is None:
        return "..."
    return f"{value:g}" if isinstance(value, float) else str(value)
