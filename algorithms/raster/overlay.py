"""Multi-hazard overlay: combining n hazard degrees hᵢ ∈ [0, 1] into one index per cell.

All functions work on a stack `h` of shape (n, …) of float32 with NaN for missing cells.

Combination rules (w are the hazard weights, v the OWA order weights):
- weighted sum            I = Σ wᵢ hᵢ,                 w normalised to Σw = 1
- weighted geometric mean I = Π hᵢ^wᵢ,                 w normalised to Σw = 1
- maximum                 I = maxᵢ hᵢ                   (worst case; weights ignored)
- probabilistic union     I = 1 − Π (1 − wᵢ hᵢ)         (wᵢ ∈ [0, 1]: the share of hazard i that
                                                        acts; independent events; Σw unrestricted)
- OWA                     I = Σₖ uₖ h₍ₖ₎ with h₍₁₎ ≥ h₍₂₎ ≥ …; uₖ = vₖ when the hazard weights are
                          equal (Yager 1988), otherwise Malczewski's (2006) weighted OWA
                          uₖ = w₍ₖ₎vₖ / Σⱼ w₍ⱼ₎vⱼ with w₍ₖ₎ the weight of the k-th largest hazard.

Interactions (cascades): before combining, hazard j is amplified where another hazard i reaches
the threshold T:  h'ⱼ = min(1, hⱼ · Πᵢ≠ⱼ (1 + mᵢⱼ)^[hᵢ ≥ T]); triggers use the original hᵢ.

Risk (UNDRR 2017 terminology; Sendai Framework): R = I · E · V · (1 − C) with exposure E,
vulnerability V and coping capacity C as 0–1 degrees; absent factors are left out.

Missing hazards: `PROPAGATE` makes the cell NaN; `IGNORE` drops the missing hazards and
renormalises the weights among those present (sum, geometric mean); for OWA the order weights
are re-derived for m < n values from the same cumulative quantifier Q(k/n) = Σₖ vₖ by linear
interpolation, which keeps max, min and mean semantics exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Sequence

import numpy as np

from ..common.messages import InputError, Message, tr
from ..engine.raster_io import Grid


class OverlayMethod(IntEnum):
    """Combination methods, in the order of the public `METHOD` parameter."""

    WEIGHTED_SUM = 0
    GEOMETRIC_MEAN = 1
    MAXIMUM = 2
    PROBABILISTIC_UNION = 3
    OWA = 4


class NodataPolicy(IntEnum):
    PROPAGATE = 0
    IGNORE = 1


FORMULAS = {
    OverlayMethod.WEIGHTED_SUM: "I = Σ wᵢ·hᵢ  (Σ w = 1)",
    OverlayMethod.GEOMETRIC_MEAN: "I = Π hᵢ^wᵢ  (Σ w = 1)",
    OverlayMethod.MAXIMUM: "I = max hᵢ",
    OverlayMethod.PROBABILISTIC_UNION: "I = 1 − Π (1 − wᵢ·hᵢ)",
    OverlayMethod.OWA: "I = Σₖ uₖ·h₍ₖ₎,  h₍₁₎ ≥ h₍₂₎ ≥ …",
}

#: Tolerance on the 0–1 range of hazard degrees (float32 rounding of upstream tools).
RANGE_TOLERANCE = 1e-5
#: At most this many hazards: the dominant-hazard raster numbers them 1…n in a byte and the
#: hotspot count keeps 255 for nodata.
MAX_HAZARDS = 254
#: A hazard with values on less than this share of the cells where any hazard has a value is
#: reported (it barely takes part in the index, or empties it under the propagate policy).
MIN_COVERAGE = 0.10
#: Pairwise overlaps are counted up to this many hazards (n² counts per block).
MAX_PAIRS = 32
#: The block kernel computes its cell-wise formulas on slices of about this many cells.
CHUNK_CELLS = 1 << 18


def orness(order_weights: Sequence[float]) -> float:
    """Yager's orness = Σᵢ (n − i)/(n − 1) · vᵢ (1 = maximum, 0.5 = mean, 0 = minimum)."""
    v = np.asarray(order_weights, dtype=float)
    n = v.size
    if n < 2:
        return 0.5
    return float(np.sum((n - np.arange(1, n + 1)) / (n - 1) * v) / v.sum())


