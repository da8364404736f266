"""tsr:resistancesurface through processing.run and qgis_process, against hand computations."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess
from rasters import read_raster, write_raster

from territorial_resilience.algorithms.ecology.resistance import PRESET


@pytest.fixture
def landcover(tmp_path):
    lc = np.array([[1, 3, 3, 7], [11, 4, 6, 12], [2, 5, -9999, 10]], dtype=np.int16)
    return write_raster(tmp_path / "lc.tif", lc, nodata=-9999), lc


def test_preset_table_by_hand(run, landcover, tmp_path):
    path, lc = landcover
    result = run("resistancesurface", {"LANDCOVER": path, "OUTPUT": str(tmp_path / "r.tif")})
    out = read_raster(result["OUTPUT"])
    preset = {code: value for code, _, value in PRESET}
    for (r, c), cls in np.ndenumerate(lc):
        if cls == -9999:
            assert out.mask[r, c]
        else:
            assert out[r, c] == pytest.approx(preset[int(cls)])


def test_barriers_modifiers_multiplicative(run, landcover, tmp_path):
    path, lc = landcover
    # modifier on a coarser grid (60 m): warped bilinearly; use a constant so the warp is exact
    mod = write_raster(tmp_path / "m.tif", np.full((2, 2), 0.5, np.float32), cell=60.0)
    result = run(
        "resistancesurface",
        {
            "LANDCOVER": path,
            "TABLE": ["1", "30", "2", "10", "3", "1", "4", "5", "5", "800", "6", "1000", "7", "800", "10", "500", "11", "10", "12", "100"],
            "BARRIER_CLASSES": "6, 5",
            "MODIFIERS": [mod],
            "MODIFIER_WEIGHTS": "2",
            "OUTPUT": str(tmp_path / "r.tif"),
        },
    )
    out = read_raster(result["OUTPUT"])
    assert out[0, 0] == pytest.approx(30 * (1 + 2 * 0.5))
    assert out[0, 1] == pytest.approx(1 * 2.0)
    assert out.mask[1, 2] and out.mask[2, 1]  # barriers 6 and 5


def test_weighted_sum_rescaled(run, tmp_path):
    lc = write_raster(tmp_path / "lc.tif", np.array([[1, 2], [3, 3]], dtype=np.int16), nodata=-9999)
    mod = write_raster(tmp_path / "m.tif", np.array([[0.0, 1.0], [0.5, 1.0]], dtype=np.float32))
    result = run(
        "resistancesurface",
        {
            "LANDCOVER": lc,
            "TABLE": "1 1; 2 11; 3 21",
            "MODIFIERS": [mod],
            "MODIFIER_WEIGHTS": "0.25",
            "METHOD": 1,
            "MIN_RESISTANCE": 1,
            "MAX_RESISTANCE": 101,
            "OUTPUT": str(tmp_path / "r.tif"),
        },
    )
    out = read_raster(result["OUTPUT"])
    b = np.array([[0.0, 0.5], [1.0, 1.0]])
    m = np.array([[0.0, 1.0], [0.5, 1.0]])
    np.testing.assert_allclose(out, 1 + (0.75 * b + 0.25 * m) * 100, rtol=1e-6)


def test_missing_class_is_named(run, landcover, tmp_path):
    path, _ = landcover
    with pytest.raises(QgsProcessingException, match="12"):
        run("resistancesurface", {"LANDCOVER": path, "TABLE": "1 30 2 10 3 1 4 5 5 800 6 1000 7 800 10 500 11 10", "OUTPUT": str(tmp_path / "r.tif")})
    assert not (tmp_path / "r.tif").exists()


def test_hostile_input_through_qgis_process(landcover, tmp_path):
    path, _ = landcover
    qp = QgisProcess(str(tmp_path / "profile"))
    ok = qp.run("tsr:resistancesurface", {"LANDCOVER": path, "OUTPUT": str(tmp_path / "ok.tif")})
    assert read_raster(ok["results"]["OUTPUT"])[0, 1] == pytest.approx(1.0)

    def refused(params, fragment):
        with pytest.raises(RuntimeError) as info:
            qp.run("tsr:resistancesurface", params)
        text = str(info.value)
        assert fragment in text and "Traceback" not in text, text

    empty = write_raster(tmp_path / "empty.tif", np.full((3, 3), -9999, np.int16), nodata=-9999)
    refused({"LANDCOVER": empty, "OUTPUT": str(tmp_path / "e.tif")}, "no valid cell")
    refused({"LANDCOVER": path, "OUTPUT": path}, "input")
    refused({"LANDCOVER": path, "TABLE": "1 0", "OUTPUT": str(tmp_path / "z.tif")}, "at least 1")
    far = write_raster(tmp_path / "far.tif", np.full((3, 3), 0.5, np.float32), origin=(900000.0, 100000.0))
    refused({"LANDCOVER": path, "MODIFIERS": far, "OUTPUT": str(tmp_path / "f.tif")}, "does not overlap")
    big = write_raster(tmp_path / "big.tif", np.full((3, 4), 5.0, np.float32))
    refused({"LANDCOVER": path, "MODIFIERS": big, "OUTPUT": str(tmp_path / "b.tif")}, "outside 0–1")
