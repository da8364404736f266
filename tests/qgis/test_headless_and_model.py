"""The risk path headless through qgis_process (isolated profile) and as a shipped .model3."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm, QgsVectorLayer
from qgis_runner import QgisProcess
from rasters import read_raster, write_raster

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def raw_hazards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw")
    y, x = np.mgrid[0:40, 0:50].astype(np.float32)
    flood = np.clip(6.0 - y / 4, 0, None)  # depth in metres, deep in the north
    landslide = x / 49  # susceptibility rising to the east
    seismic = 0.05 + 0.25 * np.exp(-np.hypot(x - 10, y - 30) / 15)  # PGA (g) around an epicentre
    return [write_raster(folder / f"{n}.tif", a.astype(np.float32)) for n, a in (("flood", flood), ("landslide", landslide), ("seismic", seismic))]


def test_qgis_process_runs_the_chain(raw_hazards, tmp_path):
    qp = QgisProcess(str(tmp_path / "profile"))
    assert "tsr:riskzoning" in qp.list()
    assert "Fisher" in qp.help("tsr:riskzoning")
    normalised = []
    for i, path in enumerate(raw_hazards):
        answer = qp.run("tsr:normalizehazard", {"INPUT": path, "METHOD": 0, "OUTPUT": str(tmp_path / f"n{i}.tif")})
        results = answer["results"]
        assert isinstance(results["LOWER_USED"], float) and isinstance(results["UPPER_USED"], float)
        normalised.append(results["OUTPUT"])
    flood = read_raster(raw_hazards[0])
    np.testing.assert_allclose(read_raster(normalised[0]), (flood - flood.min()) / (flood.max() - flood.min()), atol=1e-6)

    overlay = qp.run(
        "tsr:multihazardoverlay",
        {
            "HAZARDS": normalised,
            "WEIGHTS": "0.5,0.3,0.2",
            "OUTPUT": str(tmp_path / "index.tif"),
            "OUTPUT_DOMINANT": str(tmp_path / "dominant.tif"),
            "OUTPUT_COUNT": str(tmp_path / "count.tif"),
            "OUTPUT_HTML": str(tmp_path / "overlay.html"),
        },
    )["results"]
    h = [read_raster(p) for p in normalised]
    np.testing.assert_allclose(read_raster(overlay["OUTPUT"]), 0.5 * h[0] + 0.3 * h[1] + 0.2 * h[2], atol=1e-6)

    zoning = qp.run(
        "tsr:riskzoning",
        {
            "INPUT": overlay["OUTPUT"],
            "CLASSES": 5,
            "OUTPUT": str(tmp_path / "grades.tif"),
            "OUTPUT_ZONES": str(tmp_path / "zones.gpkg"),
            "OUTPUT_LINES": str(tmp_path / "lines.gpkg"),
            "OUTPUT_TABLE": str(tmp_path / "table.csv"),
            "OUTPUT_HTML": str(tmp_path / "zoning.html"),
        },
    )["results"]
    breaks = [float(b) for b in zoning["BREAKS_USED"].split(",")]
    assert len(breaks) == 4 and breaks == sorted(breaks)
    assert isinstance(zoning["CONTROLLED_AREA_HA"], float) and zoning["CONTROLLED_AREA_HA"] > 0
    assert 0.8 < zoning["GVF"] <= 1.0
    grades = read_raster(zoning["OUTPUT"])
    index = read_raster(overlay["OUTPUT"])
    # MIN_AREA 1 ha may merge small patches, so check the unsieved rule on most cells
    assert np.mean(grades == 1 + (index[..., None] > np.array(breaks)).sum(-1)) > 0.95


def test_shipped_model_chains_the_three_algorithms(provider, raw_hazards, tmp_path):
    import processing

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(ROOT / "models" / "multi_hazard_risk_path.model3"))
    ids = sorted(c.algorithmId() for c in model.childAlgorithms().values())
    assert ids == [
        "native:extractbyexpression",
        "tsr:ahpweights",
        "tsr:multihazardoverlay",
        "tsr:normalizehazard",
        "tsr:normalizehazard",
        "tsr:normalizehazard",
        "tsr:riskzoning",
        "tsr:suitability",
    ]
    context = QgsProcessingContext()
    results = processing.run(
        model,
        {
            "flood": raw_hazards[0],
            "landslide": raw_hazards[1],
            "seismic": raw_hazards[2],
            "weights": "0.4,0.3,0.3",
            "method": 0,
            "classes": 4,
            "min_area": 0,
            "slope": raw_hazards[1],
            "judgements": "1/3",
            "weight_uncertainty": 0,
            "overlay:risk_index": str(tmp_path / "index.tif"),
            "overlay:dominant_hazard": str(tmp_path / "dominant.tif"),
            "zoning:risk_grades": str(tmp_path / "grades.tif"),
            "zoning:risk_zones": str(tmp_path / "zones.gpkg"),
            "zoning:risk_control_lines": str(tmp_path / "lines.gpkg"),
            "zoning:zoning_report": str(tmp_path / "report.html"),
            "suitability:suitability_class": str(tmp_path / "class.tif"),
            "suitability:suitability_probability": str(tmp_path / "p.tif"),
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    grades = read_raster(results["zoning:risk_grades"])
    assert set(np.unique(grades.compressed())) == {1, 2, 3, 4}
    zones = QgsVectorLayer(results["zoning:risk_zones"], "zones", "ogr")
    assert zones.featureCount() == 4
    assert sum(f["share_pct"] for f in zones.getFeatures()) == pytest.approx(100.0)
    assert Path(results["zoning:zoning_report"]).read_text(encoding="utf-8").count("<svg") >= 2
    # AHP → suitability: slope 1/3 as important as the risk index gives weights 0.25, 0.75; with no
    # weight uncertainty the suitable cells are the top 20 % of S = 0.25·(1 − slope') + 0.75·(1 − risk)
    # outside the two highest risk grades, which are excluded (class 5).
    classes = read_raster(results["suitability:suitability_class"])
    assert set(np.unique(classes.compressed())) <= {1, 4, 5}
    assert ((grades >= 3) == (classes == 5)).all()
    assert np.mean(classes[classes != 5] == 1) == pytest.approx(0.2, abs=0.005)  # top 20 % of the study area left


def test_qgis_process_overlay_over_many_strips(tmp_path):
    """Large enough for several strips read by both workers while the main thread writes (GDAL's
    multi-threaded reading once deadlocked exactly there inside qgis_process)."""
    rng = np.random.default_rng(5)
    a = rng.random((1300, 1000), dtype=np.float32)
    b = rng.random((1300, 1000), dtype=np.float32)
    paths = [write_raster(tmp_path / "a.tif", a), write_raster(tmp_path / "b.tif", b)]
    qp = QgisProcess(str(tmp_path / "profile"))
    results = qp.run(
        "tsr:multihazardoverlay",
        {
            "HAZARDS": paths,
            "WEIGHTS": "0.7,0.3",
            "OUTPUT": str(tmp_path / "i.tif"),
            "OUTPUT_DOMINANT": str(tmp_path / "d.tif"),
            "OUTPUT_COUNT": str(tmp_path / "c.tif"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
        timeout=120,
    )["results"]
    np.testing.assert_allclose(read_raster(results["OUTPUT"]), 0.7 * a + 0.3 * b, rtol=1e-6)
    np.testing.assert_array_equal(read_raster(results["OUTPUT_COUNT"]), (a >= 0.5).astype(np.uint8) + (b >= 0.5))
