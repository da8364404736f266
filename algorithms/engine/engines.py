"""Engines: where the windows of a raster computation run.

`raster_io.run_blocks(..., engine=...)` hands its work to an engine's `run_blocks` (same
arguments, same guarantees):

- `LocalEngine`: this process's thread pool, i.e. raster_io's own block driver.
- `DaskEngine`: the worker processes of a Dask distributed cluster (a `LocalCluster` on this
  computer, or a running scheduler by address). The grid is cut into the same windows as the local
  driver (aligned to the inputs' blocks); one task per window. The worker reads its window from the
  input files itself (every worker must see the inputs' paths: a shared file system or a GDAL
  virtual file system such as /vsis3/), runs the kernel, writes each output window as a small
  tiled, compressed GeoTIFF piece into a hidden folder beside the destination, and sends back
  only the kernel's extra (statistics, counts …). The client merges the extras in window order,
  as the local driver does, so reductions are deterministic and equal to the local run's; after
  the last window it assembles each output from its pieces with GDAL (a .vrt destination keeps the
  pieces and points to them). No cell travels through the scheduler.

Guarantees kept from the local driver: nothing at the destinations until every window is written
and `before_commit()` accepted the result; on an error or cancellation the outputs and the
pieces are removed. A task is idempotent (a piece is written to a temporary name and moved into
place), so a worker killed in the middle of a run changes nothing: Dask runs its tasks again.

Kernels are sent to the workers with cloudpickle, the toolkit's own modules by value: the workers
need numpy, scipy, rasterio and cloudpickle, not the plugin. A kernel must therefore be a function
or closure of this package over plain data (numbers, arrays, dataclasses of the package); it must
not hold open files, locks or QGIS objects.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import shutil
import sys
import threading
import time
import types
import uuid
import warnings
import xml.etree.ElementTree as ET
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import rasterio
import rasterio.dtypes
import rasterio.shutil
from affine import Affine
from rasterio.windows import Window

from ..common.messages import InputError, Message, tr
from ..common.progress import CancelCheck, Cancelled, Progress
from .raster_io import (
    GDAL_CACHE_MB,
    READ_ERRORS,
    STRIP_CELLS,
    BlockKernel,
    BlockReader,
    Blocks,
    Grid,
    RasterSink,
    RasterSource,
    check_distinct_paths,
    cog_options,
    creation_options,
    driver_for,
    forget_temporary,
    gdal_reason,
    register_temporary,
    run_blocks,
    tile_columns,
    tile_rows,
    unwritable,
)

#: Tile height of the pieces when the strips allow it (that of the toolkit's tiled GeoTIFFs).
PIECE_ROWS = 256
#: Seconds between two checks of the caller's cancellation while waiting for the workers.
POLL_SECONDS = 0.05
#: Jobs (kernels) and block readers a worker process keeps for the next tasks.
WORKER_CACHE = 4

INSTALL_HINT = tr(
    "The Dask engine needs the Python packages dask and distributed ({detail}). Install them for the Python that runs "
    "the toolkit: on Debian or Ubuntu `apt install python3-dask python3-distributed`, with pip "
    '`pip install "dask[distributed]"`; or choose the local engine'
)


class LocalEngine:
    """The local block driver (threads of this process) behind the engine interface. `cog`:
    write the GeoTIFF outputs as Cloud Optimized GeoTIFFs (RasterSink.cog)."""

    def __init__(self, workers: int | None = None, *, cog: bool = False):
        self.workers = workers
        self.cog = bool(cog)

    def run_blocks(
        self,
        grid: Grid,
        sources: Sequence[RasterSource],
        kernel: BlockKernel,
        sinks: Sequence[RasterSink] = (),
        *,
        on_result: Callable[[Any], None] | None = None,
        before_commit: Callable[[], None] | None = None,
        progress: Progress = None,
        cancelled: CancelCheck = None,
        cells_per_block: int = STRIP_CELLS,
    ) -> None:
        for sink in sinks:
            sink.cog = self.cog
        run_blocks(
            grid,
            sources,
            kernel,
            sinks,
            on_result=on_result,
            before_commit=before_commit,
            progress=progress,
            cancelled=cancelled,
            workers=self.workers,
            cells_per_block=cells_per_block,
            engine=None,
        )

    def close(self) -> None:
        pass

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"LocalEngine(workers={self.workers}, cog={self.cog})"


def make_engine(name: str, workers: int | None, scheduler: str | None, cog: bool = False) -> "LocalEngine | DaskEngine":
    """The engine the batch command's --engine, --workers, --scheduler and --cog ask for.

    'local': the local driver with `workers` threads (default: up to two); 'dask': a Dask cluster,
    the scheduler at `scheduler` when given, else a LocalCluster of `workers` processes (default 2).
    `cog`: GeoTIFF outputs as Cloud Optimized GeoTIFFs.
    """
    kind = (name or "local").strip().lower()
    if kind == "local":
        if scheduler:
            raise InputError(tr("A scheduler address ({address}) needs the dask engine: add --engine dask"), address=scheduler)
        return LocalEngine(workers, cog=cog)
    if kind == "dask":
        return DaskEngine(address=scheduler or None, workers=workers or 2, cog=cog)
    raise InputError(tr("Unknown engine '{name}': choose local or dask"), name=name)


def _distributed():
    """The `distributed` module (and cloudpickle able to send the toolkit by value), or InputError."""
    try:
        import cloudpickle
        import dask  # noqa: F401
        import distributed
    except ImportError as error:
        raise InputError(INSTALL_HINT, detail=str(error)) from None
    if not hasattr(cloudpickle, "register_pickle_by_value"):
        raise InputError(INSTALL_HINT, detail=tr("cloudpickle {version} is too old, 2.0 or later is needed").format(version=cloudpickle.__version__))
    return distributed


def _package():
    """The toolkit's computational core (`<plugin>.algorithms`), which workers receive by value."""
    return sys.modules[__name__.rsplit(".", 2)[0]]


