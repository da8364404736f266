"""Townships: a partition of the county into one township per seat."""

import math

import numpy as np
from shapely.geometry import LineString, MultiPoint, Point, box
from shapely.ops import polygonize, unary_union, voronoi_diagram

from .geometry import clean, densify, lines
from .grid import XMAX, XMIN, YMAX, YMIN
from .towns import COUNTY_SEAT, find_town


class Townships:
    """Township polygons keyed by town key, in the order of `towns`."""

    def __init__(self, towns, polygons):
        self.towns = towns
        self.polygons = polygons

    def containing(self, pt):
        """Town whose township contains pt, else the one nearest to it."""
        p = Point(pt)
        for t in self.towns:
            if self.polygons[t.key].contains(p):
                return t
        return min(self.towns, key=lambda t: self.polygons[t.key].distance(p))

    def labels(self, grid, inside):
        """Raster of 1-based township numbers (order of `towns`), 0 outside the county."""
        lab = grid.rasterize([(self.polygons[t.key], k + 1) for k, t in enumerate(self.towns)], dtype="int16")
        lab[~inside] = 0
        return lab


def _generators(towns):
    """Voronoi generators: the county seat, and the other seats pushed 800 m away from it so
    that the urban township does not crowd out its neighbours."""
    cg = find_town(towns, COUNTY_SEAT)
    gens = []
    for t in towns:
        if t is cg:
            gens.append(t.c)
        else:
            dx, dy = t.c[0] - cg.c[0], t.c[1] - cg.c[1]
            d = math.hypot(dx, dy)
            gens.append((t.c[0] + 800.0 * dx / d, t.c[1] + 800.0 * dy / d))
    return gens


def _displacement(rng):
    """Smooth displacement field: four plane waves of 2.5–6 km wavelength in random directions
    (amplitudes 110, 110, 60, 60 m). Its Lipschitz constant is below 1, so it is injective and
    displaced cells still tile the plane."""
    wave = [(rng.uniform(2500, 6000), rng.uniform(0, 2 * np.pi), rng.uniform(0, 2 * np.pi), rng.uniform(0, np.pi)) for _ in range(4)]

    def displace(xy):
        """Displaced copy of the points xy (n × 2, m)."""
        x, y = xy[:, 0], xy[:, 1]
        dx = np.zeros_like(x)
        dy = np.zeros_like(y)
        for k, (lam, p1, p2, ang) in enumerate(wave):
            amp = 110.0 if k < 2 else 60.0
            u = x * math.cos(ang) + y * math.sin(ang)
            v = -x * math.sin(ang) + y * math.cos(ang)
            dx += amp * np.sin(2 * np.pi * v / lam + p1)
            dy += amp * np.sin(2 * np.pi * u / lam + p2)
        return np.column_stack([x + dx, y + dy])

    return displace


def partition(rng, boundary, towns):
    """Townships: Voronoi cells of the seats with smoothly displaced edges, clipped to the
    county. Every vertex of the shared Voronoi edges (densified to 80 m) is displaced by the
    same field, so the cells still partition the county exactly."""
    gens = _generators(towns)
    env = box(XMIN - 6000, YMIN - 6000, XMAX + 6000, YMAX + 6000)
    vor = voronoi_diagram(MultiPoint(gens), envelope=env)
    edges = lines(unary_union([c.exterior for c in vor.geoms]))
    displace = _displacement(rng)
    faces = list(polygonize(unary_union([LineString(displace(densify(np.asarray(e.coords), 80.0)[0])) for e in edges])))
    cells = {}
    for t, g in zip(towns, gens):
        owner = [fa for fa in faces if fa.contains(Point(g))]
        if len(owner) != 1:
            raise RuntimeError("township partition failed")
        cells[t.key] = owner[0]
    # the straight pieces between displaced vertices can still cut off a sliver face where
    # edges meet at a sharp angle: it goes to the neighbour with the longest common border
    owned = set(id(p) for p in cells.values())
    for fa in faces:
        if id(fa) in owned or not fa.intersects(boundary):
            continue
        best = max((t.key for t in towns), key=lambda k: fa.boundary.intersection(cells[k].boundary).length)
        cells[best] = unary_union([cells[best], fa])
    polygons = {}
    for t in towns:
        g = clean(cells[t.key].intersection(boundary))
        if not g.contains(Point(t.c)):
            raise RuntimeError(f"seat of {t.key} outside its township")
        polygons[t.key] = g
    return Townships(towns, polygons)
