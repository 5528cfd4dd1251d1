"""A single worker thread that runs only the newest pending job of each key.

Live control arrives in bursts (a knob sends 100 messages a second); decoding each one would build a
queue that lags further and further behind the hand. So jobs are submitted under a key (for example
"decode the current point"): a job whose key is already pending replaces it, the replaced one is dropped
and counted, and the new one moves to the back so jobs still run in the order of their latest request.

A caller can also run work in its own thread in the worker's place (`run_here_if_idle`): only when nothing
is pending or running, and the worker starts nothing until it is done, so replies keep their order. The
receiving thread answers α cache hits so, without waking the worker thread (server/session.py).
"""
from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Callable, Hashable

log = logging.getLogger("musicvae.server")


@dataclass
class Job:
    address: str  # the OSC address that asked for it (drops are counted per address)
    run: Callable[[], None]
    on_error: Callable[[Exception], None] | None = None


class LatestOnlyWorker:
    def __init__(self, name: str = "musicvae-decode"):
        self._pending: OrderedDict[Hashable, Job] = OrderedDict()
        self._cond = threading.Condition()
        self._stopping = False
        self._busy = False
        self._idle_waiters = 0  # wait_idle callers: work run here wakes the threads only if someone waits
        self.dropped: Counter[str] = Counter()
        self.done: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, key: Hashable, job: Job) -> None:
        with self._cond:
            stale = self._pending.pop(key, None)
            if stale is not None:
                self.dropped[stale.address] += 1
            self._pending[key] = job
            self._cond.notify_all()  # the worker, and any wait_idle caller, share this condition

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending or self._busy:  # busy: a caller runs work in our place
                    if self._stopping and not self._pending:  # stopping and drained
                        return
                    self._cond.wait()
                _, job = self._pending.popitem(last=False)
                self._busy = True
            try:
                job.run()
                self.done[job.address] += 1
            except Exception as exc:  # a failing job must never kill the worker
                self.failed[job.address] += 1
                if job.on_error is not None:
                    job.on_error(exc)
                else:
                    log.exception("job for %s failed", job.address)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def run_here_if_idle(self, address: str, run: Callable[[], bool]) -> bool:
        """Run `run` in the calling thread if nothing is pending or running, holding the worker off meanwhile;
        False without running it otherwise. `run` returns whether it did the job (then counted as done)."""
        with self._cond:
            if self._pending or self._busy:
                return False
            self._busy = True
        done = False
        try:
            done = run()
        finally:
            with self._cond:
                self._busy = False
                if done:
                    self.done[address] += 1
                if self._pending or self._idle_waiters:  # else waking the worker thread is a wasted switch
                    self._cond.notify_all()
        return done

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is pending or running (for tests and orderly shutdown)."""
        with self._cond:
            self._idle_waiters += 1
            try:
                return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)
            finally:
                self._idle_waiters -= 1

    def stop(self, timeout: float = 5.0) -> None:
        """Finish the pending jobs (saves must land), then end the thread."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._pending)