def quantifier_weights(order_weights: np.ndarray, m: int) -> np.ndarray:
    """Order weights for m values derived from those for n through Q(k/n) = Σ_{i≤k} vᵢ."""
    n = order_weights.size
    if m == n:
        return order_weights
    q = np.concatenate(([0.0], np.cumsum(order_weights)))
    qm = np.interp(np.arange(m + 1) / m, np.arange(n + 1) / n, q)
    return np.diff(qm)


@dataclass(frozen=True)
class OverlaySpec:
    """A validated overlay: method, normalised weights, interactions, threshold, policy."""

    method: OverlayMethod
    weights: np.ndarray
    order_weights: np.ndarray | None = None
    interactions: np.ndarray | None = None
    threshold: float = 0.5
    policy: NodataPolicy = NodataPolicy.PROPAGATE
    names: tuple[str, ...] = field(default=())
    #: Remarks on parameters that were given but do not apply (translatable).
    notes: tuple[Message, ...] = field(default=(), compare=False)

    @classmethod
    def build(
        cls,
        n: int,
        method: OverlayMethod,
        weights: Sequence[float] = (),
        order_weights: Sequence[float] = (),
        interactions: Sequence[float] = (),
        threshold: float = 0.5,
        policy: NodataPolicy = NodataPolicy.PROPAGATE,
        names: Sequence[str] = (),
    ) -> "OverlaySpec":
        """Check and normalise the user's parameters; raise InputError with a plain message."""
        method = OverlayMethod(method)
        notes: list[Message] = []
        if n < 1:
            raise InputError(tr("At least one hazard raster is needed"))
        if n > MAX_HAZARDS:
            raise InputError(tr("{n} hazards were given; at most {max_n} can be combined in one overlay"), n=n, max_n=MAX_HAZARDS)
        w = np.asarray(list(weights), dtype=float)
        if w.size == 0:
            w = np.ones(n)
        if w.size != n:
            raise InputError(tr("{given} weights were given for {n} hazards; give one weight per hazard, in the same order"), given=w.size, n=n)
        if not np.all(np.isfinite(w)) or np.any(w < 0):
            raise InputError(tr("Weights must be zero or positive numbers"))
        if method == OverlayMethod.PROBABILISTIC_UNION:
            if np.any(w > 1):
                raise InputError(tr("For the probabilistic union each weight is the share of the hazard that acts: it must lie between 0 and 1"))
            if not w.any():
                raise InputError(tr("Every weight is zero: the probabilistic union would be 0 in every cell"))
        elif method == OverlayMethod.MAXIMUM:
            w = np.ones(n)  # the maximum ignores the weights
        elif not w.any():
            raise InputError(tr("The weights sum to zero"))
        else:
            # scaled by the largest first, so that huge weights cannot overflow the sum
            w = w / w.max()
            w = w / w.sum()
        v = None
        if method == OverlayMethod.OWA:
            v = np.asarray(list(order_weights), dtype=float)
            if v.size == 0:
                v = np.ones(n)
            if v.size != n:
                raise InputError(tr("{given} order weights were given for {n} hazards; OWA needs one per rank"), given=v.size, n=n)
            if not np.all(np.isfinite(v)) or np.any(v < 0) or not v.any():
                raise InputError(tr("Order weights must be zero or positive and not all zero"))
            v = v / v.max()
            v = v / v.sum()
        elif len(list(order_weights)):
            notes.append(Message(tr("The order weights apply only to OWA; they were ignored.")))
        m = None
        flat = list(interactions)
        if flat:
            if len(flat) != n * n:
                raise InputError(
                    tr("The interaction matrix has {given} values; {n} hazards need an {n}×{n} matrix ({needed} values)"),
                    given=len(flat),
                    n=n,
                    needed=n * n,
                )
            m = np.asarray(flat, dtype=float).reshape(n, n)
            if not np.all(np.isfinite(m)) or np.any(m < 0):
                raise InputError(tr("Interaction factors must be zero or positive (hazard j is multiplied by 1 + mᵢⱼ)"))
            if np.diagonal(m).any():
                notes.append(Message(tr("The diagonal of the interaction matrix (a hazard triggering itself) is ignored.")))
            np.fill_diagonal(m, 0.0)
            if not m.any():
                m = None
        if not 0.0 <= threshold <= 1.0:
            raise InputError(tr("The threshold is a hazard degree between 0 and 1"))
        names = tuple(names) or tuple(f"hazard {i + 1}" for i in range(n))
        return cls(method, w, v, m, float(threshold), NodataPolicy(policy), names, tuple(notes))

    @property
    def n(self) -> int:
        return int(self.weights.size)

    def formula(self) -> str:
        text = FORMULAS[self.method]
        if self.interactions is not None:
            text = "h'ⱼ = min(1, hⱼ·Π(1 + mᵢⱼ)^[hᵢ ≥ T]);  " + text.replace("hᵢ", "h'ᵢ").replace("h₍ₖ₎", "h'₍ₖ₎")
        return text


