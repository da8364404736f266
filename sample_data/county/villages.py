"""Villages: their sites, names and outlines, and the settlements layer."""

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, Polygon
from shapely.geometry.polygon import orient

from .geometry import clean, polygons
from .names import SURNAMES, VILLAGE_SUFFIXES
from .towns import COUNTY_SEAT

N_VILLAGES = 40
MIN_VILLAGE_SPACING = 1050.0  # m between village sites


@dataclass(eq=False)
class Village:
    xy: tuple  # (x, y) of the village centre
    pop: float  # residents assigned to the village
    name: str  # "<pinyin> <Chinese>"
    poly: object  # outline (counter-clockwise polygon)
    r: float  # m, nominal radius


def _quotas(towns, townships, n):
    """Villages per township ∝ township area, at least 3, summing to n."""
    areas = np.array([townships.polygons[t.key].area for t in towns])
    quota = np.maximum(3, np.round(n * areas / areas.sum())).astype(int)
    while quota.sum() > n:
        quota[int(np.argmax(quota))] -= 1
    while quota.sum() < n:
        quota[int(np.argmin(quota))] += 1
    return quota


def pick_sites(rng, grid, boundary, towns, townships, labels, terrain, n):
    """n village sites (x, y): weighted sampling without replacement per township.

    Eligible cells: 450 m inside the county, slope < 15°, below 700 m, HAND > 3.5 m, off the
    channels, > 70 m from a stream and > 900 m from a town. Weight
    exp(−slope/5°)·exp(−(z − 50 m)/260 m)·(1 + 2·exp(−d_river/600 m)); cells are ranked by
    ln(weight) + Gumbel noise (the Gumbel top-k trick) and taken in that order when 1 050 m
    from every site chosen so far.
    """
    slope, dem, d_river = terrain.slope, terrain.dem, terrain.d_river
    m = grid.mask([boundary.buffer(-450.0)])
    near_town = grid.rasterize([(t.footprint.buffer(900.0), 1) for t in towns], dtype="uint8")
    ok = m & (slope < 15.0) & (dem < 700.0) & ~terrain.channel & (terrain.hand > 3.5) & (near_town == 0) & (d_river > 70.0)
    score = np.exp(-slope / 5.0) * np.exp(-(dem - 50.0) / 260.0) * (1.0 + 2.0 * np.exp(-d_river / 600.0))
    quota = _quotas(towns, townships, n)
    rows, cols = np.nonzero(ok)
    key = np.log(score[rows, cols]) + rng.gumbel(size=rows.size)
    order = np.argsort(-key, kind="stable")
    lab = labels[rows, cols]
    chosen = []
    for k_t in range(len(towns)):
        got = 0
        for k in order[lab[order] == k_t + 1]:
            x, y = grid.xs[cols[k]], grid.ys[rows[k]]
            if all((x - a) ** 2 + (y - b) ** 2 > MIN_VILLAGE_SPACING**2 for a, b in chosen):
                chosen.append((float(x), float(y)))
                got += 1
                if got == quota[k_t]:
                    break
    return chosen


def _name(rng, used):
    """A village name "<Surname><suffix> <姓><suffix>" (e.g. "Lijiawan 李家湾村") whose
    surname and suffix pair is not yet in `used`; the pair is added to it."""
    while True:
        sn = SURNAMES[int(rng.integers(len(SURNAMES)))]
        sf = VILLAGE_SUFFIXES[int(rng.integers(len(VILLAGE_SUFFIXES)))]
        if (sn, sf) not in used:
            used.add((sn, sf))
            return f"{sn[0]}{sf[0]} {sn[1]}{sf[1]}"


def build_villages(rng, sites, village_total, boundary, rivers):
    """Villages at the sites sharing village_total residents (log-normal sizes, σ 0.55).

    Outline: radius r = 110 m + 2.6·√pop with two random harmonics (±15 %, ±8 %), kept 50 m
    inside the county and out of the river corridors (the largest remaining part).
    """
    vp = rng.lognormal(mean=0.0, sigma=0.55, size=len(sites))
    vp = vp / vp.sum() * village_total
    used = set()
    inner = boundary.buffer(-50.0)
    villages = []
    for (x, y), p in zip(sites, vp):
        name = _name(rng, used)
        r = 110.0 + 2.6 * math.sqrt(p)
        th = np.linspace(0, 2 * np.pi, 28, endpoint=False)
        rr = r * (1.0 + 0.15 * np.sin(2 * th + rng.uniform(0, 6.3)) + 0.08 * np.sin(3 * th + rng.uniform(0, 6.3)))
        poly = Polygon(np.column_stack([x + rr * np.cos(th), y + rr * np.sin(th)])).buffer(0)
        poly = clean(poly.intersection(inner).difference(rivers.main_corridor).difference(rivers.tributary_corridor))
        poly = max(polygons(poly), key=lambda q: q.area)
        if not poly.contains(Point(x, y)):
            x, y = poly.representative_point().x, poly.representative_point().y
        villages.append(Village((x, y), float(p), name, orient(poly, 1.0), r))
    return villages


def settlement_rows(towns, villages, residents, townships):
    """Features of the `settlements` layer: the seats, then the villages with `residents`
    (their population counted on the raster)."""
    points = [(t.c, t.name, "county seat" if t.key == COUNTY_SEAT else "township seat", t.code, int(t.pop)) for t in towns]
    points += [(v.xy, v.name, "village", townships.containing(v.xy).code, n) for v, n in zip(villages, residents)]
    return [
        (Point(xy), {"settlement_id": k, "name": name, "kind": kind, "township_code": code, "population": pop})
        for k, (xy, name, kind, code, pop) in enumerate(points, start=1)
    ]
