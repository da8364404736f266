"""Multi-criteria suitability with uncertain weights (国土空间开发适宜性评价).

Inputs per cell: n criteria cᵢ ∈ [0, 1] in the benefit direction (the caller has min-max
normalised them and flipped costs to 1 − c), the weights w̄ (normalised to Σ w̄ = 1) and a
constraint layer already combined into one "excluded" flag.

Scores (S ∈ [0, 1] without criterion noise):
- WLC      S = Σ wᵢcᵢ                                   weighted linear combination
- OWA      S = Σₖ uₖc₍ₖ₎, c₍₁₎ ≥ c₍₂₎ ≥ …, uₖ = w₍ₖ₎vₖ / Σⱼ w₍ⱼ₎vⱼ  (Malczewski 2006, the same
           rule and tie order as overlay.py; S = 0 where Σⱼ w₍ⱼ₎vⱼ = 0). The order weights v
           are given, or derived from an orness through the RIM quantifier Q(r) = r^a,
           vₖ = Q(k/n) − Q((k−1)/n) (Yager 1996), with a solved so that Yager's orness of v is
           the one asked for: 1 = maximum, 0.5 = mean, 0 = minimum.
- MINIMUM  S = minᵢ cᵢ                                  weakest link (短板法); weights do not act
           (a criterion of weight 0 still counts), so neither do their uncertainty and sweep
Constraints multiply, as in Eastman's MCE: an excluded cell scores 0 and is never suitable.
Exclusions (constraints and exclusion zones) only remove valid cells: a cell where a criterion
is missing stays nodata (class 0) even inside an exclusion zone, so zones that reach past the
study area neither add cells nor add area to the excluded class.

Uncertainty (Monte Carlo over D draws, cf. Feizizadeh & Blaschke 2014):
- Weights w_d ~ Dirichlet(α·w̄) over the positive weights (zero weights stay zero), centred on
  w̄, with one coefficient of variation CV² = Σᵢ Var(wᵢ) / Σᵢ w̄ᵢ². Since
  Var(wᵢ) = w̄ᵢ(1 − w̄ᵢ)/(α + 1), Σᵢ Var(wᵢ) = (1 − Σw̄ᵢ²)/(α + 1), hence
  α + 1 = (1 − Σw̄ᵢ²) / (CV²·Σw̄ᵢ²). α > 0 bounds the CV a Dirichlet can reach:
  CV² < (1 − Σw̄ᵢ²)/Σw̄ᵢ² (√5 ≈ 224 % for 6 equal weights, less for uneven ones).
  The draws come once from numpy's Generator seeded with SEED, so no result depends on how
  the raster is cut into blocks.
- Criterion noise: cᵢ + εᵢ, εᵢ ~ N(0, σ²) independent across criteria, cells and draws, not
  clipped to [0, 1] (clipping would bias the score of cells near 0 and 1).
  WLC: given w_d the score is N(Σ w_dᵢcᵢ, σ²‖w_d‖²), so P(S ≥ t | w_d) = Φ((Σ w_dᵢcᵢ − t)/(σ‖w_d‖))
  exactly; the probability is the mean of Φ over the weight draws (a Rao–Blackwellised
  estimator, Casella & Robert 1996: no sampling of the noise at all).
  OWA and MINIMUM: the noise is sampled per cell and draw (D·n normal numbers per cell, in
  chunks of at most NOISE_CHUNK_BYTES); these runs are 50–80 times slower than without noise.
  The numbers of a cell are a function of SEED and the cell's place on the grid only
  (common.cell_noise: a counter-based generator), so these runs, too, do not depend on how the
  raster is cut into blocks or on the engine that runs them.
- WLC moments in closed form (no sampling error), with the Dirichlet covariance
  Σ_w = (diag(w̄) − w̄w̄ᵀ)/(α + 1):
      E[S] = Σ w̄ᵢcᵢ
      Var[S] = cᵀΣ_w c + σ² Σᵢ E[wᵢ²] = (Σ w̄ᵢcᵢ² − E[S]²)/(α + 1) + σ² Σw̄ᵢ²(1 + CV²)
  OWA and MINIMUM: mean and (population) standard deviation over the draws.

Suitable in a draw: S ≥ THRESHOLD, or, with TOP_PERCENT p, S among the top p % of that draw's
scores over the study area (valid and not excluded cells). The latter needs the per-draw
threshold t_d over the whole raster: t_d = b_d/bins, b_d the bin [b/bins, (b+1)/bins) of
HISTOGRAM_BINS bins on [0, 1] that holds the k-th highest score, k = ⌈p·N/100⌉, so at least k
cells are suitable and t_d lies within 1/bins below the exact k-th score. With noise t_d comes
from the noise-free scores (an approximation: the noise then changes which cells pass, not the
cut-off). `top_percent_thresholds` finds b_d without a histogram of every score: (1a) full
histograms of a sample (every SAMPLE_STRIDE-th study cell) give a bracket of bins [lo_d, hi_d)
per draw; (1b) every cell is scored once, the scores ≥ hi_d/bins counted and the few inside the
bracket binned, so T_d(b) = #{S ≥ b/bins} is known exactly on lo_d ≤ b ≤ hi_d and
b_d = max{b : T_d(b) ≥ k} whenever T_d(hi_d) < k ≤ T_d(lo_d); (1c) a draw whose bracket missed
(the sample only guides, it never decides) gets its full histogram in one more pass. The
thresholds are those of the full histograms (`score_histogram_kernel`,
`thresholds_from_histograms`) bit for bit, for any partition into blocks.

Probability p = share of the draws in which a cell is suitable (with WLC noise: the mean of the
conditional probabilities). Classes: 1 robustly suitable p ≥ 0.9, 2 likely 0.5 ≤ p < 0.9,
3 uncertain 0.1 ≤ p < 0.5, 4 unsuitable p < 0.1, 5 excluded, 0 nodata.

Sensitivity: one-at-a-time sweep (Chen, Yu & Khan 2010) wᵢ ← w̄ᵢ(1 + δ) and the others rescaled
proportionally, w_j ← w̄_j(1 − w̄ᵢ(1 + δ))/(1 − w̄ᵢ), so that Σw = 1; the sweep vectors are extra
columns of the draw matrix, evaluated noise-free in the same pass. Globally, the Pearson and
Spearman correlations between each weight and the suitable area (and the share of the baseline
suitable cells kept) across the Dirichlet draws.

Cost: the scores of all draws are one float32 product (draws × n) @ (n × cells) per chunk of
cells (einsum, see `_product`; it sums the n terms in criterion order, so every pass scores a
cell bit for bit alike), compared against the thresholds and summed over the draws; no Python
loop scores draws one by one. OWA without noise sorts a block's cells by the order of their
criteria: the denominators Σⱼ w_dⱼv_rank(j) are then computed once per run of cells in the same
order (`_owa_runs`), not per cell and draw. Per million cells, 1000 draws and 6 criteria, one
core: WLC ~1.3 s, OWA ~2.5 s, TOP_PERCENT passes 1a–1b ~1.5 s (a full histogram of every draw
costs ~3.5 s); WLC with noise ~20 s (Φ); MINIMUM and OWA with noise ~80 s and ~120 s (sampling).
Before a run, `estimate_seconds` times both passes on a sample of TIMING_CELLS synthetic cells
with the run's own spec and draws and scales the measured time linearly to the study cells,
T ≈ t_sample × cells / sample_cells (the kernels are linear in cells; one core, so the estimate
is an upper bound on two). `check_run_time` notes a run estimated above SLOW_RUN_SECONDS
(10 minutes) and refuses one above MAX_RUN_SECONDS (24 hours).

References: Malczewski J (2006) Int J Appl Earth Obs Geoinf 8(4):270–277. Yager RR (1988) IEEE
Trans Syst Man Cybern 18(1):183–190; (1996) Int J Intell Syst 11(1):49–73. Eastman JR (1999)
Multi-criteria evaluation and GIS, in Longley et al., Geographical Information Systems, Wiley.
Feizizadeh B, Blaschke T (2014) Int J Geogr Inf Sci 28(3):610–638. Chen Y, Yu J, Khan S (2010)
Environ Model Softw 25(12):1582–1591. Casella G, Robert CP (1996) Biometrika 83(1):81–94.
自然资源部 (2020) 资源环境承载能力和国土空间开发适宜性评价指南（试行）.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Callable, Sequence

import numpy as np
from scipy import optimize, special, stats

from ..common.cell_noise import cell_normals
from ..common.messages import InputError, Message, tr
from ..common.progress import CancelCheck, Progress
from ..engine.raster_io import STRIP_CELLS, Grid, Placed, RasterSource, cell_ids, run_blocks
from ..raster.classify import value_range
from ..raster.overlay import check_range, orness


class SuitabilityMethod(IntEnum):
    """Aggregation methods, in the order of the public `METHOD` parameter."""

    WLC = 0
    OWA = 1
    MINIMUM = 2


class SuitabilityClass(IntEnum):
    NODATA = 0
    ROBUST = 1
    LIKELY = 2
    UNCERTAIN = 3
    UNSUITABLE = 4
    EXCLUDED = 5


FORMULAS = {
    SuitabilityMethod.WLC: "S = Σ wᵢ·cᵢ  (Σ w = 1)",
    SuitabilityMethod.OWA: "S = Σₖ uₖ·c₍ₖ₎,  uₖ = w₍ₖ₎vₖ / Σⱼ w₍ⱼ₎vⱼ,  c₍₁₎ ≥ c₍₂₎ ≥ …",
    SuitabilityMethod.MINIMUM: "S = min cᵢ",
}

#: Lower probability limits of the classes robustly suitable, likely, uncertain.
CLASS_LIMITS = (0.9, 0.5, 0.1)
#: Histogram bins of pass 1: the TOP_PERCENT thresholds have a resolution of 1/bins. A power of
#: two, so that S·bins is exact in float32 and the bins agree exactly with S ≥ b/bins in pass 2.
HISTOGRAM_BINS = 4096
#: Bounds the per-draw arrays (a pass-1 histogram holds draws × bins counts).
MAX_ITERATIONS = 10_000
#: The draws × cells score matrix of one chunk (8 MB: 2048 cells for 1000 draws). Larger
#: chunks fall out of the CPU cache and run no faster, smaller ones pay numpy's call overhead.
SCORE_CHUNK_BYTES = 8 << 20
#: Sampled noise (OWA, MINIMUM): the n × draws × cells arrays of one chunk.
NOISE_CHUNK_BYTES = 64 << 20
#: Pass 1 scores draws in groups this large over this many cells: each bincount (one per draw)
#: then reads 16 times more indices than the bins it has to clear and return.
HISTOGRAM_GROUP = 16
HISTOGRAM_CELLS = 1 << 16
#: TOP_PERCENT, pass 1a: the full histograms of every SAMPLE_STRIDE-th study cell of a block,
#: or of a closer sample of at least SAMPLE_CELLS cells (all of a smaller block): a small raster's
#: bracket then stays narrow too.
SAMPLE_STRIDE = 64
SAMPLE_CELLS = 16384
#: TOP_PERCENT, pass 1b: the bracket [lo, hi) of bins expected to hold the k-th score reaches
#: BRACKET_Z binomial standard errors of the sample's share past k/N on each side.
BRACKET_Z = 3.5
#: Cells per chunk of pass 1b: its draws × cells matrix (2 MB for 1000 draws) stays in cache
#: through the product, two comparisons, a count and the extraction.
BRACKET_CELLS = 512
#: Chunks of fewer cells are merged into the previous one: einsum sums a product of one or two
#: columns in another order, and every pass must score a cell with the same float32 arithmetic.
MIN_CHUNK = 8
#: OWA sorts the cells of a block by the order of their criteria (n ≤ RUN_CRITERIA) and computes
#: the denominators once per run of cells in the same order, when runs average RUN_CELLS cells.
RUN_CRITERIA = 8
RUN_CELLS = 4
#: Synthetic cells timed by `estimate_seconds`.
TIMING_CELLS = 2048
#: Estimated run times (s) above which a run is noted as slow, and refused.
SLOW_RUN_SECONDS = 600.0
MAX_RUN_SECONDS = 86_400.0


def rim_order_weights(n: int, exponent: float) -> np.ndarray:
    """vₖ = Q(k/n) − Q((k−1)/n) for the RIM quantifier Q(r) = r^a (Yager 1996)."""
    return np.diff((np.arange(n + 1) / n) ** exponent)


def order_weights_from_orness(n: int, target: float) -> np.ndarray:
    """OWA order weights from the RIM quantifier r^a whose orness (overlay.orness) is `target`.

    orness(a) = Σₖ₌₁ⁿ⁻¹ (k/n)^a / (n − 1) falls from 1 (a → 0) to 0 (a → ∞); a is found by
    Brent's method on ln a. The ends are exact: 1 → (1, 0, …, 0) = maximum,
    0 → (0, …, 0, 1) = minimum; 0.5 gives a = 1, the mean.
    """
    if n == 1:
        return np.ones(1)
    if target >= 1.0:
        return np.eye(n)[0]
    if target <= 0.0:
        return np.eye(n)[-1]
    # (k/n)^a at ln a = ±700 is 1.0 or 0.0 in float64, so the bracket holds any 0 < target < 1.
    log_a = optimize.brentq(lambda u: orness(rim_order_weights(n, math.exp(u))) - target, -700.0, 700.0, xtol=1e-14, rtol=1e-15)
    return rim_order_weights(n, math.exp(log_a))


def weight_spread(weights: np.ndarray, cv: float) -> float:
    """1/(α + 1) = CV²·Σw̄ᵢ² / (1 − Σw̄ᵢ²): the Dirichlet's covariance factor (0 = no spread)."""
    square = float(np.sum(weights**2))
    if cv == 0.0 or square >= 1.0:
        return 0.0
    return cv * cv * square / (1.0 - square)