def check_range(h: np.ndarray, names: Sequence[str]) -> None:
    """Raise InputError if a layer of the stack leaves [0, 1] beyond RANGE_TOLERANCE: it was not
    normalised (hazard degrees, risk factors and suitability criteria alike); NaN is ignored."""
    for i, layer in enumerate(h):
        flat = layer.ravel()
        lo, hi = np.fmin.reduce(flat, initial=np.inf), np.fmax.reduce(flat, initial=-np.inf)
        if lo < -RANGE_TOLERANCE or hi > 1 + RANGE_TOLERANCE:
            raise InputError(
                tr("'{name}' has values from {low:g} to {high:g}, outside 0–1; normalise it first (tsr:normalizehazard)"),
                name=names[i],
                low=float(lo),
                high=float(hi),
            )


def amplify(h: np.ndarray, interactions: np.ndarray | None, threshold: float) -> np.ndarray:
    """h'ⱼ = min(1, hⱼ · Πᵢ≠ⱼ (1 + mᵢⱼ)^[hᵢ ≥ T]) with triggers taken from the original h."""
    if interactions is None:
        return h
    triggered = np.nan_to_num(h, nan=-1.0) >= threshold
    out = h.copy()
    n = h.shape[0]
    for j in range(n):
        factor = np.ones(h.shape[1:], dtype=np.float32)
        for i in range(n):
            if interactions[i, j] > 0:
                factor[triggered[i]] *= np.float32(1.0 + interactions[i, j])
        out[j] = np.minimum(out[j] * factor, np.float32(1.0))
    return out


def combine(h: np.ndarray, spec: OverlaySpec) -> np.ndarray:
    """The index of a stack h (interactions already applied, see `amplify`); NaN = nodata."""
    if spec.policy == NodataPolicy.PROPAGATE and spec.method != OverlayMethod.OWA:
        return _combine_propagating(h, spec)
    present = ~np.isnan(h)
    n_present = present.sum(axis=0)
    valid = n_present == spec.n if spec.policy == NodataPolicy.PROPAGATE else n_present > 0
    w = spec.weights.reshape((-1,) + (1,) * (h.ndim - 1)).astype(np.float32)
    h0 = np.where(present, h, np.float32(0.0))
    # A cell where only zero-weight hazards are present has no weighted value: 0/0 → NaN.
    with np.errstate(invalid="ignore", divide="ignore"):
        return _combine_masked(h, present, n_present, valid, w, h0, spec)


def _combine_masked(h, present, n_present, valid, w, h0, spec: OverlaySpec) -> np.ndarray:
    if spec.method == OverlayMethod.WEIGHTED_SUM:
        wp = w * present
        index = (wp * h0).sum(axis=0) / np.where(valid, wp.sum(axis=0), 1)
    elif spec.method == OverlayMethod.GEOMETRIC_MEAN:
        wp = w * present
        index = np.prod(np.power(h0, wp / np.where(valid, wp.sum(axis=0), 1)), axis=0)
    elif spec.method == OverlayMethod.MAXIMUM:
        index = np.max(np.where(present, h, -np.inf), axis=0)
    elif spec.method == OverlayMethod.PROBABILISTIC_UNION:
        index = 1.0 - np.prod(1.0 - w * h0, axis=0)
    else:
        index = _owa(h, present, n_present, spec)
    return np.where(valid, index, np.nan).astype(np.float32)


