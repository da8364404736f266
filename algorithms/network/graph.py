"""Road networks for routing: a graph of straight segments built from road lines.

Every vertex of every road line is a node, as in QGIS's network analysis library, and every
pair of consecutive vertices is a segment; vertices closer than the snapping tolerance become
one node, which is how roads that were digitised to meet are joined. Crossing roads that share
no vertex stay apart (bridges, flyovers) unless the lines are split at their crossings.
Points (residents, facilities) join the network at the nearest point of the nearest segment,
which is split there, so a route starts where the resident reaches the road, not at the
nearest junction. Node ids never change when segments are split; segment ids do.

Coordinates are in the layer's projected CRS, in metres; the caller rejects degrees and Web
Mercator before anything is measured here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree
from shapely.geometry import LineString, MultiLineString
from shapely.ops import unary_union

from ..common.messages import InputError, tr

BOTH_WAYS, FORWARD, BACKWARD = 0, 1, -1
#: A split closer than this to a segment end (in metres) reuses the end node.
SPLIT_EPS = 1e-6


@dataclass(frozen=True)
class RoadNetwork:
    """Nodes and straight segments of a road network.

    `speed` is the segment's speed in km/h (NaN = the caller's default); `direction` says in
    which direction traffic may use the segment: 0 both ways, 1 only from `a` to `b`,
    −1 only from `b` to `a`; `road` is the index of the road line the segment comes from.
    """

    xy: np.ndarray
    a: np.ndarray
    b: np.ndarray
    speed: np.ndarray
    direction: np.ndarray
    road: np.ndarray

    @property
    def n_nodes(self) -> int:
        return len(self.xy)

    @property
    def n_segments(self) -> int:
        return len(self.a)

    @property
    def length(self) -> np.ndarray:
        """Segment lengths in metres."""
        return np.hypot(*(self.xy[self.b] - self.xy[self.a]).T)

    def segments_xy(self) -> tuple[np.ndarray, np.ndarray]:
        return self.xy[self.a], self.xy[self.b]

    def keep(self, mask: np.ndarray) -> "RoadNetwork":
        """The network with only the segments where `mask` is true (nodes are kept)."""
        return replace(self, a=self.a[mask], b=self.b[mask], speed=self.speed[mask], direction=self.direction[mask], road=self.road[mask])


def build_network(
    roads: Sequence[np.ndarray],
    speed: Sequence[float] | None = None,
    direction: Sequence[int] | None = None,
    *,
    tolerance: float = 0.0,
    split_crossings: bool = False,
) -> RoadNetwork:
    """The network of `roads`, each an (n, 2) array of vertices in metres.

    `speed` (km/h, NaN = default) and `direction` (0 both ways, 1 along the digitised
    direction, −1 against it) are per road; a speed of 0 or less, or an infinite one, raises
    InputError (a zero speed would make a road infinitely long in time, a negative one would
    make travel pay back time). Vertices within `tolerance` metres of each other
    (transitively) become one node placed at the first of them. With `split_crossings`, roads
    are also joined where they cross or touch without a shared vertex.
    """
    n_roads = len(roads)
    speeds = np.full(n_roads, np.nan) if speed is None else np.asarray(speed, dtype=float)
    directions = np.zeros(n_roads, dtype=np.int8) if direction is None else np.asarray(direction, dtype=np.int8)
    if len(speeds) != n_roads or len(directions) != n_roads:
        raise ValueError("one speed and one direction per road")
    bad = np.flatnonzero(~np.isnan(speeds) & ~(np.isfinite(speeds) & (speeds > 0)))
    if bad.size:
        raise InputError(
            tr("Road speeds must be positive numbers of km/h; {count} roads have a speed of 0 or less or an infinite one (roads {roads})"),
            count=int(bad.size),
            roads=_listed(bad),
        )
    lines = [np.asarray(r, dtype=float).reshape(-1, 2) for r in roads]
    keep = [i for i, r in enumerate(lines) if len(r) >= 2 and np.isfinite(r).all()]
    lines, source = [lines[i] for i in keep], np.asarray(keep, dtype=np.int64)
    if split_crossings and lines:
        lines, pick = _noded(lines)
        source = source[pick]
    if not lines:
        raise InputError(tr("The road layer has no line with at least two vertices"))
    counts = np.array([len(r) for r in lines])
    vertices = np.concatenate(lines)
    node_of_vertex, xy = _merge_vertices(vertices, tolerance)
    ends = np.cumsum(counts)
    first = np.ones(len(vertices), dtype=bool)
    first[ends[:-1]] = False  # a segment joins vertex k−1 to k inside one road
    first[0] = False
    seg_end = np.flatnonzero(first)
    a, b = node_of_vertex[seg_end - 1], node_of_vertex[seg_end]
    road_of_vertex = np.repeat(source, counts)
    road = road_of_vertex[seg_end]
    real = a != b
    if not real.any():
        raise InputError(
            tr("At a snapping tolerance of {tolerance:g} m every road shrinks to a point: no road segment is left; use a smaller tolerance"),
            tolerance=float(tolerance),
        )
    return RoadNetwork(
        xy=xy,
        a=a[real],
        b=b[real],
        speed=speeds[road[real]],
        direction=directions[road[real]],
        road=road[real],
    )


def _listed(indices: np.ndarray, limit: int = 5) -> str:
    """'3, 7, 9 …' for messages: the first few 0-based indices."""
    text = ", ".join(str(int(i)) for i in indices[:limit])
    return text + (" …" if len(indices) > limit else "")


def _merge_vertices(vertices: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id per vertex and node coordinates (each node at its first vertex)."""
    if tolerance <= 0:
        xy, first, inverse = np.unique(vertices, axis=0, return_index=True, return_inverse=True)
        inverse = inverse.ravel()
    else:
        pairs = cKDTree(vertices).query_pairs(tolerance, output_type="ndarray")
        n = len(vertices)
        graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    # Number nodes in order of first appearance so that ids do not depend on coordinates.
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse], vertices[first[order]]


