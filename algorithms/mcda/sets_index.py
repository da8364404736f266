"""SETS resilience index of planning units (社会—生态—技术系统韧性指数).

Planning units (townships, counties, …) are scored on the three dimensions of the
Socio-Eco-Technological System: Social (S), Ecological (E) and Technological (T), each measured
by indicator fields, and on one resilience score that combines them.  All scores are relative
to the units assessed together (min–max over the units), dimensionless, between 0 and 1.

Steps, for m units and the indicators of one dimension:

1. Nulls.  A missing value of indicator j is replaced by the mean of the units that have one,
   x̄_j (mean imputation, OECD/JRC 2008); the units concerned are reported per field.
2. Normalisation (min–max, direction-aware):
       r_ij = (x_ij − min_i x_ij) / (max_i x_ij − min_i x_ij)          higher is better
       r_ij = 1 − (x_ij − min_i x_ij) / (max_i x_ij − min_i x_ij)      "negative" fields
   A constant field (max = min) cannot tell the units apart: it gets weight 0 in every
   weighting method (its r is set to 0, which then does not matter) and a note says so.
3. Indicator weights w_j within each dimension, Σ_j w_j = 1 per dimension:
   - equal:    w_j = 1/n_d over the dimension's non-constant fields;
   - entropy:  p_ij = r_ij / Σ_i r_ij,  e_j = −(1/ln m) Σ_i p_ij ln p_ij  (0·ln 0 = 0),
               w_j = (1 − e_j) / Σ_k (1 − e_k)  (Shannon 1948; Zeleny 1982; 熵权法);
   - CRITIC:   σ_j = standard deviation of r_·j, ρ_jk = Pearson correlation of r_·j and r_·k
               among the dimension's non-constant fields,
               C_j = σ_j Σ_k (1 − ρ_jk),  w_j = C_j / Σ_k C_k  (Diakoulaki, Mavrotas &
               Papayannakis 1995).  The correlations are taken on the direction-aware r, so a
               negative field conflicts with the positive ones it moves against; σ with or
               without Bessel's correction gives the same weights.  When no field of the
               dimension conflicts with another (a single non-constant field, or all perfectly
               correlated), Σ C = 0 and the weights fall back to w_j ∝ σ_j (noted);
   - given:    the planner's weights, in the order of all fields (social, then ecological,
               then technological), renormalised to sum 1 within each dimension.
   The entropy of a field does not depend on the other fields, so entropy weights within a
   dimension equal weights over all fields renormalised per dimension; CRITIC's conflict term
   does depend on them and is taken within the dimension, the criterion set that builds the
   dimension's index.
4. Dimension index (weighted sum):  D_id = Σ_{j ∈ d} w_j r_ij ∈ [0, 1].
5. Resilience, with dimension weights v_S, v_E, v_T (Σ v = 1, default 1/3 each):
   - weighted sum:    R_i = Σ_d v_d D_id;
   - geometric mean:  R_i = Π_d (ε + (1 − ε) D_id)^v_d, ε = 0.01.  The geometric mean limits
     how much a strong dimension can make up for a weak one (non-compensatory; as the Human
     Development Index combines its dimensions since UNDP 2010, indicators within a dimension
     being averaged arithmetically as in UNDP 2014).  It needs strictly positive values
     (OECD/JRC 2008): the dimension indices are mapped linearly onto [ε, 1], i.e. onto the
     1–100 scale divided by 100; this equals setting the lower goalpost of every dimension
     1/99 of its range below the weakest unit, so the unit lowest on every indicator of one
     dimension does not get R = 0 whatever its other dimensions.
6. Grade: five equal intervals of R, 0.2 wide, a value on a break in the lower grade (the
   convention of tsr:riskzoning): 1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6),
   4 relatively high (≤ 0.8), 5 high resilience.  Equal intervals keep a grade's meaning fixed
   from one assessment to the next and are the easiest rule to explain to planners.
7. Weakest dimension: S, E or T with the lowest D_id (the first of S, E, T on ties) — the
   short board (短板) to strengthen first.  Rank: 1 = most resilient; equal scores share the
   best of their ranks (1, 2, 2, 4).
8. Parent units (township → county → city → province → national): population-weighted means
   D̄_pd = Σ_{i ∈ p} P_i D_id / Σ_{i ∈ p} P_i and R̄_p = Σ P_i R_i / Σ P_i (unweighted means when
   no population is given), graded, ranked and given their weakest dimension as above.

References: Diakoulaki D, Mavrotas G, Papayannakis L (1995) Determining objective weights in
multiple criteria problems: the CRITIC method. Computers & Operations Research 22(7): 763–770.
Shannon C E (1948) A mathematical theory of communication. Bell System Technical Journal 27:
379–423. Zeleny M (1982) Multiple Criteria Decision Making, McGraw-Hill (entropy weights).
OECD/JRC (2008) Handbook on Constructing Composite Indicators: Methodology and User Guide.
UNDP (2010, 2014) Human Development Report, Technical notes. Markolf S A et al. (2018)
Interdependent infrastructure as linked social, ecological, and technological systems (SETSs)
to address lock-in and enhance resilience. Earth's Future 6: 1638–1659. Yang Xuanmei,
Territorial space resilience: a conceptual framework and its implementation path (SETS).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Hashable, Mapping, Sequence

import numpy as np

from ..common.messages import InputError, Message, tr
from ..common.parsing import parse_numbers


class Weighting(IntEnum):
    """Indicator weighting methods, in the order of the public `WEIGHTING` parameter."""

    EQUAL = 0
    ENTROPY = 1
    CRITIC = 2
    GIVEN = 3


class Aggregation(IntEnum):
    """How the dimension indices combine, in the order of the public `AGGREGATION` parameter."""

    WEIGHTED_SUM = 0
    GEOMETRIC_MEAN = 1


class Level(IntEnum):
    """Administrative levels, top down, in the order of the public `LEVEL` parameter."""

    NATIONAL = 0
    PROVINCE = 1
    CITY = 2
    COUNTY = 3
    TOWNSHIP = 4


#: The `level` attribute written to the outputs (fixed English keys, not translated).
LEVEL_KEYS = ("national", "province", "city", "county", "township")
LEVEL_LABELS = ((tr("National"), tr("Province"), tr("City"), tr("County"), tr("Township")), ("国家", "省", "市", "县", "乡镇"))
DIMENSIONS = ("S", "E", "T")
DIMENSION_NAMES = (tr("Social"), tr("Ecological"), tr("Technological"))
DIMENSION_NAMES_ZH = ("社会", "生态", "技术")
#: The dimensions as words inside messages; callers that translate a message should translate
#: these values too (they are marked for translation here).
DIMENSION_WORDS = (tr("social"), tr("ecological"), tr("technological"))
#: Lower end of the dimension indices in the geometric mean: R = Π (ε + (1 − ε)·D)^v.
GEOMETRIC_FLOOR = 0.01
#: Upper limits of grades 1–4 of the resilience score (grade 5 above 0.8).
GRADE_BREAKS = (0.2, 0.4, 0.6, 0.8)
GRADE_LABELS = (
    (tr("Low"), tr("Relatively low"), tr("Medium"), tr("Relatively high"), tr("High")),
    ("低", "较低", "中", "较高", "高"),
)
#: A field whose range is below this share of its largest magnitude is constant.
CONSTANT_RTOL = 1e-12
#: Scores are rounded to this many decimals before grading and ranking, so that rounding
#: noise (0.6000000000000001) neither moves a unit across a break nor splits a tie.
SCORE_DECIMALS = 12
#: Units named in one message at most.
NAMED_UNITS = 10


@dataclass(frozen=True)
class SetsSpec:
    """The checked settings of one assessment.

    ``fields`` holds the indicator fields of S, E and T; ``weights`` the given weights in the
    order of :attr:`all_fields` (empty unless ``weighting`` is GIVEN); ``dimension_weights``
    v_S, v_E, v_T sum to 1.
    """

    fields: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    negative: frozenset[str]
    weighting: Weighting
    weights: tuple[float, ...]
    dimension_weights: tuple[float, float, float]
    aggregation: Aggregation
    level: Level
    notes: tuple[Message, ...] = field(default=(), compare=False)

    @classmethod
    def build(
        cls,
        social: Sequence[str],
        ecological: Sequence[str],
        technological: Sequence[str],
        negative: Sequence[str] = (),
        weighting: Weighting | int = Weighting.ENTROPY,
        weights: str | Sequence[float] = (),
        dimension_weights: str | Sequence[float] = (),
        aggregation: Aggregation | int = Aggregation.WEIGHTED_SUM,
        level: Level | int = Level.TOWNSHIP,
    ) -> "SetsSpec":
        """Check the planner's settings; raise InputError with a plain message.

        Every dimension needs at least one field and a field may belong to one dimension only;
        negative fields must be indicator fields.  ``weights`` (a comma list or numbers) are
        one per indicator field, social fields first, then ecological, then technological,
        zero or positive, and must not sum to zero within a dimension; they are used only with
        the GIVEN weighting (otherwise ignored, with a note).  ``dimension_weights`` are three
        numbers S, E, T (empty = equal), zero or positive, normalised to sum 1.
        """
        weighting, aggregation, level = Weighting(weighting), Aggregation(aggregation), Level(level)
        groups = tuple(tuple(str(f) for f in group) for group in (social, ecological, technological))
        for d, group in enumerate(groups):
            if not group:
                raise InputError(
                    tr(
                        "No {dimension} indicator field was chosen: the SETS index needs at least one field per dimension (social, ecological, "
                        "technological)"
                    ),
                    dimension=DIMENSION_WORDS[d],
                )
            repeated = sorted({f for f in group if group.count(f) > 1})
            if repeated:
                raise InputError(
                    tr("The field(s) {fields} are listed twice among the {dimension} indicators"),
                    fields=_names(repeated),
                    dimension=DIMENSION_WORDS[d],
                )
        for a in range(3):
            for b in range(a + 1, 3):
                shared = [f for f in groups[a] if f in groups[b]]
                if shared:
                    raise InputError(
                        tr("The field(s) {fields} are listed both as {first} and as {second} indicators; each indicator belongs to one dimension"),
                        fields=_names(shared),
                        first=DIMENSION_WORDS[a],
                        second=DIMENSION_WORDS[b],
                    )
        all_fields = groups[0] + groups[1] + groups[2]
        unknown = [f for f in negative if f not in all_fields]
        if unknown:
            raise InputError(tr("The negative field(s) {fields} are not among the chosen indicator fields"), fields=_names(unknown))
        notes: list[Message] = []
        given = tuple(parse_numbers(weights, "WEIGHTS"))
        if weighting == Weighting.GIVEN:
            given = _given_weights(given, groups)
        elif given:
            notes.append(Message(tr("The given WEIGHTS are used only with the weighting method 'given weights'; they were ignored")))
            given = ()
        return cls(
            groups, frozenset(str(f) for f in negative), weighting, given, _dimension_weights(dimension_weights), aggregation, level, tuple(notes)
        )

    @property
    def all_fields(self) -> tuple[str, ...]:
        """The indicator fields, social first, then ecological, then technological."""
        return self.fields[0] + self.fields[1] + self.fields[2]

    @property
    def dimension_of(self) -> tuple[int, ...]:
        """0, 1, 2 (S, E, T) for each of :attr:`all_fields`."""
        return tuple(d for d, group in enumerate(self.fields) for _ in group)


def _names(fields: Sequence[str]) -> str:
    return ", ".join(f"'{f}'" for f in fields)


def _given_weights(given: tuple[float, ...], groups) -> tuple[float, ...]:
    counts = [len(g) for g in groups]
    n = sum(counts)
    if not given:
        raise InputError(
            tr(
                "The weighting method 'given weights' needs WEIGHTS: one weight per indicator field, social fields first, then ecological, then "
                "technological"
            )
        )
    if len(given) != n:
        raise InputError(
            tr(
                "{given} weights were given for {n} indicator fields ({s} social, {e} ecological, {t} technological); "
                "give one weight per field, social fields first, then ecological, then technological"
            ),
            given=len(given),
            n=n,
            s=counts[0],
            e=counts[1],
            t=counts[2],
        )
    w = np.asarray(given, dtype=float)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise InputError(tr("Weights must be zero or positive numbers"))
    start = 0
    for d, count in enumerate(counts):
        if w[start : start + count].sum() <= 0:
            raise InputError(
                tr("The weights of the {dimension} fields sum to zero; give at least one of them a positive weight"), dimension=DIMENSION_WORDS[d]
            )
        start += count
    return tuple(float(v) for v in w)


def _dimension_weights(values: str | Sequence[float]) -> tuple[float, float, float]:
    v = parse_numbers(values, "DIMENSION_WEIGHTS")
    if not v:
        return (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0)
    if len(v) != 3:
        raise InputError(
            tr("{given} dimension weights were given; give three, for S, E and T (e.g. 0.4,0.3,0.3), or none for equal weights"), given=len(v)
        )
    a = np.asarray(v, dtype=float)
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        raise InputError(tr("Dimension weights must be zero or positive numbers"))
    if a.sum() <= 0:
        raise InputError(tr("The dimension weights sum to zero"))
    a = a / a.sum()
    return (float(a[0]), float(a[1]), float(a[2]))


# --- weights ---------------------------------------------------------------------------------


def _matrix(r: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    a = np.asarray(r, dtype=float)
    if a.ndim != 2 or a.shape[0] < 2 or a.shape[1] < 1:
        raise InputError(tr("Objective weights need a table of at least two units and one indicator"))
    if not np.all(np.isfinite(a)):
        raise InputError(tr("The normalised indicator values must be finite numbers"))
    return a


def _spread(a: np.ndarray) -> np.ndarray:
    """True for the columns whose values differ between rows (beyond rounding)."""
    scale = np.maximum(np.abs(a).max(axis=0), 1.0)
    return np.ptp(a, axis=0) > CONSTANT_RTOL * scale


def entropy(r: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Shannon entropy e_j of each column of a normalised m × n table, m ≥ 2.

    p_ij = r_ij / Σ_i r_ij,  e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0; e_j ∈ [0, 1],
    1 when the column is the same in every unit (no information).  r must be ≥ 0
    (min–max normalised values); a column of zeros has e_j = 1.
    """
    a = _matrix(r)
    if np.any(a < 0):
        raise InputError(tr("The entropy weight method needs normalised values of zero or more"))
    m = a.shape[0]
    total = a.sum(axis=0)
    e = np.ones(a.shape[1])
    informative = _spread(a) & (total > 0)
    p = a[:, informative] / total[informative]
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e[informative] = -plogp.sum(axis=0) / math.log(m)
    return e


