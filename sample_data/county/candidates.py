"""Candidate sites for new shelters: free town blocks, village plots and riverside lots."""

import math

import numpy as np
from shapely.geometry import Point

from .facilities import SHELTER_STANDARD_M2, town_blocks
from .towns import COUNTY_SEAT, find_town

# usable share of a candidate's gross area; capacity = floor(0.7 × area / 2 m²), the standard
# of a fixed shelter
CANDIDATE_EFFECTIVE_RATIO = 0.7
# kind: (Chinese name, gross area range in m²)
KINDS = {
    "vacant lot": ("空地", 3000, 40000),
    "school": ("学校", 6000, 24000),
    "park": ("公园", 5000, 60000),
    "square": ("广场", 2000, 15000),
    "sports ground": ("运动场", 10000, 30000),
}
# candidates per township seat; in the county seat 8 of them in the Nanhu new district
_TOWN_CANDIDATES = {"chengguan": 14, "heping": 4, "dongping": 4, "baishi": 2, "nanshan": 2, "longquan": 2, "songlin": 2}
_NEW_DISTRICT_CANDIDATES = 8
_VILLAGE_CANDIDATES = 10
_RIVERSIDE_LOTS = 6


class _Sites:
    """Feature rows of candidate sites with a random gross area (rounded to 10 m²)."""

    def __init__(self, rng):
        self.rng = rng
        self.rows = []

    def add(self, pt, name_py, name_cn, kind, township):
        """Candidate of `kind` at pt in `township`, named "<name_py> <name_cn>"."""
        lo, hi = KINDS[kind][1], KINDS[kind][2]
        area = float(10 * int(round(self.rng.uniform(lo, hi) / 10.0)))
        eff = CANDIDATE_EFFECTIVE_RATIO * area
        self.rows.append(
            (
                pt,
                {
                    "site_id": len(self.rows) + 1,
                    "name": f"{name_py} {name_cn}",
                    "kind": kind,
                    "area_m2": area,
                    "capacity_persons": int(eff // SHELTER_STANDARD_M2["fixed"]),
                    "township_code": township.code,
                },
            )
        )


def _sample(rng, blocks, n):
    """Up to n of the blocks drawn without replacement, in their original order."""
    sel = rng.choice(len(blocks), size=min(n, len(blocks)), replace=False)
    return [blocks[i] for i in sorted(sel)]


def _in_towns(rng, sites, blocks, towns, taken):
    """Random free blocks of every seat, most of the county seat's in the under-served Nanhu
    new district."""
    by_town = town_blocks(blocks, towns)
    kinds = list(KINDS)
    for key, n in _TOWN_CANDIDATES.items():
        t = find_town(towns, key)
        pool = [b for b in by_town[key] if b.block_id not in taken]
        if key == COUNTY_SEAT:
            chosen = _sample(rng, [b for b in pool if b.south], _NEW_DISTRICT_CANDIDATES)
            chosen += _sample(rng, [b for b in pool if not b.south], n - len(chosen))
        else:
            chosen = _sample(rng, pool, n)
        for j, b in enumerate(chosen, start=1):
            kind = kinds[int(rng.integers(len(kinds)))]
            district, district_cn = ("Nanhu", "南湖") if b.south else (t.py, t.cn[:-1])
            sites.add(b.point, f"{district} {kind} {j}", f"{district_cn}{KINDS[kind][0]}{j}号", kind, b.township)


def _in_villages(rng, sites, villages, townships):
    """A school, square or vacant lot in ten random villages, half a radius from the centre
    in a random direction (the representative point if that falls outside the village)."""
    for j in sorted(rng.choice(len(villages), size=_VILLAGE_CANDIDATES, replace=False)):
        v = villages[j]
        ang = rng.uniform(0, 2 * np.pi)
        p = Point(v.xy[0] + 0.5 * v.r * math.cos(ang), v.xy[1] + 0.5 * v.r * math.sin(ang))
        if not v.poly.contains(p):
            p = v.poly.representative_point()
        kind = ("school", "square", "vacant lot")[int(rng.integers(3))]
        v_py, v_cn = v.name.split(" ")
        sites.add(p, f"{v_py} {kind}", f"{v_cn}{KINDS[kind][0]}", kind, townships.containing((p.x, p.y)))


def _riverside_lots(rng, grid, inside, boundary, terrain, flood, blocks):
    """Up to six cell centres in the 5-year floodway (flood-prone on purpose): design depth
    > 0.5 m, off the channels, > 80 m from the river and > 40 m from a tributary, 300 m inside
    the county, outside every block and 900 m apart; drawn in random order."""
    ok = (
        inside
        & (flood.depth > 0.5)
        & (flood.return_period <= 5.0)
        & ~terrain.channel
        & (terrain.d_thal > 80.0)
        & (terrain.d_trib > 40.0)
        & grid.mask([boundary.buffer(-300.0)])
    )
    rows, cols = np.nonzero(ok)
    chosen = []
    if rows.size:
        for k in rng.permutation(rows.size):
            x, y = float(grid.xs[cols[k]]), float(grid.ys[rows[k]])
            if any(math.hypot(x - a, y - b) < 900.0 for a, b in chosen):
                continue
            if any(b.geom.contains(Point(x, y)) for b in blocks):
                continue
            chosen.append((x, y))
            if len(chosen) == _RIVERSIDE_LOTS:
                break
    return chosen


def site_candidates(rng, grid, inside, boundary, terrain, flood, towns, blocks, villages, townships, taken):
    """Features of the `candidate_sites` layer (blocks in `taken` already hold a facility)."""
    sites = _Sites(rng)
    _in_towns(rng, sites, blocks, towns, taken)
    _in_villages(rng, sites, villages, townships)
    lots = _riverside_lots(rng, grid, inside, boundary, terrain, flood, blocks)
    for j, (x, y) in enumerate(lots, start=1):
        sites.add(Point(x, y), f"Riverside vacant lot {j}", f"河滩空地{j}号", "vacant lot", townships.containing((x, y)))
    return sites.rows
