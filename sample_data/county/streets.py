"""The street grid of a town and the residential blocks between its streets.

Streets run along and across the town axis (local frame: x along, y across, origin at the
seat) at jittered spacings, clipped to the buildable part of the footprint; the streets
through the seat and the bridges are clipped to the whole footprint so they cross the river.
"""

import math

import numpy as np
from shapely.geometry import LineString, Polygon
from shapely.geometry.polygon import orient

from .blocks import Block
from .geometry import ensure_vertex, lines, polygons, to_world
from .network import RoadLine
from .towns import COUNTY_SEAT

SETBACK = 7.0  # m from a street centre line to the block edge
MIN_STREET = 40.0  # m, shorter street pieces are dropped
MIN_BLOCK = 6000.0  # m², and at least 40 % of the full block


def _offsets(rng, extent, spacing):
    """Street offsets 0, ±spacing·U(0.8, 1.25), … up to the first beyond ±extent (m), sorted."""
    pos, x = [0.0], 0.0
    while x < extent:
        x += spacing * rng.uniform(0.8, 1.25)
        pos.append(x)
    neg, x = [], 0.0
    while x > -extent:
        x -= spacing * rng.uniform(0.8, 1.25)
        neg.append(x)
    return sorted(neg) + pos


def _extents(t):
    """(along, north, south): how far (m) the street grid reaches from the seat, 20 % beyond
    the footprint."""
    return t.a * 1.2, (t.b + max(t.ell_off, 0)) * 1.2, (t.b - min(t.ell_off, 0)) * 1.2


def _street_offsets(rng, t):
    """(xs, ys): offsets of the cross streets (xs) and of the streets along the axis (ys).
    Chengguan's Nanhu new district south of the river has larger blocks (1.35 × spacing)
    than its old town (0.9 ×)."""
    ext_x, ext_y_pos, ext_y_neg = _extents(t)
    sp = t.spacing
    xs = _offsets(rng, ext_x, sp)
    if t.key == COUNTY_SEAT:
        north = [y for y in _offsets(rng, ext_y_pos, 0.9 * sp) if y >= 0]
        south = [y for y in _offsets(rng, ext_y_neg, 1.35 * sp) if y < 0]
        ys = sorted(south + north)
    else:
        ys = _offsets(rng, max(ext_y_pos, ext_y_neg), sp)
    return xs, ys


def _world(t, lx, ly):
    """[(x, y)] map coordinates of local points of town t."""
    x, y = to_world(t.c[0], t.c[1], t.theta, lx, ly)
    return list(zip(np.atleast_1d(x).tolist(), np.atleast_1d(y).tolist()))


def _pieces(line, area, t):
    """Parts of line inside area long enough to be streets, with the seat as a vertex."""
    return [ensure_vertex(part, t.c) for part in lines(line.intersection(area)) if part.length >= MIN_STREET]


def _streets_along(t, ys):
    """Streets parallel to the town axis, digitised along it (+x) unless one-way.

    In a valley town the arterial is the main street, so there is none at y = 0; in a hill
    town the y = 0 street is Main Street. In Chengguan the first two streets north of the
    axis are a one-way couplet (Renmin Road eastbound, Zhongshan Road westbound).
    """
    ext_x = _extents(t)[0]
    north = [y for y in ys if y > 0]
    oneway = {}
    if t.key == COUNTY_SEAT and len(north) >= 2:
        oneway = {north[0]: ("Renmin Road (one-way eastbound) 人民路", 1.0), north[1]: ("Zhongshan Road (one-way westbound) 中山路", -1.0)}
    streets = []
    for y in ys:
        if y == 0.0 and t.valley:
            continue
        if y == 0.0:
            pts = _world(t, [-ext_x, 0.0, ext_x], [0.0, 0.0, 0.0])
            pts[1] = t.c
            name, area = f"Main Street 正街 ({t.py})", t.footprint
        else:
            pts = _world(t, [-ext_x, ext_x], [y, y])
            name, area = f"town street ({t.py})", t.buildable
        ow, sense = 0, 1.0
        if y in oneway:
            (name, sense), ow = oneway[y], 1
        direction = (math.cos(t.theta) * sense, math.sin(t.theta) * sense)
        streets += [RoadLine(g, "local", name, ow, direction) for g in _pieces(LineString(pts), area, t)]
    return streets


def _streets_across(t, xs):
    """Streets across the town axis. In Chengguan the one through the seat (Jiefang Road) and
    the fifth east of it (Nanhu Avenue) bridge the river to the new district: collectors."""
    _, ext_y_pos, ext_y_neg = _extents(t)
    bridges = {}
    if t.key == COUNTY_SEAT:
        east = [x for x in xs if x > 0]
        bridges = {0.0: "Jiefang Road 解放路", east[min(4, len(east) - 1)]: "Nanhu Avenue 南湖大道"}
    streets = []
    for x in xs:
        if x == 0.0:
            pts = _world(t, [0.0, 0.0, 0.0], [-ext_y_neg, 0.0, ext_y_pos])
            pts[1] = t.c
        else:
            pts = _world(t, [x, x], [-ext_y_neg, ext_y_pos])
        area = t.footprint if x == 0.0 or x in bridges else t.buildable
        road_class, name = ("collector", bridges[x]) if x in bridges else ("local", f"town street ({t.py})")
        streets += [RoadLine(g, road_class, name) for g in _pieces(LineString(pts), area, t)]
    return streets


def _south_of_river(geom, valley):
    """Whether the centroid of geom lies south of the main river."""
    c = geom.centroid
    return bool(c.y < float(valley.thalweg(c.x)))


def _blocks(t, xs, ys, valley):
    """Blocks between the streets, set back SETBACK from the centre lines, within the
    buildable area; Chengguan blocks south of the river belong to the new district."""
    blocks = []
    g = SETBACK
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            lx = [xs[i] + g, xs[i + 1] - g, xs[i + 1] - g, xs[i] + g]
            ly = [ys[j] + g, ys[j] + g, ys[j + 1] - g, ys[j + 1] - g]
            rect = Polygon(_world(t, lx, ly))
            for part in polygons(rect.intersection(t.buildable)):
                if part.area >= max(MIN_BLOCK, 0.4 * rect.area):
                    geom = orient(part, 1.0)
                    south = t.key == COUNTY_SEAT and _south_of_river(geom, valley)
                    blocks.append(Block(geom, t.name, "town", t.key, south))
    return blocks


def plan_towns(rng, towns, valley):
    """(streets as RoadLines, Blocks) of all towns, town after town."""
    streets, blocks = [], []
    for t in towns:
        xs, ys = _street_offsets(rng, t)
        streets += _streets_along(t, ys) + _streets_across(t, xs)
        blocks += _blocks(t, xs, ys, valley)
    return streets, blocks