def _dumps(obj: Any) -> bytes:
    import cloudpickle

    cloudpickle.register_pickle_by_value(_package())
    try:
        return cloudpickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # a kernel holding an open file, a lock, a QGIS object …
        raise InputError(
            tr("The computation cannot be sent to the Dask workers ({detail}); run it with the local engine"),
            detail=f"{type(error).__name__}: {error}",
        ) from None


@dataclass(frozen=True)
class _Piece:
    """Where and how a worker writes one output's strips: `folder/<strip index>.tif`."""

    sink: RasterSink
    folder: str
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Job:
    kernel: BlockKernel
    grid: Grid
    sources: tuple
    pieces: tuple


# ---------------------------------------------------------------------------------------------
# Worker side. These functions travel to the workers by value (cloudpickle), so they refer only
# to the standard library, numpy, rasterio and other functions of this package.

_WORKER_STATE = "_territorial_resilience_engine_state"


#: glibc's mallopt parameters, and the sizes the engine's workers use (see _tune_malloc).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 32 << 20


def _tune_malloc() -> None:
    """Let the strips' arrays (up to 32 MB) reuse the heap. A Dask nanny starts its workers with
    MALLOC_TRIM_THRESHOLD_=65536, which also turns off glibc's adaptive mmap threshold: every
    array over 128 kB is then a fresh mmap whose pages the kernel zeroes at first touch, and the
    kernels of the toolkit (many whole-strip temporaries) spend a third more CPU time in page
    faults (glibc's own adaptive threshold still faults a little while it adapts). Only on
    glibc; elsewhere nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_THRESHOLD)
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def _worker_state() -> Any:
    """This worker process's caches (jobs and block readers), kept across tasks in sys.modules:
    the functions sent by value get fresh globals, a module does not."""
    state = sys.modules.get(_WORKER_STATE)
    if state is None:
        _tune_malloc()
        fresh = types.ModuleType(_WORKER_STATE)
        fresh.lock = threading.Lock()
        fresh.jobs = OrderedDict()
        fresh.readers = OrderedDict()
        state = sys.modules.setdefault(_WORKER_STATE, fresh)
    return state


def _cached(table: OrderedDict, key: Any, make: Callable[[], Any], lock: threading.Lock) -> Any:
    with lock:
        if key in table:
            table.move_to_end(key)
            return table[key]
    value = make()
    with lock:
        table[key] = value
        while len(table) > WORKER_CACHE:
            table.popitem(last=False)  # a reader's datasets close when the last task using it ends
    return value


def _file_version(path: str) -> Any:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None  # not a plain file (/vsis3/ …)
    return st.st_size, st.st_mtime_ns


def _reader(grid: Grid, sources: tuple) -> BlockReader:
    """This process's BlockReader of `sources` on `grid` (a file rewritten since is read anew)."""
    state = _worker_state()
    key = (grid, sources, tuple(_file_version(s.path) for s in sources))
    return _cached(state.readers, key, lambda: BlockReader(grid, sources), state.lock)