def max_weight_cv(weights: np.ndarray) -> float:
    """The CV a Dirichlet centred on `weights` approaches as α → 0: √((1 − Σw̄ᵢ²)/Σw̄ᵢ²)."""
    square = float(np.sum(weights**2))
    return math.sqrt(max(1.0 - square, 0.0) / square)


def swept_weights(weights: np.ndarray, criterion: int, change: float) -> np.ndarray:
    """wᵢ ← w̄ᵢ(1 + δ), w_j ← w̄_j(1 − w̄ᵢ(1 + δ))/(1 − w̄ᵢ): Σw stays 1 (0 < w̄ᵢ < 1, wᵢ ≤ 1)."""
    moved = weights[criterion] * (1.0 + change)
    out = weights * (1.0 - moved) / (1.0 - weights[criterion])
    out[criterion] = moved
    return out


@dataclass(frozen=True)
class SuitabilitySpec:
    """A validated suitability run. Built with `SuitabilitySpec.build`.

    Draw matrix columns (see `draws`): `draw_count` draws, then the reference vectors: the
    baseline w̄ and the sweep vectors `sweep_runs` = ((criterion, δ), …).
    """

    method: SuitabilityMethod
    weights: np.ndarray
    order_weights: np.ndarray | None
    weight_cv: float
    criterion_sd: float
    iterations: int
    seed: int
    threshold: float | None
    top_percent: float | None
    sweep_runs: tuple[tuple[int, float], ...]
    names: tuple[str, ...]
    notes: tuple[Message, ...] = field(default=(), compare=False)

    @classmethod
    def build(
        cls,
        n: int,
        method: SuitabilityMethod,
        weights: Sequence[float] = (),
        order_weights: Sequence[float] = (),
        orness: float | None = None,
        weight_cv: float = 0.0,
        criterion_sd: float = 0.0,
        iterations: int = 1000,
        seed: int = 0,
        threshold: float | None = None,
        top_percent: float | None = None,
        sweep: Sequence[float] = (-0.2, 0.2),
        names: Sequence[str] = (),
    ) -> "SuitabilitySpec":
        """Check and normalise the user's parameters; raise InputError with a plain message.

        Empty weights mean equal weights; for OWA, give order weights or an orness (neither:
        equal order weights, i.e. WLC). weight_cv is a fraction (the UI's % / 100), criterion_sd
        is in normalised criterion units, sweep holds relative weight changes (−0.2 = −20 %).
        """
        method = SuitabilityMethod(method)
        if n < 1:
            raise InputError(tr("At least one criterion raster is needed"))
        names = tuple(names) or tuple(f"criterion {i + 1}" for i in range(n))
        w = np.asarray(list(weights), dtype=float)
        if w.size == 0:
            w = np.ones(n)
        if w.size != n:
            raise InputError(tr("{given} weights were given for {n} criteria; give one weight per criterion, in the same order"), given=w.size, n=n)
        if not np.all(np.isfinite(w)) or np.any(w < 0):
            raise InputError(tr("Weights must be zero or positive numbers"))
        if w.sum() <= 0:
            raise InputError(tr("The weights sum to zero"))
        w = w / w.sum()
        v = _order_weights(n, method, order_weights, orness)
        if not (math.isfinite(weight_cv) and 0.0 <= weight_cv <= 1.0):
            raise InputError(tr("The coefficient of variation of the weights must lie between 0 and 100 %"))
        notes: list[Message] = []
        positive = int(np.count_nonzero(w))
        if method == SuitabilityMethod.MINIMUM:
            notes.append(Message(tr("The minimum (weakest link) does not use the weights: weight uncertainty and the weight sweep do not apply")))
        elif weight_cv > 0 and positive == 1:
            notes.append(Message(tr("Only one criterion has a positive weight, so the weights cannot vary")))
        elif weight_cv > 0 and weight_cv >= max_weight_cv(w):
            raise InputError(
                tr(
                    "A coefficient of variation of {cv:.0%} is too large for these weights: "
                    "a Dirichlet distribution centred on them stays below {limit:.0%}"
                ),
                cv=weight_cv,
                limit=max_weight_cv(w),
            )
        if not (math.isfinite(criterion_sd) and 0.0 <= criterion_sd <= 1.0):
            raise InputError(tr("The criterion uncertainty is a standard deviation in normalised units, between 0 and 1"))
        if isinstance(iterations, bool) or int(iterations) != iterations or not 1 <= iterations <= MAX_ITERATIONS:
            raise InputError(tr("The number of iterations must be a whole number from 1 to {max}"), max=MAX_ITERATIONS)
        if isinstance(seed, bool) or int(seed) != seed or seed < 0:
            raise InputError(tr("The random seed must be a whole number of zero or more"))
        if (threshold is None) == (top_percent is None):
            raise InputError(tr("Give either a suitability threshold or a top percentage, not both or neither"))
        if threshold is not None and not (math.isfinite(threshold) and 0.0 <= threshold <= 1.0):
            raise InputError(tr("The suitability threshold is a score between 0 and 1"))
        if top_percent is not None and not (math.isfinite(top_percent) and 0.0 < top_percent <= 100.0):
            raise InputError(tr("The top percentage must be greater than 0 and at most 100"))
        if top_percent is not None and criterion_sd > 0:
            notes.append(Message(tr("With criterion uncertainty the top-percentage cut-off of each draw is taken from the scores without noise")))
        runs = _sweep_runs(w, method, sweep, names, notes)
        return cls(
            method,
            w,
            v,
            float(weight_cv),
            float(criterion_sd),
            int(iterations),
            int(seed),
            None if threshold is None else float(threshold),
            None if top_percent is None else float(top_percent),
            runs,
            names,
            tuple(notes),
        )

    @property
    def n(self) -> int:
        return int(self.weights.size)

    @property
    def weights_vary(self) -> bool:
        return self.method != SuitabilityMethod.MINIMUM and weight_spread(self.weights, self.weight_cv) > 0

    @property
    def sampled_noise(self) -> bool:
        """OWA and MINIMUM with criterion noise sample it per cell (WLC uses Φ)."""
        return self.criterion_sd > 0 and self.method != SuitabilityMethod.WLC

    @property
    def draw_count(self) -> int:
        """Draws actually computed: identical draws (no spread, no sampled noise) collapse to one,
        which changes no probability."""
        return self.iterations if self.weights_vary or self.sampled_noise else 1

    @property
    def reference_count(self) -> int:
        """The baseline w̄ and the sweep vectors."""
        return 1 + len(self.sweep_runs)

    @property
    def columns(self) -> int:
        return self.draw_count + self.reference_count

    def formula(self) -> str:
        return FORMULAS[self.method]


