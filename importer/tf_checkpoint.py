"""A TensorFlow V2 checkpoint (`PREFIX.index` + `PREFIX.data-00000-of-0000N`), read with numpy alone.

The index is a LevelDB-style SSTable: a 48-byte footer points at the index block, whose entries point at
the data blocks; each data block holds prefix-compressed (key, value) entries. The key "" carries a
BundleHeaderProto (shard count, endianness); every other key is a tensor name whose value is a
BundleEntryProto: dtype, shape, shard, offset and size of the tensor's raw bytes in the data shard.
TensorFlow writes this index uncompressed; a compressed block or a partitioned (sliced) variable is
refused. Magenta's training-only tensors (optimizer slots, beta powers, global_step) are left out.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from importer.errors import CheckpointError

TABLE_MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
BLOCK_TRAILER_SIZE = 5  # compression type byte + masked crc32c, after every block
NO_COMPRESSION = 0
# tensorflow/core/framework/types.proto enum values -> numpy
TF_DTYPES = {1: np.float32, 2: np.float64, 3: np.int32, 4: np.uint8, 5: np.int16, 6: np.int8, 9: np.int64,
             10: np.bool_, 19: np.float16}
TRAINING_ONLY = re.compile(r"(^|/)(Adam(_\d+)?|Momentum)$|^beta[12]_power|^global_step$")


@dataclass
class TensorEntry:
    dtype: int
    shape: tuple[int, ...]
    shard: int
    offset: int
    size: int


def index_path(prefix: str | Path) -> Path:
    prefix = Path(prefix)
    return prefix if prefix.suffix == ".index" else Path(f"{prefix}.index")


def is_tf_checkpoint(path: str | Path) -> bool:
    return index_path(path).is_file()


def read_tf_checkpoint(prefix: str | Path, keep_training_tensors: bool = False) -> dict[str, np.ndarray]:
    """All tensors of a V2 checkpoint by name (the model's weights only unless `keep_training_tensors`)."""
    index = index_path(prefix)
    prefix = Path(str(index)[: -len(".index")])
    if not index.is_file():
        raise CheckpointError(f"{index} does not exist: give a TensorFlow checkpoint prefix (PREFIX.index and "
                              f"PREFIX.data-00000-of-00001 beside it), a .tar of one, or a magenta.js folder")
    entries, num_shards = read_index(index)
    tensors = {}
    shards: dict[int, bytes] = {}
    for name, entry in entries.items():
        if not keep_training_tensors and TRAINING_ONLY.search(name):
            continue
        if entry.shard not in shards:
            shards[entry.shard] = _read_shard(prefix, entry.shard, num_shards)
        tensors[name] = _tensor(name, entry, shards[entry.shard])
    return tensors


def read_index(index: Path) -> tuple[dict[str, TensorEntry], int]:
    data = index.read_bytes()
    if len(data) < FOOTER_SIZE:
        raise CheckpointError(f"{index}: {len(data)} bytes, too short for a checkpoint index (truncated?)")
    footer = data[-FOOTER_SIZE:]
    low, high = struct.unpack("<II", footer[-8:])
    if (high << 32 | low) != TABLE_MAGIC:
        raise CheckpointError(f"{index} is not a TensorFlow V2 checkpoint index (bad table magic)")
    _, pos = _block_handle(footer, 0)  # the metaindex block: unused by tensor bundles
    index_block, _ = _block_handle(footer, pos)
    entries: dict[str, TensorEntry] = {}
    num_shards = 1
    for _, handle in _block_entries(_block(data, index_block, index)):
        for key, value in _block_entries(_block(data, _block_handle(handle, 0)[0], index)):
            name = key.decode("utf-8")
            if name == "":
                num_shards, big_endian = _header(value)
                if big_endian:
                    raise CheckpointError(f"{index}: a big-endian checkpoint; only little-endian ones are read")
            else:
                entries[name] = _entry(name, value, index)
    return entries, num_shards


# ------------------------------------------------------------------------------------------- the table


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result, shift = 0, 0
    while True:
        if pos >= len(data):
            raise CheckpointError("checkpoint index: a varint runs past the end of its block (corrupt index)")
        byte = data[pos]
        result |= (byte & 0x7F) << shift
        pos += 1
        if byte < 0x80:
            return result, pos
        shift += 7


def _block_handle(data: bytes, pos: int) -> tuple[tuple[int, int], int]:
    offset, pos = _varint(data, pos)
    size, pos = _varint(data, pos)
    return (offset, size), pos


def _block(data: bytes, handle: tuple[int, int], index: Path) -> bytes:
    offset, size = handle
    if offset + size + BLOCK_TRAILER_SIZE > len(data):
        raise CheckpointError(f"{index}: a block runs past the end of the file (truncated index)")
    if data[offset + size] != NO_COMPRESSION:
        raise CheckpointError(f"{index}: compressed index blocks are not supported (TensorFlow writes none)")
    return data[offset: offset + size]


def _block_entries(block: bytes):
    """Yield (key, value) of a block: each key shares a prefix with the previous one."""
    num_restarts = struct.unpack("<I", block[-4:])[0]
    end = len(block) - 4 * (num_restarts + 1)
    pos, key = 0, b""
    while pos < end:
        shared, pos = _varint(block, pos)
        unshared, pos = _varint(block, pos)
        value_size, pos = _varint(block, pos)
        key = key[:shared] + block[pos: pos + unshared]
        pos += unshared
        yield key, block[pos: pos + value_size]
        pos += value_size


# ------------------------------------------------------------------------------------------- protobufs


def _fields(message: bytes):
    """Yield (field number, wire type, value) of a protobuf message: varints as ints, the rest as bytes."""
    pos = 0
    while pos < len(message):
        tag, pos = _varint(message, pos)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            value, pos = _varint(message, pos)
        elif wire == 1:
            value, pos = message[pos: pos + 8], pos + 8
        elif wire == 2:
            size, pos = _varint(message, pos)
            value, pos = message[pos: pos + size], pos + size
        elif wire == 5:
            value, pos = message[pos: pos + 4], pos + 4
        else:
            raise CheckpointError(f"checkpoint index: unsupported protobuf wire type {wire} (corrupt index)")
        yield number, wire, value


def _header(value: bytes) -> tuple[int, bool]:
    num_shards, big_endian = 1, False
    for number, _, field in _fields(value):
        if number == 1:
            num_shards = field
        elif number == 2:
            big_endian = field == 1
    return num_shards, big_endian


def _entry(name: str, value: bytes, index: Path) -> TensorEntry:
    dtype, shape, shard, offset, size = 0, (), 0, 0, 0
    for number, _, field in _fields(value):
        if number == 1:
            dtype = field
        elif number == 2:
            shape = _shape(field)
        elif number == 3:
            shard = field
        elif number == 4:
            offset = field
        elif number == 5:
            size = field
        elif number == 7:
            raise CheckpointError(f"{index}: tensor {name!r} is a partitioned variable; those are not supported")
    return TensorEntry(dtype, shape, shard, offset, size)


def _shape(message: bytes) -> tuple[int, ...]:
    dims = []
    for number, _, field in _fields(message):
        if number == 2:  # TensorShapeProto.dim
            dims.append(next((v for n, _, v in _fields(field) if n == 1), 0))
    return tuple(dims)


# --------------------------------------------------------------------------------------------- the data


def _read_shard(prefix: Path, shard: int, num_shards: int) -> bytes:
    path = Path(f"{prefix}.data-{shard:05d}-of-{num_shards:05d}")
    if not path.is_file():
        raise CheckpointError(f"{path} is missing: the checkpoint's data shard {shard} of {num_shards}")
    return path.read_bytes()


def _tensor(name: str, entry: TensorEntry, shard: bytes) -> np.ndarray:
    if entry.dtype not in TF_DTYPES:
        raise CheckpointError(f"tensor {name!r} has TensorFlow dtype {entry.dtype}, which this reader does not know")
    dtype = np.dtype(TF_DTYPES[entry.dtype]).newbyteorder("<")
    count = int(np.prod(entry.shape, dtype=np.int64))
    if count * dtype.itemsize != entry.size:
        raise CheckpointError(f"tensor {name!r}: shape {entry.shape} needs {count * dtype.itemsize} bytes, "
                              f"the index says {entry.size}")
    if entry.offset + entry.size > len(shard):
        raise CheckpointError(f"tensor {name!r} lies at bytes {entry.offset}..{entry.offset + entry.size} but the "
                              f"data shard has {len(shard)}: the data file is truncated")
    return np.frombuffer(shard, dtype=dtype, count=count, offset=entry.offset).reshape(entry.shape).copy()
