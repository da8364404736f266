"""What tsr:evacuationroutes tells its user about a run, decided without QGIS.

* the warnings of the log (:func:`input_notes` about the inputs, :func:`avoided_shelters_note`
  before routing, :attr:`Outcome.notes` after it), as translatable Messages;
* who is left behind and why (:func:`summarise`, reasons from
  :func:`evacuation.left_behind_reasons`), the totals and EVACUATED_PERCENT:

      total   = Σ_i P_i + Σ_k L_k          (P_i people of located resident i, L_k of resident k without geometry)
      moved   = Σ_f p_f                    (p_f people of flow f)
      left_i  = max(P_i − Σ_{f: i} p_f, 0)
      percent = 100 · moved / total         (0 when total = 0)

Texts are English templates marked with ``tr`` (context "@default"); the caller translates
them (``Message.translated``, or its ``tr`` for the reason words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np

from ..common.messages import Message, tr
from .costs import CostMatrix
from .evacuation import (
    LEFT_EVERY_SHELTER_INSIDE,
    LEFT_NO_ROUTE,
    LEFT_NO_ROUTE_OUTSIDE,
    LEFT_NONE,
    LEFT_OFF_ROAD,
    LEFT_SHELTERS_FULL,
    Flows,
    left_behind_reasons,
)

#: Ids named in one log line at most.
NAMED = 10

#: Why a resident was left behind, in words (None: nobody left), by left_behind_reasons code.
REASONS: dict[int, str | None] = {
    LEFT_NONE: None,
    LEFT_OFF_ROAD: tr("too far from any road"),
    LEFT_EVERY_SHELTER_INSIDE: tr("every shelter stands inside a hazard zone"),
    LEFT_NO_ROUTE_OUTSIDE: tr("no safe route to a shelter outside the hazard zones"),
    LEFT_NO_ROUTE: tr("no safe route to any shelter"),
    LEFT_SHELTERS_FULL: tr("shelters within reach are full"),
}


def named(ids: Iterable[object]) -> str:
    """The first NAMED ids, comma-separated, with ', …' when there are more."""
    ids = [str(i) for i in ids]
    return ", ".join(ids[:NAMED]) + (", …" if len(ids) > NAMED else "")


def persons(value: float) -> str:
    """People for a log line: whole numbers without decimals, others to one decimal, both with
    thousands separators (1,234 and 12.5)."""
    value = float(value)
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"


def input_notes(
    lost_ids: Sequence[object],
    lost_population: np.ndarray,
    homeless_ids: Sequence[object],
    shelter_ids: Sequence[object],
    capacity: np.ndarray | None,
    capacity_missing: np.ndarray | None,
    respect_capacity: bool,
) -> list[Message]:
    """Warnings about the inputs, in this order: residents without geometry (`lost_ids`, with
    `lost_population` persons: counted as not evacuated), shelters without geometry
    (`homeless_ids`: receive nobody), and located shelters whose capacity is ≤ 0 or missing
    (only when a capacity is given: they receive nobody when `respect_capacity`, otherwise the
    nearest-shelter assignment may still send people there)."""
    notes = []
    if len(lost_ids):
        notes.append(
            Message(
                tr("{n} residents have no geometry ({people} people): they are counted as not evacuated: {ids}"),
                {"n": len(lost_ids), "people": persons(np.asarray(lost_population, dtype=float).sum()), "ids": named(lost_ids)},
            )
        )
    if len(homeless_ids):
        notes.append(Message(tr("{n} shelters have no geometry and receive nobody: {ids}"), {"n": len(homeless_ids), "ids": named(homeless_ids)}))
    if capacity is not None:
        empty = np.asarray(capacity <= 0)
        if capacity_missing is not None:
            empty = empty | np.asarray(capacity_missing, dtype=bool)
        empty_ids = [shelter_ids[j] for j in np.flatnonzero(empty)]
        if empty_ids and respect_capacity:
            notes.append(
                Message(tr("{n} shelters have no capacity (0 or NULL) and receive nobody: {ids}"), {"n": len(empty_ids), "ids": named(empty_ids)})
            )
        elif empty_ids:
            notes.append(
                Message(
                    tr(
                        "{n} shelters have no capacity (0 or NULL); the nearest-shelter assignment does not use capacities and may send people "
                        "there: {ids}"
                    ),
                    {"n": len(empty_ids), "ids": named(empty_ids)},
                )
            )
    return notes


def avoided_shelters_note(shelter_ids: Sequence[object], inside: np.ndarray, avoid: bool) -> Message | None:
    """In avoid mode, the shelters standing inside hazard zones (`inside`), which receive
    nobody; None when there is none or in penalise mode."""
    inside = np.asarray(inside, dtype=bool)
    if not (avoid and inside.any()):
        return None
    return Message(
        tr("{n} shelters stand inside hazard zones and receive nobody in avoid mode: {ids}"),
        {"n": int(inside.sum()), "ids": named(shelter_ids[j] for j in np.flatnonzero(inside))},
    )


@dataclass(frozen=True)
class Outcome:
    """Who was evacuated and who was not, per located resident and in total (persons).

    `evacuated[i]` and `left[i]` per located resident, `reason_codes[i]` why people were left
    (left_behind_reasons); `load[j]` people per located shelter; `total` everybody (residents
    without geometry included, `lost_population` of them), `moved` those with a route;
    `inside_avoided` / `inside_used` the shelters inside hazard zones in avoid mode (receive
    nobody) / in penalise mode (used at the penalty); `every_inside`: avoid mode, zones given
    and every located shelter inside one. `nobody`: the warning when nobody is evacuated;
    `notes`: the warnings of the log after routing, in order."""

    evacuated: np.ndarray
    left: np.ndarray
    reason_codes: np.ndarray
    load: np.ndarray
    total: float
    moved: float
    lost_population: float
    inside_avoided: np.ndarray
    inside_used: np.ndarray
    every_inside: bool
    nobody: Message | None = None
    notes: list[Message] = field(default_factory=list)

    @property
    def percent(self) -> float:
        """EVACUATED_PERCENT = 100 · moved / total, 0 when there is nobody."""
        return 100.0 * self.moved / self.total if self.total > 0 else 0.0

    def reasons(self, translate: Callable[[str], str]) -> list[str | None]:
        """Why each located resident with people left was not evacuated, in words
        (`translate`d; None where nobody is left)."""
        return [None if REASONS[int(c)] is None else translate(REASONS[int(c)]) for c in self.reason_codes]


def summarise(
    flows: Flows,
    pairs: CostMatrix,
    population: np.ndarray,
    lost_population: np.ndarray,
    on_network: np.ndarray,
    shelter_ids: Sequence[object],
    inside: np.ndarray,
    *,
    avoid: bool,
    has_zones: bool,
) -> Outcome:
    """The outcome of the flows (see the module's formulas): `population[i]` of each located
    resident, `lost_population` of those without geometry, `on_network[i]` whether resident i
    was joined to the roads, `pairs` the safe resident–shelter pairs, `inside[j]` whether
    located shelter j stands inside a hazard zone, `avoid` the hazard mode (else penalise),
    `has_zones` whether any hazard polygon was given."""
    population = np.asarray(population, dtype=float)
    lost_population = np.asarray(lost_population, dtype=float)
    inside = np.asarray(inside, dtype=bool)
    evacuated = flows.evacuated(len(population))
    left = np.maximum(population - evacuated, 0.0)
    load = flows.load(len(shelter_ids))
    every_inside = has_zones and avoid and bool(inside.all())
    codes = left_behind_reasons(on_network, pairs, left, avoid and bool(inside.any()), every_inside)
    total = float(population.sum()) + float(lost_population.sum())
    moved = float(evacuated.sum())
    notes = []
    if not avoid and inside.any():
        notes.append(
            Message(
                tr(
                    "{n} shelters stand inside hazard zones; in penalise mode they are used, the roads inside costing PENALTY times more: they "
                    "receive {people} people ({ids})"
                ),
                {"n": int(inside.sum()), "people": persons(load[inside].sum()), "ids": named(shelter_ids[j] for j in np.flatnonzero(inside))},
            )
        )
    nobody = None
    if total <= 0:
        nobody = Message(tr("The residents' population sums to 0: there is nobody to evacuate"))
    elif moved <= 0:
        nobody = Message(
            tr("Nobody can be evacuated: every shelter stands inside a hazard zone, and in avoid mode nobody is sent into one")
            if every_inside
            else tr("Nobody can be evacuated: no resident has a safe route to a shelter with room (see the residents not evacuated)")
        )
    if nobody is not None:
        notes.append(nobody)
    none = np.zeros(len(inside), dtype=bool)
    return Outcome(
        evacuated,
        left,
        codes,
        load,
        total,
        moved,
        float(lost_population.sum()),
        inside if avoid else none,
        inside if not avoid else none,
        every_inside,
        nobody,
        notes,
    )
