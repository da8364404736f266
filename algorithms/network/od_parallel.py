"""Dijkstra searches of an origin–destination matrix shared with worker processes.

scipy's `dijkstra` holds the GIL, so threads cannot share the searches: extra processes do.
The caller (routing.od_costs) cuts its sources into chunks and computes them from the first
one on; a pool of worker processes takes them from the last one back, and the two meet in
the middle. Every chunk is computed by the same function on the same graph, by the same
interpreter with the same numpy and scipy (checked when a worker starts), so the costs are
identical to those of one process, bit for bit, whoever computed them.

Processes are started with multiprocessing's "spawn" method (never "fork": QGIS and the
Processing framework run threads, and a forked copy of a threaded process can deadlock),
from a background thread, so the caller starts searching at once and a worker's start-up
(a Python with numpy and scipy, about 0.3 s) costs it nothing. Inside QGIS `sys.executable`
is the QGIS program, not Python: the workers then run the Python interpreter of the same
installation (`python_executable`). Workers are an accelerator only: when they cannot start
(no interpreter found, a spawn that fails, a different numpy or scipy, a worker that dies or
hangs), the caller computes their chunks itself and the result is the same.

This module imports only numpy and scipy at the top, so that a worker starts quickly.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, Iterator, Sequence

import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

#: Seconds the caller waits for a chunk a worker holds before computing it itself, on top
#: of twice its own time per chunk (a worker that hangs costs at most this much).
PATIENCE = 10.0
#: Seconds between two checks of the cancel callback while the caller waits for a worker.
POLL = 0.05


def search_block(graph: csr_matrix, sources: np.ndarray, columns: np.ndarray, cutoff: float) -> np.ndarray:
    """Costs from each of `sources` (rows) to each node of `columns` (columns), inf beyond
    `cutoff` or where unreachable: one dijkstra call, the columns picked from its rows."""
    rows = dijkstra(graph, directed=True, indices=sources, limit=cutoff)
    return np.atleast_2d(rows)[:, columns]


def versions() -> tuple:
    """What must be the same in a worker for its costs to equal the caller's bit for bit."""
    return (tuple(sys.version_info[:2]), np.__version__, scipy.__version__)


# --- worker side ---------------------------------------------------------------------------

_worker: dict = {}


def _start_worker(data, indices, indptr, n_nodes, columns, cutoff, expected) -> None:
    """Initializer of a worker process: keeps the graph, or nothing if its libraries differ."""
    _worker.clear()
    if versions() == tuple(expected):
        _worker["graph"] = csr_matrix((data, indices, indptr), shape=(n_nodes, n_nodes))
        _worker["columns"] = columns
        _worker["cutoff"] = cutoff


def _worker_block(sources: np.ndarray) -> np.ndarray | None:
    """A chunk searched in a worker; None when the worker refused the graph (see versions)."""
    if "graph" not in _worker:
        return None
    return search_block(_worker["graph"], sources, _worker["columns"], _worker["cutoff"])


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
    script again in the worker). A worker still checks numpy's and scipy's versions.
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


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class SearchPool:
    """Worker processes that take chunks of sources from the last one back.

    Created with the graph, the columns, the cutoff and the chunks; the processes start in a
    background thread. The caller asks `claim(k)` before computing chunk k itself (False
    when a worker has it), then collects the workers' chunks with `collect` and ends with
    `close`. Never raises because a worker failed: such chunks come back as None.
    """

    def __init__(
        self,
        graph: csr_matrix,
        columns: np.ndarray,
        cutoff: float,
        chunks: Sequence[np.ndarray],
        processes: int,
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
        graph = graph.tocsr()
        args = (graph.data, graph.indices, graph.indptr, graph.shape[0], np.asarray(columns), float(cutoff), versions())
        self._thread = threading.Thread(
            target=self._start, args=(args, processes, executable or python_executable()), name="tsr-od-workers", daemon=True
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
            # The first submission starts the processes: it blocks until they have read the
            # graph, which is why this runs in its own thread.
            executor.submit(_ready)
            with self._lock:
                if self._closed:
                    executor.shutdown(wait=False, cancel_futures=True)
                    return
                self._executor = executor
                for k in reversed(range(len(self.chunks))):
                    if k in self._claimed:
                        break  # the caller went this far: it has every chunk before it too
                    self._futures[k] = executor.submit(_worker_block, self.chunks[k])
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

    def collect(self, seconds_per_chunk: float, check: Callable[[], None]) -> Iterator[tuple[int, np.ndarray | None]]:
        """(k, block or None) for every chunk the workers took. `check` is called every POLL
        seconds while waiting (it raises to cancel). A chunk not back within PATIENCE +
        2 × `seconds_per_chunk` × (chunks still out) comes back as None, and so does a
        chunk whose worker failed or refused the graph."""
        held = self.held()
        deadline = time.monotonic() + PATIENCE + 2.0 * seconds_per_chunk * len(held)
        for k in held:
            future = self._futures[k]
            block = None
            while True:
                check()
                try:
                    block = future.result(timeout=max(0.0, min(POLL, deadline - time.monotonic())))
                    break
                except FutureTimeout:
                    if time.monotonic() >= deadline:
                        break
                except Exception:  # noqa: BLE001 - a broken pool or a failed chunk: the caller computes it
                    break
            yield k, block

    def close(self) -> None:
        """Stop the workers once they finish the chunk they are on; never waits for them."""
        with self._lock:
            self._closed = True
            executor = self._executor
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
