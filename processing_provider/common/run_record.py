"""The run record: what a successful run read and made, as one JSON line per run appended to
`tsr_runs.jsonl` in each folder that received one of its files.

A plan's dossier (tsr:resiliencedossier) is built from these records, so that every number and map
it shows can be traced to its data: the algorithm and its parameters, each input file with its size
and SHA-256, each output file likewise, the numbers the run returned, the versions of the plugin,
QGIS, GDAL, Python and numpy, and when it ran. The core reads them (algorithms/dossier/records.py,
where the format's name and version live). Record format (version 1, one object per line):

    {"record": 1, "algorithm": "tsr:riskzoning", "started": ISO 8601 UTC, "finished": …,
     "seconds": float, "parameters": {NAME: JSON value; layers as their source}, "inputs":
     [{"parameter": label, "path": abs path, "bytes": int, "sha256": hex}], "outputs": {NAME: value
     as returned}, "files": [{"output": NAME, "path": abs path, "bytes": int, "sha256": hex}],
     "numbers": {NAME: number}, "versions": {"plugin", "qgis", "gdal", "python", "numpy"}}

Temporary and memory outputs are not recorded (they vanish with the session). Writing the record
never fails a run: a folder that cannot be written only gets a warning.
"""

from __future__ import annotations

import configparser
import datetime as dt
import hashlib
import json
import math
import os
import platform
from typing import Any

import numpy as np
from osgeo import gdal
from qgis.core import Qgis, QgsMapLayer, QgsProcessingFeatureSourceDefinition, QgsProcessingOutputLayerDefinition, QgsProperty

from ...algorithms.dossier.records import RECORD_FILE, RECORD_VERSION
from ...i18n import tr
from . import PLUGIN_DIR

_CHUNK = 1 << 22


def plugin_version() -> str:
    parser = configparser.ConfigParser()
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(key: str, label: str, path: str) -> dict[str, Any]:
    return {key: label, "path": os.path.abspath(path), "bytes": os.path.getsize(path), "sha256": sha256(path)}


def json_value(value: Any) -> Any:
    """A parameter or output value as JSON: layers by their source, definitions by their text."""
    if isinstance(value, QgsMapLayer):
        return value.source()
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return json_value(value.source)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return json_value(value.sink)
    if isinstance(value, QgsProperty):
        return value.staticValue() if value.propertyType() == QgsProperty.Type.StaticProperty else value.asExpression()
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def record(algorithm_id: str, parameters: dict, inputs: list[tuple[str, str]], results: dict, started: str, seconds: float) -> dict[str, Any]:
    """The record of one successful run; `inputs` are (parameter label, path) pairs."""
    files = []
    for name, value in (results or {}).items():
        if isinstance(value, str) and os.path.isfile(value):
            files.append(file_entry("output", name, value))
    numbers = {
        name: json_value(value)
        for name, value in (results or {}).items()
        if isinstance(value, (int, float, np.number)) and not isinstance(value, bool)
    }
    return {
        "record": RECORD_VERSION,
        "algorithm": algorithm_id,
        "started": started,
        "finished": now(),
        "seconds": round(float(seconds), 3),
        "parameters": json_value(dict(parameters)),
        "inputs": [file_entry("parameter", label, path) for label, path in inputs if os.path.isfile(path)],
        "outputs": json_value(dict(results or {})),
        "files": files,
        "numbers": numbers,
        "versions": {
            "plugin": plugin_version(),
            "qgis": Qgis.version(),
            "gdal": gdal.__version__,
            "python": platform.python_version(),
            "numpy": np.__version__,
        },
    }


def append(entry: dict[str, Any], folders: list[str], feedback=None) -> list[str]:
    """Append `entry` to the record file of each folder; the files written."""
    written = []
    line = json.dumps(entry, ensure_ascii=False, allow_nan=False, default=str) + "\n"
    for folder in dict.fromkeys(folders):
        path = os.path.join(folder, RECORD_FILE)
        try:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(line)
            written.append(path)
        except OSError as error:
            if feedback is not None:
                feedback.pushWarning(tr("The run record could not be written to {path}: {error}").format(path=path, error=error))
    return written
