"""What the charts show, read from the algorithms' outputs (run in a background task).

Nothing here analyses anything: rasters are binned block by block, vector outputs are read field
by field, and string outputs are split. Where a chart needs numbers that no output carries, the
chart says so instead of computing them here.
"""

from __future__ import annotations

import math
import re

import numpy as np
from qgis.core import NULL, QgsVectorLayer


def numbers(text) -> list[float]:
    """A comma list of numbers ("0.1,0.2") as floats; empty or missing → []."""
    if text in (None, "", NULL):
        return []
    return [float(v) for v in str(text).replace(";", ",").split(",") if v.strip()]


def raster_histogram(
    path: str, bins: int = 50, value_range: tuple[float, float] | None = None, skip: float | None = None
) -> tuple[list[float], list[float], int]:
    """(edges, counts, skipped) of the valid cells of band 1, read block by block; cells equal to
    `skip` are counted apart (e.g. a probability of 0 that would dwarf every other bar)."""
    import rasterio

    def cells(block):
        values = block.compressed()
        return values if skip is None else values[values != skip]

    skipped = 0
    with rasterio.open(path) as source:
        windows = [window for _, window in source.block_windows(1)]
        if value_range is None:
            low, high = math.inf, -math.inf
            for window in windows:
                values = cells(source.read(1, window=window, masked=True))
                if values.size:
                    low, high = min(low, float(values.min())), max(high, float(values.max()))
            if not math.isfinite(low):
                return [], [], 0
            value_range = (low, high if high > low else low + 1.0)
        edges = np.linspace(value_range[0], value_range[1], bins + 1)
        counts = np.zeros(bins)
        for window in windows:
            block = source.read(1, window=window, masked=True)
            values = cells(block)
            skipped += int(block.count() - values.size)
            counts += np.histogram(values, bins=edges)[0]
    return edges.tolist(), counts.tolist(), skipped


def rows(path: str, fields: list[str]) -> list[dict]:
    """The values of `fields` of every feature (NULL as None)."""
    layer = QgsVectorLayer(path, "chart", "ogr")
    if not layer.isValid():
        raise OSError(path)
    names = layer.fields().names()
    wanted = [f for f in fields if f in names]
    out = []
    for feature in layer.getFeatures():
        out.append({f: (None if feature[f] in (None, NULL) else feature[f]) for f in wanted})
    return out


def field_names(path: str) -> list[str]:
    layer = QgsVectorLayer(path, "chart", "ogr")
    return layer.fields().names() if layer.isValid() else []


def zone_areas(path: str) -> tuple[list[int], list[str], list[float]]:
    """Grades, their labels and areas (ha) of a risk-zones layer (tsr:riskzoning OUTPUT_ZONES)."""
    found = sorted((int(r["grade"]), str(r["label"]), float(r["area_ha"])) for r in rows(path, ["grade", "label", "area_ha"]))
    return [g for g, _, _ in found], [label for _, label, _ in found], [a for _, _, a in found]


#: The fields of tsr:servicecoverage OUTPUT_DEMAND that flag the features within a threshold:
#: covered_500, covered_1000, covered_2_5 (for 2.5).
COVERED_FIELD = re.compile(r"covered_(\d+(?:_\d+)?)")


def covered_fields(names: list[str]) -> dict[float, str]:
    """{threshold: field} of the covered_<threshold> fields among `names`, by threshold."""
    found = {float(m.group(1).replace("_", ".")): n for m, n in ((COVERED_FIELD.fullmatch(n), n) for n in names) if m}
    return dict(sorted(found.items()))


def coverage_curve(outputs: dict, population_field: str = "") -> dict | None:
    """The population covered (%) against the cost to the nearest facility, as tsr:servicecoverage
    writes it (CURVE_COSTS and COVERAGE_CURVE, comma lists of the same length; None without a
    curve), with the thresholds of the covered_<threshold> fields of OUTPUT_DEMAND marked.
    `population_field` is not used (the algorithm's curve already weighs the population)."""
    costs, percents = numbers(outputs.get("CURVE_COSTS")), numbers(outputs.get("COVERAGE_CURVE"))
    if not costs or len(costs) != len(percents):
        return None
    demand = outputs.get("OUTPUT_DEMAND")
    thresholds = list(covered_fields(field_names(str(demand)))) if demand else []
    return {"xs": costs, "ys": percents, "thresholds": thresholds, "points": False}


