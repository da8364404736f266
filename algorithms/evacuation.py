"""Safe evacuation routes: shortest paths to shelters that keep out of hazard zones.

Two ways to treat the roads inside hazard zones (polygons, dissolved so that they do not
overlap, and the network cut at their boundaries):

* AVOID: they are closed, except that people who start inside a zone may use the roads of
  that zone to get out of it. This is exact, not a penalty: each start zone Z gets a
  two-layer graph, layer A holding the roads of Z and layer B the roads outside every zone,
  joined by one-way links A → B at every node. A route starts in layer A, so it can only
  travel inside Z and then outside all zones; it can never enter another zone, nor come
  back into Z once it has left.
* PENALISE: every road is open; a road inside a zone costs `penalty` times its cost.

A hazard raster (degrees 0–1, sampled along the roads) multiplies each road's cost by
1 + (penalty − 1)·h̄, h̄ being the mean degree along it: a road at the highest hazard costs as
much as one inside a penalised zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from .network import RoadNetwork
from .costs import CostMatrix
from .routing import Endpoints, Graph, build_graph, graph_from_arcs, path_nodes, road_arcs, trees_to

AVOID, PENALISE = 0, 1


def hazard_costs(cost: np.ndarray, zone: np.ndarray, mode: int, penalty: float, degree: np.ndarray | None) -> np.ndarray:
    """Segment costs with the hazard penalties: × penalty inside zones (PENALISE mode) and
    × (1 + (penalty − 1)·h̄) for a raster degree h̄."""
    weighted = cost.copy()
    if degree is not None:
        weighted *= 1.0 + (penalty - 1.0) * degree
    if mode == PENALISE:
        weighted = np.where(zone >= 0, weighted * penalty, weighted)
    return weighted


@dataclass(frozen=True)
class Route:
    demand: int
    shelter: int
    nodes: list[int]
    segments: np.ndarray


class EvacuationGraphs:
    """The graphs people use to reach shelters, one per start zone in AVOID mode.

    `start_zone[i]` is the zone demand point i stands in (−1 outside every zone). Shelters
    are reached in layer B, so a shelter standing on a closed road is unreachable in AVOID
    mode; in PENALISE mode there is a single graph.
    """

    def __init__(
        self,
        net: RoadNetwork,
        cost: np.ndarray,
        zone: np.ndarray,
        mode: int,
        demand: Endpoints,
        start_zone: np.ndarray,
        shelters: Endpoints,
    ):
        self.net, self.cost, self.zone, self.mode = net, cost, zone, mode
        self.demand, self.shelters = demand, shelters
        self.group = np.where(start_zone >= 0, start_zone, -1) if mode == AVOID else np.full(len(demand), -1)

    def graphs(self) -> Iterator[tuple[int, Graph, np.ndarray]]:
        """(start zone, its graph, the node of each demand point of that zone in it)."""
        n = self.net.n_nodes
        outside = self.zone < 0 if self.mode == AVOID else np.ones(self.net.n_segments, dtype=bool)
        safe_rows, safe_cols, safe_seg = road_arcs(self.net, outside)
        for z in np.unique(self.group):
            members = np.flatnonzero(self.group == z)
            if z < 0:
                graph = build_graph(self.net, self.cost, ~outside)
                yield int(z), graph, self.demand.node[members]
                continue
            zone_rows, zone_cols, zone_seg = road_arcs(self.net, self.zone == z)
            every = np.arange(n)
            rows = np.concatenate([safe_rows, zone_rows + n, every + n])
            cols = np.concatenate([safe_cols, zone_cols + n, every])
            segment = np.concatenate([safe_seg, zone_seg, np.full(n, -1)])
            cost = np.concatenate([self.cost[safe_seg], self.cost[zone_seg], np.zeros(n)])
            start = np.where(self.demand.node[members] >= 0, self.demand.node[members] + n, -1)
            yield int(z), graph_from_arcs(rows, cols, cost, segment, 2 * n), start

    def pairs(self) -> CostMatrix:
        """Costs from every demand point to every shelter it can reach safely."""
        parts = []
        reached = np.flatnonzero(self.shelters.node >= 0)
        for z, graph, start in self.graphs():
            members = np.flatnonzero(self.group == z)
            ok = start >= 0
            trees = trees_to(graph, self.shelters.node[reached])
            cost = trees.cost[:, start[ok]].T + self.demand.access[members[ok]][:, None] + self.shelters.access[reached][None, :]
            i, k = np.nonzero(np.isfinite(cost))
            parts.append((members[ok][i], reached[k], cost[i, k]))
        if parts:
            origin, destination, cost = (np.concatenate(x) for x in zip(*parts))
        else:
            origin = destination = np.zeros(0, dtype=np.int64)
            cost = np.zeros(0)
        return CostMatrix(origin, destination, cost, len(self.demand), len(self.shelters))

    def routes(self, demand: np.ndarray, shelter: np.ndarray) -> list[Route]:
        """The route of each (demand point, shelter) pair, which must be reachable."""
        found: list[Route] = []
        n = self.net.n_nodes
        for z, graph, start in self.graphs():
            members = np.flatnonzero(self.group == z)
            position = {int(m): k for k, m in enumerate(members)}
            wanted = [(int(i), int(j)) for i, j in zip(demand, shelter) if int(i) in position]
            if not wanted:
                continue
            targets = np.unique([j for _, j in wanted])
            trees = trees_to(graph, self.shelters.node[targets])
            row = {int(j): k for k, j in enumerate(targets)}
            for i, j in wanted:
                nodes = path_nodes(trees.next_node[row[j]], int(start[position[i]]))
                segments = graph.arc_segments(nodes)
                plain = [v % n for v in nodes]
                plain = [v for k, v in enumerate(plain) if k == 0 or v != plain[k - 1]]  # the A → B link
                found.append(Route(i, j, plain, segments[segments >= 0]))
        order = {(int(i), int(j)): k for k, (i, j) in enumerate(zip(demand, shelter))}
        return sorted(found, key=lambda r: order[(r.demand, r.shelter)])
