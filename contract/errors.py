"""What a command tells the person who ran it: one `UserError` and one set of exit codes for every `musicvae`
subcommand. It sits in contract, the bottom floor, because every package's command raises it
(tests/test_layers.py); it imports nothing.

A `UserError` is a problem its reader can fix (a missing file, a bad value, a busy port): `musicvae` prints
its message after the subcommand's name, without a traceback, and exits with ExitCode.ERROR.
"""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # a UserError
    USAGE = 2  # argparse's own: an unknown option or subcommand, a missing argument
    MISSING_EXTRA = 3  # the subcommand needs an optional extra (e.g. the training stack) that is not installed
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as a shell reports it


class UserError(Exception):
    """A problem the user can fix; the message says what is wrong and, where it can, what to do."""