def _order_weights(n: int, method: SuitabilityMethod, given: Sequence[float], target: float | None) -> np.ndarray | None:
    if method != SuitabilityMethod.OWA:
        return None
    v = np.asarray(list(given), dtype=float)
    if v.size and target is not None:
        raise InputError(tr("Give OWA order weights or an orness, not both"))
    if target is not None:
        if not (math.isfinite(target) and 0.0 <= target <= 1.0):
            raise InputError(tr("The orness must lie between 0 (minimum) and 1 (maximum)"))
        return order_weights_from_orness(n, float(target))
    if v.size == 0:
        return np.full(n, 1.0 / n)
    if v.size != n:
        raise InputError(tr("{given} order weights were given for {n} criteria; OWA needs one per rank"), given=v.size, n=n)
    if not np.all(np.isfinite(v)) or np.any(v < 0) or v.sum() <= 0:
        raise InputError(tr("Order weights must be zero or positive and not all zero"))
    return v / v.sum()


def _sweep_runs(
    w: np.ndarray, method: SuitabilityMethod, sweep: Sequence[float], names: tuple[str, ...], notes: list[Message]
) -> tuple[tuple[int, float], ...]:
    changes = [float(d) for d in sweep]
    if any(not math.isfinite(d) or d < -1.0 for d in changes):
        raise InputError(tr("Sweep changes are relative (−0.2 = −20 %) and cannot lower a weight below zero (−100 %)"))
    if method == SuitabilityMethod.MINIMUM:
        return ()
    runs = []
    for i in np.flatnonzero((w > 0) & (w < 1)):
        for d in changes:
            if w[i] * (1.0 + d) > 1.0:
                notes.append(
                    Message(
                        tr("A {change:+.0%} change would raise the weight of '{name}' above 1; that sweep step is left out"),
                        {"change": d, "name": names[i]},
                    )
                )
            else:
                runs.append((int(i), d))
    return tuple(runs)


def draws(spec: SuitabilitySpec) -> np.ndarray:
    """The weight matrix W (n × columns, float64; every column sums to 1): `draw_count` Dirichlet
    draws from Generator(SEED), the baseline w̄, then the sweep vectors."""
    n, d = spec.n, spec.draw_count
    w = np.empty((n, spec.columns))
    w[:, :d] = spec.weights[:, None]
    if spec.weights_vary:
        positive = spec.weights > 0
        concentration = 1.0 / weight_spread(spec.weights, spec.weight_cv) - 1.0
        rng = np.random.default_rng(spec.seed)
        w[positive, :d] = rng.dirichlet(concentration * spec.weights[positive], size=d).T
    w[:, d] = spec.weights
    for k, (i, change) in enumerate(spec.sweep_runs):
        w[:, d + 1 + k] = swept_weights(spec.weights, i, change)
    return w


