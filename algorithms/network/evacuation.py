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

Shelters inside hazard zones (the shelter's point in a zone polygon, boundary included):

* AVOID: such a shelter receives nobody — nobody is sent into a hazard zone to shelter
  there, not even the people who start in that same zone (they must leave it like everybody
  else). A shelter outside every zone whose access road runs inside one is reached only by
  the people who start in that zone (they leave the zone on the way to it).
* PENALISE: such a shelter stays usable; the roads inside the zone that lead to it cost
  `penalty` times more, so it receives the people for whom it is still the cheapest. The
  caller reports how many.

A hazard raster (degrees 0–1, sampled along the roads) multiplies each road's cost by
1 + (penalty − 1)·h̄, h̄ being the mean degree along it: a road at the highest hazard costs as
much as one inside a penalised zone.

Every long loop (start zones, groups of shelters, batches of the transportation problem)
checks a `cancelled` callback and raises Cancelled when it returns True.

:func:`graphs_around_zones` builds the graphs from the zone polygons (refusing a penalty that
overflows) and :func:`evacuate` runs the chain pairs → flows → routes → measures; what a run
means for the user (who is left and why, totals, warnings) is in evacuation_summary.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from ..common.messages import InputError, tr
from ..common.progress import CancelCheck, Cancelled, Progress
from .costs import CostMatrix
from .coverage import nearest_facility
from .graph import RoadNetwork
from .location import transportation
from .routing import ROW_BYTES, Endpoints, Graph, Trees, graph_from_arcs, path_nodes, road_arcs, trees_to
from .zones import zone_of_points, zone_of_segments

AVOID, PENALISE = 0, 1
#: The transportation problem is solved on whole connected groups of residents and shelters
#: gathered into batches of at least this many pairs; cancellation is checked between batches.
BATCH_PAIRS = 50_000

Cancel = CancelCheck


def _check(cancelled: Cancel) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


def _graph(rows: np.ndarray, cols: np.ndarray, cost: np.ndarray, segment: np.ndarray, n_nodes: int) -> Graph:
    """routing.graph_from_arcs, also when there is no arc at all (every road closed)."""
    if len(rows) == 0:
        return Graph(csr_matrix((n_nodes, n_nodes)), np.zeros(0, dtype=np.int64))
    return graph_from_arcs(rows, cols, cost, segment, n_nodes)


def hazard_costs(cost: np.ndarray, zone: np.ndarray, mode: int, penalty: float, degree: np.ndarray | None) -> np.ndarray:
    """Segment costs with the hazard penalties: × penalty inside zones (PENALISE mode) and
    × (1 + (penalty − 1)·h̄) for a raster degree h̄. A penalty too large for floating point
    gives infinite costs, which the caller must refuse."""
    weighted = cost.copy()
    with np.errstate(over="ignore"):
        if degree is not None:
            weighted *= 1.0 + (penalty - 1.0) * degree
        if mode == PENALISE:
            weighted = np.where(zone >= 0, weighted * penalty, weighted)
    return weighted


def checked_hazard_costs(cost: np.ndarray, zone: np.ndarray, mode: int, penalty: float, degree: np.ndarray | None) -> np.ndarray:
    """:func:`hazard_costs`, refusing (InputError) a penalty so large that a cost overflows."""
    weighted = hazard_costs(cost, zone, mode, penalty, degree)
    if not np.isfinite(weighted).all():
        raise InputError(
            tr(
                "PENALTY {penalty:g} makes the road costs overflow; give a smaller penalty (1000 already makes a road inside a zone cost as "
                "much as 1000 outside)"
            ),
            penalty=penalty,
        )
    return weighted


@dataclass(frozen=True)
class Route:
    demand: int
    shelter: int
    nodes: list[int]
    segments: np.ndarray


@dataclass(frozen=True)
class Flows:
    """`people` persons of demand point `demand` go to shelter `shelter` (one row per flow)."""

    demand: np.ndarray
    shelter: np.ndarray
    people: np.ndarray

    def __len__(self) -> int:
        return len(self.demand)

    def evacuated(self, n_demand: int) -> np.ndarray:
        """People of each demand point who have a route."""
        return np.bincount(self.demand, weights=self.people, minlength=n_demand) if len(self) else np.zeros(n_demand)

    def load(self, n_shelters: int) -> np.ndarray:
        """People sent to each shelter."""
        return np.bincount(self.shelter, weights=self.people, minlength=n_shelters) if len(self) else np.zeros(n_shelters)


@dataclass(frozen=True)
class RouteMeasures:
    """Per route (one per flow): `people` moved, `length_m` along the roads plus both access
    legs (m), `time_min` (roads at their speeds, access legs walked), `hazard_m` the length of
    road inside hazard zones (m)."""

    people: np.ndarray
    length_m: np.ndarray
    time_min: np.ndarray
    hazard_m: np.ndarray

    @property
    def evacuated(self) -> float:
        return float(self.people.sum())

    def per_person(self, values: np.ndarray) -> float:
        """Σ people·value / Σ people, the mean over the people moved (0 when nobody moves)."""
        total = self.evacuated
        return float((values * self.people).sum() / total) if total > 0 else 0.0


def route_measures(
    routes: list[Route], people: np.ndarray, length: np.ndarray, minutes: np.ndarray, zone: np.ndarray, access_demand, access_shelter, walk: float
) -> RouteMeasures:
    """Length, time and hazard length of each route.

    For route r from demand i to shelter j over segments S: length = Σ_{s∈S} length_s + a_i + b_j,
    time = Σ_{s∈S} minutes_s + (a_i + b_j) / walk, hazard = Σ_{s∈S, zone_s ≥ 0} length_s, with a_i and
    b_j the access legs (m) from the points to the roads and `walk` the walking speed (m/min)."""
    n = len(routes)
    length_m, time_min, hazard_m = np.zeros(n), np.zeros(n), np.zeros(n)
    for k, route in enumerate(routes):
        s = route.segments
        access = float(access_demand[route.demand] + access_shelter[route.shelter])
        length_m[k] = float(length[s].sum() + access)
        time_min[k] = float(minutes[s].sum() + access / walk)
        hazard_m[k] = float(length[s][zone[s] >= 0].sum())
    return RouteMeasures(np.asarray(people, dtype=float)[:n], length_m, time_min, hazard_m)


def _empty_flows() -> Flows:
    return Flows(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))


