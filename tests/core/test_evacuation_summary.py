"""What tsr:evacuationroutes says about a run (evacuation_summary: log notes, who is left and why,
totals and EVACUATED_PERCENT) and the core pipeline it calls (evacuation.graphs_around_zones,
checked_hazard_costs, evacuate), against hand computations."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.network import evacuation as ev
from territorial_resilience.algorithms.network.costs import CostMatrix
from territorial_resilience.algorithms.network.evacuation import AVOID, PENALISE, Flows
from territorial_resilience.algorithms.network.evacuation_summary import (
    NAMED,
    avoided_shelters_note,
    input_notes,
    named,
    persons,
    summarise,
)
from territorial_resilience.algorithms.network.graph import attach_points, build_network, snap_points
from territorial_resilience.algorithms.network.routing import Endpoints
from territorial_resilience.algorithms.network.zones import split_at_boundaries

# --- plain text helpers -------------------------------------------------------------------------


def test_named_lists_at_most_ten_ids():
    assert NAMED == 10
    assert named(["A", 2, "C"]) == "A, 2, C"
    assert named(f"S{k}" for k in range(12)) == "S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, …"
    assert named(range(10)) == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9"
    assert named([]) == ""


@pytest.mark.parametrize(
    "value, text",
    [(7, "7"), (7.0, "7"), (1234.0, "1,234"), (12.5, "12.5"), (1234.56, "1,234.6"), (0.0, "0"), (np.float64(40.5), "40.5")],
)
def test_persons_are_whole_or_to_one_decimal(value, text):
    assert persons(value) == text


# --- notes about the inputs ---------------------------------------------------------------------


def test_input_notes_name_lost_residents_homeless_and_empty_shelters_in_order():
    capacity = np.array([200.0, 0.0, 0.0, -0.0])
    missing = np.array([False, False, True, False])
    notes = input_notes(["R5", "R6"], np.array([7.0, 3.5]), ["S0"], ["S1", "S2", "S3", "S4"], capacity, missing, True)
    assert [str(n) for n in notes] == [
        "2 residents have no geometry (10.5 people): they are counted as not evacuated: R5, R6",
        "1 shelters have no geometry and receive nobody: S0",
        "3 shelters have no capacity (0 or NULL) and receive nobody: S2, S3, S4",
    ]
    nearest = input_notes([], np.zeros(0), [], ["S1", "S2", "S3", "S4"], capacity, missing, False)
    assert [str(n) for n in nearest] == [
        "3 shelters have no capacity (0 or NULL); the nearest-shelter assignment does not use capacities and may send people there: S2, S3, S4"
    ]
    assert input_notes([], np.zeros(0), [], ["S1"], None, None, False) == []
    assert input_notes([], np.zeros(0), [], ["S1"], np.array([5.0]), np.array([False]), True) == []


def test_the_notes_are_translatable_templates():
    (note,) = input_notes([], np.zeros(0), ["S0"], [], None, None, False)
    assert note.template == "{n} shelters have no geometry and receive nobody: {ids}"
    assert note.translated(lambda t: t.replace("receive nobody", "RECEIVE NOBODY")) == "1 shelters have no geometry and RECEIVE NOBODY: S0"


def test_avoided_shelters_are_named_in_avoid_mode_only():
    inside = np.array([False, True, True])
    assert str(avoided_shelters_note(["A", "B", "C"], inside, True)) == "2 shelters stand inside hazard zones and receive nobody in avoid mode: B, C"
    assert avoided_shelters_note(["A", "B", "C"], inside, False) is None
    assert avoided_shelters_note(["A", "B", "C"], np.zeros(3, dtype=bool), True) is None


# --- who is left, totals, percent ---------------------------------------------------------------

# Four located residents (50, 30, 20, 5 people) and one without geometry (7); three shelters A, B, C.
# Flows: 30 of resident 0 to A, 10.5 of resident 0 to B, 30 of resident 1 to B. Resident 2 is off the
# roads; resident 3 is on them but has no safe pair.
POPULATION = np.array([50.0, 30.0, 20.0, 5.0])
LOST = np.array([7.0])
FLOWS = Flows(np.array([0, 0, 1]), np.array([0, 1, 1]), np.array([30.0, 10.5, 30.0]))
PAIRS = CostMatrix(np.array([0, 0, 1]), np.array([0, 1, 1]), np.array([10.0, 20.0, 5.0]), 4, 3)
ON_NETWORK = np.array([True, True, False, True])
SHELTERS = ["A", "B", "C"]


def test_summary_by_hand_in_avoid_mode():
    inside = np.array([False, False, True])
    out = summarise(FLOWS, PAIRS, POPULATION, LOST, ON_NETWORK, SHELTERS, inside, avoid=True, has_zones=True)
    np.testing.assert_allclose(out.evacuated, [40.5, 30.0, 0.0, 0.0])
    np.testing.assert_allclose(out.left, [9.5, 0.0, 20.0, 5.0])
    np.testing.assert_allclose(out.load, [30.0, 40.5, 0.0])
    assert out.total == 50 + 30 + 20 + 5 + 7 and out.moved == 70.5 and out.lost_population == 7.0
    assert out.percent == pytest.approx(100.0 * 70.5 / 112)
    # resident 0 has pairs (full), 1 nobody left, 2 off the roads, 3 no route to a shelter outside the zones
    assert out.reason_codes.tolist() == [ev.LEFT_SHELTERS_FULL, ev.LEFT_NONE, ev.LEFT_OFF_ROAD, ev.LEFT_NO_ROUTE_OUTSIDE]
    assert out.reasons(str.upper) == [
        "SHELTERS WITHIN REACH ARE FULL",
        None,
        "TOO FAR FROM ANY ROAD",
        "NO SAFE ROUTE TO A SHELTER OUTSIDE THE HAZARD ZONES",
    ]
    assert out.inside_avoided.tolist() == [False, False, True] and out.inside_used.tolist() == [False, False, False]
    assert not out.every_inside and out.nobody is None and out.notes == []


def test_summary_in_penalise_mode_counts_the_people_sent_into_zones():
    inside = np.array([False, True, True])
    out = summarise(FLOWS, PAIRS, POPULATION, LOST, ON_NETWORK, SHELTERS, inside, avoid=False, has_zones=True)
    # B receives 10.5 + 30, C nobody; no shelter is avoided, so resident 3 simply has no route.
    assert [str(n) for n in out.notes] == [
        "2 shelters stand inside hazard zones; in penalise mode they are used, the roads inside costing PENALTY times more: they "
        "receive 40.5 people (B, C)"
    ]
    assert out.reason_codes[3] == ev.LEFT_NO_ROUTE
    assert out.inside_avoided.tolist() == [False, False, False] and out.inside_used.tolist() == [False, True, True]


def test_nobody_evacuated_says_why():
    nothing = Flows(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    no_pairs = CostMatrix(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), 4, 3)
    every = summarise(nothing, no_pairs, POPULATION, LOST, ON_NETWORK, SHELTERS, np.ones(3, dtype=bool), avoid=True, has_zones=True)
    assert every.every_inside and every.percent == 0.0 and every.moved == 0.0 and every.total == 112.0
    assert str(every.nobody) == "Nobody can be evacuated: every shelter stands inside a hazard zone, and in avoid mode nobody is sent into one"
    assert every.notes == [every.nobody]
    assert every.reason_codes.tolist() == [ev.LEFT_EVERY_SHELTER_INSIDE] * 2 + [ev.LEFT_OFF_ROAD, ev.LEFT_EVERY_SHELTER_INSIDE]
    # without zones "every shelter inside" cannot hold, whatever `inside` says
    plain = summarise(nothing, no_pairs, POPULATION, LOST, ON_NETWORK, SHELTERS, np.zeros(3, dtype=bool), avoid=True, has_zones=False)
    assert not plain.every_inside
    assert str(plain.nobody) == "Nobody can be evacuated: no resident has a safe route to a shelter with room (see the residents not evacuated)"
    empty = summarise(nothing, no_pairs, np.zeros(4), np.zeros(0), ON_NETWORK, SHELTERS, np.zeros(3, dtype=bool), avoid=True, has_zones=False)
    assert empty.total == 0.0 and empty.percent == 0.0
    assert str(empty.nobody) == "The residents' population sums to 0: there is nobody to evacuate"
    assert empty.reasons(str) == [None] * 4


# --- the core pipeline: graphs around the zones, penalties, flows, routes ----------------------


def corridor():
    """Main road 0–2000 m along y = 0, bypass (0,0) → (0,400) → (2000,400) → (2000,0); a zone
    over x 800–1200; residents at x = 500, 1000 (inside), 1500; one shelter at the east end."""
    roads = [np.array([[0, 0], [2000, 0]]), np.array([[0, 0], [0, 400], [2000, 400], [2000, 0]])]
    zones = [box(800, -100, 1200, 100)]
    net = split_at_boundaries(build_network(roads), zones)
    residents = np.array([[500.0, 0.0], [1000.0, 0.0], [1500.0, 0.0]])
    shelters = np.array([[2000.0, 0.0]])
    snapped = snap_points(net, np.concatenate([residents, shelters]), 10.0)
    net, nodes = attach_points(net, snapped)
    return net, zones, residents, shelters, nodes


def graphs(mode, penalty=5.0, zones=None):
    net, polygons, residents, shelters, nodes = corridor()
    return ev.graphs_around_zones(
        net,
        net.length,
        polygons if zones is None else zones,
        mode,
        penalty,
        None,
        Endpoints(nodes[:3], np.zeros(3)),
        residents,
        Endpoints(nodes[3:], np.zeros(1)),
        shelters,
    )


def test_graphs_around_zones_place_residents_and_shelters():
    g = graphs(AVOID)
    assert g.shelter_zone.tolist() == [-1] and g.group.tolist() == [-1, 0, -1]
    # 400 m of road inside the zone, costs unchanged in avoid mode
    assert float(g.net.length[g.zone >= 0].sum()) == pytest.approx(400.0)
    np.testing.assert_array_equal(g.cost, g.net.length)
    assert (graphs(AVOID, zones=[]).zone == -1).all()
    penalised = graphs(PENALISE)
    np.testing.assert_allclose(penalised.cost, np.where(penalised.zone >= 0, 5.0, 1.0) * penalised.net.length)


def test_a_penalty_that_overflows_is_refused():
    cost, zone = np.array([10.0, 20.0]), np.array([-1, 0])
    np.testing.assert_array_equal(ev.checked_hazard_costs(cost, zone, PENALISE, 3.0, None), [10.0, 60.0])
    with pytest.raises(InputError, match=r"PENALTY 1e\+308 makes the road costs overflow"):
        ev.checked_hazard_costs(cost, zone, PENALISE, 1e308, None)
    with pytest.raises(InputError):
        graphs(PENALISE, penalty=1e308)


def test_evacuate_nearest_by_hand():
    g = graphs(AVOID)
    seen = []
    minutes = g.net.length / 50.0  # 3 km/h on every road
    run = ev.evacuate(g, np.array([50.0, 30.0, 20.0]), None, minutes, np.zeros(3), np.zeros(1), 50.0, progress=seen.append)
    assert seen == [0.5, 0.75, 1.0]
    # R1 around the zone 500 + 400 + 2000 + 400 = 3300 m; R2 leaves its zone eastwards, 1000 m (200 inside); R3 500 m
    assert [(r.demand, r.shelter) for r in run.routes] == [(0, 0), (1, 0), (2, 0)]
    np.testing.assert_allclose(run.route_cost, [3300.0, 1000.0, 500.0])
    np.testing.assert_allclose(run.measures.length_m, [3300.0, 1000.0, 500.0])
    np.testing.assert_allclose(run.measures.time_min, [66.0, 20.0, 10.0])
    np.testing.assert_allclose(run.measures.hazard_m, [0.0, 200.0, 0.0])
    np.testing.assert_allclose(run.measures.people, [50.0, 30.0, 20.0])


def test_evacuate_within_capacity_by_hand():
    # 40 places: the most people first, then the least cost: R3 (500 m) whole, 20 of R2 (1000 m).
    g = graphs(AVOID)
    run = ev.evacuate(g, np.array([50.0, 30.0, 20.0]), np.array([40.0]), g.net.length, np.zeros(3), np.zeros(1), 50.0)
    np.testing.assert_allclose(run.flows.evacuated(3), [0.0, 20.0, 20.0])
    np.testing.assert_allclose(run.route_cost, [1000.0, 500.0] if run.routes[0].demand == 1 else [500.0, 1000.0])
    # with access legs of 10 m and 20 m, lengths grow by both legs and times by their walk
    run = ev.evacuate(g, np.array([50.0, 30.0, 20.0]), None, g.net.length / 50.0, np.full(3, 10.0), np.array([20.0]), 50.0)
    np.testing.assert_allclose(run.measures.length_m, [3330.0, 1030.0, 530.0])
    np.testing.assert_allclose(run.measures.time_min, [66.6, 20.6, 10.6])