def _job(payload: bytes, run: str) -> _Job:
    state = _worker_state()
    return _cached(state.jobs, run, lambda: pickle.loads(payload), state.lock)


def _write_piece(piece: _Piece, data: np.ndarray, index: int, window: Window, grid: Grid) -> None:
    """Write one output window as `<index>.tif` in the piece folder (temporary name, then moved:
    a task run twice writes the same file)."""
    final = os.path.join(piece.folder, f"{index:06d}.tif")
    tmp = os.path.join(piece.folder, f".{index:06d}.{uuid.uuid4().hex[:8]}.tmp.tif")
    profile = dict(
        driver="GTiff",
        width=int(data.shape[1]),
        height=int(data.shape[0]),
        count=1,
        dtype=piece.sink.dtype,
        crs=grid.crs,
        transform=grid.transform * Affine.translation(int(window.col_off), int(window.row_off)),
        nodata=piece.sink.nodata,
        **piece.options,
    )
    try:
        with rasterio.open(tmp, "w", **profile) as ds:
            ds.write(data, 1)
        os.replace(tmp, final)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def _plain_value(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _plain_error(error: BaseException, path: str | None) -> dict:
    """An error as plain data: classes of the package sent by value would not match the client's."""
    message = getattr(error, "message", None)
    template, values = getattr(message, "template", None), getattr(message, "values", None)
    plain: dict[str, Any] = {"path": path, "kind": type(error).__name__, "text": gdal_reason(error) or type(error).__name__}
    if isinstance(template, str) and isinstance(values, dict):
        plain["template"] = template
        plain["values"] = {str(k): _plain_value(v) for k, v in values.items()}
    return plain


def _run_window(payload: bytes, run: str, index: int, col_off: int, row_off: int, width: int, height: int) -> tuple[int, Any, dict | None]:
    """One task: read window `index` of every source, run the kernel, write the output pieces.
    Returns (index, extra, None), or (index, None, error as plain data): never raises."""
    path = None
    try:
        job = _job(payload, run)
        grid = job.grid
        window = Window(col_off, row_off, width, height)
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            reader = _reader(grid, job.sources)
            array = np.empty((len(job.sources), height, width), dtype=np.float32)
            for i, source in enumerate(job.sources):
                path = source.path
                reader.read(i, window, array[i])
            path = None
            outputs, extra = job.kernel(Blocks(array, (row_off, col_off, grid.width)))
            del array
            for piece, block in zip(job.pieces, outputs):
                path = piece.sink.path
                _write_piece(piece, piece.sink.encode(block), index, window, grid)
        return index, extra, None
    except Exception as error:
        return index, None, _plain_error(error, path)


def _window_task() -> Callable[..., Any]:
    """The task function, made a closure so that it is pickled by value (plain pickle fails on
    it and Dask falls back on cloudpickle)."""

    def window_task(payload: bytes, run: str, index: int, col_off: int, row_off: int, width: int, height: int):
        return _run_window(payload, run, index, col_off, row_off, width, height)

    return window_task


_WINDOW_TASK = _window_task()


# ---------------------------------------------------------------------------------------------
# Client side.


def _gdal_type(dtype: str) -> str:
    return rasterio.dtypes.typename_fwd[rasterio.dtypes.dtype_rev[str(np.dtype(dtype))]]


def _number(value: float | int) -> str:
    return repr(float(value)) if isinstance(value, float) or np.issubdtype(type(value), np.floating) else str(int(value))


def write_vrt(path: str, grid: Grid, sink: RasterSink, pieces: Sequence[tuple[str, Window]], block_rows: int) -> None:
    """A VRT of `grid` whose band is the pieces (file name relative to the VRT, window of the grid)."""
    root = ET.Element("VRTDataset", rasterXSize=str(grid.width), rasterYSize=str(grid.height))
    if grid.crs is not None:
        ET.SubElement(root, "SRS", dataAxisToSRSAxisMapping="1,2").text = grid.crs.to_wkt()
    t = grid.transform
    ET.SubElement(root, "GeoTransform").text = ", ".join(repr(float(v)) for v in (t.c, t.a, t.b, t.f, t.d, t.e))
    band = ET.SubElement(root, "VRTRasterBand", dataType=_gdal_type(sink.dtype), band="1")
    if sink.description:
        ET.SubElement(band, "Description").text = sink.description
    if sink.nodata is not None:
        ET.SubElement(band, "NoDataValue").text = _number(sink.nodata)
    for name, window in pieces:
        rows, columns = str(int(window.height)), str(int(window.width))
        source = ET.SubElement(band, "SimpleSource")
        ET.SubElement(source, "SourceFilename", relativeToVRT="1").text = name
        ET.SubElement(source, "SourceBand").text = "1"
        ET.SubElement(
            source,
            "SourceProperties",
            RasterXSize=columns,
            RasterYSize=rows,
            DataType=_gdal_type(sink.dtype),
            BlockXSize="256",
            BlockYSize=str(block_rows),
        )
        ET.SubElement(source, "SrcRect", xOff="0", yOff="0", xSize=columns, ySize=rows)
        ET.SubElement(source, "DstRect", xOff=str(int(window.col_off)), yOff=str(int(window.row_off)), xSize=columns, ySize=rows)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=False)


