"""Vector helpers: polyline resampling and smoothing, local frames, polygon clean-up (metres)."""

import math

import numpy as np
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union


def densify(xy, step):
    """Resample a polyline at equal spacing of at most `step` metres.

    Returns (points, s): the points (n × 2) and their distance s (m) along the line.
    """
    xy = np.asarray(xy, dtype=float)
    seg = np.hypot(np.diff(xy[:, 0]), np.diff(xy[:, 1]))
    s = np.concatenate([[0.0], np.cumsum(seg)])
    n = max(2, int(math.ceil(s[-1] / step)) + 1)
    t = np.linspace(0.0, s[-1], n)
    return np.column_stack([np.interp(t, s, xy[:, 0]), np.interp(t, s, xy[:, 1])]), t


def catmull_rom(pts, n_per_seg):
    """Smooth curve through all of `pts` (uniform Catmull-Rom spline, n_per_seg points a span)."""
    P = np.asarray(pts, dtype=float)
    P = np.vstack([2 * P[0] - P[1], P, 2 * P[-1] - P[-2]])  # mirrored end tangents
    out = []
    t = np.linspace(0.0, 1.0, n_per_seg, endpoint=False)[:, None]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3))
    out.append(P[-2][None, :])
    return np.vstack(out)


def chaikin(xy, iterations):
    """Chaikin corner cutting (1/4-3/4 points) that keeps both end points exactly."""
    xy = np.asarray(xy, dtype=float)
    for _ in range(iterations):
        if len(xy) < 3:
            return xy
        a, b = xy[:-1], xy[1:]
        q = 0.75 * a + 0.25 * b
        r = 0.25 * a + 0.75 * b
        mid = np.empty((2 * len(a), 2))
        mid[0::2] = q
        mid[1::2] = r
        xy = np.vstack([xy[:1], mid[1:-1], xy[-1:]])
    return xy


def to_world(cx, cy, theta, lx, ly):
    """Local (along, across) coordinates of a frame at (cx, cy) turned by theta → map x, y."""
    c, s = math.cos(theta), math.sin(theta)
    lx = np.asarray(lx, dtype=float)
    ly = np.asarray(ly, dtype=float)
    return cx + lx * c - ly * s, cy + lx * s + ly * c


def to_local(cx, cy, theta, x, y):
    """Inverse of to_world: map x, y → local (along, across) coordinates."""
    c, s = math.cos(theta), math.sin(theta)
    dx, dy = x - cx, y - cy
    return dx * c + dy * s, -dx * s + dy * c


def _parts(geom, kind):
    """The parts of geom that are instances of kind, collections flattened."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, kind):
        return [geom]
    return [p for g in getattr(geom, "geoms", ()) for p in _parts(g, kind)]


def polygons(geom):
    """All polygons of any geometry (collections are flattened)."""
    return _parts(geom, Polygon)


def lines(geom):
    """All line strings of any geometry (collections are flattened)."""
    return _parts(geom, LineString)


def clean(geom):
    """Valid (multi)polygon of the polygonal parts of geom larger than 1 m² (slivers dropped)."""
    if not geom.is_valid:
        geom = geom.buffer(0)
    parts = [p for p in polygons(geom) if p.area > 1.0]
    if not parts:
        return Polygon()
    g = unary_union(parts)
    if not g.is_valid:
        g = g.buffer(0)
    return g


def ensure_vertex(line, pt):
    """line with pt as an exact vertex when pt lies on it (within 1 mm), so roads can meet there."""
    coords = [tuple(c) for c in line.coords]
    if tuple(pt) in coords or line.distance(Point(pt)) > 1e-3:
        return line
    s_ = line.project(Point(pt))
    cum = 0.0
    for i in range(len(coords) - 1):
        seg = math.dist(coords[i], coords[i + 1])
        if cum + seg >= s_:
            return LineString(coords[: i + 1] + [tuple(pt)] + coords[i + 1 :])
        cum += seg
    return line


def follow(coords, line):
    """coords, reversed if needed to run in the direction in which `line` is digitised."""
    if line.project(Point(coords[0])) > line.project(Point(coords[-1])):
        return coords[::-1]
    return coords