def wlc_moments(spec: SuitabilitySpec, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Closed-form mean and standard deviation of the WLC score over the weight and criterion
    uncertainty, for criteria c (n × cells), in float64 (see the module docstring)."""
    c64 = c.astype(np.float64)
    w = spec.weights
    # einsum, not BLAS: see _product
    mean = np.einsum("i,ij->j", w, c64)
    spread = weight_spread(w, spec.weight_cv) if spec.weights_vary else 0.0
    square = float(np.sum(w**2))
    # Σ E[wᵢ²] = Σ Var(wᵢ) + Σ w̄ᵢ²
    noise = spec.criterion_sd**2 * (spread * (1.0 - square) + square)
    var = spread * (np.einsum("i,ij,ij->j", w, c64, c64) - mean * mean) + noise
    return mean, np.sqrt(np.maximum(var, 0.0))


def classify_probability(p: np.ndarray) -> np.ndarray:
    """Classes 1 (p ≥ 0.9) … 4 (p < 0.1) of float64 probabilities (compare before any float32
    rounding: 0.9 in float32 is below 0.9)."""
    grade = np.full(np.shape(p), SuitabilityClass.UNSUITABLE, dtype=np.uint8)
    for limit in CLASS_LIMITS:
        grade -= p >= limit
    return grade


def _ranks(x: np.ndarray) -> np.ndarray:
    """0-based rank of each criterion along axis 0 (0 = largest), ties in criterion order like
    overlay's stable sort: rankᵢ = #{j < i: xⱼ ≥ xᵢ} + #{j > i: xⱼ > xᵢ}. n² comparisons,
    far faster than argsort over a short axis."""
    n = x.shape[0]
    rank = np.zeros(x.shape, dtype=np.min_scalar_type(n))
    for i in range(n):
        for j in range(n):
            if j != i:
                np.add(rank[i], (x[j] >= x[i]) if j < i else (x[j] > x[i]), out=rank[i], casting="unsafe")
    return rank


def _owa_terms(v: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(v_rank(i)·cᵢ, v_rank(i)) per criterion, so that the weighted OWA of any weight rows W is
    (W @ first) / (W @ second)."""
    coef = v[_ranks(c)]
    return coef * c, coef


def _rank_codes(spec: SuitabilitySpec, values: np.ndarray) -> np.ndarray | None:
    """OWA without sampled noise: per cell, the order of its criteria as one integer
    Σᵢ rankᵢ·nⁱ (int32; n ≤ RUN_CRITERIA), otherwise None. Cells with the same code share the
    OWA denominators Σⱼ w_dⱼ·v_rank(j) of every draw d (see `_owa_runs`)."""
    n = spec.n
    if spec.method != SuitabilityMethod.OWA or spec.sampled_noise or n > RUN_CRITERIA:
        return None
    ranks = _ranks(values)
    code = np.zeros(values.shape[1], dtype=np.int32)
    for i in range(n):
        code += ranks[i].astype(np.int32) * np.int32(n**i)
    return code


def _owa_runs(wt: np.ndarray, owa: tuple[np.ndarray, np.ndarray], codes: np.ndarray, scratch: np.ndarray) -> np.ndarray | None:
    """OWA scores (rows of wt × cells) num/den as `_scores` computes them, bit for bit, for cells
    ordered by rank code: den is computed once per run of equal codes, not per cell.

    The numerators are the same einsum product; the denominators of a run are summed in float32
    in criterion order, w₀v₀ + w₁v₁ + …, which is the order einsum sums any product of two or
    more columns in (`MIN_CHUNK` keeps chunks wider), then floored at the smallest normal float
    and repeated over the run. None when the runs are too short to pay (more than one run per
    RUN_CELLS cells) or the chunk too narrow: the caller then takes `_scores`."""
    m = codes.size
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    if m < MIN_CHUNK or starts.size * RUN_CELLS > m:
        return None
    terms, coef = owa
    size = wt.shape[0] * m
    num = _product(wt, terms, scratch[:size].reshape(wt.shape[0], m))
    first = coef[:, starts]
    den = wt[:, 0:1] * first[0]
    for j in range(1, wt.shape[1]):
        den += wt[:, j : j + 1] * first[j]
    np.maximum(den, np.finfo(np.float32).tiny, out=den)
    # Spread over the runs' cells with take(mode="clip") into a C-ordered buffer: np.repeat along
    # axis 1, den[:, run] (Fortran-ordered) or a divide per run are 2–4 times slower.
    run = np.repeat(np.arange(starts.size), np.diff(np.append(starts, m)))
    full = np.take(den, run, axis=1, out=scratch[size : 2 * size].reshape(wt.shape[0], m), mode="clip")
    return np.divide(num, full, out=num)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num/den in place. den = Σ uᵢ and num = Σ uᵢxᵢ with uᵢ ≥ 0, so den = 0 (the ranks that carry
    order weight all have zero weight) only where num = 0: such cells score 0, as in overlay.py."""
    np.maximum(den, np.finfo(np.float32).tiny, out=den)
    return np.divide(num, den, out=num)


def _product(wt: np.ndarray, c: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """wt @ c through einsum's own SIMD loops rather than BLAS: with an inner dimension of n ≈ 6
    it is nearly as fast on one core, and it never starts threads of its own, which under the
    block driver's worker threads would compete for the same cores (OpenBLAS's default)."""
    return np.einsum("ij,jk->ik", wt, c, out=out)


def _scores(
    spec: SuitabilitySpec, wt: np.ndarray, c: np.ndarray, owa: tuple[np.ndarray, np.ndarray] | None, scratch: np.ndarray | None = None
) -> np.ndarray:
    """Noise-free scores (rows of wt × cells) for weight rows wt (k × n) and criteria c (n × m).

    `scratch`: a flat float32 array reused across chunks (k·m values, 2·k·m for OWA) to hold the
    products, so that the chunk loop does not allocate and page-fault a new matrix each time.
    """
    shape = (wt.shape[0], c.shape[1])
    size = shape[0] * shape[1]

    def matrix(k: int) -> np.ndarray | None:
        return None if scratch is None else scratch[k * size : (k + 1) * size].reshape(shape)

    if spec.method == SuitabilityMethod.WLC:
        return _product(wt, c, matrix(0))
    if spec.method == SuitabilityMethod.MINIMUM:
        return np.repeat(c.min(axis=0)[None], wt.shape[0], axis=0)
    return _ratio(_product(wt, owa[0], matrix(0)), _product(wt, owa[1], matrix(1)))


def _noisy_scores(spec: SuitabilitySpec, wt: np.ndarray, v: np.ndarray | None, c: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Scores (draws × cells) of c + ε with ε sampled per criterion, draw and cell: εᵢ of draw d
    at grid cell g is σ·z(SEED, g, i·D + d) (common.cell_noise)."""
    d = wt.shape[0]
    x = cell_normals(spec.seed, ids, spec.n * d)[: spec.n * d].reshape(spec.n, d, ids.size)
    x *= np.float32(spec.criterion_sd)
    x += c[:, None, :]
    if spec.method == SuitabilityMethod.MINIMUM:
        return x.min(axis=0)
    coef = v[_ranks(x)]
    num = np.zeros(x.shape[1:], dtype=np.float32)
    den = np.zeros_like(num)
    for i in range(spec.n):
        u = coef[i] * wt[:, i, None]
        den += u
        u *= x[i]
        num += u
    return _ratio(num, den)


def _range_kernel(blocks: list[np.ndarray]) -> tuple[tuple[()], tuple[np.ndarray, np.ndarray, int]]:
    """Kernel of criterion_ranges: (no output, (each block's minimum, maximum, NaN where it has no
    valid cell), cells valid in every block)."""
    valid = np.ones(blocks[0].shape, dtype=bool)
    lows, highs = np.full(len(blocks), np.nan), np.full(len(blocks), np.nan)
    for i, block in enumerate(blocks):
        missing = np.isnan(block)
        valid &= ~missing
        if block.size and not missing.all():
            # fmin/fmax skip NaN without the all-NaN warning of nanmin/nanmax
            lows[i], highs[i] = np.fmin.reduce(block.ravel()), np.fmax.reduce(block.ravel())
    return (), (lows, highs, int(np.count_nonzero(valid)))


def criterion_ranges(
    grid: Grid,
    sources: Sequence[RasterSource],
    names: Sequence[str],
    *,
    progress: Progress = None,
    cancelled: CancelCheck = None,
    engine=None,
    cells_per_block: int = STRIP_CELLS,
) -> tuple[list[tuple[float, float]], int]:
    """Each criterion's normalisation range and the number of cells with data in every criterion
    (the study area before exclusions), in one pass over the grid (run_blocks on `engine`; the
    strips' minima, maxima and counts merged in strip order).

    A criterion whose data lie within 0–1 is taken as given, range (0, 1); one outside is
    min-max normalised, c' = (c − min)/(max − min), over its own valid cells, range (min, max).
    Raises InputError for a criterion without a valid cell, a constant criterion outside 0–1 and
    criteria that do not overlap."""
    lows = np.full(len(sources), np.inf)
    highs = np.full(len(sources), -np.inf)
    common = 0

    def merge(part: tuple[np.ndarray, np.ndarray, int]) -> None:
        nonlocal common
        for i, (low, high) in enumerate(zip(*part[:2])):
            if np.isnan(low):
                continue
            low, high = value_range([np.array([low, high])])  # refuses an infinite value, as for a whole block
            lows[i], highs[i] = min(lows[i], low), max(highs[i], high)
        common += part[2]

    run_blocks(grid, sources, _range_kernel, on_result=merge, progress=progress, cancelled=cancelled, engine=engine, cells_per_block=cells_per_block)
    ranges = []
    for i, (low, high) in enumerate(zip(lows, highs)):
        if not np.isfinite(low):
            raise InputError(tr("The criterion '{name}' has no valid cell on the reference grid (all nodata, or outside it)"), name=names[i])
        if low < 0 or high > 1:
            if high <= low:
                raise InputError(tr("The criterion '{name}' is constant; it cannot be normalised"), name=names[i])
            ranges.append((float(low), float(high)))
        else:
            ranges.append((0.0, 1.0))
    if common == 0:
        raise InputError(tr("The criteria do not overlap: no cell of the reference grid has data in every criterion"))
    return ranges, common


def block_preparer(n: int, ranges: Sequence[tuple[float, float]], directions: Sequence[bool], constraints: int, exclusion: bool):
    """A function turning the input blocks (the n criteria, the constraints, then the burnt
    exclusion zones, 1 inside, when `exclusion`) into the blocks the suitability kernels take:
    n normalised benefit criteria, c' = (c − low)/(high − low), and 1 − c' for a cost criterion
    (directions[i] False), then the excluded flag (1 where a constraint equals 0 or inside an
    exclusion zone, float32)."""
    lows = [np.float32(low) for low, _ in ranges]
    spans = [np.float32(high - low) for low, high in ranges]

    def prepare(blocks):
        criteria = []
        for i in range(n):
            c = blocks[i] if (lows[i], spans[i]) == (0.0, 1.0) else (blocks[i] - lows[i]) / spans[i]
            criteria.append(c if directions[i] else np.float32(1.0) - c)
        excluded = np.zeros(blocks[0].shape, dtype=np.float32)
        for constraint in blocks[n : n + constraints]:
            excluded[constraint == 0] = 1.0
        if exclusion:
            excluded[blocks[n + constraints] == 1] = 1.0
        return Placed(criteria + [excluded], getattr(blocks, "origin", None))

    return prepare


@dataclass(frozen=True)
class _Block:
    """Where a block's nodata, excluded and study cells are (flat)."""

    shape: tuple[int, ...]
    nodata: np.ndarray
    excluded: np.ndarray
    study: np.ndarray