def _combine_propagating(h: np.ndarray, spec: OverlaySpec) -> np.ndarray:
    """The same formulas where one missing hazard makes the cell missing: NaN arithmetic
    propagates by itself, so no masks are needed (the hot path of large overlays)."""
    w = [np.float32(v) for v in spec.weights]
    if spec.method == OverlayMethod.WEIGHTED_SUM:
        index = h[0] * w[0]
        term = np.empty_like(index)
        for i in range(1, spec.n):
            index += np.multiply(h[i], w[i], out=term)
    elif spec.method == OverlayMethod.GEOMETRIC_MEAN:
        index = np.power(h[0], w[0])
        for i in range(1, spec.n):
            index *= np.power(h[i], w[i])
        for i in np.flatnonzero(spec.weights == 0):
            index[np.isnan(h[i])] = np.nan  # NaN ** 0 is 1, but a missing hazard still counts
    elif spec.method == OverlayMethod.MAXIMUM:
        index = h[0].copy()
        for i in range(1, spec.n):
            np.maximum(index, h[i], out=index)
    else:
        survival = np.float32(1.0) - h[0] * w[0]
        for i in range(1, spec.n):
            survival *= np.float32(1.0) - h[i] * w[i]
        index = np.float32(1.0) - survival
    return index.astype(np.float32, copy=False)


def dominant_hazard(h: np.ndarray, spec: OverlaySpec, index: np.ndarray) -> np.ndarray:
    """1-based number of the largest contribution wᵢhᵢ (hᵢ for maximum and OWA), 0 where the
    index is nodata; a missing hazard never wins and ties go to the first hazard."""
    by_value = spec.method in (OverlayMethod.MAXIMUM, OverlayMethod.OWA)
    contribution = (lambda i: h[i]) if by_value else (lambda i: h[i] * np.float32(spec.weights[i]))
    best = np.nan_to_num(contribution(0), nan=-1.0)
    dominant = np.ones(h.shape[1:], dtype=np.uint8)
    for i in range(1, spec.n):
        c = contribution(i)
        dominant[c > best] = i + 1
        np.fmax(best, c, out=best)
    dominant[np.isnan(index)] = 0
    return dominant


def hazard_count(h: np.ndarray, threshold: float, index: np.ndarray) -> np.ndarray:
    """Number of hazards ≥ threshold (multi-hazard hotspots), 255 where the index is nodata."""
    count = np.zeros(h.shape[1:], dtype=np.uint8)
    for layer in h:
        count += layer >= np.float32(threshold)
    count[np.isnan(index)] = 255
    return count


def _owa(h: np.ndarray, present: np.ndarray, n_present: np.ndarray, spec: OverlaySpec) -> np.ndarray:
    n = spec.n
    # Missing values sort last (−inf) so that the k-th position is the k-th largest present value.
    order = np.argsort(-np.where(present, h, -np.inf), axis=0, kind="stable")
    ranked = np.take_along_axis(np.where(present, h, 0.0), order, axis=0)
    w_ranked = spec.weights[order]
    index = np.zeros(h.shape[1:], dtype=np.float64)
    for m in range(1, n + 1):
        cells = n_present == m
        if not cells.any():
            continue
        v = np.zeros(n)
        v[:m] = quantifier_weights(spec.order_weights, m)
        u = w_ranked[:, cells] * v[:, None]
        total = u.sum(axis=0)
        u = u / np.where(total > 0, total, 1.0)
        index[cells] = (u * ranked[:, cells]).sum(axis=0)
    return index.astype(np.float32)


def apply_risk_factors(
    index: np.ndarray,
    exposure: np.ndarray | None = None,
    vulnerability: np.ndarray | None = None,
    capacity: np.ndarray | None = None,
) -> np.ndarray:
    """R = I · E · V · (1 − C); a factor that is not given is left out."""
    risk = index
    if exposure is not None:
        risk = risk * exposure
    if vulnerability is not None:
        risk = risk * vulnerability
    if capacity is not None:
        risk = risk * (np.float32(1.0) - capacity)
    return risk.astype(np.float32, copy=False)


