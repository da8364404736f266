"""tsr:networkrobustness on hand-made networks (a ring, a patch graph, the road network of the
criticality tests with people and a hospital) against curves computed by hand and networkx,
and through qgis_process with hostile input."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from network_layers import features, layer, save_layers
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess

RING = [([(1000 * math.cos(2 * math.pi * k / 6), 1000 * math.sin(2 * math.pi * k / 6)),
          (1000 * math.cos(2 * math.pi * (k + 1) / 6), 1000 * math.sin(2 * math.pi * (k + 1) / 6))], [k]) for k in range(6)]  # fmt: skip
ROADS = [
    ([(0, 0), (1000, 0)], ["R1"]),
    ([(1000, 0), (2000, 0)], ["R2"]),
    ([(0, 0), (0, 1000), (1000, 1000), (1000, 0)], ["R3"]),
    ([(2000, 0), (2000, -500)], ["R4"]),
]


def inputs(tmp_path, lines, fields="&field=id:integer", **extra):
    parameters = {
        "INPUT": layer("LineString", fields, lines),
        "REMOVAL": 1,
        "UNIT": 1,
        "STEPS": len(lines),
        "OUTPUT_CURVE": str(tmp_path / "curve.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "robustness.html"),
    }
    parameters.update(extra)
    return parameters


def curve(path):
    return sorted(features(path), key=lambda row: row["step"])


def test_ring_by_degree_by_hand(run, tmp_path):
    result = run("networkrobustness", inputs(tmp_path, RING))
    rows = curve(result["OUTPUT_CURVE"])
    # Links removed in order 0, 1, …: one loss keeps the ring whole, then one node drops off per loss.
    assert [r["largest_share"] for r in rows] == pytest.approx([1, 1, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6])
    assert rows[0]["efficiency"] == pytest.approx(nx.global_efficiency(nx.cycle_graph(6)))
    assert result["CRITICAL_FRACTION"] == pytest.approx(
        4 / 6
    )  # s = 1/2 at 4/6 is not below 1/2; 2/6 at 5/6 is: (5/6 − 4/6)·(1/2 − 1/2)/(1/2 − 2/6) + 4/6
    assert result["ROBUSTNESS"] == pytest.approx(47 / 72)
    assert "<svg" in open(result["OUTPUT_HTML"], encoding="utf-8").read()


def test_patch_links_are_read_by_their_ids(run, tmp_path):
    # Links drawn between the edges of patches 1–2 and 2–3: no shared end point, but one patch graph.
    links = [([(0, 0), (100, 0)], [1, 2]), ([(150, 10), (300, 10)], [2, 3])]
    result = run("networkrobustness", inputs(tmp_path, links, "&field=from_id:integer&field=to_id:integer", UNIT=0, STEPS=3))
    rows = curve(result["OUTPUT_CURVE"])
    # Degree attack: patch 2 (degree 2) goes first and the two others are left alone.
    assert [r["largest_share"] for r in rows] == pytest.approx([1, 1 / 3, 1 / 3, 0])
    assert result["CRITICAL_FRACTION"] == pytest.approx(0.25)


def test_criticality_removal_with_population_share(run, tmp_path):
    demand = layer("Point", "&field=name:string&field=population:double", [((1000, -10), ["D1", 100.0]), ((2000, -510), ["D2", 50.0])])
    hospital = layer("Point", "&field=code:string", [((0, -10), ["H"])])
    parameters = inputs(tmp_path, ROADS, "&field=name:string", REMOVAL=3, DEMAND=demand, POPULATION_FIELD="population", FACILITIES=hospital)
    result = run("networkrobustness", dict(parameters, THRESHOLD=2600.0, MAX_SNAP=100.0))
    rows = curve(result["OUTPUT_CURVE"])
    # Criticality order R1, R2, R4, R3; losing the bridge R1 first takes both people beyond 2600 m.
    assert [r["covered_share"] for r in rows] == pytest.approx([1, 0, 0, 0, 0])
    assert [r["largest_share"] for r in rows] == pytest.approx([1, 1, 0.5, 0.5, 0.25])


@pytest.mark.parametrize(
    "change, message",
    [
        ({"REMOVAL": 3}, "needs DEMAND"),
        ({"INPUT": layer("LineString", "&field=id:integer", [([(0, 0), (10, 10), (0, 0)], [1])])}, "no link"),
        ({"DEMAND": layer("Point", "&field=p:double", [((0.1, 0.1), [1.0])], crs="EPSG:4326"), "POPULATION_FIELD": "p"}, "together"),
    ],
)
def test_bad_input_is_explained(run, tmp_path, change, message):
    with pytest.raises(QgsProcessingException, match=message):
        run("networkrobustness", inputs(tmp_path, RING, **change))


def test_geographic_crs_with_demand_is_refused(run, tmp_path):
    demand = layer("Point", "&field=p:double", [((0.1, 0.1), [1.0])], crs="EPSG:4326")
    hospital = layer("Point", "&field=code:string", [((0, 0), ["H"])], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run("networkrobustness", inputs(tmp_path, RING, DEMAND=demand, POPULATION_FIELD="p", FACILITIES=hospital))


def test_network_robustness_through_qgis_process(tmp_path):
    save_layers(
        tmp_path, {"ring": ("LineString", "&field=id:integer", RING), "loop": ("LineString", "&field=id:integer", [([(0, 0), (5, 5), (0, 0)], [1])])}
    )
    runner = QgisProcess(str(tmp_path / "profile"))
    parameters = {
        "INPUT": str(tmp_path / "ring.gpkg"),
        "REMOVAL": 0,
        "REPETITIONS": 5,
        "SEED": 3,
        "UNIT": 1,
        "STEPS": 6,
        "OUTPUT_CURVE": str(tmp_path / "curve.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "curve.html"),
    }
    answer = runner.run("tsr:networkrobustness", parameters)
    # Any order of removing the links of a ring gives s = 1 after one loss and 1/6 at the end.
    rows = curve(answer["results"]["OUTPUT_CURVE"])
    assert rows[1]["largest_share"] == 1.0 and rows[-1]["largest_share"] == pytest.approx(1 / 6)
    assert 0 < answer["results"]["ROBUSTNESS"] < 1
    for change, fragment in (({"OUTPUT_CURVE": str(tmp_path / "ring.gpkg")}, "ring.gpkg"), ({"INPUT": str(tmp_path / "loop.gpkg")}, "no link")):
        with pytest.raises(RuntimeError) as failed:
            runner.run("tsr:networkrobustness", dict(parameters, **change))
        assert fragment in str(failed.value) and "Traceback" not in str(failed.value)
