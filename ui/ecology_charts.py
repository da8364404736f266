"""What the charts of the spatial network module show, read from the algorithms' outputs (run in a
background task): the ecological security pattern (tsr:patchconnectivity, tsr:circuitconnectivity)
and the stress test of path 3 (tsr:networkcriticality, tsr:networkrobustness).

Nothing here analyses anything: tables are read field by field and sorted by the rank the
algorithm wrote; no index, resistance or curve is computed here.
"""

from __future__ import annotations

import math

from .chart_data import rows


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def patch_importance(path: str, top: int = 12) -> dict:
    """The `top` patches of tsr:patchconnectivity OUTPUT by the algorithm's rank: their ids, dPC
    and area (ha), the most important first."""
    table = [r for r in rows(path, ["patch_id", "dPC", "area_ha", "rank"]) if r.get("rank") is not None]
    table.sort(key=lambda r: int(r["rank"]))
    table = table[:top]
    return {
        "ids": [int(r["patch_id"]) for r in table],
        "dPC": [_float(r["dPC"]) or 0.0 for r in table],
        "area_ha": [_float(r["area_ha"]) or 0.0 for r in table],
        "count": len(rows(path, ["patch_id"])),
    }


def threshold_curve(path: str) -> dict:
    """PC and the number of components against distance (tsr:patchconnectivity OUTPUT_CURVE:
    distance, IIC, PC, EC_PC, components), by distance."""
    table = sorted(rows(path, ["distance", "PC", "EC_PC", "components"]), key=lambda r: float(r["distance"]))
    return {
        "distance": [float(r["distance"]) for r in table],
        "PC": [_float(r["PC"]) or 0.0 for r in table],
        "EC_PC": [_float(r["EC_PC"]) or 0.0 for r in table],
        "components": [int(r["components"]) for r in table],
    }


def effective_resistances(path: str) -> dict:
    """The pairs of tsr:circuitconnectivity OUTPUT_RESISTANCES (from_id, to_id, resistance,
    status) with a number, the highest first; the pairs without one are counted apart."""
    table = rows(path, ["from_id", "to_id", "resistance", "status"])
    numbered = [r for r in table if r.get("to_id") is not None and _float(r.get("resistance")) is not None]
    numbered.sort(key=lambda r: -float(r["resistance"]))
    return {
        "pairs": [f"{r['from_id']}–{r['to_id']}" for r in numbered],
        "resistance": [float(r["resistance"]) for r in numbered],
        "without": len([r for r in table if r.get("to_id") is not None]) - len(numbered),
    }


def critical_elements(path: str, top: int = 10) -> dict:
    """The `top` elements of tsr:networkcriticality OUTPUT by the algorithm's rank: id, kind,
    population losing access, cut off, and the criticality class."""
    table = [r for r in rows(path, ["element_id", "kind", "lost_access", "cut_off", "affected", "rank", "class"]) if r.get("rank") is not None]
    table.sort(key=lambda r: int(r["rank"]))
    table = table[:top]
    return {
        "ids": [str(r["element_id"]) for r in table],
        "kinds": [str(r.get("kind") or "") for r in table],
        "lost_access": [_float(r["lost_access"]) or 0.0 for r in table],
        "cut_off": [_float(r["cut_off"]) or 0.0 for r in table],
        "ranks": [int(r["rank"]) for r in table],
    }


def robustness_curve(path: str) -> dict:
    """The robustness curve of tsr:networkrobustness OUTPUT_CURVE (step, removed, fraction,
    largest_share, efficiency, covered_share) by step."""
    table = sorted(rows(path, ["step", "fraction", "largest_share", "efficiency", "covered_share"]), key=lambda r: int(r["step"]))
    return {
        "fraction": [float(r["fraction"]) for r in table],
        "largest_share": [_float(r["largest_share"]) or 0.0 for r in table],
        "efficiency": [_float(r["efficiency"]) or 0.0 for r in table],
        "covered_share": [_float(r.get("covered_share")) for r in table],
    }
