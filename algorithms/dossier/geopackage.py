"""Attributes and geometries of GeoPackage layers read with sqlite3 and shapely (no GDAL, no QGIS).

A GeoPackage geometry is a GeoPackageBinary blob (OGC 12-128r18 §2.1.3): "GP", version, flags,
srs_id, an optional envelope whose size the flags give (0, 32, 48, 48 or 64 bytes), then WKB."""

from __future__ import annotations

import os
import sqlite3
import struct
from typing import Any

from shapely import wkb
from shapely.geometry.base import BaseGeometry

ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def split_source(source: str) -> tuple[str, str | None]:
    """'file.gpkg|layername=roads' → ('file.gpkg', 'roads'); a plain path → (path, None)."""
    path, _, rest = str(source).partition("|")
    layer = None
    for part in rest.split("|"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
    return path, layer


def geometry(blob: bytes | None) -> BaseGeometry | None:
    if not blob or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0b10000:  # empty geometry
        return None
    start = 8 + ENVELOPE_BYTES.get((flags >> 1) & 0b111, 0)
    return wkb.loads(bytes(blob[start:]))


def _connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{os.path.abspath(path)}?mode=ro", uri=True)


def layers(path: str) -> list[str]:
    with _connect(path) as db:
        return [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]


def srs_id(path: str, layer: str | None = None) -> int | None:
    layer = layer or layers(path)[0]
    with _connect(path) as db:
        row = db.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)).fetchone()
    return int(row[0]) if row else None


def read(source: str, with_geometry: bool = False) -> list[dict[str, Any]]:
    """The features of a layer (`path|layername=…` or the first layer) as dicts of attributes;
    with `with_geometry` the shapely geometry under the key "__geometry__"."""
    path, layer = split_source(source)
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return []
    names = layers(path)
    layer = layer or (names[0] if names else None)
    if layer not in names:
        return []
    with _connect(path) as db:
        geom_row = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)).fetchone()
        geom_column = geom_row[0] if geom_row else None
        cursor = db.execute(f'SELECT * FROM "{layer}"')  # noqa: S608 - the name comes from gpkg_contents
        columns = [c[0] for c in cursor.description]
        rows = []
        for values in cursor:
            row = {}
            for name, value in zip(columns, values):
                if name == geom_column:
                    if with_geometry:
                        try:
                            row["__geometry__"] = geometry(value)
                        except (struct.error, ValueError, TypeError):
                            row["__geometry__"] = None
                    continue
                row[name] = value
            rows.append(row)
    return rows
