"""The chemical plant (a major hazard installation) downstream of the county seat."""

from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from .geometry import to_world
from .towns import COUNTY_SEAT, find_town


@dataclass
class Plant:
    xy: tuple  # (x, y) of the plant
    site: object  # its 280 m × 180 m site polygon (built-up land)


def _searched_sites(seat):
    """(lx, ly) candidates east of the seat's footprint (downstream) on a 50 m lattice, in the
    seat's frame: 150–1 500 m beyond the footprint end, 700 m south to 900 m north."""
    for lx in np.arange(seat.a + 150.0, seat.a + 1500.0, 50.0):
        for ly in np.arange(-700.0, 901.0, 50.0):
            yield lx, ly


def site_plant(grid, boundary, towns, villages, depth, terrain):
    """Plant site nearest to the edge of the county seat (score: distance beyond the footprint
    + 0.3 × distance from 250 m north of the axis) that is dry — no design flood and no channel
    within 3 cells, relaxed to 1 cell if nothing qualifies — gentle (slope ≤ 10°), 300 m inside
    the county and 80 m from every town and village."""
    seat = find_town(towns, COUNTY_SEAT)
    occupied = unary_union([t.footprint.buffer(80.0) for t in towns] + [v.poly.buffer(80.0) for v in villages])
    inner = boundary.buffer(-300.0)
    best = None
    for relax in (3, 1):
        for lx, ly in _searched_sites(seat):
            x, y = to_world(seat.c[0], seat.c[1], seat.theta, lx, ly)
            x, y = float(x), float(y)
            r_, c_ = grid.rc(x, y)
            win = (slice(max(r_ - relax, 0), r_ + relax + 1), slice(max(c_ - relax, 0), c_ + relax + 1))
            if (depth[win] > 0).any() or terrain.channel[win].any() or terrain.slope[r_, c_] > 10.0:
                continue
            pt = Point(x, y)
            if not inner.contains(pt) or occupied.contains(pt):
                continue
            score = (lx - seat.a) + 0.3 * abs(ly - 250.0)
            if best is None or score < best[0]:
                best = (score, lx, ly)
        if best is not None:
            break
    if best is None:
        raise RuntimeError("no site for the chemical plant")
    _, plx, ply = best
    px, py = to_world(seat.c[0], seat.c[1], seat.theta, plx, ply)
    site = Polygon([to_world(seat.c[0], seat.c[1], seat.theta, plx + dx, ply + dy) for dx, dy in ((-140, -90), (140, -90), (140, 90), (-140, 90))])
    return Plant((float(px), float(py)), site)


def plant_rows(plant):
    """The single feature of the `chemical_plant` layer."""
    return [
        (
            Point(plant.xy),
            {
                "plant_id": 1,
                "name": "Songhe Chlor-Alkali Chemical Co. 松河氯碱化工有限公司",
                "type": "hazardous chemicals production and storage 危险化学品生产储存",
                "substance": "liquid chlorine 液氯",
                "major_hazard_level": "II 二级重大危险源",
            },
        )
    ]
