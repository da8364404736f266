"""Block-by-block raster reading and writing on a common grid.

Every raster kernel of the toolkit is a pure function of numpy blocks (NaN marks a missing
cell). This module drives such kernels: it aligns each input to a reference grid, cuts the
grid into full-width strips, runs the kernel on the strips in a small thread pool (GDAL
decoding and numpy release the GIL, so both cores work), and writes the outputs in strip order.
Memory is bounded by (workers × in-flight strips × inputs × strip size), never by raster size,
which is also what lets a distributed engine map the same kernels over a national grid.

The strips follow the files' internal layout: their height is a multiple of the tile (or strip)
height of every input on the grid and of every output (256 rows for the toolkit's tiled
GeoTIFFs), so each tile is read, decoded and written exactly once, whichever thread reads it.
Each thread reads through its own dataset handles, so decoding (DEFLATE, LZW …) runs on both
cores; GDAL's own compression threads (NUM_THREADS) encode the outputs. The result of a kernel
never depends on where the strips are cut.

Outputs are written to a temporary file beside the destination and moved into place only when
every block has been written, so a cancelled or failed run never leaves a half-written result.
The temporary files a thread has open are listed by `open_temporaries` (a caller that is torn
down, e.g. by a termination signal, removes what is left with `remove_temporaries`).

A raster GDAL cannot open or decode (a damaged or truncated file: "IReadBlock failed") is
reported as an InputError naming the file, never as a GDAL traceback.
"""

from __future__ import annotations

import math
import os
import shutil
import threading
import uuid
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

import numpy as np
import rasterio
import rasterio.shutil
import rasterio.transform
import rasterio.warp
from affine import Affine
from rasterio.crs import CRS
from rasterio.enums import Resampling
from rasterio.errors import RasterioError, RasterioIOError
from rasterio.vrt import WarpedVRT
from rasterio.windows import Window

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Cancelled, Progress

try:  # GDAL errors rasterio raises as such (CPLE_AppDefinedError …); private module, so guarded
    from rasterio._err import CPLE_BaseError as _GdalError
except ImportError:  # pragma: no cover - a rasterio without it raises RasterioError only
    _GdalError = RasterioError

#: What rasterio raises when GDAL cannot open or decode a file (RasterioIOError is an OSError,
#: not a RasterioError).
READ_ERRORS: tuple[type[BaseException], ...] = (RasterioIOError, RasterioError, _GdalError)

#: Cells per strip: ~1 M float32 cells = 4 MB per input block.
STRIP_CELLS = 1 << 20
#: Strips are aligned to the files' tiles unless one band of tile rows holds more than this many
#: times the cells asked for (a very wide raster: memory first, tiles then read more than once).
ALIGN_LIMIT = 4
#: GDAL block cache (MB). The default (5 % of RAM) would dominate the memory footprint.
GDAL_CACHE_MB = 64
FLOAT_NODATA = -9999.0


class _Lock:
    """A module-level lock that pickles as a new lock: a distributed engine sends this module's
    functions and classes to its workers by value, with the globals they use (engines.py)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> bool:
        return self._lock.acquire()

    def __exit__(self, *exc: Any) -> None:
        self._lock.release()

    def __reduce__(self) -> tuple:
        return (_Lock, ())


def gdal_reason(error: BaseException) -> str:
    """GDAL's own words for `error`: rasterio ≥ 1.4 raises "Read failed. See previous exception
    for details." with GDAL's message in the exception's cause."""
    texts, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        text = " ".join(str(error).split())
        if text and "see previous exception" not in text.lower():
            texts.append(text)
        error = error.__cause__ or error.__context__
    return "; ".join(dict.fromkeys(texts))


def unreadable(path: str, error: BaseException) -> InputError:
    """The InputError for a raster GDAL cannot open or decode (`error` is GDAL's reason)."""
    detail = gdal_reason(error) or type(error).__name__
    return InputError(
        tr(
            "The raster {path} cannot be read ({detail}); the file may be damaged or incomplete, "
            "e.g. a copy that was cut short: export or copy it again"
        ),
        path=path,
        detail=detail,
    )


def unwritable(path: str, error: BaseException) -> InputError:
    """The InputError for an output GDAL cannot create (`error` is the reason)."""
    detail = gdal_reason(error) or type(error).__name__
    return InputError(
        tr("The output {path} cannot be written ({detail}); check that its folder exists and that you may write to it"),
        path=path,
        detail=detail,
    )


