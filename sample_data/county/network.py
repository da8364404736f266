"""A planar, connected road network from overlapping road lines.

Lines are split where they cross, overlapping pieces keep the highest road class, end nodes
within 1 cm are merged, stubs under 3 m are pruned and only the largest connected part is kept,
so that every intersection is a shared vertex and the network is routable.
"""

import warnings
from dataclasses import dataclass

import numpy as np
import shapely
from scipy.spatial import cKDTree
from shapely.geometry import LineString
from shapely.ops import unary_union
from shapely.strtree import STRtree

from .geometry import follow, lines

SHAPELY_2 = int(shapely.__version__.split(".")[0]) >= 2

ROAD_CLASSES = ("arterial", "collector", "local")  # highest first


@dataclass
class RoadLine:
    geom: LineString
    road_class: str  # one of ROAD_CLASSES
    name: str
    oneway: int = 0  # 1: traffic only in the direction of `direction`
    direction: tuple = None  # (dx, dy): pieces are digitised along it; None: along geom


class LineIndex:
    """Bounding-box index over geoms whose queries return sorted list indices, on shapely 1.8
    (whose STRtree returns geometries, or `items` through query_items) and 2 (indices)."""

    def __init__(self, geoms):
        if SHAPELY_2:
            self._tree = STRtree(geoms)
        else:
            with warnings.catch_warnings():
                # shapely 1.8 warns that `items` changes in 2.0, which is handled above
                warnings.simplefilter("ignore")
                self._tree = STRtree(geoms, items=list(range(len(geoms))))

    def query_items(self, geom):
        """Indices of the geoms whose bounding box meets that of geom, in increasing order."""
        found = self._tree.query(geom) if SHAPELY_2 else self._tree.query_items(geom)
        return sorted(int(k) for k in found)


class _DisjointSet:
    """Union-find with path halving; the smaller index becomes the root."""

    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, i):
        """Root of i."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i, j):
        """Merge the sets of i and j."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _ends(seg):
    """First and last vertex of a segment."""
    return seg.coords[0], seg.coords[-1]


def _degree(segs):
    """{end point: number of segment ends there}."""
    deg = {}
    for s in segs:
        for p in _ends(s):
            deg[p] = deg.get(p, 0) + 1
    return deg


def _length(seg):
    """Length (m) of a segment."""
    return LineString(seg.coords).length


@dataclass
class _Segment:
    coords: list
    road_class: str
    oneway: int
    name: str


def _split_at_crossings(road_lines):
    """Pieces between crossings, each with the attributes of the highest-class line under it
    and digitised along that line's direction."""
    geoms = [r.geom for r in road_lines]
    tree = LineIndex(geoms)
    segs = []
    for piece in lines(unary_union(geoms)):
        if piece.length < 1e-6:
            continue
        mid = piece.interpolate(0.5, normalized=True)
        on = [k for k in (tree.query_items(mid.buffer(0.01))) if geoms[k].distance(mid) < 1e-5]
        if not on:
            continue
        src = road_lines[min(on, key=lambda k: ROAD_CLASSES.index(road_lines[k].road_class))]
        coords = list(piece.coords)
        if src.direction is not None:
            d = src.direction
            if (coords[-1][0] - coords[0][0]) * d[0] + (coords[-1][1] - coords[0][1]) * d[1] < 0:
                coords = coords[::-1]
        else:
            coords = follow(coords, src.geom)
        segs.append(_Segment(coords, src.road_class, src.oneway, src.name))
    return segs


def _snap_ends(segs):
    """Merge end nodes closer than 1 cm (onto the first of them); drop segments that become
    shorter than 5 cm or closed."""
    ends = np.array([c for s in segs for c in _ends(s)])
    nodes = _DisjointSet(len(ends))
    for i, j in sorted(cKDTree(ends).query_pairs(0.01)):
        nodes.union(i, j)
    for k, s in enumerate(segs):
        s.coords[0] = tuple(ends[nodes.find(2 * k)])
        s.coords[-1] = tuple(ends[nodes.find(2 * k + 1)])
    return [s for s in segs if _length(s) > 0.05 and s.coords[0] != s.coords[-1]]


def _prune_stubs(segs):
    """Remove dangling segments under 3 m (left by clipping and noding) until none is left."""
    while True:
        deg = _degree(segs)
        keep = [s for s in segs if not (_length(s) < 3.0 and (deg[s.coords[0]] == 1 or deg[s.coords[-1]] == 1))]
        if len(keep) == len(segs):
            return segs
        segs = keep


def _largest_component(segs):
    """The segments of the connected component with the greatest total length."""
    index = {}
    for s in segs:
        for p in _ends(s):
            index.setdefault(p, len(index))
    parts = _DisjointSet(len(index))
    for s in segs:
        parts.union(index[s.coords[0]], index[s.coords[-1]])
    comp_len = {}
    for s in segs:
        r = parts.find(index[s.coords[0]])
        comp_len[r] = comp_len.get(r, 0.0) + _length(s)
    main = max(sorted(comp_len), key=lambda r: comp_len[r])
    return [s for s in segs if parts.find(index[s.coords[0]]) == main]


def node_network(road_lines):
    """The planar network (RoadLines, digitised in their travel direction) of road_lines.

    A collector ending in a dead end (e.g. a bridge street at the town edge) becomes a local
    street, so that collectors always join other roads at both ends.
    """
    segs = _largest_component(_prune_stubs(_snap_ends(_split_at_crossings(road_lines))))
    deg = _degree(segs)
    for s in segs:
        if s.road_class == "collector" and (deg[s.coords[0]] < 2 or deg[s.coords[-1]] < 2):
            s.road_class = "local"
    return [RoadLine(LineString(s.coords), s.road_class, s.name, s.oneway) for s in segs]