def entropy_weights(r: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Entropy weights w_j = (1 − e_j) / Σ_k (1 − e_k) of the columns of a normalised table.

    The more unevenly an indicator spreads over the units, the lower its entropy and the more
    it weighs; a constant column weighs 0.  Dimensionless, Σ w = 1.  Raises InputError when
    no column differs between units.  (Shannon 1948; Zeleny 1982.)
    """
    a = _matrix(r)
    divergence = np.where(_spread(a), 1.0 - entropy(a), 0.0)
    divergence = np.clip(divergence, 0.0, None)
    if divergence.sum() <= 0:
        raise InputError(tr("No indicator differs between the units, so no weight can be derived from the data"))
    return divergence / divergence.sum()


@dataclass(frozen=True)
class CriticInformation:
    """CRITIC terms per column: σ_j, conflict Σ_k (1 − ρ_jk), information C_j = σ_j · conflict.

    Constant columns have σ = conflict = C = 0 and are left out of the other columns'
    conflict; ``fallback`` is True when every conflict is 0 and the weights are ∝ σ.
    """

    sigma: np.ndarray
    conflict: np.ndarray
    information: np.ndarray
    weights: np.ndarray
    fallback: bool


def critic(r: np.ndarray | Sequence[Sequence[float]]) -> CriticInformation:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995) of a normalised m × n table.

    σ_j = population standard deviation of column j (Bessel's correction would scale every σ
    alike and leave the weights unchanged), ρ_jk = Pearson correlation between columns j and
    k, C_j = σ_j Σ_k (1 − ρ_jk), w_j = C_j / Σ_k C_k.  Columns that do not vary weigh 0 and
    take no part in the correlations.  When Σ C = 0 (a single varying column, or all varying
    columns perfectly correlated) the contrast alone decides: w_j = σ_j / Σ σ_k.
    Raises InputError when no column varies.
    """
    a = _matrix(r)
    n = a.shape[1]
    varying = _spread(a)
    if not varying.any():
        raise InputError(tr("No indicator differs between the units, so no weight can be derived from the data"))
    sigma = np.where(varying, a.std(axis=0), 0.0)
    conflict = np.zeros(n)
    idx = np.flatnonzero(varying)
    if idx.size > 1:
        rho = np.corrcoef(a[:, idx], rowvar=False)
        conflict[idx] = (1.0 - np.clip(rho, -1.0, 1.0)).sum(axis=1)
    information = sigma * conflict
    fallback = not information.sum() > 1e-12 * sigma.sum()
    weights = sigma / sigma.sum() if fallback else information / information.sum()
    return CriticInformation(sigma, conflict, information, weights, fallback)


def critic_weights(r: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """The weights of :func:`critic`: w_j = C_j / Σ_k C_k, C_j = σ_j Σ_k (1 − ρ_jk)."""
    return critic(r).weights


def minmax_normalise(x: np.ndarray | Sequence[Sequence[float]], negative: Sequence[bool] | None = None) -> np.ndarray:
    """Direction-aware min–max normalisation of the columns of an m × n table (no NaN).

    r_ij = (x_ij − min_j)/(max_j − min_j), or 1 − that for a negative column (higher is
    worse); dimensionless, in [0, 1], the best unit 1 and the worst 0.  A constant column
    becomes 0 (it carries no information and gets weight 0).
    """
    a = np.asarray(x, dtype=float)
    lo, hi = a.min(axis=0), a.max(axis=0)
    varying = _spread(a)
    span = np.where(varying, hi - lo, 1.0)
    r = np.where(varying, (a - lo) / span, 0.0)
    if negative is not None:
        flip = np.asarray(negative, dtype=bool) & varying
        r[:, flip] = 1.0 - r[:, flip]
    return np.clip(r, 0.0, 1.0)


# --- scores ----------------------------------------------------------------------------------


def resilience_grade(r: np.ndarray | Sequence[float]) -> np.ndarray:
    """Grade 1–5 of resilience scores: g = 1 + #{b ∈ 0.2, 0.4, 0.6, 0.8 : R > b} (equal
    intervals; a score on a break is in the lower grade); NaN → 0."""
    v = np.round(np.asarray(r, dtype=float), SCORE_DECIMALS)
    g = 1 + np.searchsorted(np.asarray(GRADE_BREAKS), v, side="left")
    return np.where(np.isnan(v), 0, g).astype(int)


def competition_rank(scores: np.ndarray | Sequence[float]) -> np.ndarray:
    """Rank 1 for the highest score; equal scores share the best rank (1, 2, 2, 4)."""
    v = np.round(np.asarray(scores, dtype=float), SCORE_DECIMALS)
    return np.array([1 + int(np.count_nonzero(v > x)) for x in v], dtype=int)


def weakest_dimension(indices: np.ndarray) -> tuple[str, ...]:
    """ "S", "E" or "T": the dimension with the lowest index of each row (S before E before T
    on ties)."""
    d = np.round(np.asarray(indices, dtype=float), SCORE_DECIMALS)
    return tuple(DIMENSIONS[int(k)] for k in np.argmin(d, axis=1))


def aggregate(indices: np.ndarray, dimension_weights: Sequence[float], aggregation: Aggregation | int) -> np.ndarray:
    """Resilience of rows of dimension indices D (m × 3, in [0, 1]) with weights v (Σ v = 1).

    Weighted sum R = Σ v_d D_d; geometric mean R = Π (ε + (1 − ε) D_d)^v_d with
    ε = GEOMETRIC_FLOOR (see the module notes).
    """
    d = np.asarray(indices, dtype=float)
    v = np.asarray(dimension_weights, dtype=float)
    if Aggregation(aggregation) == Aggregation.WEIGHTED_SUM:
        return d @ v
    return np.exp(np.log(GEOMETRIC_FLOOR + (1.0 - GEOMETRIC_FLOOR) * d) @ v)


def parent_level(level: Level | int) -> Level:
    """The next level up (township → county → city → province → national)."""
    level = Level(level)
    if level == Level.NATIONAL:
        raise InputError(tr("National units have no level above them: leave the parent field empty, or choose the level of the units"))
    return Level(int(level) - 1)


# --- the assessment --------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One indicator field and how it entered the index.

    ``weight`` is its weight within its dimension (Σ = 1 per dimension), ``overall`` that
    times the dimension weight (Σ = 1 over all fields; its share of R for the weighted sum).
    ``minimum``/``maximum`` are the raw values after imputation; ``imputed`` the 0-based units
    whose null was replaced by ``fill``.  ``entropy`` (entropy method) and ``sigma``,
    ``conflict``, ``information`` (CRITIC) are NaN for the other methods; ``given`` is the
    planner's weight (GIVEN method).
    """

    name: str
    dimension: int
    negative: bool
    weight: float
    overall: float
    constant: bool
    minimum: float
    maximum: float
    imputed: tuple[int, ...] = ()
    fill: float = math.nan
    entropy: float = math.nan
    sigma: float = math.nan
    conflict: float = math.nan
    information: float = math.nan
    given: float = math.nan


@dataclass(frozen=True)
class SetsResult:
    """Scores of m units.

    ``normalised`` is the m × n table r (columns in the order of ``indicators``),
    ``indices`` the m × 3 dimension indices S, E, T, ``resilience`` R, ``grades`` 1–5,
    ``weakest`` "S"/"E"/"T", ``ranks`` 1 = most resilient.  ``notes`` are warnings and
    information for the planner (imputation, constant fields, fallbacks).
    """

    spec: SetsSpec
    indicators: tuple[Indicator, ...]
    normalised: np.ndarray
    indices: np.ndarray
    resilience: np.ndarray
    grades: np.ndarray
    weakest: tuple[str, ...]
    ranks: np.ndarray
    notes: tuple[Message, ...] = field(default=(), compare=False)

    @property
    def m(self) -> int:
        return int(self.resilience.size)

    def weights_text(self) -> str:
        """The weights within each dimension as "w1,w2,…" in the order of the fields, ready for
        WEIGHTS with the GIVEN method (reproduces this run)."""
        return ",".join(f"{i.weight:.6g}" for i in self.indicators)


def _unit_list(units: Sequence[int], names: Sequence[str]) -> str:
    shown = ", ".join(str(names[u]) for u in units[:NAMED_UNITS])
    return shown + (" …" if len(units) > NAMED_UNITS else "")


def _column(name: str, raw: Sequence[Any], names: Sequence[str]) -> np.ndarray:
    column = np.empty(len(raw))
    for i, value in enumerate(raw):
        if value is None:
            column[i] = math.nan
            continue
        try:
            column[i] = float(value)
        except (TypeError, ValueError):
            raise InputError(
                tr("The field '{field}' holds '{value}' for unit {unit}, which is not a number; indicator fields must be numeric"),
                field=name,
                value=value,
                unit=names[i],
            ) from None
        if math.isinf(column[i]):
            raise InputError(tr("The field '{field}' holds an infinite value for unit {unit}"), field=name, unit=names[i])
    return column


def sets_index(values: Mapping[str, Sequence[Any]], spec: SetsSpec, names: Sequence[str] | None = None) -> SetsResult:
    """Score units on S, E, T and resilience (see the module notes for every formula).

    ``values`` maps each field name to its m values (None or NaN for null); ``names`` names
    the units in messages (default 1, 2, …).  Raises InputError if a field is missing or not
    numeric, there are fewer than two units, a field has no value at all, or every field of a
    dimension is the same in all units.
    """
    missing = [f for f in spec.all_fields if f not in values]
    if missing:
        raise InputError(tr("The unit layer has no field(s) {fields}"), fields=_names(missing))
    lengths = {len(values[f]) for f in spec.all_fields}
    if len(lengths) != 1:
        raise InputError(tr("The indicator fields have different numbers of values"))
    m = lengths.pop()
    if m == 0:
        raise InputError(tr("The unit layer has no features"))
    names = [str(n) for n in names] if names is not None else [str(i + 1) for i in range(m)]
    if m < 2:
        raise InputError(
            tr("Only one unit was given: the SETS index compares units with each other (min–max normalisation), so at least two are needed")
        )
    notes: list[Message] = list(spec.notes)

    x = np.column_stack([_column(f, values[f], names) for f in spec.all_fields])
    imputed: list[tuple[int, ...]] = []
    fills: list[float] = []
    for j, name in enumerate(spec.all_fields):
        null = np.isnan(x[:, j])
        units = tuple(int(u) for u in np.flatnonzero(null))
        imputed.append(units)
        if not units:
            fills.append(math.nan)
            continue
        if null.all():
            raise InputError(tr("The field '{field}' is empty (null) in every unit"), field=name)
        fill = float(x[~null, j].mean())
        x[null, j] = fill
        fills.append(fill)
        notes.append(
            Message(
                tr("'{field}': {count} null value(s) replaced by the mean of the other units, {fill:.6g} (units: {units})"),
                {"field": name, "count": len(units), "fill": fill, "units": _unit_list(units, names)},
            )
        )

    negative = [f in spec.negative for f in spec.all_fields]
    r = minmax_normalise(x, negative)
    varying = _spread(x)
    dims = np.asarray(spec.dimension_of)
    n = len(spec.all_fields)
    weight = np.zeros(n)
    ent = np.full(n, math.nan)
    sig = np.full(n, math.nan)
    con = np.full(n, math.nan)
    inf = np.full(n, math.nan)
    given = np.asarray(spec.weights) if spec.weighting == Weighting.GIVEN else np.full(n, math.nan)
    for j in np.flatnonzero(~varying):
        name = spec.all_fields[j]
        if spec.weighting == Weighting.GIVEN and given[j] > 0:
            template = tr(
                "'{field}' has the same value ({value:g}) in every unit, so it cannot tell the units apart: its given weight {given:g} is dropped "
                "and the other {dimension} weights rescaled"
            )
        else:
            template = tr("'{field}' has the same value ({value:g}) in every unit, so it cannot tell the units apart: it gets weight 0")
        notes.append(Message(template, {"field": name, "value": float(x[0, j]), "given": float(given[j]), "dimension": DIMENSION_WORDS[dims[j]]}))
    for d in range(3):
        cols = np.flatnonzero(dims == d)
        usable = cols[varying[cols]]
        if usable.size == 0:
            raise InputError(
                tr(
                    "Every {dimension} indicator ({fields}) has the same value in all units, so the {dimension} index cannot be computed; add an "
                    "indicator that differs between the units"
                ),
                dimension=DIMENSION_WORDS[d],
                fields=_names([spec.all_fields[j] for j in cols]),
            )
        if spec.weighting == Weighting.EQUAL:
            weight[usable] = 1.0 / usable.size
        elif spec.weighting == Weighting.ENTROPY:
            ent[cols] = entropy(r[:, cols])
            weight[cols] = entropy_weights(r[:, cols])
        elif spec.weighting == Weighting.CRITIC:
            info = critic(r[:, cols])
            sig[cols], con[cols], inf[cols], weight[cols] = info.sigma, info.conflict, info.information, info.weights
            if info.fallback and usable.size > 1:
                notes.append(
                    Message(
                        tr(
                            "CRITIC: the {dimension} indicators are perfectly correlated, so none conflicts with another; their weights follow "
                            "their standard deviations alone"
                        ),
                        {"dimension": DIMENSION_WORDS[d]},
                    )
                )
        else:
            w = np.where(varying[cols], given[cols], 0.0)
            if w.sum() <= 0:
                raise InputError(
                    tr(
                        "Only constant {dimension} fields have a positive given weight, so the {dimension} index cannot be computed; give a "
                        "positive weight to a field that differs between the units"
                    ),
                    dimension=DIMENSION_WORDS[d],
                )
            weight[cols] = w / w.sum()
    weight[~varying] = 0.0

    indices = np.column_stack([r[:, dims == d] @ weight[dims == d] for d in range(3)])
    indices = np.clip(indices, 0.0, 1.0)
    resilience = aggregate(indices, spec.dimension_weights, spec.aggregation)
    v = np.asarray(spec.dimension_weights)
    indicators = tuple(
        Indicator(
            name=spec.all_fields[j],
            dimension=int(dims[j]),
            negative=bool(negative[j]),
            weight=float(weight[j]),
            overall=float(weight[j] * v[dims[j]]),
            constant=not bool(varying[j]),
            minimum=float(x[:, j].min()),
            maximum=float(x[:, j].max()),
            imputed=imputed[j],
            fill=fills[j],
            entropy=float(ent[j]),
            sigma=float(sig[j]),
            conflict=float(con[j]),
            information=float(inf[j]),
            given=float(given[j]),
        )
        for j in range(n)
    )
    return SetsResult(
        spec=spec,
        indicators=indicators,
        normalised=r,
        indices=indices,
        resilience=resilience,
        grades=resilience_grade(resilience),
        weakest=weakest_dimension(indices),
        ranks=competition_rank(resilience),
        notes=tuple(notes),
    )


# --- the level above -------------------------------------------------------------------------


@dataclass(frozen=True)
class ParentResult:
    """Scores of the parent units, in the order they first appear among the units.

    ``members`` lists the 0-based units of each parent; ``population`` the summed population
    (NaN when none was given); ``level`` the parent level; ``skipped`` the units without a
    parent value, left out.
    """

    keys: tuple[Hashable, ...]
    members: tuple[tuple[int, ...], ...]
    population: np.ndarray
    indices: np.ndarray
    resilience: np.ndarray
    grades: np.ndarray
    weakest: tuple[str, ...]
    ranks: np.ndarray
    level: Level
    skipped: tuple[int, ...] = ()
    notes: tuple[Message, ...] = field(default=(), compare=False)


def parent_scores(
    indices: np.ndarray,
    resilience: np.ndarray,
    parents: Sequence[Hashable | None],
    level: Level | int,
    population: Sequence[Any] | None = None,
    names: Sequence[str] | None = None,
) -> ParentResult:
    """Aggregate unit scores to the next level up: population-weighted means per parent.

    D̄_pd = Σ_{i ∈ p} P_i D_id / Σ_{i ∈ p} P_i and R̄_p = Σ_{i ∈ p} P_i R_i / Σ_{i ∈ p} P_i, with
    P the population (persons; any consistent unit); without ``population`` plain means.
    Parents are graded, ranked and given their weakest dimension like the units.  Units whose
    parent is None or empty are left out (noted); a parent whose population sums to 0 gets
    plain means (noted).  Raises InputError for the national level (nothing above it), a null,
    non-numeric or negative population.
    """
    up = parent_level(level)
    d = np.asarray(indices, dtype=float)
    r = np.asarray(resilience, dtype=float)
    m = r.size
    names = [str(n) for n in names] if names is not None else [str(i + 1) for i in range(m)]
    notes: list[Message] = []
    if population is not None:
        p = np.empty(m)
        for i, value in enumerate(population):
            try:
                p[i] = math.nan if value is None or isinstance(value, bool) else float(value)
            except (TypeError, ValueError):
                raise InputError(tr("The population of unit {unit} is '{value}', not a number"), unit=names[i], value=value) from None
        bad = np.flatnonzero(~np.isfinite(p))
        if bad.size:
            raise InputError(
                tr("The population is missing (null) for {count} unit(s): {units}; fill it in or leave the population field empty"),
                count=int(bad.size),
                units=_unit_list(list(bad), names),
            )
        negative = np.flatnonzero(p < 0)
        if negative.size:
            raise InputError(
                tr("The population is negative for {count} unit(s): {units}"), count=int(negative.size), units=_unit_list(list(negative), names)
            )
    else:
        p = np.ones(m)
        notes.append(Message(tr("No population field was given: the parent scores are plain (unweighted) means of their units")))
    keys: list[Hashable] = []
    members: dict[Hashable, list[int]] = {}
    skipped = []
    for i, key in enumerate(parents):
        if key is None or (isinstance(key, str) and not key.strip()) or (isinstance(key, float) and math.isnan(key)):
            skipped.append(i)
            continue
        if key not in members:
            members[key] = []
            keys.append(key)
        members[key].append(i)
    if skipped:
        notes.append(
            Message(
                tr("{count} unit(s) have no parent value and are left out of the parent units: {units}"),
                {"count": len(skipped), "units": _unit_list(skipped, names)},
            )
        )
    if not keys:
        raise InputError(tr("No unit has a parent value, so there is nothing to aggregate"))
    k = len(keys)
    pop = np.zeros(k)
    dp = np.zeros((k, 3))
    rp = np.zeros(k)
    for g, key in enumerate(keys):
        idx = np.asarray(members[key])
        weights = p[idx]
        pop[g] = weights.sum()
        if pop[g] <= 0:
            notes.append(Message(tr("The units of parent '{parent}' have no population: its scores are plain means"), {"parent": key}))
            weights = np.ones(idx.size)
        weights = weights / weights.sum()
        dp[g] = weights @ d[idx]
        rp[g] = float(weights @ r[idx])
    return ParentResult(
        keys=tuple(keys),
        members=tuple(tuple(members[key]) for key in keys),
        population=pop if population is not None else np.full(k, math.nan),
        indices=dp,
        resilience=rp,
        grades=resilience_grade(rp),
        weakest=weakest_dimension(dp),
        ranks=competition_rank(rp),
        level=up,
        skipped=tuple(skipped),
        notes=tuple(notes),
    )


# --- summaries for the report ----------------------------------------------------------------


def resilience_formula(spec: SetsSpec) -> str:
    """The aggregation with its dimension weights v, e.g. "R = 0.333·S + 0.333·E + 0.333·T" or,
    for the weighted geometric mean, R = Π (ε + (1 − ε)·D)^v with ε = GEOMETRIC_FLOOR."""
    v = spec.dimension_weights
    if spec.aggregation == Aggregation.WEIGHTED_SUM:
        return f"R = {v[0]:.3g}·S + {v[1]:.3g}·E + {v[2]:.3g}·T"
    e = GEOMETRIC_FLOOR
    return f"R = (ε + (1 − ε)S)^{v[0]:.3g} · (ε + (1 − ε)E)^{v[1]:.3g} · (ε + (1 − ε)T)^{v[2]:.3g},  ε = {e:g}"


def grade_counts(grades: np.ndarray) -> list[int]:
    """Number of units in each resilience grade 1 … 5."""
    return [int((np.asarray(grades) == g).sum()) for g in range(1, len(GRADE_BREAKS) + 2)]


def rank_order(ranks: np.ndarray) -> list[int]:
    """Indices of the units by rank (1 = most resilient first), ties in input order."""
    return sorted(range(len(ranks)), key=lambda i: (int(ranks[i]), i))


def parents_missing_geometry(no_geometry: Sequence[int], parent: ParentResult) -> list[tuple[Hashable, int, int]]:
    """(parent key, members without geometry, members) of each parent unit that has members
    without a geometry (its outline leaves them out; its scores include them)."""
    missing = set(no_geometry)
    found = []
    for g, key in enumerate(parent.keys):
        left = sum(1 for i in parent.members[g] if i in missing)
        if left:
            found.append((key, left, len(parent.members[g])))
    return found