def open_raster(path: str):
    """`rasterio.open(path)` for reading; a file GDAL cannot open, or a GeoTIFF cut short,
    raises InputError naming it."""
    try:
        ds = rasterio.open(path)
    except READ_ERRORS as error:
        raise unreadable(path, error) from None
    try:
        check_complete(ds, path)
    except BaseException:
        ds.close()
        raise
    return ds


def read_float(path: str, band: int = 1) -> np.ndarray:
    """A whole band as float64, NaN where GDAL's mask says nodata: for the algorithms that need
    the whole grid at once (shortest paths, circuits). Read straight into float64 (no masked
    array and its copies: 9 bytes per cell in all)."""
    with open_raster(path) as ds:
        try:
            values = ds.read(band, out_dtype=np.float64)
            values[ds.read_masks(band) == 0] = np.nan
        except READ_ERRORS as error:
            raise unreadable(path, error) from None
    return values


#: Blocks whose place in the file `check_complete` looks up (the last ones of a larger file).
CHECKED_BLOCKS = 50_000
_complete_files: dict[tuple, bool] = {}
_complete_lock = _Lock()


def check_complete(ds: Any, path: str) -> None:
    """Raise InputError if a GeoTIFF's blocks reach past the end of its file (a copy or a
    download cut short). GDAL only notices when it reads such a block, and the part of the file
    a run reads may be intact: the damage would go unnoticed, and the next run on another extent
    would fail. Only the TIFF directory is read (each block's offset and size), once per file
    version; other formats are left to their reads."""
    if getattr(ds, "driver", "") != "GTiff":
        return
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return  # not a plain file (/vsicurl/, /vsizip/ …)
    key = (os.path.realpath(path), st.st_size, st.st_mtime_ns)
    with _complete_lock:
        if key in _complete_files:
            return
    block_h, block_w = ds.block_shapes[0]
    across = -(-ds.width // block_w)
    blocks = across * -(-ds.height // block_h)
    end = 0
    for b in range(max(0, blocks - CHECKED_BLOCKS), blocks):
        x, y = b % across, b // across
        offset = ds.get_tag_item(f"BLOCK_OFFSET_{x}_{y}", "TIFF", bidx=1)
        size = ds.get_tag_item(f"BLOCK_SIZE_{x}_{y}", "TIFF", bidx=1)
        if offset and size:
            end = max(end, int(offset) + int(size))
    if end > st.st_size:
        raise InputError(
            tr(
                "The raster {path} is incomplete: its data should reach byte {end} but the file has {size} bytes "
                "(a copy or download that was cut short); copy or export it again"
            ),
            path=path,
            end=end,
            size=st.st_size,
        )
    with _complete_lock:
        _complete_files[key] = True


_TEMPORARIES: dict[str, int] = {}
_TEMPORARIES_LOCK = _Lock()


def open_temporaries(thread: int | None = None) -> list[str]:
    """Temporary (`.<id>.part.<ext>`) files (and an engine's folders of pieces) opened by `thread` (default: the calling thread)
    and neither committed nor discarded yet."""
    thread = threading.get_ident() if thread is None else thread
    with _TEMPORARIES_LOCK:
        return [path for path, owner in _TEMPORARIES.items() if owner == thread]


def all_open_temporaries() -> list[str]:
    """Temporary files opened by any thread and neither committed nor discarded yet."""
    with _TEMPORARIES_LOCK:
        return list(_TEMPORARIES)


def register_temporary(path: str) -> None:
    """List `path` (a temporary file or folder the calling thread creates) in `open_temporaries`."""
    with _TEMPORARIES_LOCK:
        _TEMPORARIES[path] = threading.get_ident()


def forget_temporary(path: str) -> None:
    """Take `path` off the list of temporaries (it was moved into place or removed)."""
    with _TEMPORARIES_LOCK:
        _TEMPORARIES.pop(path, None)


def remove_temporaries(thread: int | None = None) -> list[str]:
    """Remove the temporary files `open_temporaries(thread)` lists (their side-cars, and the
    folders of pieces a distributed engine registered); return
    the files removed. For a caller whose run was torn down before its sinks were discarded."""
    removed = []
    for path in open_temporaries(thread):
        if os.path.isdir(path):  # an engine's folder of pieces (see engines.py)
            shutil.rmtree(path, ignore_errors=True)
            if not os.path.exists(path):
                removed.append(path)
        for candidate in (path, path + ".aux.xml"):
            try:
                os.remove(candidate)
                removed.append(candidate)
            except FileNotFoundError:
                pass
            except OSError:  # pragma: no cover - e.g. still open on Windows
                continue
        with _TEMPORARIES_LOCK:
            _TEMPORARIES.pop(path, None)
    return removed


@dataclass(frozen=True)
class Grid:
    """A raster grid: CRS, affine transform (cell corners) and size in cells."""

    crs: CRS | None
    transform: Affine
    width: int
    height: int

    @classmethod
    def of(cls, path: str) -> "Grid":
        with open_raster(path) as ds:
            return cls(ds.crs, ds.transform, ds.width, ds.height)

    @property
    def cell_area(self) -> float:
        """Area of one cell in squared CRS units (m² for a projected CRS in metres)."""
        return abs(self.transform.a * self.transform.e - self.transform.b * self.transform.d)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in CRS units."""
        return rasterio.transform.array_bounds(self.height, self.width, self.transform)

    @property
    def cell_size(self) -> tuple[float, float]:
        """(width, height) of a cell in CRS units. InputError for a rotated grid: its rows and
        columns do not run along the axes, so steps between cells have other lengths."""
        t = self.transform
        if t.b != 0 or t.d != 0:
            raise InputError(tr("The raster grid is rotated; warp it to a north-up grid first (Raster ▸ Projections ▸ Warp)"))
        return abs(t.a), abs(t.e)

    def strips(self, cells: int = STRIP_CELLS, align: int = 1) -> list[Window]:
        """Full-width windows of about `cells` cells (at least one row band), in row order.

        Their height is a multiple of 16 rows and of `align` (the tile height of the files read
        or written, see `tile_rows`), unless `align` rows of the grid hold more than ALIGN_LIMIT ×
        `cells` cells; then only of 16. The last strip takes the rows that are left.
        """
        width = max(self.width, 1)
        unit = math.lcm(16, max(1, int(align)))
        if unit * width > ALIGN_LIMIT * max(cells, 1) and unit > 16:
            unit = 16
        rows = max(unit, (cells // width) // unit * unit)
        return [Window(0, r, self.width, min(rows, self.height - r)) for r in range(0, self.height, rows)]

    def windows(self, cells: int = STRIP_CELLS, align: int = 1, align_columns: int = 0) -> list[Window]:
        """The windows of a block computation, in row-major order: the full-width `strips`, unless
        the grid is so wide that a band of `align` rows holds more than ALIGN_LIMIT × `cells` cells
        and every file is tiled narrower than the grid (`align_columns`: the least common multiple
        of the tile widths, see `tile_columns`; 0 when a file is striped). Such a grid is cut into
        windows one band of `align` rows high and a multiple of `align_columns` wide, of about
        `cells` cells: every tile is still read and written once, where full-width strips, cut
        below the tile height, would decode each tile again for every strip (the block cache
        cannot hold a band of a national-width grid).
        """
        unit = math.lcm(16, max(1, int(align)))
        if unit == 16 or unit * self.width <= ALIGN_LIMIT * max(cells, 1) or not 0 < align_columns < self.width:
            return self.strips(cells, align)
        columns = max(align_columns, (max(cells, 1) // unit) // align_columns * align_columns)
        return [
            Window(c, r, min(columns, self.width - c), min(unit, self.height - r))
            for r in range(0, self.height, unit)
            for c in range(0, self.width, columns)
        ]

    def same_as(self, other: "Grid") -> bool:
        return (
            self.width == other.width
            and self.height == other.height
            and self.transform.almost_equals(other.transform, precision=1e-9 * max(1.0, abs(self.transform.a)))
            and self.crs == other.crs
        )


def _bounds_overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class RasterSource:
    """One band of a raster file, read as float32 blocks (NaN = nodata) on a target grid.

    A source on another grid (CRS, resolution or extent) is warped on the fly with
    `resampling`; cells of the target grid outside the source are NaN.
    """

    path: str
    band: int = 1
    resampling: Resampling = Resampling.bilinear

    def check_against(self, grid: Grid) -> None:
        """Raise InputError if this source cannot be aligned to `grid`."""
        with open_raster(self.path) as ds:
            if not 1 <= self.band <= ds.count:
                raise InputError(
                    tr("{name} has {count} band(s); band {band} does not exist"), name=os.path.basename(self.path), count=ds.count, band=self.band
                )
            if ds.crs is None or grid.crs is None:
                if not Grid(ds.crs, ds.transform, ds.width, ds.height).same_as(grid):
                    raise InputError(
                        tr("{name} has no coordinate reference system; assign one (Layer Properties ▸ Source) so that it can be aligned"),
                        name=os.path.basename(self.path),
                    )
                return
            src_bounds = rasterio.warp.transform_bounds(ds.crs, grid.crs, *ds.bounds, densify_pts=21)
            if not _bounds_overlap(src_bounds, grid.bounds):
                raise InputError(
                    tr("{name} does not overlap the reference raster; check its extent and coordinate reference system"),
                    name=os.path.basename(self.path),
                )


class Placed(list):
    """Blocks (2-D arrays of one window, in source order) that know where their window lies:
    `origin` = (first row, first column, grid width), or None for blocks that are the whole grid.
    A kernel whose result must not depend on the cut of the grid (noise drawn per cell) reads
    `cell_ids`; a kernel that derives new blocks passes the origin on with `Placed(new, old.origin)`."""

    def __init__(self, blocks: Sequence[np.ndarray] = (), origin: tuple[int, int, int] | None = None):
        super().__init__(blocks)
        self.origin = origin


def cell_ids(blocks: Sequence[np.ndarray], flat: np.ndarray) -> np.ndarray:
    """Flat grid indices (row · grid width + column, uint64) of the cells at the flat positions
    `flat` of the blocks' window (their own grid when the blocks carry no origin)."""
    rows, cols = blocks[0].shape
    origin = getattr(blocks, "origin", None)
    row0, col0, width = origin if origin is not None else (0, 0, cols)
    r, c = np.divmod(np.asarray(flat, dtype=np.uint64), np.uint64(cols))
    return (r + np.uint64(row0)) * np.uint64(width) + c + np.uint64(col0)


class Blocks(Placed):
    """The blocks a kernel receives (a list of 2-D float32 arrays, in source order) when they are
    the layers of one array, `array` (sources, rows, columns): a kernel that needs its inputs
    stacked takes `blocks.stack(n)` instead of copying them with np.stack."""

    def __init__(self, array: np.ndarray, origin: tuple[int, int, int] | None = None):
        super().__init__(array, origin)
        self.array = array

    def stack(self, count: int | None = None) -> np.ndarray:
        """The first `count` blocks (default all) as one (count, rows, columns) array: a view of
        `array` while they are still its layers, else a copy (a kernel may have replaced some)."""
        count = len(self) if count is None else count
        if count <= len(self.array) and all(self._is_layer(i) for i in range(count)):
            return self.array[:count]
        return np.stack(self[:count])

    def _is_layer(self, i: int) -> bool:
        block = self[i]
        return (
            isinstance(block, np.ndarray)
            and block.base is self.array
            and block.shape == self.array.shape[1:]
            and block.__array_interface__["data"][0] == self.array.__array_interface__["data"][0] + i * self.array.strides[0]
        )


class _ThreadHandles(threading.local):
    """Per-thread open datasets: a rasterio dataset must not be shared between threads."""

    def __init__(self) -> None:
        self.open: dict[tuple[str, int], Any] = {}
        self.stack: list[Any] = []


def warp_scale(ds: Any, grid: Grid) -> dict[str, float]:
    """GDAL's XSCALE / YSCALE warp options for reading `ds` on `grid`, fixed for the whole grid.

    The scale is the number of grid cells per source cell (< 1 when downsampling), measured along
    the grid's middle row and column transformed into the source's pixel space. GDAL's warper widens
    its resampling kernel by 1 / scale when downsampling and, unless told the scale, estimates it for
    each chunk it warps, so a cell's value would depend on the block it was read in (and GDAL 3.10's
    warped VRT chunks differently from gdalwarp). Fixed, the result does not depend on the blocks and
    equals ``gdalwarp -wo XSCALE=… -wo YSCALE=…``. Empty (GDAL decides) when the transformation fails.
    """
    left, bottom, right, top = grid.bounds
    mid_x, mid_y = (left + right) / 2, (bottom + top) / 2
    try:
        xs, ys = rasterio.warp.transform(grid.crs, ds.crs, [left, right, mid_x, mid_x], [mid_y, mid_y, top, bottom])
    except (RasterioError, ValueError):
        return {}
    cols, rows = zip(*(~ds.transform * (x, y) for x, y in zip(xs, ys)))
    across = float(np.hypot(cols[1] - cols[0], rows[1] - rows[0]))
    down = float(np.hypot(cols[3] - cols[2], rows[3] - rows[2]))
    if not (np.isfinite(across) and np.isfinite(down)) or across <= 0 or down <= 0:
        return {}
    return {"XSCALE": grid.width / across, "YSCALE": grid.height / down}


def tile_rows(grid: Grid, sources: Sequence[RasterSource] = (), sinks: Sequence["RasterSink"] = ()) -> int:
    """The least common multiple of the block heights (tile height, or rows per strip of a striped
    GeoTIFF) of the sources read on `grid` without warping and of the opened `sinks`: strips of a
    multiple of it read and write every block once. Warped sources are left out (their blocks do
    not fall on the grid's rows); 1 when nothing is known."""
    heights = []
    for src in sources:
        try:
            with rasterio.open(src.path) as ds:
                if Grid(ds.crs, ds.transform, ds.width, ds.height).same_as(grid) and 1 <= src.band <= ds.count:
                    heights.append(ds.block_shapes[src.band - 1][0])
        except READ_ERRORS:
            continue  # the read itself will name the file
    heights += [sink.block_rows for sink in sinks if sink.block_rows]
    return math.lcm(*heights) if heights else 1


def tile_columns(grid: Grid, sources: Sequence[RasterSource] = (), sinks: Sequence["RasterSink"] = ()) -> int:
    """The least common multiple of the block widths of the sources read on `grid` without
    warping and of the opened `sinks` (see `tile_rows`); 0 when a source's blocks span its whole
    width (a striped GeoTIFF: windows cut in columns would decode each strip again), 1 when
    nothing is known."""
    widths = []
    for src in sources:
        try:
            with rasterio.open(src.path) as ds:
                if Grid(ds.crs, ds.transform, ds.width, ds.height).same_as(grid) and 1 <= src.band <= ds.count:
                    width = ds.block_shapes[src.band - 1][1]
                    if width >= ds.width:
                        return 0
                    widths.append(width)
        except READ_ERRORS:
            continue  # the read itself will name the file
    widths += [sink.block_columns for sink in sinks if sink.block_columns]
    return math.lcm(*widths) if widths else 1


class BlockReader:
    """Reads windows of several sources on one grid, from any thread."""

    def __init__(self, grid: Grid, sources: Sequence[RasterSource]):
        self.grid = grid
        self.sources = list(sources)
        self._handles = _ThreadHandles()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._complete: set[int] = set()  # sources whose file was found complete

    def _dataset(self, index: int) -> tuple[Any, int]:
        src = self.sources[index]
        key = (src.path, index)
        handle = self._handles.open.get(key)
        if handle is None:
            ds = rasterio.open(src.path)
            handle = ds
            opened = [ds]
            if not Grid(ds.crs, ds.transform, ds.width, ds.height).same_as(self.grid):
                handle = WarpedVRT(
                    ds,
                    crs=self.grid.crs,
                    transform=self.grid.transform,
                    width=self.grid.width,
                    height=self.grid.height,
                    resampling=src.resampling,
                    src_nodata=ds.nodatavals[src.band - 1],
                    nodata=np.nan,
                    dtype="float32",
                    **warp_scale(ds, self.grid),
                )
                opened.append(handle)
            self._handles.open[key] = handle
            with self._lock:
                self._all.extend(opened)
        return handle, src.band

    def read(self, index: int, window: Window, out: np.ndarray | None = None) -> np.ndarray:
        """The window of source `index` as float32 (NaN = nodata), into `out` when given (a
        C-contiguous float32 array of the window's shape); a file GDAL cannot open or decode
        (damaged, truncated) raises InputError naming it."""
        try:
            ds, band = self._dataset(index)
            if index not in self._complete:
                check_complete(ds.src_dataset if isinstance(ds, WarpedVRT) else ds, self.sources[index].path)
                self._complete.add(index)
            if out is None:
                data = ds.read(band, window=window, out_dtype="float32")
            else:
                data = ds.read(band, window=window, out=out)
        except READ_ERRORS as error:
            raise unreadable(self.sources[index].path, error) from None
        nodata = ds.nodatavals[band - 1]
        if nodata is not None and not np.isnan(nodata):
            np.copyto(data, np.float32(np.nan), where=data == np.float32(nodata))
        return data

    def read_all(self, window: Window) -> "Blocks":
        """Every source's window, as views of one (sources, rows, columns) array (`Blocks.array`)."""
        array = np.empty((len(self.sources), int(window.height), int(window.width)), dtype=np.float32)
        for i in range(len(self.sources)):
            self.read(i, window, array[i])
        return Blocks(array, (int(window.row_off), int(window.col_off), self.grid.width))

    def close(self) -> None:
        with self._lock:
            for ds in reversed(self._all):
                ds.close()
            self._all.clear()


@dataclass
class RasterSink:
    """An output raster on the grid, written block by block to a temporary file. `cog`: a
    GeoTIFF destination becomes a Cloud Optimized GeoTIFF (with overviews) when committed, by
    GDAL's COG driver from the finished file (an engine that assembles its own output reads it)."""

    path: str
    dtype: str = "float32"
    nodata: float | int = FLOAT_NODATA
    description: str = ""
    compress: bool = True
    cog: bool = False
    _tmp: str = field(default="", init=False)
    _ds: Any = field(default=None, init=False)
    _held: list = field(default_factory=list, init=False)  # [(first row, encoded rows)] of a band not yet whole

    def reserve(self) -> str:
        """Create the destination's folder and choose the temporary file beside it (listed by
        `open_temporaries` until committed or discarded); return its path. `open` does this; an
        engine that writes the file itself (e.g. GDAL's copy of assembled pieces) calls it alone,
        writes the returned path, then `commit`s or `discard`s."""
        folder, name = os.path.split(os.path.abspath(self.path))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise unwritable(self.path, error) from None
        self._tmp = os.path.join(folder, f".{uuid.uuid4().hex[:8]}.part{os.path.splitext(name)[1] or '.tif'}")
        register_temporary(self._tmp)
        return self._tmp

    def open(self, grid: Grid) -> None:
        self.reserve()
        profile = dict(
            driver=driver_for(self.path),
            width=grid.width,
            height=grid.height,
            count=1,
            dtype=self.dtype,
            crs=grid.crs,
            transform=grid.transform,
            nodata=self.nodata,
        )
        if profile["driver"] == "GTiff":
            profile.update(creation_options(self.dtype, self.compress))
        try:
            self._ds = rasterio.open(self._tmp, "w", **profile)
        except (*READ_ERRORS, OSError) as error:
            self.discard()
            raise unwritable(self.path, error) from None
        if self.description:
            self._ds.set_band_description(1, self.description)

    @property
    def block_rows(self) -> int | None:
        """The height of the output's blocks (256 for the toolkit's tiled GeoTIFFs) once opened."""
        return self._ds.block_shapes[0][0] if self._ds is not None else None

    @property
    def block_columns(self) -> int | None:
        """The width of the output's blocks once opened."""
        return self._ds.block_shapes[0][1] if self._ds is not None else None

    def encode(self, data: np.ndarray) -> np.ndarray:
        """`data` as the file stores it: NaN → nodata, in the output's type (thread-safe, so that
        run_blocks does it in its workers and leaves only GDAL's write to the calling thread)."""
        if np.issubdtype(data.dtype, np.floating):
            data = np.where(np.isnan(data), self.nodata, data)
        return data.astype(self.dtype, copy=False)

    def write(self, data: np.ndarray, window: Window, encoded: bool = False) -> None:
        """Write a window; windows come in row-major order (Grid.windows).

        A window narrower than the grid goes straight to the file (Grid.windows cuts those on
        the tiles, so each tile is written once). Full-width rows reach the file only as whole bands of block rows (or down to the last row), so no
        tile is ever written twice: GDAL before 3.7.3 with compression threads (NUM_THREADS) can
        read a tile back while its first part is still being encoded and lose that part
        (OSGeo/gdal#8470), which strips ending inside a tile would trigger. Rows of a band not
        yet whole are held (at most one band of block rows plus one strip)."""
        block = data if encoded else self.encode(data)
        if int(window.width) != self._ds.width or int(window.col_off) != 0:
            self._flush()
            self._ds.write(block, 1, window=window)
            return
        start, end = int(window.row_off), int(window.row_off + window.height)
        if self._held and self._held[-1][0] + len(self._held[-1][1]) != start:
            self._flush()
        self._held.append((start, block))
        first = self._held[0][0]
        unit = self.block_rows or 1
        cut = end if end >= self._ds.height else end // unit * unit
        if cut <= first:
            return
        rows = self._held[0][1] if len(self._held) == 1 else np.concatenate([b for _, b in self._held])
        self._ds.write(rows[: cut - first], 1, window=Window(0, first, self._ds.width, cut - first))
        self._held = [(cut, rows[cut - first :])] if end > cut else []

    def _flush(self) -> None:
        if self._held:
            first = self._held[0][0]
            rows = np.concatenate([b for _, b in self._held])
            self._ds.write(rows, 1, window=Window(0, first, self._ds.width, len(rows)))
            self._held = []

    def commit(self) -> None:
        if self._ds is not None:
            self._flush()
            self._ds.close()
            self._ds = None
            if self.cog and driver_for(self.path) == "GTiff":
                self._to_cog()
        os.replace(self._tmp, self.path)
        with _TEMPORARIES_LOCK:
            _TEMPORARIES.pop(self._tmp, None)
        for ext in (".aux.xml", ".ovr"):
            # A stale side-car of an earlier run would describe a different raster.
            if os.path.exists(self.path + ext):
                os.remove(self.path + ext)

    def _to_cog(self) -> None:
        """Rewrite the finished temporary file as a COG (a second temporary beside it)."""
        written = self._tmp
        self.reserve()
        try:
            with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
                rasterio.shutil.copy(written, self._tmp, driver="COG", **cog_options(self.dtype, self.compress))
        except (*READ_ERRORS, OSError) as error:
            raise unwritable(self.path, error) from None
        finally:
            os.remove(written)
            with _TEMPORARIES_LOCK:
                _TEMPORARIES.pop(written, None)

    def discard(self) -> None:
        self._held = []
        if self._ds is not None:
            self._ds.close()
            self._ds = None
        for candidate in (self._tmp, self._tmp + ".aux.xml"):
            if candidate and os.path.exists(candidate):
                os.remove(candidate)
        with _TEMPORARIES_LOCK:
            _TEMPORARIES.pop(self._tmp, None)


def driver_for(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return {".tif": "GTiff", ".tiff": "GTiff", ".img": "HFA", ".vrt": "VRT", ".nc": "netCDF"}.get(ext, "GTiff")


def creation_options(dtype: str, compress: bool) -> dict[str, Any]:
    """Tiled 256 × 256 GeoTIFF; DEFLATE with the predictor suited to the type when `compress`.

    Compression costs more than the whole computation of an overlay (writing 64 M float32 cells
    takes 0.3 s plain and ~3 s with DEFLATE), so outputs are compressed only when the input
    they derive from is (see `is_compressed`); ZLEVEL 1 and GDAL's compression threads keep that
    cost down.
    """
    options: dict[str, Any] = dict(tiled=True, blockxsize=256, blockysize=256, bigtiff="IF_SAFER")
    if compress:
        predictor = 3 if np.issubdtype(np.dtype(dtype), np.floating) else (1 if np.dtype(dtype).itemsize == 1 else 2)
        options.update(compress="deflate", zlevel=1, predictor=predictor, num_threads="ALL_CPUS")
    return options


def cog_options(dtype: str, compress: bool) -> dict[str, Any]:
    """GDAL COG driver options matching `creation_options` (256 × 256 tiles, DEFLATE level 1 and
    its predictor); overviews by nearest neighbour for classes (integers), by average otherwise."""
    integer = not np.issubdtype(np.dtype(dtype), np.floating)
    # No NUM_THREADS: GDAL 3.6's COG driver with compression threads and a 64 MB block cache
    # never finishes (deadlock).
    options: dict[str, Any] = dict(BLOCKSIZE=256, BIGTIFF="IF_SAFER", RESAMPLING="NEAREST" if integer else "AVERAGE")
    if compress:
        predictor = {1: "NO", 2: "STANDARD", 3: "FLOATING_POINT"}[creation_options(dtype, True)["predictor"]]
        options.update(COMPRESS="DEFLATE", LEVEL=1, PREDICTOR=predictor)
    else:
        options.update(COMPRESS="NONE")
    return options


def is_compressed(path: str) -> bool:
    """Whether a raster file is stored compressed (outputs derived from it follow its choice)."""
    with open_raster(path) as ds:
        return ds.compression is not None


def check_distinct_paths(inputs: Sequence[str], outputs: Sequence[str]) -> None:
    """Refuse to overwrite an input: the toolkit never modifies its inputs."""
    norm = lambda p: os.path.normcase(os.path.realpath(p))  # noqa: E731
    ins = {norm(p) for p in inputs}
    for out in outputs:
        if norm(out) in ins or any(_same_file(out, p) for p in inputs):
            raise InputError(tr("The output {path} is also an input; choose another output file (inputs are never modified)"), path=out)


def _same_file(a: str, b: str) -> bool:
    """Whether two existing paths are one file (hard links, bind mounts, case-insensitive disks)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


BlockKernel = Callable[[list[np.ndarray]], tuple[Sequence[np.ndarray], Any]]


def run_blocks(
    grid: Grid,
    sources: Sequence[RasterSource],
    kernel: BlockKernel,
    sinks: Sequence[RasterSink] = (),
    *,
    on_result: Callable[[Any], None] | None = None,
    before_commit: Callable[[], None] | None = None,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    workers: int | None = None,
    cells_per_block: int = STRIP_CELLS,
    engine: Any = None,
) -> None:
    """Map `kernel` over the grid's windows (Grid.windows) and write its outputs to `sinks`.

    `kernel(blocks)` receives the sources' float32 blocks (NaN = nodata) in source order and
    returns (output blocks in sink order, extra). `on_result(extra)` runs in the calling
    thread in strip order, so reductions over blocks are deterministic. `before_commit()` runs
    after the last block and may raise to reject the result (e.g. nothing valid was computed).
    On any error or on cancellation the sinks are discarded and nothing is left at their paths.
    `engine` (see engines.py): None runs the strips in this process's thread pool; an engine's
    own `run_blocks` (same arguments, same guarantees) runs them elsewhere, e.g. on a Dask cluster.
    """
    check_distinct_paths([s.path for s in sources], [s.path for s in sinks])
    if engine is not None:
        engine.run_blocks(
            grid,
            sources,
            kernel,
            sinks,
            on_result=on_result,
            before_commit=before_commit,
            progress=progress,
            cancelled=cancelled,
            cells_per_block=cells_per_block,
        )
        return
    workers = workers or min(2, os.cpu_count() or 1)
    reader = BlockReader(grid, sources)
    opened: list[RasterSink] = []

    def task(window: Window) -> tuple[Window, Sequence[np.ndarray], Any]:
        outputs, extra = kernel(reader.read_all(window))
        return window, [sink.encode(block) for sink, block in zip(sinks, outputs)], extra

    try:
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            for sink in sinks:
                sink.open(grid)
                opened.append(sink)
            windows = grid.windows(cells_per_block, tile_rows(grid, sources, sinks), tile_columns(grid, sources, sinks))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                pending: deque = deque()
                todo: Iterator[Window] = iter(windows)
                done = 0
                for window in todo:
                    pending.append(pool.submit(task, window))
                    if len(pending) < 2 * workers:
                        continue
                    done = _drain_one(pending, sinks, on_result, done, len(windows), progress, cancelled)
                while pending:
                    done = _drain_one(pending, sinks, on_result, done, len(windows), progress, cancelled)
        if before_commit is not None:
            before_commit()
        for sink in sinks:
            sink.commit()
    except BaseException:
        for sink in opened:
            sink.discard()
        raise
    finally:
        reader.close()


def _drain_one(pending, sinks, on_result, done, total, progress, cancelled) -> int:
    if cancelled is not None and cancelled():
        for future in pending:
            future.cancel()
        raise Cancelled()
    window, outputs, extra = pending.popleft().result()
    for sink, block in zip(sinks, outputs):
        sink.write(block, window, encoded=True)
    if on_result is not None:
        on_result(extra)
    done += 1
    if progress is not None:
        progress(done / total)
    return done


def iterate_blocks(
    grid: Grid,
    sources: Sequence[RasterSource],
    *,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    cells_per_block: int = STRIP_CELLS,
) -> Iterator[list[np.ndarray]]:
    """Yield the sources' blocks strip by strip (for statistics passes that write nothing)."""
    windows = grid.strips(cells_per_block, tile_rows(grid, sources))
    reader = BlockReader(grid, sources)
    try:
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            for i, window in enumerate(windows):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                yield reader.read_all(window)
                if progress is not None:
                    progress((i + 1) / len(windows))
    finally:
        reader.close()


def write_array(
    path: str,
    array: np.ndarray,
    grid: Grid,
    *,
    nodata: float | int,
    description: str = "",
    compress: bool = True,
    cog: bool = False,
    cancelled: CancelCheck = None,
) -> None:
    """Write an in-memory array on `grid` strip by strip (same temporary-file guarantee)."""
    sink = RasterSink(path, str(array.dtype), nodata, description, compress, cog)
    try:
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB):
            sink.open(grid)
            for window in grid.strips(align=sink.block_rows or 1):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                rows = slice(window.row_off, window.row_off + window.height)
                sink.write(array[rows], window)
        sink.commit()
    except BaseException:
        sink.discard()
        raise