def _noded(lines: list[np.ndarray]) -> tuple[list[np.ndarray], np.ndarray]:
    """The lines cut at every crossing, each piece with the index of the line it lies on,
    oriented as that line (one-way roads keep their direction)."""
    originals = [LineString(r) for r in lines]
    merged = unary_union(MultiLineString(originals))
    pieces = list(getattr(merged, "geoms", [merged]))
    bounds = np.array([g.bounds for g in originals])
    out, pick = [], []
    for piece in pieces:
        coords = np.asarray(piece.coords)
        probe = piece.interpolate(0.5, normalized=True)
        x, y = probe.x, probe.y
        near = np.flatnonzero((bounds[:, 0] <= x + 1e-6) & (bounds[:, 2] >= x - 1e-6) & (bounds[:, 1] <= y + 1e-6) & (bounds[:, 3] >= y - 1e-6))
        owner = int(near[np.argmin([originals[i].distance(probe) for i in near])])
        line = originals[owner]
        if line.project(piece.interpolate(0.0)) > line.project(piece.interpolate(1.0, normalized=True)):
            coords = coords[::-1]
        out.append(coords)
        pick.append(owner)
    return out, np.asarray(pick, dtype=np.int64)


def split_segments(net: RoadNetwork, segment: np.ndarray, t: np.ndarray) -> tuple[RoadNetwork, np.ndarray]:
    """Split segments at fractions `t` (0 = at `a`, 1 = at `b`) of their length.

    Returns the new network and the node of each split point: an end node when the point is
    within SPLIT_EPS metres of it, a new node otherwise (points at the same place share it).
    Each piece keeps the speed, direction and road of its segment.
    """
    segment = np.asarray(segment, dtype=np.int64)
    t = np.clip(np.asarray(t, dtype=float), 0.0, 1.0)
    length = net.length[segment]
    at_a = t * length <= SPLIT_EPS
    at_b = (1.0 - t) * length <= SPLIT_EPS
    node = np.where(at_a, net.a[segment], net.b[segment])
    inner = ~(at_a | at_b)
    if not inner.any():
        return net, node
    keys = np.stack([segment[inner], np.round(t[inner] * length[inner] / SPLIT_EPS)], axis=1)
    unique_keys, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    cut_seg = unique_keys[:, 0].astype(np.int64)
    cut_t = t[inner][first]
    new_nodes = net.n_nodes + np.arange(len(unique_keys))
    node[inner] = new_nodes[inverse.ravel()]
    xa, xb = net.xy[net.a[cut_seg]], net.xy[net.b[cut_seg]]
    xy = np.concatenate([net.xy, xa + cut_t[:, None] * (xb - xa)])
    # unique_keys are sorted by segment then position, so consecutive cuts of one segment chain.
    same_next = np.append(cut_seg[1:] == cut_seg[:-1], False)
    same_prev = np.insert(cut_seg[1:] == cut_seg[:-1], 0, False)
    piece_a = np.where(same_prev, np.roll(new_nodes, 1), net.a[cut_seg])
    piece_b = new_nodes
    last = ~same_next
    piece_seg = np.concatenate([cut_seg, cut_seg[last]])
    piece_a = np.concatenate([piece_a, new_nodes[last]])
    piece_b = np.concatenate([piece_b, net.b[cut_seg[last]]])
    untouched = np.ones(net.n_segments, dtype=bool)
    untouched[cut_seg] = False
    parent = np.concatenate([np.flatnonzero(untouched), piece_seg])
    split = RoadNetwork(
        xy=xy,
        a=np.concatenate([net.a[untouched], piece_a]),
        b=np.concatenate([net.b[untouched], piece_b]),
        speed=net.speed[parent],
        direction=net.direction[parent],
        road=net.road[parent],
    )
    return split, node


