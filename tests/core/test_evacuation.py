"""The evacuation core: which shelters may receive people, the hazard raster sampled along the
roads in the raster's own units (checked against exact line–polygon intersections), the
transportation problem solved by groups, and cancellation of every long loop."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from cancelling import CancelAfter
from rasterio.crs import CRS
from rasterio.enums import Resampling
from rasterio.transform import from_origin
from rasterio.warp import reproject
from rasterio.warp import transform as transform_coords
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.common.progress import Cancelled
from territorial_resilience.algorithms.network import evacuation
from territorial_resilience.algorithms.network.costs import CostMatrix
from territorial_resilience.algorithms.network.evacuation import AVOID, PENALISE, EvacuationGraphs, capacity_flows, hazard_costs, nearest_flows
from territorial_resilience.algorithms.network.graph import attach_points, build_network, snap_points
from territorial_resilience.algorithms.network.location import transportation
from territorial_resilience.algorithms.network.routing import Endpoints
from territorial_resilience.algorithms.network.zones import _transformed, hazard_along, split_at_boundaries, zone_of_points, zone_of_segments

X0, Y0 = 500000.0, 3400000.0  # CGCS2000 / 3-degree Gauss-Kruger CM 114° E (EPSG:4547): about 114° E 30.7° N


# --- shelters inside hazard zones --------------------------------------------------------------


def line_with_zone():
    """A road 0–2000 m with a bypass 400 m north, a zone over x 800–1200; residents at
    x = 500 (west), 1000 (inside) and 1500 (east); shelters at x = 2000 (east end) and 900
    (inside the zone)."""
    roads = [np.array([[0, 0], [2000, 0]]), np.array([[0, 0], [0, 400], [2000, 400], [2000, 0]])]
    zones = [box(800, -100, 1200, 100)]
    net = split_at_boundaries(build_network(roads), zones)
    residents = np.array([[500.0, 0.0], [1000.0, 0.0], [1500.0, 0.0]])
    shelters = np.array([[2000.0, 0.0], [900.0, 0.0]])
    snapped = snap_points(net, np.concatenate([residents, shelters]), 10.0)
    net, nodes = attach_points(net, snapped)
    zone = zone_of_segments(net, zones)
    return net, zone, zones, residents, shelters, nodes


def graphs_for(mode, cancelled=None, penalty=5.0):
    net, zone, zones, residents, shelters, nodes = line_with_zone()
    cost = hazard_costs(net.length, zone, mode, penalty, None)
    return EvacuationGraphs(
        net,
        cost,
        zone,
        mode,
        Endpoints(nodes[:3], np.zeros(3)),
        zone_of_points(residents, zones),
        Endpoints(nodes[3:], np.zeros(2)),
        shelter_zone=zone_of_points(shelters, zones),
        cancelled=cancelled,
    )


def as_dict(pairs):
    return {(int(i), int(j)): float(c) for i, j, c in zip(pairs.demand, pairs.candidate, pairs.cost)}


def test_avoid_mode_never_pairs_anybody_with_a_shelter_inside_a_zone():
    graphs = graphs_for(AVOID)
    assert graphs.usable.tolist() == [True, False]
    # west: bypass 500 + 400 + 2000 + 400; inside: leaves eastwards 1000; east: 500. Nobody to shelter 1,
    # not even resident 1, who stands 100 m from it in the same zone.
    assert as_dict(graphs.pairs()) == pytest.approx({(0, 0): 3300.0, (1, 0): 1000.0, (2, 0): 500.0})
    with pytest.raises(ValueError):
        graphs.routes(np.array([1]), np.array([1]))


def test_penalise_mode_reaches_a_shelter_inside_a_zone_at_the_penalty():
    graphs = graphs_for(PENALISE)
    assert graphs.usable.tolist() == [True, True]
    # × 5 inside x 800–1200: to shelter 1 (x = 900) from x = 500: 300 + 100·5; from 1000: 100·5; from 1500: 300 + 300·5,
    # or around by the bypass and in from the west: 500 + 400 + 2000 + 400 + 800 + 100·5.
    expected = {
        (0, 0): 300 + 400 * 5 + 800,
        (0, 1): 300 + 100 * 5,
        (1, 0): 200 * 5 + 800,
        (1, 1): 100 * 5,
        (2, 0): 500,
        (2, 1): min(300 + 300 * 5, 500 + 400 + 2000 + 400 + 800 + 100 * 5),
    }
    assert as_dict(graphs.pairs()) == pytest.approx(expected)
    flows = nearest_flows(graphs.pairs(), np.array([50.0, 30.0, 20.0]))
    assert list(zip(flows.demand.tolist(), flows.shelter.tolist(), flows.people.tolist())) == [(0, 1, 50.0), (1, 1, 30.0), (2, 0, 20.0)]


def test_a_zone_over_everything_leaves_no_shelter_usable():
    net, _, _, residents, shelters, nodes = line_with_zone()
    everywhere = [box(-1000, -1000, 5000, 5000)]
    net = split_at_boundaries(net, everywhere)
    zone = zone_of_segments(net, everywhere)
    graphs = EvacuationGraphs(
        net,
        net.length,
        zone,
        AVOID,
        Endpoints(nodes[:3], np.zeros(3)),
        zone_of_points(residents, everywhere),
        Endpoints(nodes[3:], np.zeros(2)),
        shelter_zone=zone_of_points(shelters, everywhere),
    )
    assert not graphs.usable.any()
    assert graphs.pairs().n_pairs == 0


# --- cancellation ------------------------------------------------------------------------------


def test_routing_checks_cancellation_for_every_start_zone_and_group_of_shelters():
    check = CancelAfter(10**9)
    graphs_for(AVOID, check).pairs()
    # two start groups (outside, zone 0), one group of shelters each: at least four checks
    assert check.calls >= 4
    for n in range(1, check.calls + 1):
        with pytest.raises(Cancelled):
            graphs_for(AVOID, CancelAfter(n)).pairs()
    with pytest.raises(Cancelled):
        graphs_for(PENALISE, CancelAfter(1)).routes(np.array([0]), np.array([0]))


def random_groups(seed, groups=4, size=(6, 3)):
    """A transportation problem of `groups` independent blocks of residents and shelters."""
    rng = np.random.default_rng(seed)
    rows, cols, costs = [], [], []
    n_d, n_s = size
    for g in range(groups):
        dense = rng.integers(1, 50, size).astype(float)
        dense[rng.random(size) < 0.3] = np.inf
        i, j = np.nonzero(np.isfinite(dense))
        rows.append(i + g * n_d)
        cols.append(j + g * n_s)
        costs.append(dense[i, j])
    pairs = CostMatrix(np.concatenate(rows), np.concatenate(cols), np.concatenate(costs), groups * n_d, groups * n_s)
    people = rng.integers(0, 40, groups * n_d).astype(float)
    capacity = rng.integers(0, 60, groups * n_s).astype(float)
    return pairs, people, capacity


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("batch", [1, 7, 10**6])
def test_capacity_flows_by_groups_equal_the_whole_transportation_problem(seed, batch):
    pairs, people, capacity = random_groups(seed)
    whole = transportation(pairs, people, capacity)
    flows = capacity_flows(pairs, people, capacity, batch_pairs=batch)
    assert flows.people.sum() == pytest.approx(whole.served)
    assert float(np.dot(pairs.cost_of(flows.demand, flows.shelter), flows.people)) == pytest.approx(whole.total_cost)
    assert np.all(flows.evacuated(len(people)) <= people + 1e-9) and np.all(flows.load(len(capacity)) <= capacity + 1e-9)


def test_the_transportation_problem_stops_between_groups_when_cancelled(monkeypatch):
    pairs, people, capacity = random_groups(0)
    solved = []
    monkeypatch.setattr(evacuation, "transportation", lambda *a: solved.append(1) or transportation(*a))
    with pytest.raises(Cancelled):
        capacity_flows(pairs, people, capacity, CancelAfter(4), batch_pairs=1)
    # checks: before batch 1, its two programmes, before batch 2: one batch solved
    assert len(solved) == 1


# --- hazard raster in another CRS ---------------------------------------------------------------

ROADS = [
    np.array([[X0 + 100, Y0 + 100], [X0 + 2100, Y0 + 100]]),
    np.array([[X0 + 300, Y0 - 200], [X0 + 300, Y0 + 1800]]),
    np.array([[X0 + 200, Y0 + 300], [X0 + 1900, Y0 + 1500], [X0 + 2300, Y0 + 2100]]),
]
GEO_CELL = 1e-4  # degrees: ≈ 9.6 m east–west, 11.1 m north–south at 30.7° N
BLOCK = 7  # cells of one value


def geographic_hazard(path, seed=1):
    """Degrees 0, 0.3, 0.6 or 1 in blocks of 7 × 7 cells of 10⁻⁴°, in EPSG:4326, over the roads."""
    lon, lat = transform_coords(CRS.from_epsg(4547), CRS.from_epsg(4326), [X0 - 600, X0 + 2700], [Y0 - 800, Y0 + 2400])
    west, north = np.floor(lon[0] / GEO_CELL) * GEO_CELL, np.ceil(lat[1] / GEO_CELL) * GEO_CELL
    width, height = int(np.ceil((lon[1] - west) / GEO_CELL)), int(np.ceil((north - lat[0]) / GEO_CELL))
    rng = np.random.default_rng(seed)
    blocks = rng.choice([0.0, 0.3, 0.6, 1.0], size=(height // BLOCK + 1, width // BLOCK + 1))
    values = np.kron(blocks, np.ones((BLOCK, BLOCK)))[:height, :width].astype(np.float32)
    transform = from_origin(west, north, GEO_CELL, GEO_CELL)
    profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4326", transform=transform, nodata=-9999.0)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(values, 1)
    return values, transform


def projected_copy(path, values, transform, cell=2.0):
    """The same raster reprojected (nearest neighbour) to EPSG:4547 with `cell` m cells."""
    west, south, east, north = X0 - 600, Y0 - 800, X0 + 2700, Y0 + 2400
    width, height = int((east - west) / cell), int((north - south) / cell)
    out = np.full((height, width), -9999.0, dtype=np.float32)
    target = from_origin(west, north, cell, cell)
    reproject(
        values,
        out,
        src_transform=transform,
        src_crs="EPSG:4326",
        dst_transform=target,
        dst_crs="EPSG:4547",
        resampling=Resampling.nearest,
        src_nodata=-9999.0,
        dst_nodata=-9999.0,
    )
    profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4547", transform=target, nodata=-9999.0)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(out, 1)


def exact_means(net, values, transform):
    """Independent reference: the length-weighted mean degree of each segment from the exact
    intersections of the segment with the blocks of each value, the blocks' corners
    transformed into EPSG:4547 (a block edge of 7·10⁻⁴° bends by well under a millimetre
    there, so straight edges are exact to that), and the number of value changes along it."""
    height, width = values.shape
    shapes = {}
    for top in range(0, height, BLOCK):
        for left in range(0, width, BLOCK):
            v = float(values[top, left])
            if v == 0:
                continue
            bottom, right = min(top + BLOCK, height), min(left + BLOCK, width)
            corners = [transform * (c, r) for c, r in ((left, top), (right, top), (right, bottom), (left, bottom))]
            xs, ys = transform_coords(CRS.from_epsg(4326), CRS.from_epsg(4547), [p[0] for p in corners], [p[1] for p in corners])
            shapes.setdefault(v, []).append(Polygon(zip(xs, ys)))
    union = {v: unary_union(p) for v, p in shapes.items()}
    means, changes = [], []
    for s in range(net.n_segments):
        line = LineString([net.xy[net.a[s]], net.xy[net.b[s]]])
        total, ends = 0.0, 0
        for v, area in union.items():
            piece = line.intersection(area)
            total += v * piece.length
            ends += 2 * len(getattr(piece, "geoms", [piece])) if not piece.is_empty else 0
        means.append(total / line.length)
        changes.append(ends)
    return np.array(means), np.array(changes)


def test_a_geographic_hazard_raster_weighs_roads_as_its_projected_copy(tmp_path):
    net = build_network(ROADS)
    values, transform = geographic_hazard(tmp_path / "geo.tif")
    projected_copy(tmp_path / "gk.tif", values, transform)
    gk_wkt = CRS.from_epsg(4547).to_wkt()
    geo = hazard_along(net, str(tmp_path / "geo.tif"), gk_wkt)
    gk = hazard_along(net, str(tmp_path / "gk.tif"), gk_wkt)
    exact, changes = exact_means(net, values, transform)
    length = net.length
    # The work follows the raster's own cells: every half cell of 10⁻⁴° along ≈ 9 km of roads
    # in degrees is about 1 700 points (the old sampling in metres / degrees would take 2·10⁸).
    half_cells = sum(
        np.hypot(*np.diff(transform_coords(CRS.from_epsg(4547), CRS.from_epsg(4326), r[:, 0], r[:, 1]), axis=1)).sum() for r in ROADS
    ) / (GEO_CELL / 2)
    assert half_cells < geo.samples <= half_cells + 3 * len(ROADS) * 60
    assert geo.step == pytest.approx(GEO_CELL / 2) and geo.cell == pytest.approx(GEO_CELL) and geo.notes == ()
    assert gk.step == pytest.approx(1.0)
    # Tolerance: sampling at the middles of parts of length h misplaces at most one part at each
    # change of value along a segment, so |h̄ − exact| ≤ changes · h · Δv / L with Δv ≤ 1;
    # h ≤ half a cell in metres: 10⁻⁴° / 2 ≤ 5.6 m in EPSG:4326. The projected copy's
    # sampling step is 1 m, and nearest-neighbour resampling moves each block edge by at most
    # half a cell diagonal, √2 m; so 2.5 m per change for it.
    h_geo, h_gk = 5.6, 1.0 + np.sqrt(2.0)
    assert (changes > 0).all()
    assert np.all(np.abs(geo.degree - exact) <= changes * h_geo / length)
    assert np.all(np.abs(gk.degree - exact) <= changes * h_gk / length)
    assert np.all(np.abs(geo.degree - gk.degree) <= changes * (h_geo + h_gk) / length)
    # Those are worst cases. Where a part's middle falls relative to an edge is uniform, so each
    # change misplaces a length uniform in ±h/2 (variance h²/12, Δv ≤ 1): over all the roads
    # the length-weighted error has a standard deviation ≤ h·√(changes/12) / ΣL (≈ 0.003 here);
    # it stays within 4 of them, and far below the spread of the degrees themselves.
    sigma = h_geo * np.sqrt(changes.sum() / 12.0) / length.sum()
    assert abs(np.dot(length, geo.degree - exact)) / length.sum() <= 4 * sigma
    assert abs(np.dot(length, geo.degree - gk.degree)) / length.sum() <= 4 * sigma
    assert 4 * sigma < 0.02 and exact.max() - exact.min() > 0.1


def test_the_sampling_is_bounded_with_a_note(tmp_path):
    net = build_network(ROADS)
    values, transform = geographic_hazard(tmp_path / "geo.tif")
    bounded = hazard_along(net, str(tmp_path / "geo.tif"), CRS.from_epsg(4547).to_wkt(), max_samples=300)
    assert bounded.samples <= 300
    (note,) = bounded.notes
    assert "more than the limit of 300" in str(note) and bounded.step > GEO_CELL / 2
    # still the mean along the roads, at a coarser step h = step in metres (≤ 11.1 m per 10⁻⁴°)
    exact, changes = exact_means(net, values, transform)
    h = bounded.step / GEO_CELL * 11.1
    assert np.all(np.abs(bounded.degree - exact) <= changes * h / net.length)
    with pytest.raises(InputError, match="more than the 5 points"):
        hazard_along(net, str(tmp_path / "geo.tif"), CRS.from_epsg(4547).to_wkt(), max_samples=5)


def test_hazard_sampling_is_cancellable_and_reports_what_it_cannot_read(tmp_path):
    net = build_network(ROADS)
    geographic_hazard(tmp_path / "geo.tif")
    with pytest.raises(Cancelled):
        hazard_along(net, str(tmp_path / "geo.tif"), CRS.from_epsg(4547).to_wkt(), cancelled=CancelAfter(1))
    (tmp_path / "broken.tif").write_bytes(b"II*\x00 not a tiff")
    # Since 6a47995 the raster is opened through raster_io, whose message names the file and
    # quotes GDAL's reason.
    with pytest.raises(InputError, match=r"The raster .*broken\.tif cannot be read \(.*\); the file may be damaged"):
        hazard_along(net, str(tmp_path / "broken.tif"))
    # a raster without a CRS is taken in the roads' CRS, and says so; off the roads it weighs nothing
    with rasterio.open(
        tmp_path / "nocrs.tif", "w", driver="GTiff", width=2, height=2, count=1, dtype="float32", transform=from_origin(0, 10, 5, 5)
    ) as ds:
        ds.write(np.ones((2, 2), dtype=np.float32), 1)
    far = hazard_along(net, str(tmp_path / "nocrs.tif"), CRS.from_epsg(4547).to_wkt())
    assert far.degree.tolist() == [0.0] * net.n_segments and far.covered == 0.0
    assert {n.template.split(";")[0] for n in far.notes} == {
        "The hazard raster has no coordinate reference system",
        "The hazard raster has no value along {percent} % of the road length (off the raster or nodata)",
    }


def test_points_that_cannot_be_transformed_are_left_out():
    points = np.array([[117.0, 30.7], [10.0, 100.0], [117.01, 30.71]])  # a latitude of 100°
    out = _transformed(CRS.from_epsg(4326), CRS.from_epsg(4547), points)
    assert np.isnan(out[1]).all() and np.isfinite(out[[0, 2]]).all()
    xs, ys = transform_coords(CRS.from_epsg(4326), CRS.from_epsg(4547), [117.0], [30.7])
    assert out[0].tolist() == pytest.approx([xs[0], ys[0]], abs=1e-6)


# --- the nearest shelter and the reasons, in the core (issue 11: out of the wrapper) -----------


def test_nearest_flows_send_everybody_to_the_cheapest_shelter_lowest_index_on_ties():
    # Point 0: shelters 0 (5) and 1 (5): a tie → 0.  Point 1: 2 (1) beats 0 (3).  Point 2:
    # no pair.  Point 3: reachable but nobody lives there → no flow.
    pairs = CostMatrix([0, 0, 1, 1, 3], [1, 0, 0, 2, 1], [5.0, 5.0, 3.0, 1.0, 2.0], 4, 3)
    flows = nearest_flows(pairs, np.array([10.0, 20.0, 30.0, 0.0]))
    assert flows.demand.tolist() == [0, 1] and flows.shelter.tolist() == [0, 2]
    assert flows.people.tolist() == [10.0, 20.0]
    # The same rule as the location models' assignment and service coverage.
    from territorial_resilience.algorithms.network.coverage import nearest_facility

    site, cost = nearest_facility(pairs, open_sites=np.array([False, True, True]), limit=4.0)
    assert site.tolist() == [-1, 2, -1, 1] and cost.tolist() == [np.inf, 1.0, np.inf, 2.0]


def test_left_behind_reasons_in_order_of_precedence():
    # 0 evacuated; 1 off the road; 2 and 3 without any safe pair; 4 has a pair (shelters full).
    pairs = CostMatrix([0, 4], [0, 0], [1.0, 2.0], 5, 1)
    left = np.array([0.0, 5.0, 5.0, 5.0, 5.0])
    on_network = np.array([True, False, True, True, True])
    codes = evacuation.left_behind_reasons(on_network, pairs, left, some_inside=False, every_inside=False)
    assert codes.tolist() == [
        evacuation.LEFT_NONE,
        evacuation.LEFT_OFF_ROAD,
        evacuation.LEFT_NO_ROUTE,
        evacuation.LEFT_NO_ROUTE,
        evacuation.LEFT_SHELTERS_FULL,
    ]
    some = evacuation.left_behind_reasons(on_network, pairs, left, some_inside=True, every_inside=False)
    assert some[2] == evacuation.LEFT_NO_ROUTE_OUTSIDE and some[1] == evacuation.LEFT_OFF_ROAD
    every = evacuation.left_behind_reasons(on_network, pairs, left, some_inside=True, every_inside=True)
    assert every[3] == evacuation.LEFT_EVERY_SHELTER_INSIDE and every[4] == evacuation.LEFT_SHELTERS_FULL


def test_route_measures_add_the_access_legs_and_the_road_inside_zones():
    # segments: 0 (100 m, 2 min, outside), 1 (300 m, 3 min, zone 0), 2 (50 m, 1 min, outside)
    length, minutes, zone = np.array([100.0, 300.0, 50.0]), np.array([2.0, 3.0, 1.0]), np.array([-1, 0, -1])
    routes = [evacuation.Route(0, 1, [0, 1, 2], np.array([0, 1])), evacuation.Route(1, 0, [3, 4], np.array([2]))]
    access_demand, access_shelter = np.array([10.0, 0.0]), np.array([20.0, 5.0])
    measures = evacuation.route_measures(routes, np.array([4.0, 1.0]), length, minutes, zone, access_demand, access_shelter, walk=50.0)
    # route 0: 100 + 300 + 10 + 5 m; 2 + 3 + 15 / 50 min; 300 m inside. route 1: 50 + 0 + 20 m; 1 + 20 / 50 min; 0 inside
    assert measures.length_m.tolist() == [415.0, 70.0]
    assert measures.time_min.tolist() == pytest.approx([5.3, 1.4])
    assert measures.hazard_m.tolist() == [300.0, 0.0]
    assert measures.per_person(measures.length_m) == pytest.approx((4 * 415.0 + 70.0) / 5)
    empty = evacuation.route_measures([], np.zeros(0), length, minutes, zone, access_demand, access_shelter, walk=50.0)
    assert empty.evacuated == 0.0 and empty.per_person(empty.time_min) == 0.0
