"""Chunks of independent searches shared between the calling process and worker processes.

Used by routing.od_costs (scipy's Dijkstra from many sources) and by
cost_distance.CostGraph.patch_distances (one scikit-image search per habitat patch): both
searches hold the GIL, so threads cannot share them; extra processes do. The caller cuts its
work into chunks and computes them from the first one on; a pool of worker processes takes
them from the last one back, and the two meet in the middle (`run_chunks`). Every chunk is
computed by the same module-level function `work(chunk, *state)` on the same data, by the
same interpreter with the same numpy and the same libraries (checked when a worker starts),
so the results are identical to those of one process, bit for bit, whoever computed them.

A worker receives its state once, when it starts: the caller's own `state` (pickled through
the pipe: fine for a road graph), or what a module-level `initializer(*initargs)` returns in
the worker (e.g. a raster read from a temporary .npy file with a memory map, instead of
pickling it once per worker). Processes are started with multiprocessing's "spawn" method
(never "fork": QGIS and the Processing framework run threads, and a forked copy of a threaded
process can deadlock), from a background thread, so the caller starts computing at once and a
worker's start-up (a Python with numpy and the work's module, about 0.3–0.7 s) costs it
nothing. Inside QGIS `sys.executable` is the QGIS program, not Python: the workers then run
the Python interpreter of the same installation (`python_executable`). Workers are an
accelerator only: when they cannot start (no interpreter found, a spawn that fails, a
different numpy or library, an initializer that fails, a worker that dies or hangs), the
caller computes their chunks itself and the result is the same.

This module imports only numpy at the top; a worker imports the module of its work function
and initializer besides (routing: scipy and shapely; cost_distance: scikit-image, at its
first run), so such a module should import little at its top.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable, Iterator, Optional, Sequence

import numpy as np

from ..common.machine import available_cores

#: Seconds the caller waits for a chunk a worker holds before computing it itself, on top
#: of twice its own time per chunk (a worker that hangs costs at most this much).
PATIENCE = 10.0
#: Seconds between two checks of the cancel callback while the caller waits for a worker.
POLL = 0.05


def versions() -> tuple:
    """What must be the same in a worker for any result to equal the caller's bit for bit:
    Python's and numpy's versions (a pool adds those of its `libraries`, `signature`)."""
    return (tuple(sys.version_info[:2]), np.__version__)


def signature(libraries: Sequence[str]) -> tuple:
    """`versions()` followed by the version of each library (an importable module name)."""
    return versions() + tuple(str(importlib.import_module(name).__version__) for name in libraries)


# --- worker side ---------------------------------------------------------------------------

_worker: dict = {}


def _start_worker(expected: tuple, libraries: tuple, work: Callable, initializer: Optional[Callable], initargs: tuple) -> None:
    """Initializer of a worker process: keeps its work and state, or nothing (the worker then
    refuses every chunk) when its Python, numpy or libraries differ from the caller's or when
    `initializer` fails (e.g. the caller, done already, removed the files it was to read)."""
    _worker.clear()
    if signature(libraries) != tuple(expected):
        return
    try:
        state = tuple(initargs) if initializer is None else initializer(*initargs)
    except Exception:  # noqa: BLE001 - the caller computes the chunks this worker refuses
        return
    _worker["state"], _worker["work"] = state, work


def _worker_chunk(chunk: Any) -> Any:
    """A chunk computed in a worker; None when the worker refused the work (see signature)."""
    if "work" not in _worker:
        return None
    return _worker["work"](chunk, *_worker["state"])


def _ready() -> bool:
    return True


# --- caller side ---------------------------------------------------------------------------


def _running_binary() -> str | None:
    """The program this process runs (Linux: /proc/self/exe), None where that is not known."""
    try:
        return os.path.realpath(os.readlink("/proc/self/exe"))
    except OSError:
        return None


def _is_python(path: str) -> bool:
    return os.path.basename(path).lower().startswith("python")


def python_executable() -> str | None:
    """The Python interpreter that worker processes run, or None when there is none to trust.

    `sys.executable` when this process runs it: a Python interpreter (python3.11, a venv's
    python, python.exe …) that, on Linux, is the program running (/proc/self/exe), not
    merely a "python3" found on the PATH. Embedded in another program (QGIS desktop,
    qgis_process), Python sets `sys.executable` to whatever "python3" the PATH holds (a
    pyenv shim, another installation) or to the program itself; the workers then run the
    interpreter of the same installation, in `sys.exec_prefix`: pythonw.exe or python.exe
    on Windows (OSGeo4W, the standalone installer), bin/python3.X elsewhere. None when no
    such file exists, or when the host put a script into `__main__` (spawn would run that
    script again in the worker). A worker still checks the libraries' versions.
    """
    executable = sys.executable or ""
    running = _running_binary()
    if _is_python(executable) and os.path.isfile(executable):
        if running is None or os.path.realpath(executable) == running:
            return executable
    if running is not None and _is_python(running):
        return running  # a Python whose sys.executable points elsewhere: itself
    main = sys.modules.get("__main__")
    if getattr(main, "__file__", None) and getattr(getattr(main, "__spec__", None), "name", None) is None:
        return None
    prefix = sys.exec_prefix
    major, minor = sys.version_info[:2]
    if sys.platform == "win32":
        candidates = [os.path.join(prefix, "pythonw.exe"), os.path.join(prefix, "python.exe")]
    else:
        candidates = [os.path.join(prefix, "bin", f"python{major}.{minor}")]
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


class SearchPool:
    """Worker processes that take chunks from the last one back.

    A worker computes `work(chunk, *state)`, with `state = initializer(*initargs)` computed
    once in the worker (`initargs` itself when there is no initializer); `work` and
    `initializer` are module-level functions (spawn pickles them by name). `libraries`: the
    modules, besides numpy, whose versions must match the caller's (else the worker refuses).
    `work` never returns None: None stands for a chunk the workers did not compute.
    The processes start in a background thread. The caller asks `claim(k)` before computing
    chunk k itself (False when a worker has it), then collects the workers' chunks with
    `collect` and ends with `close`. Never raises because a worker failed: such chunks come
    back as None.
    """

    def __init__(
        self,
        chunks: Sequence[Any],
        processes: int,
        work: Callable[..., Any],
        initargs: tuple = (),
        *,
        initializer: Optional[Callable[..., tuple]] = None,
        libraries: Sequence[str] = (),
        executable: str | None = None,
    ) -> None:
        self.chunks = list(chunks)
        self.failed = False
        self._lock = threading.Lock()
        self._futures: dict[int, Future] = {}
        self._claimed: set[int] = set()
        self._closed = False
        self._executor: ProcessPoolExecutor | None = None
        self._started = threading.Event()
        args = (signature(libraries), tuple(libraries), work, initializer, tuple(initargs))
        self._thread = threading.Thread(
            target=self._start, args=(args, processes, executable or python_executable()), name="tsr-workers", daemon=True
        )
        self._thread.start()

    def _start(self, args: tuple, processes: int, executable: str | None) -> None:
        try:
            if executable is None:
                raise RuntimeError("no Python interpreter for worker processes")
            context = multiprocessing.get_context("spawn")
            if executable != sys.executable:
                context.set_executable(executable)
            executor = ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=args)
        except Exception:  # noqa: BLE001 - any failure to start leaves the work to the caller
            self.failed = True
            self._started.set()
            return
        try:
            # The first submission starts the processes: it blocks until they have read their
            # state, which is why this runs in its own thread.
            executor.submit(_ready)
            with self._lock:
                if self._closed:
                    executor.shutdown(wait=False, cancel_futures=True)
                    return
                self._executor = executor
                for k in reversed(range(len(self.chunks))):
                    if k in self._claimed:
                        break  # the caller went this far: it has every chunk before it too
                    self._futures[k] = executor.submit(_worker_chunk, self.chunks[k])
        except Exception:  # noqa: BLE001 - a process that died at once: the caller does it all
            self.failed = True
            executor.shutdown(wait=False, cancel_futures=True)
        finally:
            self._started.set()

    def wait_started(self, timeout: float | None = None) -> bool:
        """True once the start-up thread is done (processes started or failed to)."""
        return self._started.wait(timeout)

    def claim(self, k: int) -> bool:
        """True when the caller is to compute chunk k: no worker has taken it."""
        with self._lock:
            future = self._futures.get(k)
            if future is None or future.cancel():
                self._claimed.add(k)
                return True
            return False

    def held(self) -> list[int]:
        """The chunks the workers took, in order."""
        with self._lock:
            return sorted(k for k in self._futures if k not in self._claimed)

    def finished(self) -> int:
        """How many of the chunks the workers took they have finished (for progress)."""
        with self._lock:
            return sum(1 for k, future in self._futures.items() if k not in self._claimed and future.done())

    def collect(self, seconds_per_chunk: float, check: Callable[[], None]) -> Iterator[tuple[int, Any]]:
        """(k, result or None) for every chunk the workers took. `check` is called every POLL
        seconds while waiting (it raises to cancel). A chunk not back within PATIENCE +
        2 × `seconds_per_chunk` × (chunks still out) comes back as None, and so does a
        chunk whose worker failed or refused the work."""
        held = self.held()
        deadline = time.monotonic() + PATIENCE + 2.0 * seconds_per_chunk * len(held)
        for k in held:
            future = self._futures[k]
            result = None
            while True:
                check()
                try:
                    result = future.result(timeout=max(0.0, min(POLL, deadline - time.monotonic())))
                    break
                except FutureTimeout:
                    if time.monotonic() >= deadline:
                        break
                except Exception:  # noqa: BLE001 - a broken pool or a failed chunk: the caller computes it
                    break
            yield k, result

    def close(self) -> None:
        """Stop the workers once they finish the chunk they are on; never waits for them."""
        with self._lock:
            self._closed = True
            executor = self._executor
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def run_chunks(
    chunks: Sequence[Any],
    processes: int,
    work: Callable[..., Any],
    state: tuple,
    check: Callable[[], None],
    *,
    initializer: Optional[Callable[..., tuple]] = None,
    initargs: tuple = (),
    libraries: Sequence[str] = (),
    progress: Optional[Callable[[float], None]] = None,
) -> Iterator[tuple[int, Any]]:
    """(k, work(chunks[k], *state)) for every chunk k, shared by `processes` processes (this
    one included; 1: this one only, in order).

    This process computes chunks from the first on; `processes − 1` workers (a SearchPool)
    take them from the last one back, with their state from `initializer(*initargs)` or, with
    no initializer, a copy of `state`; chunks then come in any order. A chunk a worker could
    not deliver is computed here. `check` is called before each chunk this process computes
    and while it waits for the workers (it raises to cancel); the workers stop once they
    finish the chunk they are on, whether this ends normally, by an error or by cancelling.
    `progress(fraction of chunks done)` after each chunk this process computes or collects.
    """
    n = len(chunks)
    if processes <= 1 or n <= 1:
        for k, chunk in enumerate(chunks):
            check()
            result = work(chunk, *state)
            if progress is not None:
                progress((k + 1) / n)
            yield k, result
        return
    pool = SearchPool(chunks, processes - 1, work, initargs if initializer is not None else state, initializer=initializer, libraries=libraries)
    reported = 0.0

    def report(done: int) -> None:  # chunks done here and by the workers, never going back
        nonlocal reported
        reported = max(reported, min(done, n) / n)
        if progress is not None:
            progress(reported)

    try:
        spent, own = 0.0, 0
        for k, chunk in enumerate(chunks):
            check()
            if pool.claim(k):
                began = time.perf_counter()
                result = work(chunk, *state)
                spent, own = spent + time.perf_counter() - began, own + 1
                report(own + pool.finished())
                yield k, result
        done = own
        for k, result in pool.collect(spent / max(own, 1), check):
            if result is None:
                result = work(chunks[k], *state)
            done += 1
            report(done)
            yield k, result
    finally:
        pool.close()


def processes(workers: int | None, chunks: int, worth_it: bool) -> int:
    """Processes that share `chunks` chunks: `workers` when given, else every available core
    when the work is long enough to pay for starting processes (`worth_it`), else one; never
    more than there are chunks."""
    if workers is None:
        workers = available_cores() if worth_it else 1
    return max(1, min(int(workers), chunks))