def _prepare(spec: SuitabilitySpec, blocks: list[np.ndarray]) -> tuple[_Block, np.ndarray]:
    """The block's layout and the criteria of its study cells (n × cells, float32 in [0, 1])."""
    if len(blocks) != spec.n + 1:
        raise ValueError(f"expected {spec.n} criterion blocks and the excluded block, got {len(blocks)} blocks")
    flat = [np.asarray(b, dtype=np.float32).ravel() for b in blocks[: spec.n]]
    flag = np.asarray(blocks[spec.n], dtype=np.float32).ravel()
    # Exclusions only remove valid cells: a cell missing in any criterion stays nodata, even
    # where an exclusion zone or a constraint reaches past the study area.
    nodata = np.zeros(flag.size, dtype=bool)
    for x in flat:
        nodata |= np.isnan(x)
    excluded = (flag != 0) & ~np.isnan(flag) & ~nodata
    study = np.flatnonzero(~(nodata | excluded))
    # Gathered row by row: a stack of the whole block would double the kernel's peak memory.
    values = np.empty((spec.n, study.size), dtype=np.float32)
    for i, x in enumerate(flat):
        np.take(x, study, out=values[i])
    check_range(values, spec.names)
    np.clip(values, 0.0, 1.0, out=values)
    return _Block(blocks[0].shape, nodata, excluded, study), values


def _weight_rows(spec: SuitabilitySpec, w: np.ndarray) -> np.ndarray:
    if w.shape != (spec.n, spec.columns):
        raise ValueError(f"the weight matrix must be {spec.n} × {spec.columns} (see draws()), not {w.shape}")
    return np.ascontiguousarray(w.T, dtype=np.float32)


@dataclass
class ScoreHistogram:
    """Pass 1: per histogram row, the count of study cells per score bin [b/bins, (b+1)/bins)
    (the last bin holds 1). Rows: every draw if the weights vary (otherwise the draws share the
    baseline's row), then the reference vectors."""

    rows: int
    bins: int = HISTOGRAM_BINS
    dtype: type = np.int64
    cells: int = field(init=False, default=0)
    #: cells whose scores the counts hold: all study cells, or the sample (pass 1a)
    sampled: int = field(init=False, default=0)
    counts: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.counts = np.zeros((self.rows, self.bins), dtype=self.dtype)

    @classmethod
    def for_spec(cls, spec: "SuitabilitySpec", rows: np.ndarray | None = None) -> "ScoreHistogram":
        """The empty total that the blocks' parts are added to (`rows`: as given to the kernel)."""
        return cls(_histogram_rows(spec).size if rows is None else len(rows))

    def add(self, part: "ScoreHistogram") -> None:
        self.cells += part.cells
        self.sampled += part.sampled
        self.counts += part.counts


def _histogram_rows(spec: SuitabilitySpec) -> np.ndarray:
    draws_rows = np.arange(spec.draw_count) if spec.weights_vary else np.arange(0)
    return np.concatenate((draws_rows, spec.draw_count + np.arange(spec.reference_count)))