@dataclass(frozen=True)
class Snapped:
    """Where points join the network: the segment (−1 = farther than the maximum snap
    distance: unreachable), the fraction along it, and the straight access distance (m)."""

    segment: np.ndarray
    t: np.ndarray
    distance: np.ndarray

    @property
    def reached(self) -> np.ndarray:
        return self.segment >= 0


def snap_points(net: RoadNetwork, points: np.ndarray, max_distance: float = np.inf) -> Snapped:
    """The nearest point of the network to each point, if within `max_distance` metres.

    Exact: the segments are sampled at most `s` metres apart, the nearest sample bounds the
    distance d₀ to the network, and every segment with a sample within d₀ + s/2 is measured.
    Ties go to the segment with the lowest id, so results do not depend on input order.
    Points with a NaN or infinite coordinate reach nothing; with `max_distance` 0 only points
    lying exactly on a segment are reached.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    n = len(points)
    located = np.isfinite(points).all(axis=1)
    if not located.all():
        # Points without usable coordinates reach nothing.
        inner = snap_points(net, points[located], max_distance)
        segment = np.full(n, -1, dtype=np.int64)
        frac, dist = np.zeros(n), np.full(n, np.inf)
        segment[located], frac[located], dist[located] = inner.segment, inner.t, inner.distance
        return Snapped(segment, frac, dist)
    if n == 0 or net.n_segments == 0:
        return Snapped(np.full(n, -1, dtype=np.int64), np.zeros(n), np.full(n, np.inf))
    length = net.length
    spacing = float(np.clip(max_distance / 2.0 if np.isfinite(max_distance) else 100.0, 5.0, 100.0))
    per_segment = np.maximum(1, np.ceil(length / spacing)).astype(np.int64)
    sample_seg = np.repeat(np.arange(net.n_segments), per_segment)
    offsets = np.arange(len(sample_seg)) - np.repeat(np.cumsum(per_segment) - per_segment, per_segment)
    sample_t = (offsets + 0.5) / per_segment[sample_seg]
    xa, xb = net.segments_xy()
    samples = xa[sample_seg] + sample_t[:, None] * (xb[sample_seg] - xa[sample_seg])
    tree = cKDTree(samples)
    _, nearest = tree.query(points)
    d0, _ = _point_segment(points, xa[sample_seg[nearest]], xb[sample_seg[nearest]])
    radius = np.minimum(d0, max_distance) + spacing / 2.0 + 1e-9
    candidates = tree.query_ball_point(points, radius)
    sizes = np.fromiter((len(c) for c in candidates), dtype=np.int64, count=n)
    owner = np.repeat(np.arange(n), sizes)
    cand_seg = sample_seg[np.concatenate([np.asarray(c, dtype=np.int64) for c in candidates])] if sizes.sum() else np.zeros(0, np.int64)
    distance, t = _point_segment(points[owner], xa[cand_seg], xb[cand_seg])
    order = np.lexsort((cand_seg, distance, owner))
    owner, cand_seg, distance, t = owner[order], cand_seg[order], distance[order], t[order]
    segment = np.full(n, -1, dtype=np.int64)
    frac = np.zeros(n)
    dist = np.full(n, np.inf)
    if len(owner):  # none when every point is farther than max_distance from the network
        best = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        segment[owner[best]], frac[owner[best]], dist[owner[best]] = cand_seg[best], t[best], distance[best]
    far = dist > max_distance
    segment[far] = -1
    return Snapped(segment, frac, dist)


def _point_segment(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance from points p to segments ab and the fraction t of the nearest point."""
    ab = b - a
    squared = np.einsum("ij,ij->i", ab, ab)
    t = np.where(squared > 0, np.einsum("ij,ij->i", p - a, ab) / np.where(squared > 0, squared, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    nearest = a + t[:, None] * ab
    return np.hypot(*(p - nearest).T), t


def attach_points(net: RoadNetwork, snapped: Snapped) -> tuple[RoadNetwork, np.ndarray]:
    """Split the network where the reached points join it; the node of each point (−1 for
    points that were not reached)."""
    nodes = np.full(len(snapped.segment), -1, dtype=np.int64)
    reached = snapped.reached
    net, nodes[reached] = split_segments(net, snapped.segment[reached], snapped.t[reached])
    return net, nodes