def _pair_counts(missing: np.ndarray, all_missing: np.ndarray) -> np.ndarray:
    """Cells where both hazards i and j have a value, nᵢⱼ (nᵢᵢ = nᵢ), from the (n, cells) nodata
    mask: cells where every hazard has a value count for every pair, cells where none has for
    none, so only the cells with some hazards missing are looked at pair by pair."""
    n, cells = missing.shape
    any_missing = np.logical_or.reduce(missing, axis=0)
    complete = cells - int(np.count_nonzero(any_missing))
    mixed = np.flatnonzero(any_missing & ~all_missing)
    present = ~missing[:, mixed]
    counts = np.full((n, n), complete, dtype=np.int64)
    for i in range(n):
        counts[i, i] += np.count_nonzero(present[i])
        for j in range(i + 1, n):
            counts[i, j] = counts[j, i] = complete + np.count_nonzero(present[i] & present[j])
    return counts


@dataclass
class OverlayStatistics:
    """Per-hazard statistics accumulated block by block (float64 sums; deterministic order).

    Pearson correlations use the cells where every hazard is present.
    """

    n: int
    threshold: float
    count: np.ndarray = field(init=False)
    total: np.ndarray = field(init=False)
    total_sq: np.ndarray = field(init=False)
    minimum: np.ndarray = field(init=False)
    maximum: np.ndarray = field(init=False)
    above: np.ndarray = field(init=False)
    joint_count: int = field(init=False, default=0)
    joint_sum: np.ndarray = field(init=False)
    joint_cross: np.ndarray = field(init=False)
    dominant_cells: np.ndarray = field(init=False)
    hotspot_cells: np.ndarray = field(init=False)
    index_count: int = field(init=False, default=0)
    index_sum: float = field(init=False, default=0.0)
    index_min: float = field(init=False, default=np.inf)
    index_max: float = field(init=False, default=-np.inf)
    #: Cells where at least one hazard has a value.
    any_count: int = field(init=False, default=0)
    #: Cells where both hazards i and j have a value (counted for n ≤ MAX_PAIRS, else zeros).
    pair_count: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        n = self.n
        self.pair_count = np.zeros((n, n), dtype=np.int64)
        self.count = np.zeros(n, dtype=np.int64)
        self.total = np.zeros(n)
        self.total_sq = np.zeros(n)
        self.minimum = np.full(n, np.inf)
        self.maximum = np.full(n, -np.inf)
        self.above = np.zeros(n, dtype=np.int64)
        self.joint_sum = np.zeros(n)
        self.joint_cross = np.zeros((n, n))
        self.dominant_cells = np.zeros(n + 1, dtype=np.int64)
        self.hotspot_cells = np.zeros(n + 1, dtype=np.int64)

    def block(
        self, h: np.ndarray, index: np.ndarray, dominant: np.ndarray | None, count: np.ndarray | None, full: bool = True
    ) -> "OverlayStatistics":
        """Statistics of one block, to be merged with `add` in block order; without `full`,
        only the valid-cell counts (what the checks for empty inputs need)."""
        part = OverlayStatistics(self.n, self.threshold)
        flat = h.reshape(self.n, -1)
        cells = flat.shape[1]
        missing = np.isnan(flat)
        part.count = cells - np.array([np.count_nonzero(row) for row in missing], dtype=np.int64)
        part.index_count = int(index.size - np.count_nonzero(np.isnan(index)))
        all_missing = np.logical_and.reduce(missing, axis=0) if self.n > 1 else missing[0]
        part.any_count = int(cells - np.count_nonzero(all_missing))
        if 1 < self.n <= MAX_PAIRS:
            part.pair_count = _pair_counts(missing, all_missing)
        if not full:
            return part
        present = ~missing
        complete = bool(part.count.min() == cells)
        # Missing cells count as 0 in the sums, +inf / −inf in the extremes, −1 below T.
        values = flat if complete else np.where(present, flat, np.float32(0.0))
        low = flat if complete else np.where(present, flat, np.float32(np.inf))
        high = flat if complete else np.where(present, flat, np.float32(-np.inf))
        part.total = values.sum(axis=1, dtype=np.float64)
        part.minimum = np.where(part.count > 0, np.fmin.reduce(low, axis=1), np.inf)
        part.maximum = np.where(part.count > 0, np.fmax.reduce(high, axis=1), -np.inf)
        part.above = (values >= self.threshold).sum(axis=1) if self.threshold > 0 else part.count.copy()
        values64 = values.astype(np.float64)
        part.total_sq = np.einsum("ij,ij->i", values64, values64)
        joint = slice(None) if complete else present.all(axis=0)
        both = values64[:, joint]
        part.joint_count = both.shape[1]
        part.joint_sum = both.sum(axis=1)
        part.joint_cross = both @ both.T
        valid = ~np.isnan(index)
        part.dominant_cells = np.bincount(dominant[valid], minlength=self.n + 1)[: self.n + 1]
        part.hotspot_cells = np.bincount(count[valid], minlength=self.n + 1)[: self.n + 1]
        if part.index_count:
            kept = index[valid]
            part.index_sum = float(kept.sum(dtype=np.float64))
            part.index_min = float(kept.min())
            part.index_max = float(kept.max())
        return part

    def add(self, part: "OverlayStatistics") -> None:
        self.count += part.count
        self.total += part.total
        self.total_sq += part.total_sq
        self.minimum = np.minimum(self.minimum, part.minimum)
        self.maximum = np.maximum(self.maximum, part.maximum)
        self.above += part.above
        self.joint_count += part.joint_count
        self.joint_sum += part.joint_sum
        self.joint_cross += part.joint_cross
        self.dominant_cells += part.dominant_cells
        self.hotspot_cells += part.hotspot_cells
        self.index_count += part.index_count
        self.any_count += part.any_count
        self.pair_count += part.pair_count
        self.index_sum += part.index_sum
        self.index_min = min(self.index_min, part.index_min)
        self.index_max = max(self.index_max, part.index_max)

    @property
    def mean(self) -> np.ndarray:
        return self.total / np.maximum(self.count, 1)

    @property
    def std(self) -> np.ndarray:
        """Population standard deviation of each hazard over its valid cells."""
        var = self.total_sq / np.maximum(self.count, 1) - self.mean**2
        return np.sqrt(np.maximum(var, 0.0))

    @property
    def index_mean(self) -> float:
        """Mean of the index over its valid cells (0 when there is none)."""
        return self.index_sum / max(self.index_count, 1)

    def correlation(self) -> np.ndarray:
        """Pearson r between hazards over the cells where all are present (NaN if undefined)."""
        n = max(self.joint_count, 1)
        mean = self.joint_sum / n
        cov = self.joint_cross / n - np.outer(mean, mean)
        sd = np.sqrt(np.maximum(np.diag(cov), 0.0))
        with np.errstate(invalid="ignore", divide="ignore"):
            r = cov / np.outer(sd, sd)
        r[~np.isfinite(r)] = np.nan
        return np.clip(r, -1.0, 1.0)


