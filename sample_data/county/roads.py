"""The road network: provincial road, county roads, town streets and village roads."""

import math
from dataclasses import replace

import numpy as np
from shapely.geometry import LineString, Point

from .geometry import chaikin, densify, lines, to_world
from .grid import XMAX, XMIN
from .landcover import BUILT_UP
from .network import LineIndex, RoadLine, node_network
from .routing import CostGraph

ROAD_SPEED = {"arterial": 60, "collector": 40, "local": 30}  # km/h
COUNTY_ROADS = [
    ("baishi", "chengguan"),
    ("songlin", "heping"),
    ("longquan", "dongping"),
    ("nanshan", "chengguan"),
    ("songlin", "baishi"),
    ("baishi", "longquan"),
]
VILLAGE_ROAD_REACH = 250.0  # m: a village closer than this to a road is joined directly


def _cost_graph(grid, boundary, terrain, landcover):
    """Routing graph on ~90 m blocks 150 m inside the county; cost per metre
    1 + (slope/7°)² + 40 on water + 3 in built-up land."""
    f = max(1, int(round(90.0 / grid.cell)))
    passable = grid.mask([boundary.buffer(-150.0)])
    cost = 1.0 + (terrain.slope / 7.0) ** 2 + 40.0 * terrain.channel + 3.0 * (landcover.classes == BUILT_UP)
    return CostGraph(grid, cost, passable, f)


def _along_terrace(valley, start, end):
    """Smoothed terrace line from start to end (vertices every 400 m, two Chaikin passes)."""
    xs = np.arange(start[0], end[0], 400.0)[1:]
    pts = [start] + [valley.terrace(x) for x in xs if x < end[0] - 150.0] + [end]
    return chaikin(np.array(pts), 2)


def _append_run(pts, run):
    """Append run to pts, dropping its first point (the current end) unless pts is empty."""
    pts.extend(tuple(p) for p in (run[1:] if pts else run))


def _arterial(valley, towns, boundary):
    """Provincial road S208 along the valley terrace across the county, running through the
    three valley towns along their axes (0.95 a either side of the seat)."""
    pts = []
    prev = valley.terrace(XMIN + 5.0)
    for t in sorted([t for t in towns if t.valley], key=lambda t: t.c[0]):
        west = to_world(t.c[0], t.c[1], t.theta, -0.95 * t.a, 0.0)
        east = to_world(t.c[0], t.c[1], t.theta, 0.95 * t.a, 0.0)
        west, east = (float(west[0]), float(west[1])), (float(east[0]), float(east[1]))
        _append_run(pts, _along_terrace(valley, prev, west))
        pts.extend([t.c, east])
        prev = east
    _append_run(pts, _along_terrace(valley, prev, valley.terrace(XMAX - 5.0)))
    return [RoadLine(part, "arterial", "S208 Provincial Road 省道S208") for part in lines(LineString(pts).intersection(boundary))]


def _county_roads(graph, towns):
    """County roads (collectors): least-cost routes between pairs of township seats."""
    seat = {t.key: t.c for t in towns}
    return [RoadLine(graph.route(seat[a], seat[b]), "collector", f"County Road X{101 + k} 县道X{101 + k}") for k, (a, b) in enumerate(COUNTY_ROADS)]


def _clip(road_lines, boundary):
    """The parts of the lines inside the county (pieces of 1 m or less dropped)."""
    clipped = []
    for r in road_lines:
        if boundary.contains(r.geom):
            clipped.append(r)
            continue
        clipped += [replace(r, geom=part) for part in lines(r.geom.intersection(boundary)) if part.length > 1.0]
    return clipped


class _Junctions:
    """Joins new roads to the network, inserting the junction as an exact vertex of the road
    it joins (so that noding keeps the network connected there)."""

    def __init__(self, roads):
        self.roads = roads  # grows with the village roads; the index does not
        self.index = LineIndex([r.geom for r in roads])

    def near(self, p, radius):
        """Indices of the indexed roads whose bounding box is within radius (m) of p."""
        return self.index.query_items(p.buffer(radius))

    def distance(self, p):
        """Distance (m) from p to the nearest indexed road within VILLAGE_ROAD_REACH, or to the
        first road if none is that close."""
        return min(self.roads[i].geom.distance(p) for i in (self.near(p, VILLAGE_ROAD_REACH) or [0]))

    def attach(self, pt):
        """Point of the road nearest to pt (an existing vertex if within 1 m), made a vertex."""
        p = Point(pt)
        cand = self.near(p, 400.0) or range(len(self.roads))
        k = min(sorted(cand), key=lambda i: self.roads[i].geom.distance(p))
        line = self.roads[k].geom
        coords = [tuple(c) for c in line.coords]
        s_ = line.project(p)
        cum = 0.0
        for i in range(len(coords) - 1):
            seg_len = math.dist(coords[i], coords[i + 1])
            if cum + seg_len >= s_ or i == len(coords) - 2:
                break
            cum += seg_len
        if s_ - cum < 1.0:
            return coords[i]
        if cum + seg_len - s_ < 1.0:
            return coords[i + 1]
        q = line.interpolate(s_)
        q = (q.x, q.y)
        coords.insert(i + 1, q)
        self.roads[k] = replace(self.roads[k], geom=LineString(coords))
        return q


def _village_roads(graph, network, villages, boundary):
    """network plus one local road per village: least-cost path (on the coarse graph) to the
    nearest road, simplified and smoothed, or a straight link when a road is within 250 m;
    roads leaving the county are dropped."""
    roads = list(network)
    junctions = _Junctions(roads)
    sources = set()
    for r in network:
        d, _ = densify(np.asarray(r.geom.coords), graph.cs / 3.0)
        sources.update(graph.node(d[:, 0], d[:, 1]).tolist())
    pred = graph.nearest_source(sorted(sources))
    for v in villages:
        vx, vy = v.xy
        if junctions.distance(Point(vx, vy)) < VILLAGE_ROAD_REACH:
            cpts = [(vx, vy)]
        else:
            chain = graph.walk(pred, int(graph.node(vx, vy)))
            cpts = [(vx, vy)] + [graph.centre(k) for k in chain[1:]]
            if len(cpts) > 2:
                cpts = [tuple(p) for p in chaikin(np.asarray(LineString(cpts).simplify(graph.cs * 0.4).coords), 2)]
        end = junctions.attach(cpts[-1])
        if math.dist(cpts[-1], end) < 1.0 and len(cpts) > 1:
            cpts[-1] = end
        else:
            cpts.append(end)
        line = LineString(cpts)
        if boundary.contains(line):
            roads.append(RoadLine(line, "local", f"village road 村道 ({v.name})"))
    return roads


def build_roads(grid, boundary, valley, terrain, landcover, towns, streets, villages):
    """Features of the `roads` layer: a noded, connected network digitised in the travel
    direction, with class, speed and one-way flag."""
    graph = _cost_graph(grid, boundary, terrain, landcover)
    trunk = _arterial(valley, towns, boundary) + streets + _county_roads(graph, towns)
    # noded once before the villages join it, so that street fragments cut off by the rivers
    # are gone and village roads only attach to the connected network
    network = node_network(_clip(trunk, boundary))
    segs = node_network(_village_roads(graph, network, villages, boundary))
    return [
        (
            s.geom,
            {
                "road_id": i,
                "class": s.road_class,
                "speed_kmh": ROAD_SPEED[s.road_class],
                "oneway": int(s.oneway),
                "name": s.name,
                "length_m": round(s.geom.length, 2),
            },
        )
        for i, s in enumerate(segs, start=1)
    ]
