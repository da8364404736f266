"""Class breaks for grading a continuous risk surface into ordinal classes.

Conventions shared by every function in this module:

* ``breaks`` is the strictly increasing sequence of the k − 1 *interior*
  class breaks, in the units of the classified raster.
* A value v gets the grade ``g = 1 + #{b in breaks : v > b}``: a value equal
  to a break belongs to the lower class, i.e. each break is the upper bound
  (maximum) of its class, as in Jenks (1977) and mapclassify.
* Grade 0 is reserved for nodata (NaN), so at most 255 classes are possible.

Breaks are computed from a :class:`ValueSummary` of all valid cells, built
block by block so that rasters of hundreds of millions of cells never have to
be held in memory.  While the number of distinct values is small the summary
is exact; beyond that it is a fine histogram whose per-bin count, sum and sum
of squares keep the within-class sum of squared deviations of any union of
whole bins exact, so the only approximation is that breaks fall on bin edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Iterable, Sequence, Union

import numpy as np

from ..common.messages import InputError, Message, tr
from ..common.parsing import split_numbers
from ..common.progress import CancelCheck, Progress, scaled
from ..engine.raster_io import STRIP_CELLS, Grid, RasterSource, run_blocks

DEFAULT_MAX_UNIQUE = 65_536
DEFAULT_BINS = 16_384
MAX_CLASSES = 255  # grades are uint8 and 0 means nodata


@dataclass(frozen=True)
class Breaks:
    """Interior class breaks produced by one classification method.

    ``values`` follows the module convention (upper bound of each class but the
    last).  ``exact`` is False when the breaks were derived from the binned
    summary and are therefore restricted by the histogram's bin width.
    ``notes`` are planner-readable remarks (fewer classes than asked, breaks
    outside the data range, ...) as translatable messages; empty when there is
    nothing to report.
    """

    values: tuple[float, ...]
    method: str
    exact: bool = True
    # Message holds a dict, so the notes take part in == but not in hash()
    notes: tuple[Message, ...] = field(default=(), hash=False)

    @property
    def classes(self) -> int:
        """Number of classes these breaks define (len(values) + 1)."""
        return len(self.values) + 1


@dataclass(frozen=True, eq=False)
class WeightedPoints:
    """A summary seen as sorted weighted points.

    Point j stands for ``n[j]`` cells whose mean value is ``x[j]`` and whose
    sum of squared deviations about that mean is ``within[j]`` (0 for a
    distinct value, the histogram bin's own spread otherwise).  All cells of
    point j lie in ``[lower[j], upper[j]]``; a break placed after point j takes
    the value ``upper[j]``.  Storing the within-point SSD instead of raw sums
    of squares lets any shift be applied later without cancellation.
    """

    x: np.ndarray
    n: np.ndarray
    within: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    exact: bool

    def moments(self, shift: float) -> tuple[np.ndarray, np.ndarray]:
        """Per-point sum and sum of squares of (value − shift).

        sum_j = n_j (x_j − c),  sumsq_j = within_j + n_j (x_j − c)²  (c = shift).
        The SSD of a run of consecutive points, Σsumsq − (Σsum)² / Σn, is then
        exact up to rounding (König–Huygens decomposition).
        """
        d = self.x - shift
        return self.n * d, self.within + self.n * d * d


def value_range(blocks: Iterable[np.ndarray]) -> tuple[float, float]:
    """Global minimum and maximum of the valid (non-NaN) cells of all blocks.

    This is the first pass of the two-pass summary: the histogram of the
    binned mode needs the global range before the first value is added.

    Raises InputError if no block has a valid cell or a cell is infinite.
    """
    lo, hi = math.inf, -math.inf
    for block in blocks:
        flat = np.asarray(block).ravel()
        if flat.size == 0:
            continue
        # fmin/fmax skip NaN without the all-NaN warning of nanmin/nanmax
        bmin = float(np.fmin.reduce(flat))
        bmax = float(np.fmax.reduce(flat))
        if math.isnan(bmin):
            continue
        if math.isinf(bmin) or math.isinf(bmax):
            raise _infinite_values_error()
        lo, hi = min(lo, bmin), max(hi, bmax)
    if lo > hi:
        raise _no_valid_cells_error()
    return lo, hi


def _infinite_values_error() -> InputError:
    return InputError(tr("The raster contains infinite values; set them to nodata before classifying."))


def _no_valid_cells_error() -> InputError:
    return InputError(tr("The raster has no valid cells (every cell is nodata)."))


@dataclass
class ValueSummary:
    """Weighted summary of all valid cells of a raster, built block by block.

    Exact mode: the sorted distinct values and their counts, as long as there
    are at most ``max_unique`` of them.  Binned mode (after that overflows):
    ``bins`` equal-width bins over [vmin, vmax], right-closed
    (e_b, e_{b+1}] like the grading rule, so a value on an edge falls in the
    same class whether graded from the bins or directly; per bin the count,
    Σ(v − e_b) and Σ(v − e_b)² are kept in float64, relative to the bin's own
    lower edge so the within-bin spread suffers no cancellation
    (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample
    variance", Am. Stat. 37(3):242–247).

    Usage (two passes):  ``lo, hi = value_range(blocks())`` then
    ``s = ValueSummary(lo, hi)`` and ``s.add(block)`` for every block.
    ``vmin``/``vmax`` may be omitted only if the data are known to have at
    most ``max_unique`` distinct values; otherwise ``add`` raises on overflow.
    """

    vmin: float | None = None
    vmax: float | None = None
    max_unique: int = DEFAULT_MAX_UNIQUE
    bins: int = DEFAULT_BINS
    _values: np.ndarray = field(init=False, repr=False)
    _counts: np.ndarray = field(init=False, repr=False)
    _edges: np.ndarray | None = field(init=False, repr=False, default=None)
    _bin_n: np.ndarray | None = field(init=False, repr=False, default=None)
    _bin_s1: np.ndarray | None = field(init=False, repr=False, default=None)
    _bin_s2: np.ndarray | None = field(init=False, repr=False, default=None)
    _min: float = field(init=False, repr=False, default=math.inf)
    _max: float = field(init=False, repr=False, default=-math.inf)

    def __post_init__(self) -> None:
        if self.max_unique < 1:
            raise ValueError("max_unique must be at least 1.")
        if self.bins < 2:
            raise ValueError("The histogram needs at least 2 bins.")
        if (self.vmin is None) != (self.vmax is None):
            raise ValueError("Give both the minimum and the maximum of the data, or neither.")
        if self.vmin is not None:
            _validate_range(self.vmin, self.vmax)
        self._values = np.empty(0, dtype=np.float64)
        self._counts = np.empty(0, dtype=np.int64)

    @classmethod
    def from_array(
        cls,
        values: np.ndarray,
        max_unique: int = DEFAULT_MAX_UNIQUE,
        bins: int = DEFAULT_BINS,
    ) -> "ValueSummary":
        """Summary of an in-memory array (NaN = nodata), range pass included."""
        lo, hi = value_range([values])
        summary = cls(lo, hi, max_unique=max_unique, bins=bins)
        summary.add(values)
        return summary

    @property
    def exact(self) -> bool:
        """True while the summary holds every distinct value exactly."""
        return self._bin_n is None

    @property
    def count(self) -> int:
        """Number of valid cells added so far."""
        if self.exact:
            return int(self._counts.sum())
        return int(self._bin_n.sum())

    @property
    def minimum(self) -> float:
        """Smallest valid value added (raises if none)."""
        self._require_data()
        return self._min

    @property
    def maximum(self) -> float:
        """Largest valid value added (raises if none)."""
        self._require_data()
        return self._max

    @property
    def mean(self) -> float:
        """Arithmetic mean of the valid cells, μ = Σv / N."""
        p = self.points()
        return float(np.average(p.x, weights=p.n))

    @property
    def std(self) -> float:
        """Population standard deviation σ = √(Σ(v − μ)² / N) of the valid cells."""
        p = self.points()
        return math.sqrt(_total_ssd(p.x, p.n, p.within) / float(p.n.sum()))

    def add(self, block: np.ndarray) -> None:
        """Add one block of values; NaN cells are nodata and are skipped."""
        self.add_partial(block_partial(block, self.vmin, self.vmax, self.bins, unique=self.exact, binned=not self.exact))

    def add_partial(self, part: "BlockPartial") -> None:
        """Add what :func:`block_partial` made of one block, blocks in a fixed order (the raster's
        strips): the summary is then bit for bit the one `add` builds from the blocks themselves.
        While exact it needs the block's distinct values; once binned, its bin sums."""
        if part.count == 0:
            return
        if self.exact:
            if part.values is None:
                raise ValueError("The partial summary of a block lacks its distinct values, needed while the summary is exact.")
            self._note_range(part.low, part.high)
            self._merge_exact(part.values.astype(np.float64), part.counts.astype(np.int64))
            if self._values.size > self.max_unique:
                self._switch_to_bins()
        else:
            self._note_range(part.low, part.high)
            if part.bin_n is None or part.bins != (self.vmin, self.vmax, self.bins):
                raise ValueError("The partial summary of a block lacks the bin sums of this summary's histogram.")
            self._bin_n += part.bin_n
            self._bin_s1 += part.bin_s1
            self._bin_s2 += part.bin_s2

    def points(self) -> WeightedPoints:
        """The summary as sorted weighted points (distinct values or non-empty bins)."""
        self._require_data()
        if self.exact:
            x = self._values.copy()
            zeros = np.zeros_like(x)
            return WeightedPoints(x, self._counts.astype(np.float64), zeros, x, x, True)
        nonempty = self._bin_n > 0
        n = self._bin_n[nonempty].astype(np.float64)
        s1 = self._bin_s1[nonempty]
        s2 = self._bin_s2[nonempty]
        lower = self._edges[:-1][nonempty]
        upper = self._edges[1:][nonempty]
        # rounding could push a bin mean an ulp past its edge, which would then
        # grade it into the neighbouring class
        x = np.clip(lower + s1 / n, lower, upper)
        within = np.maximum(s2 - s1 * s1 / n, 0.0)
        return WeightedPoints(x, n, within, lower, upper, False)

    def _require_data(self) -> None:
        if self.count == 0:
            raise _no_valid_cells_error()

    def _note_range(self, lo: float, hi: float) -> None:
        if math.isinf(lo) or math.isinf(hi):
            raise _infinite_values_error()
        if self.vmin is not None and (lo < self.vmin or hi > self.vmax):
            bad = lo if lo < self.vmin else hi
            # the range comes from a first pass over the same raster (value_range), so
            # this means the data changed in between or the range was not taken from them
            raise InputError(
                tr(
                    "The value {value} lies outside the data range [{vmin}, {vmax}] found in "
                    "the first pass over the raster; the raster may have changed while it was "
                    "being read."
                ),
                value=float(bad),
                vmin=float(self.vmin),
                vmax=float(self.vmax),
            )
        self._min, self._max = min(self._min, lo), max(self._max, hi)

    def _merge_exact(self, uniq: np.ndarray, cnt: np.ndarray) -> None:
        if self._values.size == 0:
            self._values, self._counts = uniq, cnt
            return
        allv = np.concatenate((self._values, uniq))
        merged, inverse = np.unique(allv, return_inverse=True)
        weights = np.concatenate((self._counts, cnt))
        # float64 bincount is exact for counts below 2**53 and far faster than np.add.at
        counts = np.bincount(inverse, weights=weights, minlength=merged.size)
        self._values, self._counts = merged, counts.astype(np.int64)

    def _switch_to_bins(self) -> None:
        if self.vmin is None:
            raise ValueError(
                f"The raster has more than {self.max_unique} distinct values, so the summary "
                "must switch to a histogram, which needs the data range: compute it first "
                "with value_range() and pass vmin/vmax."
            )
        self._edges = _bin_edges(self.vmin, self.vmax, self.bins)
        self._bin_n = np.zeros(self.bins, dtype=np.int64)
        self._bin_s1 = np.zeros(self.bins, dtype=np.float64)
        self._bin_s2 = np.zeros(self.bins, dtype=np.float64)
        values, counts = self._values, self._counts
        self._values = np.empty(0, dtype=np.float64)
        self._counts = np.empty(0, dtype=np.int64)
        self._add_binned(values, counts)

    def _add_binned(self, v: np.ndarray, weights: np.ndarray | None) -> None:
        n, s1, s2 = _bin_sums(v, weights, self.vmin, self.vmax, self.bins, self._edges)
        self._bin_n += n
        self._bin_s1 += s1
        self._bin_s2 += s2


def _bin_edges(vmin: float, vmax: float, bins: int) -> np.ndarray:
    """The `bins` + 1 edges of the summary's histogram over [vmin, vmax] (the last one vmax itself)."""
    edges = vmin + (vmax - vmin) / bins * np.arange(bins + 1)
    edges[-1] = vmax
    return edges


def _bin_sums(
    v: np.ndarray, weights: np.ndarray | None, vmin: float, vmax: float, nb: int, edges: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per bin (right-closed, see ValueSummary): the count, Σ(v − e_b) and Σ(v − e_b)² of the
    values `v` (float64), each weighted by `weights` when given."""
    width = (vmax - vmin) / nb
    idx = np.ceil((v - vmin) / width).astype(np.intp) - 1
    np.clip(idx, 0, nb - 1, out=idx)
    # the division may be off by one ulp; fix against the actual edges so that
    # bin membership agrees exactly with grade()'s  v > break  test
    idx -= (v <= edges[idx]) & (idx > 0)
    idx += (v > edges[idx + 1]) & (idx < nb - 1)
    d = v - edges[idx]
    wd = d if weights is None else d * weights
    n = np.bincount(idx, weights=weights, minlength=nb).astype(np.int64)
    return n, np.bincount(idx, weights=wd, minlength=nb), np.bincount(idx, weights=wd * d, minlength=nb)


@dataclass(frozen=True, eq=False)
class BlockPartial:
    """What one block adds to a :class:`ValueSummary`, computed where the block was read (a
    worker) and merged in the summary in strip order (:meth:`ValueSummary.add_partial`).

    count, low, high: the number, minimum and maximum of the valid cells (low/high NaN if none).
    values, counts: the block's distinct values (in its own float type) and their counts, or
    None when not asked for. bins: (vmin, vmax, number of bins) of the histogram whose per-bin
    count, Σ(v − e_b) and Σ(v − e_b)² of the block's cells are bin_n, bin_s1, bin_s2 (None when
    not asked for).
    """

    count: int
    low: float
    high: float
    values: np.ndarray | None = None
    counts: np.ndarray | None = None
    bins: tuple[float, float, int] | None = None
    bin_n: np.ndarray | None = None
    bin_s1: np.ndarray | None = None
    bin_s2: np.ndarray | None = None


def block_partial(
    block: np.ndarray, vmin: float | None, vmax: float | None, bins: int = DEFAULT_BINS, *, unique: bool = True, binned: bool = True
) -> BlockPartial:
    """The partial summary of one block (NaN = nodata): its distinct values and counts when
    `unique`, its sums in the histogram of `bins` bins over [vmin, vmax] (the whole raster's
    range) when `binned` and that range is known and not a single value (a summary over one value
    never needs bins). A block's sums are exactly those ValueSummary.add adds for it."""
    flat = np.asarray(block).ravel()
    valid = flat[~np.isnan(flat)] if flat.dtype.kind == "f" else flat
    if valid.size == 0:
        return BlockPartial(0, math.nan, math.nan)
    values = counts = None
    if unique:
        # np.unique on the native dtype (float32) is cheaper than on float64
        values, counts = np.unique(valid, return_counts=True)
        low, high = float(values[0]), float(values[-1])
    else:
        low, high = float(valid.min()), float(valid.max())
    if not binned or vmin is None or vmax is None or not vmax > vmin or math.isinf(low) or math.isinf(high):
        return BlockPartial(int(valid.size), low, high, values, counts)
    n, s1, s2 = _bin_sums(valid.astype(np.float64), None, vmin, vmax, bins, _bin_edges(vmin, vmax, bins))
    return BlockPartial(int(valid.size), low, high, values, counts, (vmin, vmax, bins), n, s1, s2)


Summary = Union[ValueSummary, WeightedPoints]


def _as_points(summary: Summary) -> WeightedPoints:
    if isinstance(summary, WeightedPoints):
        return summary
    return summary.points()


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise InputError(tr("The number of classes must be a whole number, not {k}."), k=k)
    if not 2 <= k <= MAX_CLASSES:
        raise InputError(
            tr("The number of classes must be between 2 and {max_classes}, not {k}."),
            k=int(k),
            max_classes=MAX_CLASSES,
        )
    return int(k)


def _too_many_breaks_error(count: int) -> InputError:
    return InputError(
        tr("{count} class breaks were given, but at most {max_breaks} are possible ({max_classes} classes)."),
        count=count,
        max_breaks=MAX_CLASSES - 1,
        max_classes=MAX_CLASSES,
    )


def _not_increasing_error(value: object, previous: float) -> InputError:
    return InputError(
        tr("Class breaks must be strictly increasing, but {value} follows {previous:g}."),
        value=value,
        previous=float(previous),
    )


def _as_break_array(breaks: Union[Breaks, Sequence[float], np.ndarray]) -> np.ndarray:
    values = breaks.values if isinstance(breaks, Breaks) else breaks
    arr = np.asarray(values, dtype=np.float64).ravel()
    if arr.size > MAX_CLASSES - 1:
        raise _too_many_breaks_error(int(arr.size))
    finite = np.isfinite(arr)
    if not np.all(finite):
        raise InputError(
            tr("Class break {value} is not a finite number."),
            value=float(arr[np.argmin(finite)]),
        )
    step = np.diff(arr)
    if np.any(step <= 0):
        i = int(np.argmax(step <= 0))
        raise _not_increasing_error(f"{arr[i + 1]:g}", arr[i])
    return arr


def grade(values: np.ndarray, breaks: Union[Breaks, Sequence[float], np.ndarray]) -> np.ndarray:
    """Class grade of each value: g = 1 + #{b ∈ breaks : v > b}, NaN → 0.

    A value equal to a break gets the lower grade (breaks are class maxima,
    Jenks 1977).  Output has the shape of ``values`` and dtype uint8.
    """
    b = _as_break_array(breaks)
    v = np.asarray(values)
    # side="left" counts the breaks strictly below v, i.e. #{b : v > b}
    g = (np.searchsorted(b, v, side="left") + 1).astype(np.uint8)
    if v.dtype.kind == "f":
        g[np.isnan(v)] = 0
    return g


def _total_ssd(x: np.ndarray, n: np.ndarray, within: np.ndarray) -> float:
    """Σ(v − μ)² over all cells of some points, without cancellation."""
    mu = float(np.average(x, weights=n))
    return float(within.sum() + (n * (x - mu) ** 2).sum())


def _prefix_moments(p: WeightedPoints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # shifting by the mean keeps the prefix sums as small as possible, so the
    # rounding error of S2 − S1²/N is relative to the total SSD
    s1, s2 = p.moments(float(np.average(p.x, weights=p.n)))
    pn = np.concatenate(([0.0], np.cumsum(p.n)))
    p1 = np.concatenate(([0.0], np.cumsum(s1)))
    p2 = np.concatenate(([0.0], np.cumsum(s2)))
    return pn, p1, p2


def _run_ssd(pn: np.ndarray, p1: np.ndarray, p2: np.ndarray, t: np.ndarray, i: np.ndarray) -> np.ndarray:
    """SSD of points t..i−1: (S2 − S1²/N) over the run, from prefix sums."""
    s1 = p1[i] - p1[t]
    return np.maximum((p2[i] - p2[t]) - s1 * s1 / (pn[i] - pn[t]), 0.0)


def _dc_layer(
    prev: np.ndarray,
    first_i: int,
    last_i: int,
    min_t: int,
    moments: tuple[np.ndarray, np.ndarray, np.ndarray],
    tol: float,
) -> tuple[np.ndarray, np.ndarray]:
    """One DP layer D_j(i) = min_t D_{j−1}(t) + SSD(t, i) for first_i ≤ i ≤ last_i.

    Divide and conquer on the monotone optimal split: all segments of one
    recursion depth are evaluated together in flat numpy arrays, so each depth
    costs O(m) vector work and a layer O(m log m).
    """
    pn, p1, p2 = moments
    size = pn.size
    cost = np.full(size, np.inf)
    opt = np.zeros(size, dtype=np.int32)
    ilo = np.array([first_i])
    ihi = np.array([last_i])
    tlo = np.array([min_t])
    thi = np.array([last_i - 1])
    while ilo.size:
        mid = (ilo + ihi) // 2
        length = np.minimum(thi, mid - 1) - tlo + 1
        starts = np.cumsum(length) - length
        total = int(starts[-1] + length[-1])
        t = np.arange(total) + np.repeat(tlo - starts, length)
        c = prev[t] + _run_ssd(pn, p1, p2, t, np.repeat(mid, length))
        best = np.minimum.reduceat(c, starts)
        # ties (within rounding) go to the smallest split index, for determinism
        candidate = np.where(c <= np.repeat(best + tol, length), np.arange(total), total)
        first = np.minimum.reduceat(candidate, starts)
        arg = t[first]
        cost[mid] = c[first]
        opt[mid] = arg
        left, right = ilo < mid, mid < ihi
        ilo, ihi, tlo, thi = (
            np.concatenate((ilo[left], mid[right] + 1)),
            np.concatenate((mid[left] - 1, ihi[right])),
            np.concatenate((tlo[left], arg[right])),
            np.concatenate((arg[left], thi[right])),
        )
    return cost, opt


def _optimal_starts(p: WeightedPoints, k: int) -> np.ndarray:
    """First point index of each of the k classes of the optimal partition."""
    m = p.x.size
    moments = _prefix_moments(p)
    pn, p1, p2 = moments
    tol = 1e-12 * max(float(p2[-1]), np.finfo(float).tiny)
    ends = np.arange(m + 1)
    cost = np.full(m + 1, np.inf)
    cost[1:] = _run_ssd(pn, p1, p2, np.zeros(m, dtype=np.intp), ends[1:])
    opts = []
    for j in range(2, k + 1):
        # i points in j classes need i ≥ j, and k − j points must remain for later classes
        cost, opt = _dc_layer(cost, j, m - (k - j), j - 1, moments, tol)
        opts.append(opt)
    starts = [0] * k
    end = m
    for j in range(k, 1, -1):
        end = int(opts[j - 2][end])
        starts[j - 1] = end
    return np.asarray(starts)


def fisher_jenks(summary: Summary, k: int) -> Breaks:
    """Fisher–Jenks natural breaks: the exact optimal k-class partition.

    Minimises the total within-class sum of squared deviations
    SDCM = Σ_classes Σ_{v in class} (v − μ_class)²  (units of the raster, squared)
    over all partitions of the sorted values into k contiguous classes
    (Fisher 1958, "On grouping for maximum homogeneity", JASA 53:789–798;
    Jenks 1977, "Optimal data classification for choropleth maps").

    Dynamic programming D_j(i) = min_t D_{j−1}(t) + SSD(t..i−1) on the weighted
    points, with the divide-and-conquer speed-up that is valid because the
    1-D SSD cost satisfies the quadrangle inequality, so the optimal split is
    monotone in i: O(k·m·log m) for m points (Wang & Song 2011, "Ckmeans.1d.dp",
    The R Journal 3(2):29–33; Grønlund et al. 2017, "Fast exact k-means,
    k-medians and Bregman divergence clustering in 1D", arXiv:1701.07204).
    Ties go to the smallest split index.

    Breaks are the largest value of each of the first k − 1 classes (equal to
    mapclassify.FisherJenks(y, k).bins[:-1]) in exact mode, and the upper edge
    of the class's last bin in binned mode, where the SDCM of the returned
    partition is still exact but breaks are restricted to bin edges.  With fewer
    distinct values than k, each distinct value becomes its own class.
    """
    k = _check_k(k)
    p = _as_points(summary)
    m = p.x.size
    k_eff = min(k, m)
    notes = []
    if m == 1:
        notes.append(Message(tr("All valid cells have the same value: one class instead of {k}."), {"k": k}))
    elif k_eff < k:
        notes.append(
            Message(
                tr("The data have only {m} distinct values, so {k_eff} classes instead of {k}."),
                {"m": m, "k_eff": k_eff, "k": k},
            )
        )
    if not p.exact:
        notes.append(
            Message(
                tr(
                    "Too many distinct values for an exact summary: the breaks were computed "
                    "from a histogram and lie on its bin edges (bin width {width:.6g})."
                ),
                {"width": _bin_width(p)},
            )
        )
    if k_eff == 1:
        return Breaks((), "fisher_jenks", p.exact, tuple(notes))
    starts = _optimal_starts(p, k_eff)
    values = tuple(float(v) for v in p.upper[starts[1:] - 1])
    return Breaks(values, "fisher_jenks", p.exact, tuple(notes))


def _bin_width(p: WeightedPoints) -> float:
    return float(np.max(p.upper - p.lower))


def _lerp(a: np.ndarray, b: np.ndarray, t: np.ndarray) -> np.ndarray:
    # numpy's own form: interpolate from the nearer end so results stay within [a, b]
    diff = b - a
    return np.where(t >= 0.5, b - diff * (1.0 - t), a + diff * t)


def _ranked_values(p: WeightedPoints, cum: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Value of the cell of 0-based rank r in the sorted data (estimated in binned mode).

    Exact mode: y_r itself.  Binned mode: the n_j cells of bin j, whose ranks are
    before_j .. before_j + n_j − 1, are spread evenly over the bin,
    ŷ_r = lower_j + (r + ½ − before_j) / n_j · (upper_j − lower_j),
    so ŷ_r and y_r lie in the same bin and differ by less than one bin width.
    """
    j = np.searchsorted(cum, rank, side="right")  # first point with more than r cells up to it
    if p.exact:
        return p.x[j]
    before = cum[j] - p.n[j]
    return p.lower[j] + (rank + 0.5 - before) / p.n[j] * (p.upper[j] - p.lower[j])


def quantiles(summary: Summary, probabilities: Sequence[float]) -> np.ndarray:
    """Quantiles Q(p) of the valid cells for levels p in [0, 1] (same shape as ``probabilities``).

    With the N values sorted, y_0 ≤ … ≤ y_{N−1}, h = (N − 1)·p and
    Q(p) = y_⌊h⌋ + (h − ⌊h⌋)(y_⌊h⌋+1 − y_⌊h⌋): Hyndman & Fan (1996, "Sample
    quantiles in statistical packages", Am. Stat. 50:361–365) definition 7,
    numpy's default 'linear' method, so in exact mode the result equals
    ``np.quantile`` of the expanded data.  In binned mode y_r is replaced by its
    estimate from the histogram, the cells of each bin spread evenly over the bin
    (see :func:`_ranked_values`), i.e. the cumulative distribution is
    interpolated linearly inside the bin; Q(p) is then off by less than one bin
    width.  Q is non-decreasing in p.

    Raises InputError for a level outside [0, 1] and when there are no valid cells.
    """
    prob = np.asarray(probabilities, dtype=np.float64)
    outside = ~((prob >= 0.0) & (prob <= 1.0))  # NaN counts as outside
    if np.any(outside):
        raise InputError(
            tr("The quantile level {p:g} is outside the range 0 to 1 (0 % to 100 %)."),
            p=float(prob[outside].flat[0]),
        )
    p = _as_points(summary)
    total = float(p.n.sum())
    cum = np.cumsum(p.n)
    h = (total - 1.0) * prob
    lo = np.floor(h)
    hi = np.minimum(lo + 1.0, total - 1.0)
    return _lerp(_ranked_values(p, cum, lo), _ranked_values(p, cum, hi), h - lo)


def quantile_breaks(summary: Summary, k: int) -> Breaks:
    """Quantile (equal-count) breaks b_i = Q(i/k), i = 1..k−1, with Q from :func:`quantiles`.

    Exact mode: the breaks equal ``np.quantile(data, i/k)`` (Hyndman & Fan 1996
    definition 7, numpy's default 'linear' method).  Binned mode: the cumulative
    distribution is interpolated linearly inside the bins, so a break is off by
    less than one bin width.  Coinciding quantiles (many cells sharing a value)
    are merged, which gives fewer classes; a note says so.
    """
    k = _check_k(k)
    p = _as_points(summary)
    values = np.unique(quantiles(p, np.arange(1, k) / k))
    notes = []
    if values.size < k - 1:
        notes.append(
            Message(
                tr("Several quantiles coincide because many cells share the same value: {classes} classes instead of {k}."),
                {"classes": int(values.size) + 1, "k": k},
            )
        )
    if not p.exact:
        notes.append(
            Message(
                tr(
                    "Too many distinct values for an exact summary: the quantiles were "
                    "interpolated in a histogram and may be off by up to one bin width "
                    "({width:.6g})."
                ),
                {"width": _bin_width(p)},
            )
        )
    return Breaks(tuple(float(v) for v in values), "quantile", p.exact, tuple(notes))


def _validate_range(vmin: float, vmax: float) -> None:
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        raise InputError(tr("The data range from {vmin} to {vmax} is not finite."), vmin=vmin, vmax=vmax)
    if vmin > vmax:
        raise InputError(tr("The data minimum {vmin} is larger than the maximum {vmax}."), vmin=vmin, vmax=vmax)


def _one_class_note() -> Message:
    return Message(tr("All valid cells have the same value: one class."))


def equal_interval_breaks(vmin: float, vmax: float, k: int) -> Breaks:
    """Equal-interval breaks b_i = vmin + i·(vmax − vmin)/k, i = 1..k−1.

    Classes of equal width in the raster's units (Evans 1977, "The selection of
    class intervals", Trans. Inst. Br. Geogr. 2:98–124).  A constant raster
    (vmin = vmax) gives no breaks, i.e. one class.
    """
    k = _check_k(k)
    _validate_range(vmin, vmax)
    if vmin == vmax:
        return Breaks((), "equal_interval", True, (_one_class_note(),))
    step = (vmax - vmin) / k
    return Breaks(tuple(vmin + i * step for i in range(1, k)), "equal_interval")


def stddev_breaks(mean: float, std: float, k: int, vmin: float, vmax: float) -> Breaks:
    """Standard-deviation breaks b_i = μ + (i − k/2)·σ, i = 1..k−1.

    Every inner class is one standard deviation wide and the classes are
    symmetric about the mean: for odd k the middle class is centred on μ
    (μ ± σ/2), for even k the mean itself is a break; the two outer classes are
    open-ended (Evans 1977; Slocum et al. 2009, "Thematic Cartography and
    Geovisualization", 3rd ed., ch. 4).  σ is the population standard
    deviation in raster units.  Breaks outside [vmin, vmax] are kept, so the
    class meaning stays the same across rasters, but reported in a note
    because their classes are empty (each such break empties exactly one class).
    """
    k = _check_k(k)
    _validate_range(vmin, vmax)
    if not (math.isfinite(mean) and math.isfinite(std)) or std < 0:
        raise InputError(
            tr("The mean ({mean}) and standard deviation ({std}) must be finite numbers and the standard deviation must not be negative."),
            mean=mean,
            std=std,
        )
    if std == 0:
        return Breaks((), "stddev", True, (_one_class_note(),))
    values = tuple(mean + (i - k / 2) * std for i in range(1, k))
    outside = sum(1 for v in values if v < vmin or v > vmax)
    bounds = {"vmin": vmin, "vmax": vmax}
    notes = ()
    if outside == 1:
        notes = (
            Message(
                tr("One break lies outside the data range [{vmin:.6g}, {vmax:.6g}], so one class is empty."),
                bounds,
            ),
        )
    elif outside > 1:
        notes = (
            Message(
                tr("{outside} of {total} breaks lie outside the data range [{vmin:.6g}, {vmax:.6g}], so {outside} classes are empty."),
                {"outside": outside, "total": len(values), **bounds},
            ),
        )
    return Breaks(values, "stddev", True, notes)


def manual_breaks(breaks: Union[str, Sequence[float]]) -> Breaks:
    """Breaks typed by the user, e.g. "0.2, 0.4, 0.6" (separators as in number_lists).

    Values use '.' as decimal separator and must be finite and strictly
    increasing; the error names the offending value.
    """
    if isinstance(breaks, str):
        tokens = split_numbers(breaks)
    else:
        tokens = list(breaks)
    if not tokens:
        raise InputError(tr("No class breaks given; type numbers such as 0.2, 0.4, 0.6."))
    values = []
    for tok in tokens:
        try:
            v = float(tok)
        except (TypeError, ValueError):
            raise InputError(
                tr("Class break '{value}' is not a number; separate breaks with commas and use '.' as the decimal separator."),
                value=tok,
            ) from None
        if not math.isfinite(v):
            raise InputError(tr("Class break '{value}' is not a finite number."), value=tok)
        if values and v <= values[-1]:
            raise _not_increasing_error(tok, values[-1])
        values.append(v)
    if len(values) > MAX_CLASSES - 1:
        raise _too_many_breaks_error(len(values))
    return Breaks(tuple(values), "manual")


def breaks_text(breaks: Union[Breaks, Sequence[float]]) -> str:
    """Breaks as the comma list that :func:`manual_breaks` reads back to the very same floats.

    Each value is written with Python's shortest round-trip representation (``repr``), so
    ``manual_breaks(breaks_text(b)).values == b`` bit for bit and a grade raster made from
    the text equals the one made from the breaks, cells lying exactly on a break included.
    """
    values = breaks.values if isinstance(breaks, Breaks) else breaks
    return ",".join(repr(float(v)) for v in values)


def goodness_of_variance_fit(summary: Summary, breaks: Union[Breaks, Sequence[float]]) -> float:
    """Jenks' goodness of variance fit GVF = 1 − SDCM / SDAM (dimensionless, 0..1).

    SDAM = Σ (v − μ)² over all cells, SDCM = Σ_classes Σ (v − μ_class)²
    (Jenks & Caspall 1971, "Error on choroplethic maps", Ann. AAG 61:217–244).
    In binned mode each bin is assigned to a class by its mean, which is exact
    for breaks on bin edges (as fisher_jenks returns there) and approximate
    otherwise.  A constant raster has GVF = 1.
    """
    b = _as_break_array(breaks)
    p = _as_points(summary)
    sdam = _total_ssd(p.x, p.n, p.within)
    if sdam == 0.0:
        return 1.0
    g = np.searchsorted(b, p.x, side="left")
    sdcm = 0.0
    for cls in np.unique(g):
        sel = g == cls
        sdcm += _total_ssd(p.x[sel], p.n[sel], p.within[sel])
    return 1.0 - sdcm / sdam


class BreakMethod(IntEnum):
    """Classification methods, in the order of the public METHOD parameter of tsr:riskzoning."""

    NATURAL_BREAKS = 0
    QUANTILE = 1
    EQUAL_INTERVAL = 2
    STDDEV = 3
    MANUAL = 4


def method_breaks(method: int, summary: ValueSummary, k: int, vmin: float, vmax: float, manual: Breaks | None = None) -> Breaks:
    """The k-class breaks of `method` (BreakMethod) over the summary of the valid cells, whose
    range is [vmin, vmax]: Fisher–Jenks, quantiles, equal intervals, mean ± standard deviations,
    or the `manual` breaks as given (parsed and checked beforehand, see manual_breaks)."""
    method = BreakMethod(method)
    if method == BreakMethod.NATURAL_BREAKS:
        return fisher_jenks(summary, k)
    if method == BreakMethod.QUANTILE:
        return quantile_breaks(summary, k)
    if method == BreakMethod.EQUAL_INTERVAL:
        return equal_interval_breaks(vmin, vmax, k)
    if method == BreakMethod.STDDEV:
        return stddev_breaks(summary.mean, summary.std, k, vmin, vmax)
    if manual is None:
        raise ValueError("manual breaks are needed for the manual method")
    return manual


def value_histogram(summary: ValueSummary, bins: int = 60) -> tuple[np.ndarray, np.ndarray]:
    """Histogram of the summarised cells: `bins` equal bins over [minimum, maximum] (one bin of
    width 1 from the value of a constant raster); returns (edges, counts), counts weighted by the
    number of cells each summary point stands for (a distinct value, or a fine bin's mean)."""
    points = summary.points()
    if summary.maximum > summary.minimum:
        edges = np.linspace(summary.minimum, summary.maximum, bins + 1)
    else:
        edges = np.array([summary.minimum, summary.minimum + 1])
    counts, _ = np.histogram(points.x, bins=edges, weights=points.n)
    return edges, counts


def _block_range(blocks: list[np.ndarray]) -> tuple[tuple[()], tuple[float, float]]:
    """Kernel of raster_range: (no output, (minimum, maximum) of the block's valid cells, NaN
    when it has none)."""
    flat = np.asarray(blocks[0]).ravel()
    if flat.size == 0:
        return (), (math.nan, math.nan)
    # fmin/fmax skip NaN without the all-NaN warning of nanmin/nanmax
    return (), (float(np.fmin.reduce(flat)), float(np.fmax.reduce(flat)))


def raster_range(
    grid: Grid, source: RasterSource, progress: Progress = None, cancelled: CancelCheck = None, *, engine=None, cells_per_block: int = STRIP_CELLS
) -> tuple[float, float]:
    """Minimum and maximum of the valid cells of `source` on `grid` (one pass, run_blocks on
    `engine` with strips of about `cells_per_block` cells); the same errors as
    :func:`value_range` (an infinite cell, no valid cell)."""
    seen: list[tuple[float, float]] = []

    def merge(extra: tuple[float, float]) -> None:
        seen.append(extra)
        if math.isinf(extra[0]) or math.isinf(extra[1]):
            raise _infinite_values_error()  # at the first such strip, as value_range

    run_blocks(grid, [source], _block_range, on_result=merge, progress=progress, cancelled=cancelled, engine=engine, cells_per_block=cells_per_block)
    return value_range(np.array(pair) for pair in seen)


class _SummaryMode:
    """Whether the summary being built has switched to its histogram. A kernel that shares this
    object with the merging thread (the local thread pool) stops computing the distinct values
    of the strips that will be merged after the switch; a kernel run elsewhere holds a copy that
    stays False and computes both, so the summary is the same either way."""

    binned = False


def summarise_raster(
    grid: Grid, source: RasterSource, progress: Progress = None, cancelled: CancelCheck = None, *, engine=None, cells_per_block: int = STRIP_CELLS
) -> tuple[float, float, ValueSummary]:
    """(minimum, maximum, summary) of the valid cells of `source` on `grid`, in two passes over its
    strips through run_blocks on `engine` (the range first, which the binned summary needs, then
    the summary); each pass takes half of the progress.

    The second pass's kernel returns each strip's partial summary (:func:`block_partial`: its
    distinct values and counts, and its bin sums) and the partials are merged in strip order, so
    the summary is bit for bit the one ValueSummary.add builds strip after strip. Distinct values
    merge exactly in any case; the bin sums are float sums, exact only in this fixed order, and the
    switch to the histogram bins the distinct values met so far (not the cells), so a strip's
    partial carries both.
    """
    vmin, vmax = raster_range(grid, source, scaled(progress, 0.0, 0.5), cancelled, engine=engine, cells_per_block=cells_per_block)
    summary = ValueSummary(vmin, vmax)
    mode = _SummaryMode()
    bins = summary.bins

    def kernel(blocks: list[np.ndarray]) -> tuple[tuple[()], BlockPartial]:
        return (), block_partial(blocks[0], vmin, vmax, bins, unique=not mode.binned)

    def merge(part: BlockPartial) -> None:
        summary.add_partial(part)
        mode.binned = not summary.exact

    run_blocks(
        grid,
        [source],
        kernel,
        on_result=merge,
        progress=scaled(progress, 0.5, 1.0),
        cancelled=cancelled,
        engine=engine,
        cells_per_block=cells_per_block,
    )
    return vmin, vmax, summary
