"""The one error the importer raises: a source it cannot read or a model it cannot represent, with the reason."""
from __future__ import annotations


class CheckpointError(ValueError):
    """A checkpoint that cannot be imported; the message says what is wrong and, where it can, what to do."""
