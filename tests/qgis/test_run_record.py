"""The run record (processing_provider/common/run_record.py): a successful run appends one JSON
line to tsr_runs.jsonl in each of its output folders, with the SHA-256 of its inputs and outputs
computed independently here; a failed run appends nothing. Through processing.run and qgis_process."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from qgis.core import QgsProcessingException
from qgis_runner import QgisProcess
from rasters import write_raster


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def records(folder) -> list[dict]:
    path = folder / "tsr_runs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.fixture
def ramp(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    return write_raster(inputs / "ramp.tif", np.arange(200, dtype=np.float32).reshape(10, 20))


def test_a_run_records_its_inputs_outputs_and_numbers(run, ramp, tmp_path):
    out = tmp_path / "results"
    result = run("normalizehazard", {"INPUT": ramp, "METHOD": 0, "OUTPUT": str(out / "n.tif")})
    (entry,) = records(out)
    assert entry["record"] == 1 and entry["algorithm"] == "tsr:normalizehazard"
    assert entry["inputs"] == [
        {"parameter": entry["inputs"][0]["parameter"], "path": ramp, "bytes": len(open(ramp, "rb").read()), "sha256": digest(ramp)}
    ]
    (output,) = entry["files"]
    assert output["output"] == "OUTPUT" and output["path"] == result["OUTPUT"] and output["sha256"] == digest(result["OUTPUT"])
    assert entry["numbers"] == {"LOWER_USED": 0.0, "UPPER_USED": 199.0}
    assert entry["parameters"]["METHOD"] == 0 and entry["parameters"]["INPUT"] == ramp
    assert set(entry["versions"]) == {"plugin", "qgis", "gdal", "python", "numpy"} and all(entry["versions"].values())
    assert entry["seconds"] >= 0 and entry["started"] <= entry["finished"]
    # nothing is written beside the inputs
    assert not (tmp_path / "inputs" / "tsr_runs.jsonl").exists()

    run("normalizehazard", {"INPUT": ramp, "METHOD": 2, "LOWER": 50, "UPPER": 150, "OUTPUT": str(out / "f.tif")})
    assert [e["numbers"] for e in records(out)] == [{"LOWER_USED": 0.0, "UPPER_USED": 199.0}, {"LOWER_USED": 50.0, "UPPER_USED": 150.0}]


def test_a_failed_run_records_nothing(run, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    empty = write_raster(inputs / "empty.tif", np.full((5, 5), -9999, dtype=np.float32))
    out = tmp_path / "results"
    with pytest.raises(QgsProcessingException):
        run("normalizehazard", {"INPUT": empty, "METHOD": 0, "OUTPUT": str(out / "n.tif")})
    assert records(out) == []


def test_qgis_process_runs_are_recorded(ramp, tmp_path):
    out = tmp_path / "results"
    answer = QgisProcess(str(tmp_path / "profile")).run("tsr:normalizehazard", {"INPUT": ramp, "METHOD": 0, "OUTPUT": str(out / "n.tif")})
    (entry,) = records(out)
    assert entry["files"][0]["sha256"] == digest(answer["results"]["OUTPUT"])
    assert entry["inputs"][0]["sha256"] == digest(ramp) and entry["numbers"]["UPPER_USED"] == 199.0
