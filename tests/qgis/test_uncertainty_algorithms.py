"""The zoning-under-uncertainty algorithms through processing.run and qgis_process."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_runner import QgisProcess

SAATY_3 = "1 3 5\n1/3 1 3\n1/5 1/3 1"


def power_iteration(a: np.ndarray) -> np.ndarray:
    w = np.ones(len(a)) / len(a)
    for _ in range(200):
        w = a @ w
        w /= w.sum()
    return w


def test_ahp_weights_match_an_independent_eigenvector(run, tmp_path):
    result = run("ahpweights", {"MATRIX": SAATY_3, "CRITERIA": "slope, flood, roads", "OUTPUT_TABLE": str(tmp_path / "w.gpkg"), "OUTPUT_HTML": str(tmp_path / "ahp.html")})
    a = np.array([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    w = power_iteration(a)
    assert [float(v) for v in result["WEIGHTS"].split(",")] == pytest.approx(w, abs=1e-6)
    lam = float(np.mean((a @ w) / w))
    assert result["LAMBDA_MAX"] == pytest.approx(lam, abs=1e-6)
    assert result["CI"] == pytest.approx((lam - 3) / 2, abs=1e-6)
    assert result["CR"] == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-6)
    assert round(result["CR"], 3) == 0.033 and result["CONSISTENT"] is True
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    assert {f["criterion"]: f["rank"] for f in table.getFeatures()} == {"slope": 1, "flood": 2, "roads": 3}


def test_ahp_upper_triangle_and_inconsistency_advice(run, tmp_path):
    consistent = run("ahpweights", {"MATRIX": "2,4,8,2,4,2", "OUTPUT_TABLE": "", "OUTPUT_HTML": ""})
    assert [float(v) for v in consistent["WEIGHTS"].split(",")] == pytest.approx(np.array([8, 4, 2, 1]) / 15, abs=1e-6)
    assert consistent["CR"] == pytest.approx(0.0, abs=1e-9)
    broken = run("ahpweights", {"MATRIX": "2,1/4,8,2,4,2", "OUTPUT_TABLE": "", "OUTPUT_HTML": str(tmp_path / "bad.html")})
    assert broken["CONSISTENT"] is False and broken["CR"] > 0.1
    html = (tmp_path / "bad.html").read_text(encoding="utf-8")
    assert "Row 1, column 3" in html  # the corrupted judgement is named first


@pytest.mark.parametrize(
    "matrix, names, fragment",
    [
        ("1 3\n3 1", "", "reciprocal"),
        ("1 -2\n-1/2 1", "", "positive"),
        ("1 2 3 4 5", "", "5"),
        (SAATY_3, "a,b", "2 criteria need 4 judgements"),
    ],
)
def test_ahp_bad_matrices(run, matrix, names, fragment):
    with pytest.raises(QgsProcessingException, match=fragment):
        run("ahpweights", {"MATRIX": matrix, "CRITERIA": names, "OUTPUT_TABLE": "", "OUTPUT_HTML": ""})


def test_ahp_through_qgis_process(tmp_path):
    answer = QgisProcess(str(tmp_path / "profile")).run("tsr:ahpweights", {"MATRIX": "1,3,5,1/3,1,3,1/5,1/3,1", "OUTPUT_HTML": str(tmp_path / "a.html")})
    results = answer["results"]
    assert isinstance(results["CR"], float) and isinstance(results["LAMBDA_MAX"], float)
    assert results["WEIGHTS"] == "0.636986,0.258285,0.104729"
    assert results["CONSISTENT"] is True