def coverage_shares(stats: OverlayStatistics) -> np.ndarray:
    """Share (0–1) of the cells where any hazard has a value that each hazard covers:
    sᵢ = nᵢ / #{cells with at least one hazard}."""
    return stats.count / max(stats.any_count, 1)


def coverage_notes(stats: OverlayStatistics, names: Sequence[str], policy: NodataPolicy, min_share: float = MIN_COVERAGE) -> list[Message]:
    """Warnings for hazards that barely cover the grid and for pairs of hazards that never meet.

    A hazard whose valid cells are fewer than `min_share` (default 10 %) of the cells where
    any hazard has a value is named with its share: under the propagate policy the index
    exists only where it has values, under the ignore policy the index is made without it
    almost everywhere. Two hazards (n ≤ MAX_PAIRS) that both have values but share no cell
    are named as well. Hazards without any valid cell are an error elsewhere.
    """
    notes: list[Message] = []
    shares = coverage_shares(stats)
    for i, share in enumerate(shares):
        if 0 < share < min_share:
            template = (
                tr(
                    "'{name}' has values on only {share:.3g} % of the cells where any hazard has one ({cells} of {total}); "
                    "with missing values propagated, the index exists only on those cells"
                )
                if policy == NodataPolicy.PROPAGATE
                else tr(
                    "'{name}' has values on only {share:.3g} % of the cells where any hazard has one ({cells} of {total}); "
                    "everywhere else the index is made without it"
                )
            )
            notes.append(
                Message(template, {"name": names[i], "share": 100.0 * float(share), "cells": int(stats.count[i]), "total": int(stats.any_count)})
            )
    if policy == NodataPolicy.IGNORE:
        for i, j in disjoint_pairs(stats):
            notes.append(
                Message(
                    tr("'{a}' and '{b}' share no cell: where one has a value the other is missing, so the index never combines them"),
                    {"a": names[i], "b": names[j]},
                )
            )
    return notes


