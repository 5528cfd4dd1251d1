"""DistributedDataParallel set-up for `torchrun --nproc-per-node N -m vae.train ...`.

torchrun sets WORLD_SIZE, RANK, LOCAL_RANK and the rendezvous address in the environment; without them
training runs as a single process. Backend: nccl when CUDA is there, gloo on CPU.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass(frozen=True)
class World:
    rank: int = 0
    size: int = 1
    device: torch.device = torch.device("cpu")

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.size > 1


def setup(device: str | None = None) -> World:
    size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if device is None:
        device = f"cuda:{local_rank}" if torch.cuda.is_available() else "cpu"
    dev = torch.device(device)
    if size > 1 and not dist.is_initialized():
        if dev.type == "cuda":
            torch.cuda.set_device(dev)
        dist.init_process_group("nccl" if dev.type == "cuda" else "gloo", rank=rank, world_size=size)
    return World(rank, size, dev)


def teardown(world: World) -> None:
    if world.distributed and dist.is_initialized():
        # Every rank reaches here before any closes its connections: a gloo peer that vanishes while the
        # other still holds its process group can abort the survivor ("terminate called ...") at exit.
        dist.barrier()
        dist.destroy_process_group()


def any_rank(world: World, flag: bool) -> bool:
    """True when the flag is set on any rank (all ranks must call this together)."""
    if not world.distributed:
        return flag
    t = torch.tensor([1.0 if flag else 0.0], device=world.device)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return bool(t.item() > 0)


def weights_digest(model: torch.nn.Module) -> str:
    """SHA-256 over all parameter bytes, to check that every rank holds the same weights."""
    h = hashlib.sha256()
    for name, p in sorted(model.state_dict().items()):
        h.update(name.encode())
        h.update(p.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


def gather_strings(world: World, value: str) -> list[str]:
    if not world.distributed:
        return [value]
    out: list = [None] * world.size
    dist.all_gather_object(out, value)
    return out
