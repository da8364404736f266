"""Criteria weights from pairwise judgements: Saaty's Analytic Hierarchy Process (AHP).

A planner compares every pair of criteria (i, j) on Saaty's 1–9 ratio scale: a_ij = 3 means
"criterion i is moderately more important than criterion j", a_ij = 1/3 the converse, and the
matrix is reciprocal, a_ji = 1/a_ij, with 1 on the diagonal.  The weights are the normalised
principal right eigenvector of that matrix and the consistency ratio CR says whether the
judgements hang together well enough to be used (Saaty 1977, "A scaling method for priorities
in hierarchical structures", J. Math. Psychol. 15:234–281; Saaty 1980, "The Analytic Hierarchy
Process", McGraw-Hill).

Indices in the structured results (rows, columns, pairs) are 0-based; the messages meant for
the planner count rows and columns from 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..common.messages import InputError, Message, tr
from ..common.parsing import number_rows, parse_numbers

DEFAULT_MAX_CR = 0.10
#: A lower-triangle value typed with three decimals (0.333 for 1/3) still counts as the
#: reciprocal of the upper one; 0.33 does not.
RECIPROCAL_RTOL = 1e-3
#: Saaty's fundamental scale: 1/9, 1/8, …, 1/2, 1, 2, …, 9.
SAATY_SCALE: tuple[float, ...] = tuple(1.0 / k for k in range(9, 1, -1)) + tuple(float(k) for k in range(1, 10))
TOP_REVISIONS = 3
#: Judgements beyond 1/MAX_JUDGEMENT … MAX_JUDGEMENT are refused: Saaty's scale stops at 9
#: and a ratio of importance above a thousand is a typing error (a lost '/', extra zeros),
#: which would otherwise drive a weight to 0 and the consistency ratio to absurd values.
MAX_JUDGEMENT = 1000.0

# Random index RI(n), the mean CI of random reciprocal matrices on Saaty's scale.
# n ≤ 10: Saaty (1980), the table used in practice.  n = 11…15: Alonso & Lamata (2006,
# "Consistency in the analytic hierarchy process: a new approach", Int. J. Uncertainty,
# Fuzziness and Knowledge-Based Systems 14(4):445–459).  Saaty's own extension
# (1.51, 1.48, 1.56, 1.57, 1.59) is not used because it falls at n = 12, a small-sample
# artefact; a simulation of 40 000 matrices per size reproduced Alonso & Lamata's values
# to ±0.002.  For n ≤ 10 that simulation gives somewhat lower values (0.52 at n = 3);
# Saaty's are kept because his 0.10 limit was set with them and planning practice uses them.
RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.5141,
    12: 1.5365,
    13: 1.5551,
    14: 1.5713,
    15: 1.5838,
}
MAX_CRITERIA = max(RANDOM_INDEX)

_SCALE = np.asarray(SAATY_SCALE)


@dataclass(frozen=True)
class Revision:
    """One judgement a_ij (row < col, 0-based) that contributes much to the inconsistency.

    ``epsilon`` = a_ij·w_j/w_i is Saaty's error of the judgement against the weights (1 when
    they agree); ``implied`` = w_i/w_j is the value the current weights imply;
    ``scale_value`` is the value on Saaty's scale that, put in place of a_ij (and its
    reciprocal in place of a_ji), gives the smallest consistency ratio, ``cr_after``.
    """

    row: int
    col: int
    value: float
    epsilon: float
    implied: float
    scale_value: float
    cr_after: float


@dataclass(frozen=True)
class AhpResult:
    """Weights and consistency of one pairwise comparison matrix.

    ``weights`` sum to 1; ``ranks`` give 1 to the largest weight (equal weights share a rank).
    ``revisions`` lists the judgements to reconsider first, most inconsistent first, and is
    empty when the matrix is consistent.  ``outside_scale`` holds the (row, col, value) of
    judgements above the diagonal outside 1/9…9.  ``advice`` explains the result to the
    planner as translatable messages.
    """

    weights: tuple[float, ...]
    ranks: tuple[int, ...]
    lambda_max: float
    ci: float
    ri: float
    cr: float
    max_cr: float
    consistent: bool
    revisions: tuple[Revision, ...] = ()
    outside_scale: tuple[tuple[int, int, float], ...] = ()
    # Message holds a dict, so the advice takes part in == but not in hash()
    advice: tuple[Message, ...] = field(default=(), hash=False)

    @property
    def n(self) -> int:
        """Number of criteria."""
        return len(self.weights)


def judgement_label(value: float) -> str:
    """A judgement as a planner writes it: 3 → '3', 0.25 → '1/4', 0.4 → '1/2.5'; a value
    whose reciprocal rounds to 1 (0.9999) is '1', never '1/1'."""
    if value >= 1.0:
        return f"{value:.3g}"
    inverse = f"{1.0 / value:.3g}"
    return "1" if inverse == "1" else f"1/{inverse}"


def _rows_of_text(text: str) -> list[list[str]] | None:
    """The rows of a judgement text typed one row per line, None when it is on one line."""
    lines = number_rows(text)
    return lines if len(lines) > 1 else None


def _check_row_structure(text: str) -> None:
    """A judgement text typed on several lines must have the shape of a matrix: n lines of n
    values (the full matrix) or lines of n − 1, n − 2, …, 1 values (the upper triangle row by
    row). Any other shape (e.g. 2 lines of 3 values) is refused instead of being read as a
    flat list of some other size."""
    rows = _rows_of_text(text)
    if rows is None:
        return
    lengths = [len(row) for row in rows]
    n = len(rows)
    if all(length == n for length in lengths):
        return
    if lengths == list(range(n, 0, -1)):
        return
    raise InputError(
        tr(
            "The judgements are typed on {lines} lines of {lengths} values, which is not a matrix: give {lines} lines of "
            "{lines} values (the full matrix), or the upper triangle with one value fewer on each line "
            "(e.g. 2 values then 1 for 3 criteria), or all the judgements above the diagonal on one line"
        ),
        lines=n,
        lengths=", ".join(str(length) for length in lengths),
    )


def _numbers(values: str | Sequence[str | float]) -> list[float]:
    if isinstance(values, str):
        return parse_numbers(values, finite=False)
    numbers: list[float] = []
    for value in values:
        if isinstance(value, str):
            # one item may hold a whole typed row such as "1, 3, 1/5"
            numbers.extend(parse_numbers(value, finite=False))
            continue
        try:
            numbers.append(float(value))
        except (TypeError, ValueError):
            raise InputError(tr("'{token}' is not a number"), token=value) from None
    return numbers


def _triangle_size(count: int) -> int | None:
    """n with n(n − 1)/2 = count and n ≥ 2, if there is one."""
    n = (1 + math.isqrt(1 + 8 * count)) // 2
    return n if n >= 2 and n * (n - 1) // 2 == count else None


def _square_size(count: int) -> int | None:
    """n with n² = count and n ≥ 2, if there is one."""
    n = math.isqrt(count)
    return n if n >= 2 and n * n == count else None


def parse_matrix(values: str | Sequence[str | float], n: int | None = None) -> np.ndarray:
    """The n × n comparison matrix from the judgements a planner typed.

    ``values`` is either the full matrix, n² values row by row, or only the judgements above
    the diagonal, n(n − 1)/2 values row by row (a_12, a_13, …, a_1n, a_23, …); then the
    diagonal is 1 and a_ji = 1/a_ij.  Values may be fractions such as "1/3", separated as in
    :mod:`..common.parsing`; a text item may hold several values (a whole row).

    Without ``n`` the size follows from the count.  Up to the 15 criteria that
    :func:`ahp_weights` accepts, only 36 values fit both forms (a full 6 × 6 matrix and the
    upper triangle of 9 criteria); they are read as the full matrix unless n = 9 is given,
    and an error names the other reading if the diagonal then is not 1.  Callers that know
    the criteria should always pass ``n``.

    Returns the validated matrix with the lower triangle set to the exact reciprocals of the
    upper one.  Raises InputError for a wrong count, fewer than two criteria and the
    problems listed in :func:`ahp_weights`.
    """
    if isinstance(values, str):
        _check_row_structure(values)
    numbers = _numbers(values)
    count = len(numbers)
    inferred = n is None
    if n is None:
        size = _square_size(count) or _triangle_size(count)
        if size is None:
            raise InputError(
                tr(
                    "{count} judgements were given: type either the full matrix (n × n values, "
                    "e.g. 9 for 3 criteria) or only the judgements above the diagonal "
                    "(n(n − 1)/2 values, e.g. 3 for 3 criteria)."
                ),
                count=count,
            )
        n = size
    elif n < 2:
        raise InputError(tr("AHP needs at least two criteria to compare, got {n}."), n=n)
    elif count not in (n * n, n * (n - 1) // 2):
        raise InputError(
            tr("{n} criteria need {full} judgements (the full matrix) or {upper} (only the judgements above the diagonal), but {count} were given."),
            n=n,
            full=n * n,
            upper=n * (n - 1) // 2,
            count=count,
        )
    if count == n * n:
        matrix = np.asarray(numbers, dtype=np.float64).reshape(n, n)
        other = _triangle_size(count) if inferred else None
        diagonal = matrix.diagonal()
        if other is not None and not np.all(np.abs(diagonal - 1.0) <= RECIPROCAL_RTOL):
            raise InputError(
                tr(
                    "{count} judgements were read as a full {n} × {n} matrix, but its diagonal "
                    "is not all 1. If they are the judgements above the diagonal for {other} "
                    "criteria, give the number of criteria."
                ),
                count=count,
                n=n,
                other=other,
            )
        return _judgement_matrix(matrix)
    upper = np.asarray(numbers, dtype=np.float64)
    rows, cols = np.triu_indices(n, 1)
    _check_positive(upper, rows, cols)
    matrix = np.ones((n, n))
    matrix[rows, cols] = upper
    matrix[cols, rows] = 1.0 / upper
    return matrix


def _check_positive(values: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> None:
    for value, row, col in zip(values, rows, cols):
        if not math.isfinite(value):
            raise InputError(
                tr("The judgement in row {row}, column {col} is not a finite number."),
                row=int(row) + 1,
                col=int(col) + 1,
            )
        if value <= 0.0:
            raise InputError(
                tr("The judgement in row {row}, column {col} is {value:g}; judgements must be positive (1/9 to 9 on Saaty's scale)."),
                row=int(row) + 1,
                col=int(col) + 1,
                value=float(value),
            )
        if not 1.0 / MAX_JUDGEMENT <= value <= MAX_JUDGEMENT:
            raise InputError(
                tr(
                    "The judgement in row {row}, column {col} is {value:g}, far outside Saaty's scale (1/9 to 9); "
                    "judgements beyond 1/{limit:g} to {limit:g} are refused as typing errors."
                ),
                row=int(row) + 1,
                col=int(col) + 1,
                value=float(value),
                limit=MAX_JUDGEMENT,
            )


def _square_matrix(matrix: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """The matrix as a float array, checked to be square with at least two criteria."""
    try:
        a = np.array(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(tr("The comparison matrix must be a table of numbers with one row and one column per criterion.")) from None
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        shape = a.shape if a.ndim == 2 else (a.size, 1)
        raise InputError(
            tr("The comparison matrix must be square, with one row and one column per criterion, but it has {rows} rows and {cols} columns."),
            rows=int(shape[0]),
            cols=int(shape[1]),
        )
    n = a.shape[0]
    if n < 2:
        raise InputError(tr("AHP needs at least two criteria to compare, got {n}."), n=n)
    return a


def _judgement_matrix(matrix: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """The validated comparison matrix, lower triangle replaced by exact reciprocals.

    Exact reciprocity keeps λmax ≥ n (Saaty 1977), so rounding in typed reciprocals such as
    0.333 cannot make CI negative.
    """
    a = _square_matrix(matrix)
    n = a.shape[0]
    rows, cols = np.indices(a.shape)
    _check_positive(a.ravel(), rows.ravel(), cols.ravel())
    for i in range(n):
        if abs(a[i, i] - 1.0) > RECIPROCAL_RTOL:
            raise InputError(
                tr("Row {row}, column {row} compares a criterion with itself and must be 1, but it is {value:g}."),
                row=i + 1,
                value=float(a[i, i]),
            )
    for i, j in zip(*np.triu_indices(n, 1)):
        # slack for the binary rounding of three-decimal reciprocals (0.333 × 3 = 0.999)
        if abs(a[i, j] * a[j, i] - 1.0) > RECIPROCAL_RTOL * (1.0 + 1e-9):
            raise InputError(
                tr(
                    "Row {row}, column {col} is {value:g}, so row {col}, column {row} must be "
                    "its reciprocal {expected:.4g}, but it is {other:g}. Type reciprocals as "
                    "fractions such as 1/3."
                ),
                row=int(i) + 1,
                col=int(j) + 1,
                value=float(a[i, j]),
                expected=1.0 / float(a[i, j]),
                other=float(a[j, i]),
            )
    lower = np.tril_indices(n, -1)
    a[lower] = 1.0 / a.T[lower]
    np.fill_diagonal(a, 1.0)
    return a


def random_index(n: int) -> float:
    """Random index RI(n): the mean consistency index of random reciprocal n × n matrices
    on Saaty's scale (see RANDOM_INDEX for the sources: Saaty 1980 for n ≤ 10, Alonso &
    Lamata 2006 for n = 11…15).

    Raises InputError beyond 15 criteria, where no accepted value exists; Saaty advises far
    fewer, about 7 ± 2, criteria per comparison (Saaty & Ozdemir 2003, "Why the magic number
    seven plus or minus two", Math. Comput. Modelling 38:233–244).
    """
    if n > MAX_CRITERIA:
        raise InputError(
            tr(
                "{n} criteria are too many for one comparison matrix: its consistency can "
                "only be checked for up to {max_n} criteria, and judgements become "
                "unreliable long before. Group the criteria into a hierarchy with at most "
                "{max_n}, better 7 to 9, per group."
            ),
            n=n,
            max_n=MAX_CRITERIA,
        )
    return RANDOM_INDEX[n]


def _principal(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Perron eigenvector (sum 1) and eigenvalue of a positive matrix.

    The Perron root is real, simple and strictly the largest in modulus, so it is also the
    eigenvalue with the largest real part, and its eigenvector is the only one-signed one
    (Perron 1907, "Zur Theorie der Matrices", Math. Ann. 64:248–263).
    """
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def _ranks(w: np.ndarray) -> tuple[int, ...]:
    # equal weights (from symmetric judgements) differ only by rounding: give them one rank
    tol = 1e-9 * float(w.max())
    return tuple(int(1 + np.count_nonzero(w > wi + tol)) for wi in w)


def _revisions(a: np.ndarray, w: np.ndarray, ri: float) -> tuple[Revision, ...]:
    """The TOP_REVISIONS judgements with the largest |ln ε_ij|, ε_ij = a_ij·w_j/w_i.

    Ranking by ε is Saaty's (2003, "Decision-making with the AHP: Why is the principal
    eigenvector necessary", EJOR 145:85–91) "most inconsistent judgement" rule.  The
    suggestion is not simply w_i/w_j rounded to the scale: the weights are themselves pulled
    towards the wrong judgement (one reversed judgement in a 4 × 4 matrix can leave
    w_i/w_j at a fifth of the value the other judgements support), which is why Saaty's
    procedure iterates.  Instead every one of the 17 scale values is tried in place of a_ij
    (and its reciprocal in place of a_ji) and the one with the smallest λmax, hence CR, is
    kept: one eigenvalue problem per value, exact on the scale the planner uses.
    """
    n = a.shape[0]
    rows, cols = np.triu_indices(n, 1)
    epsilon = a[rows, cols] * w[cols] / w[rows]
    # stable sort: among equal errors the earlier pair (row by row) comes first
    order = np.argsort(-np.abs(np.log(epsilon)), kind="stable")[:TOP_REVISIONS]
    revisions = []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        trial = np.repeat(a[np.newaxis], _SCALE.size, axis=0)
        trial[:, i, j] = _SCALE
        trial[:, j, i] = 1.0 / _SCALE
        lambda_max = np.linalg.eigvals(trial).real.max(axis=1)
        cr = np.maximum(lambda_max - n, 0.0) / (n - 1) / ri
        best = int(np.argmin(cr))
        revisions.append(
            Revision(
                row=i,
                col=j,
                value=float(a[i, j]),
                epsilon=float(epsilon[k]),
                implied=float(w[i] / w[j]),
                scale_value=float(_SCALE[best]),
                cr_after=float(cr[best]),
            )
        )
    return tuple(revisions)


def _outside_scale(a: np.ndarray) -> tuple[tuple[int, int, float], ...]:
    lo, hi = SAATY_SCALE[0] * (1.0 - RECIPROCAL_RTOL), SAATY_SCALE[-1] * (1.0 + RECIPROCAL_RTOL)
    rows, cols = np.triu_indices(a.shape[0], 1)
    return tuple((int(i), int(j), float(a[i, j])) for i, j in zip(rows, cols) if not lo <= a[i, j] <= hi)


def _advice(
    cr: float,
    max_cr: float,
    revisions: tuple[Revision, ...],
    outside: tuple[tuple[int, int, float], ...],
) -> tuple[Message, ...]:
    limits = {"cr": cr, "max_cr": max_cr}
    if cr <= max_cr:
        advice = [
            Message(
                tr("The judgements are consistent enough: consistency ratio CR = {cr:.3f}, at most {max_cr:.2f}."),
                limits,
            )
        ]
    else:
        advice = [
            Message(
                tr(
                    "The judgements are not consistent enough: consistency ratio CR = "
                    "{cr:.3f} exceeds {max_cr:.2f}. Reconsider the judgements below, the "
                    "first one first, then check again."
                ),
                limits,
            )
        ]
    for r in revisions:
        values = {
            "row": r.row + 1,
            "col": r.col + 1,
            "value": judgement_label(r.value),
            "implied": judgement_label(r.implied),
            "scale_value": judgement_label(r.scale_value),
            "cr_after": r.cr_after,
        }
        if abs(r.scale_value / r.value - 1.0) <= RECIPROCAL_RTOL:
            advice.append(
                Message(
                    tr(
                        "Row {row}, column {col}: you gave {value}, the weights imply "
                        "{implied}, but no other value on Saaty's scale makes the matrix more "
                        "consistent; reconsider the other judgements on criteria {row} and "
                        "{col}."
                    ),
                    values,
                )
            )
        else:
            advice.append(
                Message(
                    tr(
                        "Row {row}, column {col}: you gave {value}, the weights imply "
                        "{implied}; changing it to {scale_value} (and row {col}, column {row} "
                        "to its reciprocal) would give CR = {cr_after:.3f}."
                    ),
                    values,
                )
            )
    for i, j, value in outside:
        advice.append(
            Message(
                tr("Row {row}, column {col} is {value}, outside Saaty's scale from 1/9 to 9; it was used as given."),
                {"row": i + 1, "col": j + 1, "value": judgement_label(value)},
            )
        )
    return tuple(advice)


def ahp_weights(matrix: np.ndarray | Sequence[Sequence[float]], max_cr: float = DEFAULT_MAX_CR) -> AhpResult:
    """AHP weights and consistency of an n × n pairwise comparison matrix (2 ≤ n ≤ 15).

    Weights: the principal right eigenvector, A·w = λmax·w, normalised to Σw = 1; for a
    positive matrix it is unique and positive (Perron 1907).  Consistency index
    CI = (λmax − n)/(n − 1), consistency ratio CR = CI/RI(n) (dimensionless; CR = 0 for
    n ≤ 2, where any reciprocal matrix is consistent), accepted when CR ≤ ``max_cr``, Saaty's
    0.10 by default (Saaty 1977; Saaty 1980, "The Analytic Hierarchy Process", McGraw-Hill).
    A perfectly consistent matrix, a_ij = w_i/w_j, gives back w with λmax = n and CR = 0.

    When CR exceeds ``max_cr`` the result lists the judgements to reconsider (see
    :class:`Revision`, ranked after Saaty 2003).  Judgements outside 1/9…9 are used but
    reported.  The lower triangle is taken as the reciprocals of the upper one after the
    checks.

    Raises InputError if the matrix is not square, has fewer than 2 or more than 15
    criteria, holds a non-finite or non-positive judgement, a diagonal value other than 1,
    or a pair a_ij, a_ji whose product differs from 1 by more than RECIPROCAL_RTOL; and if
    ``max_cr`` is not a positive number.
    """
    if not (math.isfinite(max_cr) and 0.0 < max_cr <= 1.0):
        raise InputError(
            tr("The largest acceptable consistency ratio must be a positive number up to 1 (Saaty's usual limit is 0.10), got {value}."),
            value=max_cr,
        )
    # refuse too many criteria before complaining about single judgements
    ri = random_index(_square_matrix(matrix).shape[0])
    a = _judgement_matrix(matrix)
    n = a.shape[0]
    w, lambda_max = _principal(a)
    # λmax ≥ n for a positive reciprocal matrix: anything below is rounding
    ci = max(lambda_max - n, 0.0) / (n - 1)
    cr = ci / ri if ri > 0.0 else 0.0
    consistent = cr <= max_cr
    revisions = () if consistent else _revisions(a, w, ri)
    outside = _outside_scale(a)
    return AhpResult(
        weights=tuple(float(v) for v in w),
        ranks=_ranks(w),
        lambda_max=lambda_max,
        ci=ci,
        ri=ri,
        cr=cr,
        max_cr=max_cr,
        consistent=consistent,
        revisions=revisions,
        outside_scale=outside,
        advice=_advice(cr, max_cr, revisions, outside),
    )


def geometric_mean_weights(matrix: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Row geometric mean weights w_i = (Π_j a_ij)^(1/n) / Σ_k (Π_j a_kj)^(1/n).

    The logarithmic least-squares solution, min Σ_ij (ln a_ij − ln w_i + ln w_j)²
    (Crawford & Williams 1985, "A note on the analysis of subjective judgment matrices",
    J. Math. Psychol. 29:387–405): an alternative to the eigenvector that needs no
    eigenvalue problem.  Both coincide exactly for a consistent matrix and differ little for
    an acceptably consistent one.  The matrix is checked as in :func:`ahp_weights`.
    """
    a = _judgement_matrix(matrix)
    g = np.exp(np.log(a).mean(axis=1))
    return g / g.sum()