def disjoint_pairs(stats: OverlayStatistics) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of hazards that both have values but on no common cell (checked
    for n ≤ MAX_PAIRS)."""
    if not 1 < stats.n <= MAX_PAIRS:
        return []
    return [
        (i, j) for i in range(stats.n) for j in range(i + 1, stats.n) if stats.count[i] > 0 and stats.count[j] > 0 and stats.pair_count[i, j] == 0
    ]


def overlay_kernel(
    spec: OverlaySpec,
    has_exposure: bool = False,
    has_vulnerability: bool = False,
    has_capacity: bool = False,
    *,
    with_dominant: bool = True,
    with_count: bool = True,
    with_statistics: bool = True,
):
    """A block kernel for raster_io.run_blocks.

    Input blocks: the n hazards, then exposure, vulnerability, capacity as given. Outputs: the
    risk index, then the dominant hazard and the hotspot count when asked for; extra: that
    block's OverlayStatistics (only valid-cell counts unless `with_statistics`).
    """
    template = OverlayStatistics(spec.n, spec.threshold)
    factor_names = [
        name for name, given in (("exposure", has_exposure), ("vulnerability", has_vulnerability), ("coping capacity", has_capacity)) if given
    ]

    def part(h: np.ndarray, factor_blocks: list[np.ndarray]):
        check_range(h, spec.names)
        factors = dict(zip(factor_names, factor_blocks))
        for name, factor in factors.items():
            check_range(factor[None], (name,))
        amplified = amplify(h, spec.interactions, spec.threshold)
        risk = apply_risk_factors(combine(amplified, spec), factors.get("exposure"), factors.get("vulnerability"), factors.get("coping capacity"))
        dominant = dominant_hazard(amplified, spec, risk) if with_dominant or with_statistics else None
        count = hazard_count(amplified, spec.threshold, risk) if with_count or with_statistics else None
        outputs = [risk] + ([dominant] if with_dominant else []) + ([count] if with_count else [])
        return outputs, template.block(h, risk, dominant, count, full=with_statistics)

    def kernel(blocks: list[np.ndarray]):
        # raster_io's blocks are already the layers of one array (no copy); other lists are stacked
        h = blocks.stack(spec.n) if hasattr(blocks, "stack") else np.stack(blocks[: spec.n])
        factor_blocks = list(blocks[spec.n :])
        # Cell-wise formulas on slices of CHUNK_CELLS cells, whose temporaries stay in the CPU's
        # cache (2–3× faster than on a whole strip); the cells' values do not depend on the cut.
        step = max(1, CHUNK_CELLS // max(1, int(np.prod(h.shape[2:]))))
        if h.shape[1] <= step:
            return part(h, factor_blocks)
        outputs: list[np.ndarray] = []
        stats = None
        for start in range(0, h.shape[1], step):
            rows = slice(start, start + step)
            chunk_outputs, chunk_stats = part(h[:, rows], [f[rows] for f in factor_blocks])
            if not outputs:
                outputs = [np.empty(h.shape[1:], dtype=o.dtype) for o in chunk_outputs]
            for out, chunk in zip(outputs, chunk_outputs):
                out[rows] = chunk
            if stats is None:
                stats = chunk_stats
            else:
                stats.add(chunk_stats)
        return outputs, stats

    return kernel


#: EPSG codes of Web Mercator and its aliases (areas inflated by 1/cos²(latitude)).
WEB_MERCATOR_EPSG = (3857, 900913, 3785, 102100, 102113)


def metric_grid(crs) -> bool:
    """Whether cells of a grid in `crs` (a rasterio CRS, or None) measure true square metres: a
    projected CRS in metres that is not a Mercator projection (Web Mercator, World Mercator …:
    they inflate areas by 1/cos²(latitude))."""
    if crs is None or not crs.is_projected or (crs.linear_units or "").lower() not in ("metre", "meter", "m"):
        return False
    projection = re.search(r'PROJECTION\["([^"]+)"', crs.to_wkt())
    name = projection.group(1).lower() if projection else ""
    # Transverse and oblique Mercator (UTM, Gauss–Krüger, Hotine) are conformal local grids, kept
    mercator = "mercator" in name and "transverse" not in name and "oblique" not in name
    return not (mercator or crs.to_epsg() in WEB_MERCATOR_EPSG)


def cell_hectares(crs, cell_area_m2: float) -> float:
    """Area of one cell in hectares (m² / 10 000), NaN when the CRS does not measure true metres."""
    return cell_area_m2 / 10_000 if metric_grid(crs) else float("nan")


@dataclass(frozen=True)
class HazardSummary:
    """One hazard in the overlay report: its valid cells, range, mean and population standard
    deviation, the share (%) and area (ha, NaN without true metres) of its cells at or above the
    threshold T, and the share (%) of the index's cells where it dominates."""

    name: str
    valid_cells: int
    minimum: float
    maximum: float
    mean: float
    std: float
    above_pct: float
    above_ha: float
    dominant_pct: float