def weight_draws(path: str) -> list[tuple[str, list[float], list[float]]]:
    """Per criterion, (name, edges, counts) of the drawn weights (tsr:suitability OUTPUT_WEIGHTS:
    one row per draw and criterion with the fields criterion, weight)."""
    by_name: dict[str, list[float]] = {}
    for r in rows(path, ["criterion", "weight"]):
        if r.get("weight") is not None:
            by_name.setdefault(str(r["criterion"]), []).append(float(r["weight"]))
    top = max((max(v) for v in by_name.values()), default=1.0)
    edges = np.linspace(0.0, min(1.0, top * 1.05) or 1.0, 41)
    return [(name, edges.tolist(), np.histogram(values, bins=edges)[0].astype(float).tolist()) for name, values in by_name.items()]


def sensitivity(path: str) -> dict:
    """The tornado of tsr:suitability OUTPUT_SENSITIVITY (one row per criterion and change of
    its weight: criterion, change, delta, delta_unit; the baseline has no criterion): criteria
    ordered by their largest effect, with the effect of the smallest and largest change."""
    table = [r for r in rows(path, ["criterion", "change", "delta", "delta_unit"]) if r.get("criterion") not in (None, "")]
    if not table:
        return {}
    changes = sorted({float(r["change"]) for r in table})
    effect: dict[str, dict[float, float]] = {}
    for r in table:
        effect.setdefault(str(r["criterion"]), {})[float(r["change"])] = float(r["delta"]) if r.get("delta") is not None else math.nan
    names = sorted(
        effect,
        key=lambda n: -max(abs(v) for v in effect[n].values() if math.isfinite(v)) if any(math.isfinite(v) for v in effect[n].values()) else 0.0,
    )
    return {
        "names": names,
        "low": [effect[n].get(changes[0], math.nan) for n in names],
        "high": [effect[n].get(changes[-1], math.nan) for n in names],
        "low_change": changes[0],
        "high_change": changes[-1],
        "unit": str(table[0].get("delta_unit") or ""),
    }


def sets_units(path: str, name_field: str | None) -> dict:
    """Names and S, E, T indices and resilience of the units (tsr:setsindex OUTPUT), by rank."""
    fields = ["S_index", "E_index", "T_index", "resilience", "rank"] + ([name_field] if name_field else [])
    found = sorted(rows(path, fields), key=lambda r: r.get("rank") or 0)
    return {
        "names": [str(r.get(name_field) if name_field and r.get(name_field) is not None else i + 1) for i, r in enumerate(found)],
        "S": [float(r["S_index"]) for r in found],
        "E": [float(r["E_index"]) for r in found],
        "T": [float(r["T_index"]) for r in found],
        "R": [float(r["resilience"]) for r in found],
    }


#: Columns of tsr:landallocation OUTPUT_PARETO that are not objectives.
PARETO_EXTRA = ("solution_id", "knee", "kept", "scenario")


def pareto_front(path: str) -> dict:
    """The Pareto front of tsr:landallocation OUTPUT_PARETO (one row per non-dominated solution:
    solution_id, one column per objective, knee, kept, scenario): the objective columns in their
    order, their values, the solution ids, the row of the knee (None if none) and the kept
    scenario columns (use_s1, use_s2, …) with their rows, in column order."""
    objectives = [name for name in field_names(path) if name not in PARETO_EXTRA and name.lower() != "fid"]
    table = rows(path, ["solution_id", *objectives, "knee", "kept", "scenario"])
    table.sort(key=lambda r: int(r.get("solution_id") or 0))
    knee = next((i for i, r in enumerate(table) if r.get("knee")), None)
    kept = sorted(
        ((str(r["scenario"]), i) for i, r in enumerate(table) if r.get("kept") and r.get("scenario")),
        key=lambda item: int(re.sub(r"\D", "", item[0]) or 0),
    )
    return {
        "objectives": objectives,
        "values": {name: [math.nan if r.get(name) is None else float(r[name]) for r in table] for name in objectives},
        "ids": [int(r.get("solution_id") or i + 1) for i, r in enumerate(table)],
        "knee": knee,
        "kept": [i for _, i in kept],
        "scenarios": [name for name, _ in kept],
    }