def _remove_folder(folder: str) -> None:
    """Remove a piece folder: renamed first, so that a task still running (cancelled, or run
    twice) can no longer create anything in it, then deleted."""
    trash = f"{folder}.{uuid.uuid4().hex[:6]}.trash"
    try:
        os.replace(folder, trash)
    except FileNotFoundError:
        trash = None
    except OSError:
        trash = folder
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)
    forget_temporary(folder)


def _where(window: Window, width: int) -> Message:
    """Where a window of a grid `width` columns wide lies, for messages: its rows, and its columns
    when it is narrower than the grid."""
    rows = {"first": int(window.row_off), "last": int(window.row_off + window.height - 1)}
    if int(window.col_off) == 0 and int(window.width) == width:
        return Message(tr("Rows {first}–{last}"), rows)
    columns = {"left": int(window.col_off), "right": int(window.col_off + window.width - 1)}
    return Message(tr("Rows {first}–{last}, columns {left}–{right}"), {**rows, **columns})


class DaskEngine:
    """Runs raster_io's strips on a Dask distributed cluster (see the module's docstring).

    `address` None starts a LocalCluster of `workers` single-threaded worker processes, closed
    with the engine; else the engine connects to the scheduler at `address` (e.g.
    tcp://host:8786), or raises InputError after `timeout` seconds. `cog`: write the GeoTIFF
    outputs as Cloud Optimized GeoTIFFs (GDAL's COG driver, with overviews).

    Use as a context manager, or call `close()`.
    """

    def __init__(self, address: str | None = None, workers: int = 2, *, timeout: float = 10, cog: bool = False):
        distributed = _distributed()
        self.cog = bool(cog)
        self.cluster = None
        self.client = None
        try:
            if address is None:
                with warnings.catch_warnings():  # the scheduler's HTTP port (8787) taken by another cluster: it takes another
                    warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
                    self.cluster = distributed.LocalCluster(
                        n_workers=max(1, int(workers)),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self.client = distributed.Client(self.cluster, timeout=timeout)
            else:
                self.client = distributed.Client(address, timeout=timeout)
        except Exception as error:
            self.close()
            if address is None:
                raise InputError(tr("A local Dask cluster could not be started ({detail})"), detail=f"{type(error).__name__}: {error}") from None
            raise InputError(
                tr("The Dask scheduler {address} cannot be reached ({detail}); check the address (e.g. tcp://host:8786) and that the scheduler runs"),
                address=address,
                detail=" ".join(str(error).split()) or type(error).__name__,
            ) from None
        self.address = self.client.scheduler.address if address is None else address
        _package()  # fails early if the core is not importable as a package

    def close(self) -> None:
        for part in (self.client, self.cluster):
            if part is not None:
                try:
                    part.close()
                except Exception:  # pragma: no cover - closing a broken connection
                    pass
        self.client = self.cluster = None

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"DaskEngine(address={getattr(self, 'address', None)!r}, cog={self.cog})"

    def worker_count(self) -> int:
        """Workers connected to the scheduler now."""
        return len(self.client.scheduler_info().get("workers", {})) if self.client is not None else 0

    def run_blocks(
        self,
        grid: Grid,
        sources: Sequence[RasterSource],
        kernel: BlockKernel,
        sinks: Sequence[RasterSink] = (),
        *,
        on_result: Callable[[Any], None] | None = None,
        before_commit: Callable[[], None] | None = None,
        progress: Progress = None,
        cancelled: CancelCheck = None,
        cells_per_block: int = STRIP_CELLS,
    ) -> None:
        """raster_io.run_blocks on the cluster: same windows, same results, same guarantees."""
        distributed = _distributed()
        if self.client is None:
            raise InputError(tr("The Dask engine was closed"))
        sources, sinks = list(sources), list(sinks)
        check_distinct_paths([s.path for s in sources], [s.path for s in sinks])
        # The windows of the local driver, whose GeoTIFF outputs have 256 × 256 tiles.
        align, align_columns = tile_rows(grid, sources), tile_columns(grid, sources)
        if sinks:
            align, align_columns = math.lcm(align, PIECE_ROWS), math.lcm(align_columns, PIECE_ROWS)
        windows = grid.windows(cells_per_block, align, align_columns)
        piece_rows = PIECE_ROWS if all(w.height % PIECE_ROWS == 0 for w in windows if w.row_off + w.height < grid.height) else 16
        run = uuid.uuid4().hex[:12]
        folders: list[str] = []
        futures: list[Any] = []
        reserved: list[RasterSink] = []
        try:
            pieces = []
            for sink in sinks:
                folders.append(self._piece_folder(sink, run))
                options = creation_options(sink.dtype, sink.compress)
                options.pop("num_threads", None)  # one core per worker process
                options["blockysize"] = piece_rows
                copy = RasterSink(sink.path, sink.dtype, sink.nodata, sink.description, sink.compress)
                pieces.append(_Piece(copy, folders[-1], options))
            payload = _dumps(_Job(kernel, grid, tuple(sources), tuple(pieces)))
            # On every worker (a task's dependency held by one worker would draw every task there);
            # a worker that joins later fetches it from another.
            job = self.client.scatter(payload, broadcast=True, hash=False)
            futures = self.client.map(
                _WINDOW_TASK,
                [job] * len(windows),
                [run] * len(windows),
                range(len(windows)),
                [int(w.col_off) for w in windows],
                [int(w.row_off) for w in windows],
                [int(w.width) for w in windows],
                [int(w.height) for w in windows],
                key=[f"tsr-window-{run}-{i}" for i in range(len(windows))],
                pure=False,
            )
            self._collect(distributed, futures, windows, grid.width, on_result, progress, cancelled)
            self.client.cancel([job])
            if before_commit is not None:
                before_commit()
            finish = []
            for sink, folder in zip(sinks, folders):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                reserved.append(sink)
                finish.append(self._assemble(sink, folder, grid, windows, piece_rows))
            for step in finish:
                step()
        except BaseException:
            if futures:
                try:
                    self.client.cancel(futures)
                except Exception:  # pragma: no cover - the connection is gone
                    pass
            for sink in reserved:
                sink.discard()
            raise
        finally:
            for folder in folders:
                _remove_folder(folder)

    def _piece_folder(self, sink: RasterSink, run: str) -> str:
        folder, name = os.path.split(os.path.abspath(sink.path))
        path = os.path.join(folder, f".{name}.{run}.parts")
        try:
            os.makedirs(folder, exist_ok=True)
            register_temporary(path)
            os.mkdir(path)
        except OSError as error:
            forget_temporary(path)
            raise unwritable(sink.path, error) from None
        return path

    def _collect(self, distributed, futures, windows, width, on_result, progress, cancelled) -> None:
        """Wait for the tasks; merge their extras in strip order; stop on an error or when asked."""
        pending = distributed.as_completed(futures, with_results=True, raise_errors=False)
        index_of = {future.key: i for i, future in enumerate(futures)}
        buffered: dict[int, Any] = {}
        merged = done = 0
        while merged < len(windows):
            if cancelled is not None and cancelled():
                raise Cancelled()
            batch = pending.next_batch(block=False)
            if not batch:
                time.sleep(POLL_SECONDS)
                continue
            for future, outcome in batch:
                index = index_of[future.key]
                if future.status != "finished":
                    raise self._lost(distributed, future, _where(windows[index], width))
                _, extra, error = outcome
                if error is not None:
                    raise self._failed(_where(windows[index], width), error)
                futures[index] = None
                buffered[index] = extra
                done += 1
                if progress is not None:
                    progress(done / len(windows))
            while merged in buffered:
                extra = buffered.pop(merged)
                if on_result is not None:
                    on_result(extra)
                merged += 1

    def _failed(self, where: Message, error: dict) -> InputError:
        """The InputError for a task that reported an error (plain data, see _plain_error)."""
        if "template" in error:
            try:
                detail = str(Message(error["template"], error["values"]))
            except (KeyError, IndexError, ValueError):
                detail = error["text"]
        else:
            detail = f"{error['kind']}: {error['text']}"
        path = error.get("path")
        if path and path not in detail:
            return InputError(tr("{window} of the grid failed on a Dask worker ({path}): {detail}"), path=path, detail=detail, window=where)
        return InputError(tr("{window} of the grid failed on a Dask worker: {detail}"), detail=detail, window=where)

    def _lost(self, distributed, future, where: Message) -> InputError:
        """The InputError for a task Dask gave up on (its workers died, or it cannot be loaded)."""
        try:
            error = future.exception(timeout=5)
        except Exception as reason:  # cancelled by someone else, connection lost
            error = reason
        if isinstance(error, distributed.KilledWorker):
            return InputError(
                tr(
                    "{window} of the grid: the Dask workers running them died repeatedly ({detail}); they may run out of "
                    "memory: use smaller blocks or workers with more memory"
                ),
                detail=str(error),
                window=where,
            )
        return InputError(
            tr(
                "{window} of the grid could not run on a Dask worker ({detail}); the workers need numpy, scipy, rasterio "
                "and cloudpickle of the same Python version as this computer"
            ),
            detail=f"{type(error).__name__}: {error}",
            window=where,
        )

    def _assemble(self, sink: RasterSink, folder: str, grid: Grid, windows: list[Window], piece_rows: int) -> Callable[[], None]:
        """Write the output from its pieces into the sink's temporary file; return the step
        that moves it into place (run once every output is ready)."""
        names = [f"{i:06d}.tif" for i in range(len(windows))]
        tmp = sink.reserve()
        if driver_for(sink.path) == "VRT":
            # Keep the pieces, beside the VRT: "<name>_tiles/000000.tif" …
            tiles = os.path.splitext(os.path.abspath(sink.path))[0] + "_tiles"
            write_vrt(tmp, grid, sink, [(f"{os.path.basename(tiles)}/{n}", w) for n, w in zip(names, windows)], piece_rows)

            def keep_pieces() -> None:
                old = None
                if os.path.lexists(tiles):
                    old = f"{tiles}.{uuid.uuid4().hex[:6]}.old"
                    os.replace(tiles, old)
                os.replace(folder, tiles)
                forget_temporary(folder)
                sink.commit()
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)

            return keep_pieces
        vrt = os.path.join(folder, "pieces.vrt")
        write_vrt(vrt, grid, sink, list(zip(names, windows)), piece_rows)
        driver = driver_for(sink.path)
        if driver == "GTiff" and (self.cog or sink.cog):
            driver, options = "COG", cog_options(sink.dtype, sink.compress)
        elif driver == "GTiff":
            options = creation_options(sink.dtype, sink.compress)
        else:
            options = {}
        try:
            with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
                rasterio.shutil.copy(vrt, tmp, driver=driver, **options)
        except (*READ_ERRORS, OSError) as error:
            raise unwritable(sink.path, error) from None
        return sink.commit