def hazard_summaries(stats: OverlayStatistics, names: Sequence[str], cell_ha: float) -> list[HazardSummary]:
    """Per hazard i: ≥ T share = aboveᵢ / nᵢ · 100, ≥ T area = aboveᵢ · cell_ha, dominant share =
    dominantᵢ / Σ dominant · 100 (cells with an index value)."""
    total_dominant = max(int(stats.dominant_cells[1:].sum()), 1)
    mean, std = stats.mean, stats.std
    return [
        HazardSummary(
            names[i],
            int(stats.count[i]),
            float(stats.minimum[i]),
            float(stats.maximum[i]),
            float(mean[i]),
            float(std[i]),
            100.0 * stats.above[i] / max(stats.count[i], 1),
            float(stats.above[i] * cell_ha),
            100.0 * stats.dominant_cells[i + 1] / total_dominant,
        )
        for i in range(stats.n)
    ]


def hotspot_rows(stats: OverlayStatistics, cell_ha: float) -> list[tuple[int, int, float, float]]:
    """(k, cells, area in ha, share of the index's cells in %) for k = 0 … n hazards at or above T."""
    return [
        (k, int(stats.hotspot_cells[k]), float(stats.hotspot_cells[k] * cell_ha), 100.0 * stats.hotspot_cells[k] / max(stats.index_count, 1))
        for k in range(stats.n + 1)
    ]


def resampling_notes(grid: Grid, paths: Sequence[str], labels: Sequence[str]) -> list[Message]:
    """One note per input (file `paths[i]`, called `labels[i]`) that is not on the reference
    `grid` and is therefore resampled to it (bilinear), with its CRS and cell size (the larger
    side, in its CRS units) and the reference cell size."""
    cell = max(abs(grid.transform.a), abs(grid.transform.e))
    notes = []
    for path, label in zip(paths, labels):
        other = Grid.of(path)
        if other.same_as(grid):
            continue
        notes.append(
            Message(
                tr("'{name}' is on another grid ({crs}, cells of {cell:.6g}); it is resampled (bilinear) to the reference grid (cells of {ref:.6g})"),
                {
                    "name": label,
                    "crs": other.crs.to_string() if other.crs is not None else "?",
                    "cell": max(abs(other.transform.a), abs(other.transform.e)),
                    "ref": cell,
                },
            )
        )
    return notes