class EvacuationGraphs:
    """The graphs people use to reach shelters, one per start zone in AVOID mode.

    `start_zone[i]` is the zone demand point i stands in (−1 outside every zone), and
    `shelter_zone[j]` the zone shelter j stands in (None: every shelter outside). Shelters are
    reached in layer B; in AVOID mode the shelters inside a zone are never destinations
    (`usable` is False for them), see the module's rule. In PENALISE mode there is a single
    graph and every shelter on the network is usable. `cancelled` is checked for every start
    zone and every group of shelters (raises Cancelled).
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
        *,
        shelter_zone: np.ndarray | None = None,
        cancelled: Cancel = None,
    ):
        self.net, self.cost, self.zone, self.mode = net, cost, zone, mode
        self.demand, self.shelters = demand, shelters
        self.cancelled = cancelled
        self.group = np.where(start_zone >= 0, start_zone, -1) if mode == AVOID else np.full(len(demand), -1)
        self.shelter_zone = np.full(len(shelters), -1, dtype=np.int64) if shelter_zone is None else np.asarray(shelter_zone, dtype=np.int64)
        if len(self.shelter_zone) != len(shelters):
            raise ValueError("one zone per shelter")
        inside = self.shelter_zone >= 0 if mode == AVOID else np.zeros(len(shelters), dtype=bool)
        #: Shelters people may be sent to: on the network, and outside every zone in AVOID mode.
        self.usable = (shelters.node >= 0) & ~inside

    def graphs(self) -> Iterator[tuple[int, Graph, np.ndarray]]:
        """(start zone, its graph, the node of each demand point of that zone in it)."""
        n = self.net.n_nodes
        outside = self.zone < 0 if self.mode == AVOID else np.ones(self.net.n_segments, dtype=bool)
        safe_rows, safe_cols, safe_seg = road_arcs(self.net, outside)
        for z in np.unique(self.group):
            _check(self.cancelled)
            members = np.flatnonzero(self.group == z)
            if z < 0:
                yield int(z), _graph(safe_rows, safe_cols, self.cost[safe_seg], safe_seg, n), self.demand.node[members]
                continue
            zone_rows, zone_cols, zone_seg = road_arcs(self.net, self.zone == z)
            every = np.arange(n)
            rows = np.concatenate([safe_rows, zone_rows + n, every + n])
            cols = np.concatenate([safe_cols, zone_cols + n, every])
            segment = np.concatenate([safe_seg, zone_seg, np.full(n, -1)])
            cost = np.concatenate([self.cost[safe_seg], self.cost[zone_seg], np.zeros(n)])
            start = np.where(self.demand.node[members] >= 0, self.demand.node[members] + n, -1)
            yield int(z), _graph(rows, cols, cost, segment, 2 * n), start

    def _trees(self, graph: Graph, shelters: np.ndarray) -> Iterator[tuple[np.ndarray, Trees]]:
        """Shortest-path trees towards groups of shelters, about ROW_BYTES of them at a time."""
        per_row = 12 * max(graph.matrix.shape[0], 1)  # float64 cost + int32 predecessor per node
        step = max(1, ROW_BYTES // per_row)
        for lo in range(0, len(shelters), step):
            _check(self.cancelled)
            chunk = shelters[lo : lo + step]
            yield chunk, trees_to(graph, self.shelters.node[chunk])

    def pairs(self) -> CostMatrix:
        """Costs from every demand point to every usable shelter it can reach safely."""
        parts = []
        reached = np.flatnonzero(self.usable)
        for z, graph, start in self.graphs():
            members = np.flatnonzero(self.group == z)
            ok = start >= 0
            if not ok.any() or not len(reached):
                continue
            for chunk, trees in self._trees(graph, reached):
                cost = trees.cost[:, start[ok]].T + self.demand.access[members[ok]][:, None] + self.shelters.access[chunk][None, :]
                i, k = np.nonzero(np.isfinite(cost))
                parts.append((members[ok][i], chunk[k], cost[i, k]))
        if parts:
            origin, destination, cost = (np.concatenate(x) for x in zip(*parts))
        else:
            origin = destination = np.zeros(0, dtype=np.int64)
            cost = np.zeros(0)
        return CostMatrix(origin, destination, cost, len(self.demand), len(self.shelters))

    def routes(self, demand: np.ndarray, shelter: np.ndarray) -> list[Route]:
        """The route of each (demand point, shelter) pair, which must be reachable and usable."""
        demand, shelter = np.asarray(demand, dtype=np.int64), np.asarray(shelter, dtype=np.int64)
        if len(shelter) and not self.usable[shelter].all():
            raise ValueError("a route was asked to a shelter that may not be used")
        found: list[Route] = []
        n = self.net.n_nodes
        for z, graph, start in self.graphs():
            members = np.flatnonzero(self.group == z)
            position = {int(m): k for k, m in enumerate(members)}
            wanted = [(int(i), int(j)) for i, j in zip(demand, shelter) if int(i) in position]
            if not wanted:
                continue
            targets = np.unique([j for _, j in wanted])
            for chunk, trees in self._trees(graph, targets):
                row = {int(j): k for k, j in enumerate(chunk)}
                for i, j in wanted:
                    if j not in row:
                        continue
                    nodes = path_nodes(trees.next_node[row[j]], int(start[position[i]]))
                    segments = graph.arc_segments(nodes)
                    plain = [v % n for v in nodes]
                    plain = [v for k, v in enumerate(plain) if k == 0 or v != plain[k - 1]]  # the A → B link
                    found.append(Route(i, j, plain, segments[segments >= 0]))
        order = {(int(i), int(j)): k for k, (i, j) in enumerate(zip(demand, shelter))}
        return sorted(found, key=lambda r: order[(r.demand, r.shelter)])


def graphs_around_zones(
    net: RoadNetwork,
    cost: np.ndarray,
    zones: Sequence,
    mode: int,
    penalty: float,
    degree: np.ndarray | None,
    demand: Endpoints,
    demand_xy: np.ndarray,
    shelters: Endpoints,
    shelter_xy: np.ndarray,
    cancelled: Cancel = None,
) -> EvacuationGraphs:
    """The evacuation graphs around the hazard `zones` (dissolved polygons, the network already
    cut at their boundaries; none: no zone): the zone of each segment (by its midpoint), the
    segment costs `cost` with the hazard penalties (:func:`checked_hazard_costs`, `degree` the
    raster's mean hazard per segment or None), the zone each demand point starts in and the
    zone each shelter stands in (boundary included)."""
    zone = zone_of_segments(net, zones, cancelled)
    weighted = checked_hazard_costs(cost, zone, mode, penalty, degree)
    start_zone = zone_of_points(demand_xy, zones, cancelled)
    shelter_zone = zone_of_points(shelter_xy, zones, cancelled)
    return EvacuationGraphs(net, weighted, zone, mode, demand, start_zone, shelters, shelter_zone=shelter_zone, cancelled=cancelled)


def nearest_flows(pairs: CostMatrix, people: np.ndarray) -> Flows:
    """Everybody of demand point i to the cheapest shelter it can reach (ties: lowest index,
    :func:`coverage.nearest_facility`); points without people or without a reachable
    shelter have no flow."""
    people = np.asarray(people, dtype=float)
    shelter, _ = nearest_facility(pairs)
    o = np.flatnonzero((shelter >= 0) & (people > 0))
    return Flows(o, shelter[o], people[o])


#: Why residents were left without a route (:func:`left_behind_reasons`); 0 = nobody left.
LEFT_NONE, LEFT_OFF_ROAD, LEFT_EVERY_SHELTER_INSIDE, LEFT_NO_ROUTE_OUTSIDE, LEFT_NO_ROUTE, LEFT_SHELTERS_FULL = range(6)


def left_behind_reasons(on_network: np.ndarray, pairs: CostMatrix, left: np.ndarray, some_inside: bool, every_inside: bool) -> np.ndarray:
    """Why each demand point with people ``left`` > 0 was not (fully) evacuated, as a code
    per point, checked in this order: LEFT_OFF_ROAD (too far from any road to be snapped:
    ``on_network`` False), then, for a point without any safe pair in ``pairs``,
    LEFT_EVERY_SHELTER_INSIDE (avoid mode and every shelter inside a hazard zone),
    LEFT_NO_ROUTE_OUTSIDE (avoid mode, some shelters inside zones), LEFT_NO_ROUTE; for a
    point that has pairs, LEFT_SHELTERS_FULL (the shelters it reaches are full).  LEFT_NONE
    where nobody is left."""
    left = np.asarray(left, dtype=float)
    has_route = np.zeros(len(left), dtype=bool)
    has_route[pairs.demand] = True
    if every_inside:
        no_route = LEFT_EVERY_SHELTER_INSIDE
    elif some_inside:
        no_route = LEFT_NO_ROUTE_OUTSIDE
    else:
        no_route = LEFT_NO_ROUTE
    code = np.where(has_route, LEFT_SHELTERS_FULL, no_route)
    code = np.where(np.asarray(on_network, dtype=bool), code, LEFT_OFF_ROAD)
    return np.where(left > 0, code, LEFT_NONE).astype(np.int64)


def capacity_flows(
    pairs: CostMatrix,
    people: np.ndarray,
    capacity: np.ndarray,
    cancelled: Cancel = None,
    batch_pairs: int = BATCH_PAIRS,
) -> Flows:
    """People to shelters within capacity: location.transportation (most people placed, then
    the least total cost), solved separately on the connected groups of residents and
    shelters that share reachable pairs.

    The two linear programmes are separable over those groups (no constraint links two of
    them), so solving the groups apart gives the same optimum; groups are gathered into
    batches of at least `batch_pairs` pairs, and `cancelled` is checked before each batch and
    each of its two linear programmes (raises Cancelled). Shelters of capacity 0 receive
    nobody.
    """
    people = np.asarray(people, dtype=float)
    capacity = np.asarray(capacity, dtype=float)
    keep = (people[pairs.demand] > 0) & (capacity[pairs.candidate] > 0)
    d, j, c = pairs.demand[keep], pairs.candidate[keep], pairs.cost[keep]
    if not len(d):
        return _empty_flows()
    n_demand = pairs.n_demand
    size = n_demand + pairs.n_candidates
    links = coo_matrix((np.ones(len(d)), (d, n_demand + j)), shape=(size, size))
    _, label = connected_components(links, directed=False)
    group = label[d]
    order = np.argsort(group, kind="stable")
    d, j, c, group = d[order], j[order], c[order], group[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], len(d)]
    batches, lo = [], 0
    for end in ends:
        if end - lo >= batch_pairs or end == len(d):
            batches.append((lo, int(end)))
            lo = int(end)
    parts = []
    for lo, hi in batches:
        _check(cancelled)
        bd, bj, bc = d[lo:hi], j[lo:hi], c[lo:hi]
        rows, local_d = np.unique(bd, return_inverse=True)
        cols, local_j = np.unique(bj, return_inverse=True)
        solved = transportation(CostMatrix(local_d.ravel(), local_j.ravel(), bc, len(rows), len(cols)), people[rows], capacity[cols], cancelled)
        flows = solved.flows
        parts.append((rows[flows.demand], cols[flows.candidate], np.asarray(flows.amount, dtype=float)))
    _check(cancelled)
    o, s, p = (np.concatenate(x) for x in zip(*parts))
    return Flows(o.astype(np.int64), s.astype(np.int64), p)


@dataclass(frozen=True)
class Evacuation:
    """One evacuation: the safe resident–shelter `pairs` with their costs, the `flows`, one
    route per flow (same order), its `measures` and its cost with penalties (`route_cost`)."""

    pairs: CostMatrix
    flows: Flows
    routes: list[Route]
    measures: RouteMeasures
    route_cost: np.ndarray


def evacuate(
    graphs: EvacuationGraphs,
    people: np.ndarray,
    capacity: np.ndarray | None,
    minutes: np.ndarray,
    access_demand: np.ndarray,
    access_shelter: np.ndarray,
    walk: float,
    cancelled: Cancel = None,
    progress: Progress = None,
) -> Evacuation:
    """Send the `people` of each demand point to shelters over `graphs`: every one to the
    nearest shelter when `capacity` is None (:func:`nearest_flows`), else within the shelters'
    capacities (:func:`capacity_flows`); then the route of each flow and its measures
    (:func:`route_measures`: `minutes` per segment, access legs `access_demand`,
    `access_shelter` in m walked at `walk` m/min). `progress` receives 0.5 after the pairs,
    0.75 after the flows and 1 after the routes."""
    pairs = graphs.pairs()
    if progress:
        progress(0.5)
    flows = nearest_flows(pairs, people) if capacity is None else capacity_flows(pairs, people, capacity, cancelled)
    if progress:
        progress(0.75)
    routes = graphs.routes(flows.demand, flows.shelter) if len(flows) else []
    if progress:
        progress(1.0)
    measures = route_measures(routes, flows.people, graphs.net.length, minutes, graphs.zone, access_demand, access_shelter, walk)
    route_cost = pairs.cost_of([r.demand for r in routes], [r.shelter for r in routes])
    return Evacuation(pairs, flows, routes, measures, route_cost)