def score_histogram_kernel(spec: SuitabilitySpec, w: np.ndarray, rows: np.ndarray | None = None, stride: int = 1):
    """Pass 1 of TOP_PERCENT, a block kernel for raster_io.run_blocks (no outputs; extra: the
    block's ScoreHistogram, to be merged with `add` and passed to `thresholds_from_histograms`).

    Input blocks: the n criteria (float32 0–1, NaN = nodata), then the excluded flag (non-zero
    = excluded, 0 or NaN = allowed). Noise-free scores. `rows`: only these histogram rows
    (indices into the rows of `ScoreHistogram.for_spec(spec)`); `stride` > 1: a sample of the
    block's study cells, every s-th with s = min(stride, ⌊cells/SAMPLE_CELLS⌋) (at least 1), so
    `cells` still counts them all and `sampled` the sample; each sampled cell then counts s
    times, so that blocks sampled at different rates pool into one unbiased histogram.
    `top_percent_thresholds` runs the exact histogram only for the draws it needs it for.
    """
    wt = _weight_rows(spec, w)[_histogram_rows(spec)]
    if rows is not None:
        wt = wt[np.asarray(rows, dtype=np.intp)]
    v = None if spec.order_weights is None else spec.order_weights.astype(np.float32)

    def kernel(blocks: list[np.ndarray]):
        _, values = _prepare(spec, blocks)
        cells = values.shape[1]
        step = max(1, min(stride, cells // SAMPLE_CELLS))
        if step > 1:
            values = np.ascontiguousarray(values[:, ::step])
        part = ScoreHistogram(wt.shape[0], HISTOGRAM_BINS, np.int32)
        part.cells, part.sampled = cells, values.shape[1]
        part.counts = _histograms(spec, wt, v, values)
        if step > 1:
            part.counts *= np.int32(step)
        return [], part

    return kernel


def _histograms(spec: SuitabilitySpec, wt: np.ndarray, v: np.ndarray | None, values: np.ndarray) -> np.ndarray:
    """Per weight row, the counts of `values`' scores per bin [b/bins, (b+1)/bins) (int32; the
    last bin holds 1)."""
    rows, bins = wt.shape[0], HISTOGRAM_BINS
    # Column `bins` takes scores that round to 1 + ulp; it is folded into the last bin. One
    # block has fewer than 2³¹ cells: int32 halves the memory of the parts in flight.
    counts = np.zeros((rows, bins + 1), dtype=np.int32)
    scratch = np.empty(2 * HISTOGRAM_GROUP * (HISTOGRAM_CELLS + MIN_CHUNK), dtype=np.float32)
    for a, b in _chunks(values.shape[1], HISTOGRAM_CELLS):
        c = values[:, a:b]
        owa = _owa_terms(v, c) if spec.method == SuitabilityMethod.OWA else None
        index = np.empty((HISTOGRAM_GROUP, c.shape[1]), dtype=np.intp)
        for r in range(0, rows, HISTOGRAM_GROUP):
            s = _scores(spec, wt[r : r + HISTOGRAM_GROUP], c, owa, scratch)
            # S ≥ 0 and S·2¹² is exact, so truncation is floor and matches S ≥ b/bins.
            np.multiply(s, np.float32(bins), out=index[: s.shape[0]], casting="unsafe")
            # One bincount per draw over 65 536 cells: offsetting the indices so that one
            # call covers the group costs an extra pass over 8-byte indices (~15 % slower).
            for j in range(s.shape[0]):
                counts[r + j] += np.bincount(index[j], minlength=bins + 1)
    out = counts[:, :bins]
    out[:, -1] += counts[:, bins]
    return out


def _chunks(m: int, width: int) -> list[tuple[int, int]]:
    """[a, b) ranges of at most `width` (+ MIN_CHUNK) cells covering 0…m, none narrower than
    MIN_CHUNK unless m is (see MIN_CHUNK)."""
    starts = list(range(0, m, width))
    if len(starts) > 1 and m - starts[-1] < MIN_CHUNK:
        starts.pop()
    return [(a, starts[i + 1] if i + 1 < len(starts) else m) for i, a in enumerate(starts)]


@dataclass
class BracketCounts:
    """Pass 1b of TOP_PERCENT: per histogram row r, the count of study cells scoring at least
    (lo_r + width)/bins (`above`) and the counts per bin lo_r … lo_r + width − 1 (`inside`),
    for the brackets of `score_brackets`."""

    rows: int
    width: int
    cells: int = field(init=False, default=0)
    above: np.ndarray = field(init=False)
    inside: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.above = np.zeros(self.rows, dtype=np.int64)
        self.inside = np.zeros((self.rows, self.width), dtype=np.int64)

    def add(self, part: "BracketCounts") -> None:
        self.cells += part.cells
        self.above += part.above
        self.inside += part.inside


def top_percent_k(spec: SuitabilitySpec, cells: int) -> int:
    """k = ⌈p·N/100⌉ (at least 1): the rank of the score that sets a draw's cut-off."""
    return max(1, math.ceil(spec.top_percent * cells / 100.0 - 1e-9))


def score_brackets(spec: SuitabilitySpec, sample: ScoreHistogram, z: float = BRACKET_Z) -> tuple[np.ndarray, int]:
    """(lo, width): per histogram row the bins lo … lo + width − 1 expected to hold the k-th
    highest score, from the sample's histograms. With π = k/N, q(b) the sample's share of scores
    ≥ b/bins and e = z·√(π(1 − π)/n) + 1/n (n sampled cells): from the last b with q(b) ≥ π + e
    to the first b with q(b) ≤ π − e, then widened to one width for all rows, and to lo = 0
    where lo < width (see `score_bracket_kernel`). A miss costs time, never exactness (see
    `thresholds_from_brackets`)."""
    bins = sample.bins
    rows = sample.counts.shape[0]
    if sample.sampled == 0 or sample.cells == 0:
        return np.zeros(rows, dtype=np.intp), bins
    share = top_percent_k(spec, sample.cells) / sample.cells
    margin = z * math.sqrt(share * (1.0 - share) / sample.sampled) + 1.0 / sample.sampled
    tail = np.cumsum(sample.counts[:, ::-1], axis=1)[:, ::-1]
    tail = tail / np.maximum(tail[:, :1], 1)  # q(b), each sampled cell weighted by its block's rate
    lo = np.maximum((tail >= share + margin).sum(axis=1) - 1, 0).astype(np.intp)
    hi = (tail > share - margin).sum(axis=1).astype(np.intp)
    width = int(max(1, (hi - lo).max()))
    while True:  # lo = 0 below the width; at most a few rounds, width ≤ bins
        low = lo < width
        wider = int(max(width, hi[low].max(initial=0)))
        if wider == width:
            break
        width = wider
    lo = np.where(lo < width, 0, np.minimum(lo, bins - width))
    return lo, width


def score_bracket_kernel(spec: SuitabilitySpec, w: np.ndarray, lo: np.ndarray, width: int):
    """Pass 1b of TOP_PERCENT, a block kernel for raster_io.run_blocks (no outputs; extra: the
    block's BracketCounts). Same inputs as `score_histogram_kernel`.

    Per histogram row r and cell: y = S − lo_r/bins in float32, for WLC as a seventh term of
    the product (einsum sums the terms in order, so y = fl(S − lo_r/bins) with S bit for bit the
    score of every other pass). y is exact where it matters: by Sterbenz's lemma wherever
    lo_r/bins ≤ S ≤ 2·lo_r/bins, and lo_r ≥ width or lo_r = 0, so y ≥ h = width/bins ⇔ S is
    above the bracket, and 0 ≤ y < h ⇔ lo_r ≤ ⌊S·bins⌋ < lo_r + width (⌊y·bins⌋ is then the bin
    in the bracket; bins is a power of two). Two comparisons with scalars, a count, and only the
    scores in the bracket – about one in a hundred – binned: no full histogram.
    """
    wt = _weight_rows(spec, w)[_histogram_rows(spec)]
    rows, bins = wt.shape[0], HISTOGRAM_BINS
    lo = np.asarray(lo, dtype=np.intp)
    edge = (lo / bins).astype(np.float32)
    fold = spec.method == SuitabilityMethod.WLC
    if fold:
        wt = np.ascontiguousarray(np.concatenate((wt, -edge[:, None]), axis=1))
    h = np.float32(width / bins)
    h_bits = h.view(np.uint32)
    top = lo + width >= bins  # S = 1 lies "above" there; the histogram puts it in the last bin
    v = None if spec.order_weights is None else spec.order_weights.astype(np.float32)
    matrices = 2 if spec.method == SuitabilityMethod.OWA else 1
    chunk = BRACKET_CELLS
    per_row = np.min_scalar_type(chunk + MIN_CHUNK)

    def kernel(blocks: list[np.ndarray]):
        _, values = _prepare(spec, blocks)
        part = BracketCounts(rows, width)
        part.cells = values.shape[1]
        if fold:
            values = np.concatenate((values, np.ones((1, values.shape[1]), dtype=np.float32)))
        scratch = np.empty(matrices * rows * (chunk + MIN_CHUNK), dtype=np.float32)
        mask = np.empty(rows * (chunk + MIN_CHUNK), dtype=bool)
        flat = np.zeros(rows * width, dtype=np.int64)
        for a, b in _chunks(values.shape[1], chunk):
            c = values[:, a:b]
            m = b - a
            if fold:
                y = _product(wt, c, scratch[: rows * m].reshape(rows, m))
            else:
                y = _scores(spec, wt, c, _owa_terms(v, c) if v is not None else None, scratch)
                y -= edge[:, None]
            hit = mask[: rows * m].reshape(rows, m)
            np.greater_equal(y, h, out=hit)
            part.above += hit.view(np.uint8).sum(axis=1, dtype=per_row)
            np.less(y.view(np.uint32), h_bits, out=hit)
            where = np.flatnonzero(hit)
            if where.size:
                index = np.multiply(y.ravel()[where], np.float32(bins)).astype(np.intp)
                index += (where // m) * width
                flat += np.bincount(index, minlength=rows * width)
        part.inside = flat.reshape(rows, width)
        part.inside[top, -1] += part.above[top]
        part.above[top] = 0
        return [], part

    return kernel


def thresholds_from_brackets(spec: SuitabilitySpec, counts: BracketCounts, lo: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bin b of the k-th highest score per histogram row, rows whose bracket missed it).

    T(b) = #{S ≥ b/bins} = above + Σ_{b ≤ j < hi} inside_j for lo ≤ b ≤ hi = lo + width; the
    bracket holds the k-th score iff T(hi) < k ≤ T(lo), and then b = max{b : T(b) ≥ k}, exactly
    the bin `thresholds_from_histograms` finds in the full histogram. Missed rows get b = −1."""
    if counts.cells == 0:
        raise no_study_cells_error()
    k = top_percent_k(spec, counts.cells)
    tail = counts.above[:, None] + np.cumsum(counts.inside[:, ::-1], axis=1)[:, ::-1]  # T(lo + j)
    hit = (counts.above < k) & (tail[:, 0] >= k)
    b = np.asarray(lo) + (tail >= k).sum(axis=1) - 1
    return np.where(hit, b, -1), np.flatnonzero(~hit)


def top_percent_thresholds(spec: SuitabilitySpec, w: np.ndarray, map_blocks: Callable[..., None]) -> np.ndarray:
    """The TOP_PERCENT thresholds of every weight column (as `thresholds_from_histograms` gives
    them from full histograms, bit for bit) in two or three passes over the raster:
    1a the full histograms of a sample (every SAMPLE_STRIDE-th study cell) → a bracket of bins
       per draw (`score_brackets`);
    1b every cell scored once, counted above the bracket and binned inside it
       (`score_bracket_kernel`) → the exact bin of the k-th score (`thresholds_from_brackets`);
    1c only if a bracket missed: the full histograms of those draws (`score_histogram_kernel`).
    `map_blocks(kernel, on_result, start, stop)` maps a block kernel over the raster as
    raster_io.run_blocks does (on_result in block order); start and stop (0–1) are the share of
    this step's progress that the pass covers.
    """
    sample = ScoreHistogram.for_spec(spec)
    map_blocks(score_histogram_kernel(spec, w, stride=SAMPLE_STRIDE), sample.add, 0.0, 0.1)
    lo, width = score_brackets(spec, sample)
    counts = BracketCounts(lo.size, width)
    map_blocks(score_bracket_kernel(spec, w, lo, width), counts.add, 0.1, 0.95)
    bin_, missed = thresholds_from_brackets(spec, counts, lo)
    if missed.size:
        histogram = ScoreHistogram.for_spec(spec, missed)
        map_blocks(score_histogram_kernel(spec, w, rows=missed), histogram.add, 0.95, 1.0)
        k = top_percent_k(spec, histogram.cells)
        tail = np.cumsum(histogram.counts[:, ::-1], axis=1)[:, ::-1]
        bin_[missed] = (tail >= k).sum(axis=1) - 1
    return _thresholds_of_rows(spec, bin_ / HISTOGRAM_BINS)


def thresholds_from_histograms(spec: SuitabilitySpec, histogram: ScoreHistogram) -> np.ndarray:
    """Per column of the weight matrix, the TOP_PERCENT threshold t = b/bins, b the bin holding
    the k-th highest score, k = ⌈p·N/100⌉ (float32; resolution 1/bins, t ≤ the k-th score)."""
    if histogram.cells == 0:
        raise no_study_cells_error()
    k = top_percent_k(spec, histogram.cells)
    tail = np.cumsum(histogram.counts[:, ::-1], axis=1)[:, ::-1]  # cells with score ≥ b/bins
    t = ((tail >= k).sum(axis=1) - 1) / histogram.bins
    return _thresholds_of_rows(spec, t)


def _thresholds_of_rows(spec: SuitabilitySpec, t: np.ndarray) -> np.ndarray:
    """Histogram rows' thresholds → one per weight column (float32)."""
    d = spec.draw_count
    out = np.empty(spec.columns, dtype=np.float32)
    if spec.weights_vary:
        out[:] = t
    else:
        out[:d] = t[0]
        out[d:] = t
    return out


def no_study_cells_error() -> InputError:
    return InputError(tr("No cell is valid in every criterion and outside the constraints"))


@dataclass
class SuitabilityStatistics:
    """Per-run totals accumulated block by block (merge with `add` in block order).

    "Kept" cells are suitable under a column's weights and under the baseline weights w̄.
    With WLC noise the per-draw numbers are expected numbers (sums of probabilities).
    """

    draws: int
    references: int
    cells: int = field(init=False, default=0)
    excluded_cells: int = field(init=False, default=0)
    nodata_cells: int = field(init=False, default=0)
    probability_sum: float = field(init=False, default=0.0)
    class_cells: np.ndarray = field(init=False)
    draw_suitable: np.ndarray = field(init=False)
    draw_kept: np.ndarray = field(init=False)
    reference_suitable: np.ndarray = field(init=False)
    reference_kept: np.ndarray = field(init=False)
    reference_score_sum: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.class_cells = np.zeros(6, dtype=np.int64)
        self.draw_suitable = np.zeros(self.draws)
        self.draw_kept = np.zeros(self.draws)
        self.reference_suitable = np.zeros(self.references, dtype=np.int64)
        self.reference_kept = np.zeros(self.references, dtype=np.int64)
        self.reference_score_sum = np.zeros(self.references)

    @classmethod
    def for_spec(cls, spec: SuitabilitySpec) -> "SuitabilityStatistics":
        """The empty total that the blocks' parts are added to."""
        return cls(spec.draw_count, spec.reference_count)

    def add(self, part: "SuitabilityStatistics") -> None:
        self.cells += part.cells
        self.excluded_cells += part.excluded_cells
        self.nodata_cells += part.nodata_cells
        self.probability_sum += part.probability_sum
        self.class_cells += part.class_cells
        self.draw_suitable += part.draw_suitable
        self.draw_kept += part.draw_kept
        self.reference_suitable += part.reference_suitable
        self.reference_kept += part.reference_kept
        self.reference_score_sum += part.reference_score_sum

    def require_study_cells(self) -> None:
        """Raise InputError when no cell could be evaluated (use as run_blocks' before_commit)."""
        if self.cells == 0:
            raise no_study_cells_error()


def suitability_kernel(spec: SuitabilitySpec, w: np.ndarray, thresholds: np.ndarray | None = None):
    """A block kernel for raster_io.run_blocks (pass 2).

    Input blocks: the n criteria (float32 0–1, NaN = nodata), then the excluded flag (non-zero
    = excluded, 0 or NaN = allowed). `w` from `draws(spec)`; `thresholds` from
    `thresholds_from_histograms` with TOP_PERCENT, None with THRESHOLD.
    Outputs: mean score, its standard deviation, probability of being suitable (float32, NaN =
    nodata; 0 where excluded) and the class (uint8, 0 = nodata); extra: the block's
    SuitabilityStatistics.
    """
    wt = _weight_rows(spec, w)
    if spec.top_percent is None:
        t = np.full(spec.columns, spec.threshold, dtype=np.float32)
    elif thresholds is None or np.shape(thresholds) != (spec.columns,):
        raise ValueError("TOP_PERCENT needs one threshold per weight column (thresholds_from_histograms)")
    else:
        t = np.asarray(thresholds, dtype=np.float32)
    d = spec.draw_count
    v = None if spec.order_weights is None else spec.order_weights.astype(np.float32)
    # The baseline is scored first and alone, because it orders the cells; the draws and the
    # sweep vectors then share one product per chunk.
    base_row, base_t = wt[d : d + 1], t[d]
    rows, row_t = np.delete(wt, d, axis=0), np.delete(t, d)

    def kernel(blocks: list[np.ndarray]):
        block, values = _prepare(spec, blocks)
        part = SuitabilityStatistics(d, spec.reference_count)
        m = part.cells = values.shape[1]
        part.excluded_cells = int(np.count_nonzero(block.excluded))
        part.nodata_cells = int(np.count_nonzero(block.nodata))
        base = _baseline_scores(spec, base_row, v, values)
        ok = base >= base_t
        kept = int(np.count_nonzero(ok))
        part.reference_suitable[0] = part.reference_kept[0] = kept
        part.reference_score_sum[0] = base.sum(dtype=np.float64)
        # Baseline-suitable cells first: the kept count of a draw is then a sum over a prefix.
        # (A stable sort of booleans is a linear radix sort; rows are permuted one at a time.)
        # OWA: then by the order of the criteria, so that runs of cells share the denominators.
        codes = _rank_codes(spec, values)
        if codes is None:
            order = np.argsort(~ok, kind="stable")
        else:
            order = np.argsort(codes + (~ok).astype(codes.dtype) * codes.dtype.type(spec.n**spec.n), kind="stable")
            codes = codes[order]
        for i in range(spec.n):
            values[i] = values[i, order]
        base = base[order]
        ids = cell_ids(blocks, block.study[order]) if spec.sampled_noise else None
        mean, std, p = np.empty(m, dtype=np.float32), np.empty(m, dtype=np.float32), np.empty(m)
        _draw_pass(spec, rows, row_t, v, values, base, kept, part, mean, std, p, ids, codes)
        del values, base  # before the outputs are allocated: keeps the kernel's peak memory low
        classes = classify_probability(p)
        part.probability_sum = float(p.sum())
        part.class_cells = np.array(
            [part.nodata_cells] + [np.count_nonzero(classes == k) for k in range(1, 5)] + [part.excluded_cells], dtype=np.int64
        )
        cells = block.study[order]
        outputs = [_scatter(block, cells, x) for x in (mean, std, p)]
        grade = np.full(block.nodata.size, SuitabilityClass.NODATA, dtype=np.uint8)
        grade[block.excluded] = SuitabilityClass.EXCLUDED
        grade[cells] = classes
        return [x.reshape(block.shape) for x in outputs + [grade]], part

    return kernel


def _baseline_scores(spec: SuitabilitySpec, row: np.ndarray, v: np.ndarray | None, values: np.ndarray) -> np.ndarray:
    out = np.empty(values.shape[1], dtype=np.float32)
    for a in range(0, values.shape[1], HISTOGRAM_CELLS):
        c = values[:, a : a + HISTOGRAM_CELLS]
        owa = _owa_terms(v, c) if spec.method == SuitabilityMethod.OWA else None
        out[a : a + c.shape[1]] = _scores(spec, row, c, owa)[0]
    return out


def _scatter(block: _Block, cells: np.ndarray, values: np.ndarray) -> np.ndarray:
    out = np.full(block.nodata.size, np.nan, dtype=np.float32)
    out[block.excluded] = 0.0
    out[cells] = values
    return out


def _draw_pass(
    spec: SuitabilitySpec,
    wt: np.ndarray,
    t: np.ndarray,
    v: np.ndarray | None,
    values: np.ndarray,
    baseline: np.ndarray,
    kept: int,
    part: SuitabilityStatistics,
    mean: np.ndarray,
    std: np.ndarray,
    p: np.ndarray,
    ids: np.ndarray | None,
    codes: np.ndarray | None = None,
) -> None:
    """Mean, std and probability of the study cells `values` (baseline-suitable first, `kept` of
    them; `baseline` their scores under w̄), chunk by chunk, with the per-draw and sweep totals
    added to `part`. wt and t: the draws' then the sweep vectors' weight rows and thresholds.
    ids: the cells' grid indices when the noise is sampled (OWA, MINIMUM), else None. codes:
    OWA's `_rank_codes` of the cells (runs of equal codes share denominators), or None."""
    d, m = spec.draw_count, values.shape[1]
    wlc = spec.method == SuitabilityMethod.WLC
    noisy_wlc = wlc and spec.criterion_sd > 0
    sampled = ids is not None
    matrices = 2 if spec.method == SuitabilityMethod.OWA else 1  # numerators and denominators
    if sampled:
        # per cell and draw: the noise (4n bytes, and 12n while cell_normals makes it), the
        # noisy criteria, their ranks and the score terms
        chunk = max(1, NOISE_CHUNK_BYTES // (d * (21 * spec.n + 16)))
    else:
        chunk = int(np.clip(SCORE_CHUNK_BYTES // (4 * matrices * wt.shape[0]), 256, HISTOGRAM_CELLS))
    # Flat buffers: their first rows × width values make a contiguous matrix for any chunk width.
    scratch = None if sampled else np.empty(matrices * wt.shape[0] * (chunk + MIN_CHUNK), dtype=np.float32)
    hit = np.empty(d * (chunk + MIN_CHUNK), dtype=bool)
    scalar = np.float32(spec.threshold) if spec.top_percent is None else None
    column, sweep_t = t[:d, None], t[d:, None]
    if noisy_wlc:
        inv_sd = (1.0 / (spec.criterion_sd * np.linalg.norm(wt[:d].astype(np.float64), axis=1)))[:, None].astype(np.float32)
    # The smallest integer sums that cannot overflow are the fastest (more lanes per vector).
    per_cell, per_draw = np.min_scalar_type(d), np.min_scalar_type(chunk + MIN_CHUNK)
    for a, b in _chunks(m, chunk):
        c = values[:, a:b]
        k = min(max(kept - a, 0), b - a)  # baseline-suitable cells in this chunk
        owa = _owa_terms(v, c) if spec.method == SuitabilityMethod.OWA else None
        if sampled:
            s, sweep = _noisy_scores(spec, wt[:d], v, c, ids[a:b]), _scores(spec, wt[d:], c, owa)
        else:
            both = None if codes is None else _owa_runs(wt, owa, codes[a:b], scratch)
            if both is None:
                both = _scores(spec, wt, c, owa, scratch)
            s, sweep = both[:d], both[d:]
        ok = sweep >= sweep_t
        part.reference_suitable[1:] += np.count_nonzero(ok, axis=1)
        part.reference_kept[1:] += np.count_nonzero(ok[:, :k], axis=1)
        part.reference_score_sum[1:] += sweep.sum(axis=1, dtype=np.float64)
        if wlc:
            mean[a:b], std[a:b] = wlc_moments(spec, c)
        if noisy_wlc:
            # P(S ≥ t | w_d) = Φ((s_d − t_d)/(σ‖w_d‖)), in place
            s -= column
            s *= inv_sd
            special.ndtr(s, out=s)
            p[a:b] = s.sum(axis=0, dtype=np.float64) / d
            kept_part = s[:, :k].sum(axis=1, dtype=np.float64)
            part.draw_kept += kept_part
            part.draw_suitable += kept_part + s[:, k:].sum(axis=1, dtype=np.float64)
            continue
        ones = np.greater_equal(s, scalar if scalar is not None else column, out=hit[: d * (b - a)].reshape(d, b - a)).view(np.uint8)
        p[a:b] = ones.sum(axis=0, dtype=per_cell) / d
        kept_part = ones[:, :k].sum(axis=1, dtype=per_draw)
        part.draw_kept += kept_part
        part.draw_suitable += kept_part + ones[:, k:].sum(axis=1, dtype=per_draw)
        if not wlc:
            # Moments of the deviations from the baseline score: small numbers, so float32 sums
            # over the draws stay accurate (float64 sums would cost more than the scores).
            s -= baseline[a:b]
            shift = s.sum(axis=0) / np.float32(d)
            np.square(s, out=s)
            var = s.sum(axis=0) / np.float32(d) - shift * shift
            mean[a:b] = baseline[a:b] + shift
            std[a:b] = np.sqrt(np.maximum(var, 0.0))


@dataclass(frozen=True)
class SweepRow:
    """One reference weight vector: the baseline (criterion None) or a sweep step."""

    criterion: int | None
    name: str
    change: float
    weights: tuple[float, ...]
    suitable_cells: int
    mean_score: float
    kept_share: float  # share of the baseline-suitable cells still suitable (NaN if none)


@dataclass(frozen=True)
class WeightInfluence:
    """Correlation of one criterion's weight with the outcome across the Dirichlet draws (NaN
    where undefined: constant weight, constant outcome, or area under TOP_PERCENT)."""

    criterion: int
    name: str
    area_pearson: float
    area_spearman: float
    kept_pearson: float
    kept_spearman: float


@dataclass(frozen=True)
class Sensitivity:
    sweep: tuple[SweepRow, ...]
    influence: tuple[WeightInfluence, ...]


def _correlation(x: np.ndarray, y: np.ndarray) -> float:
    if x.size < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return math.nan
    return float(np.corrcoef(x, y)[0, 1])


def sensitivity(spec: SuitabilitySpec, w: np.ndarray, statistics: SuitabilityStatistics) -> Sensitivity:
    """The report's sensitivity tables from the draw matrix and the run's totals.

    Sweep rows: suitable cells (constant by construction under TOP_PERCENT), mean score over the
    study area and kept share, per reference vector, evaluated without noise. Influence rows:
    Pearson and Spearman correlation of wᵢ with the suitable area and the kept share per draw.
    """
    d = spec.draw_count
    base = int(statistics.reference_suitable[0])
    cells = max(statistics.cells, 1)
    rows = []
    for r, (i, change) in enumerate(((None, 0.0),) + spec.sweep_runs):
        rows.append(
            SweepRow(
                i,
                "" if i is None else spec.names[i],
                change,
                tuple(float(x) for x in w[:, d + r]),
                int(statistics.reference_suitable[r]),
                float(statistics.reference_score_sum[r] / cells),
                float(statistics.reference_kept[r] / base) if base else math.nan,
            )
        )
    influence = []
    if spec.weights_vary:
        area = statistics.draw_suitable
        kept = statistics.draw_kept / base if base else np.zeros(d)
        ranked_area, ranked_kept = stats.rankdata(area), stats.rankdata(kept)
        by_area = spec.top_percent is None
        for i in range(spec.n):
            x = w[i, :d]
            rx = stats.rankdata(x)
            influence.append(
                WeightInfluence(
                    i,
                    spec.names[i],
                    _correlation(x, area) if by_area else math.nan,
                    _correlation(rx, ranked_area) if by_area else math.nan,
                    _correlation(x, kept),
                    _correlation(rx, ranked_kept),
                )
            )
    return Sensitivity(tuple(rows), tuple(influence))


@dataclass(frozen=True)
class SweepEffect:
    """One row of the one-at-a-time weight sweep as the report and OUTPUT_SENSITIVITY show it.

    `change` is relative (−0.2 = −20 %); `delta` is what the tornado chart plots: the change of
    the suitable area against the baseline (ha, threshold rule) or the baseline-suitable cells
    kept minus 100 % (%, top-percentage rule, where the suitable area cannot change). NaN where
    undefined (no baseline-suitable cell)."""

    criterion: int | None  # None for the baseline
    name: str  # "" for the baseline
    change: float
    suitable_ha: float
    mean_score: float
    kept_pct: float
    delta: float


def sweep_effects(spec: SuitabilitySpec, sens: Sensitivity, ha: float) -> tuple[list[SweepEffect], str]:
    """The sweep rows of `sens` in hectares and percent, and the unit of their delta ("ha" or "%")."""
    base = sens.sweep[0]
    by_area = spec.top_percent is None
    rows = []
    for r in sens.sweep:
        kept = 100.0 * r.kept_share if math.isfinite(r.kept_share) else math.nan
        delta = (r.suitable_cells - base.suitable_cells) * ha if by_area else kept - 100.0
        rows.append(
            SweepEffect(
                r.criterion,
                "" if r.criterion is None else spec.names[r.criterion],
                float(r.change),
                float(r.suitable_cells * ha),
                float(r.mean_score),
                float(kept),
                float(delta),
            )
        )
    return rows, "ha" if by_area else "%"


def estimate_seconds(
    spec: SuitabilitySpec, w: np.ndarray, cells: int, *, sample_cells: int = TIMING_CELLS, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Estimated computing time (s, one core) of scoring `cells` study cells with `spec` and the
    draw matrix `w`: the passes timed by `clock` on m = min(cells, sample_cells) synthetic cells
    (criteria uniform in 0–1, none excluded), scaled linearly, T = t_m × cells / m. 0 when there
    is no cell. With TOP_PERCENT the timed passes are the bracket pass of
    `top_percent_thresholds` (a bracket of 8 bins around each draw's cut-off, found untimed by a
    partial sort of the synthetic scores) and the scoring; the sample pass, 1/SAMPLE_STRIDE of a
    histogram, is left out (a few per cent, and on a few cells its fixed costs would dominate)."""
    cells = int(cells)
    if cells <= 0:
        return 0.0
    m = max(1, min(cells, int(sample_cells)))
    rng = np.random.default_rng(0)
    blocks = [rng.random((1, m), dtype=np.float32) for _ in range(spec.n)] + [np.zeros((1, m), np.float32)]
    thresholds = bracket = None
    if spec.top_percent is not None:
        width = 8
        _, values = _prepare(spec, blocks)
        v = None if spec.order_weights is None else spec.order_weights.astype(np.float32)
        scores = _scores(spec, _weight_rows(spec, w)[_histogram_rows(spec)], values, _owa_terms(v, values) if v is not None else None)
        k = top_percent_k(spec, m)
        kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1]
        cut = np.minimum(np.multiply(kth, np.float32(HISTOGRAM_BINS)).astype(np.intp), HISTOGRAM_BINS - 1)
        bracket = score_bracket_kernel(spec, w, np.clip(cut - width // 2, 0, HISTOGRAM_BINS - width), width)
        thresholds = _thresholds_of_rows(spec, cut / HISTOGRAM_BINS)
    start = clock()
    if bracket is not None:
        bracket(blocks)
    suitability_kernel(spec, w, thresholds)(blocks)
    elapsed = max(clock() - start, 0.0)
    return float(elapsed * cells / m)


def check_run_time(seconds: float, cells: int, draws: int) -> Message | None:
    """None for a run estimated at most SLOW_RUN_SECONDS; a note with the estimate up to
    MAX_RUN_SECONDS; InputError beyond."""
    if seconds > MAX_RUN_SECONDS:
        raise InputError(
            tr(
                "This run would take about {hours:.0f} hours ({draws} draws × {cells} cells, timed on a sample), "
                "more than the {limit:.0f} hours allowed; use fewer draws (ITERATIONS), a coarser reference grid or a smaller extent"
            ),
            hours=seconds / 3600.0,
            draws=int(draws),
            cells=int(cells),
            limit=MAX_RUN_SECONDS / 3600.0,
        )
    if seconds > SLOW_RUN_SECONDS:
        return Message(
            tr(
                "This run will take about {minutes:.0f} minutes ({draws} draws × {cells} cells, timed on a sample); "
                "fewer draws (ITERATIONS) or a coarser reference grid shorten it, and Cancel stops it"
            ),
            {"minutes": seconds / 60.0, "draws": int(draws), "cells": int(cells)},
        )
    return None
