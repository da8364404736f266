"""Small hand-made rasters for the tests (EPSG:4547, 30 m cells unless told)."""

from __future__ import annotations

import numpy as np
import rasterio
from affine import Affine
from rasterio.transform import from_origin

ORIGIN = (480000.0, 3400000.0)


def write_raster(path, array, cell=30.0, crs="EPSG:4547", nodata=-9999.0, origin=ORIGIN, rotation=0.0):
    """A single-band GeoTIFF; `rotation` (degrees) turns the grid about its upper-left corner."""
    array = np.asarray(array)
    profile = dict(
        driver="GTiff",
        width=array.shape[1],
        height=array.shape[0],
        count=1,
        dtype=str(array.dtype),
        crs=crs,
        transform=from_origin(origin[0], origin[1], cell, cell) * Affine.rotation(rotation),
        nodata=nodata,
    )
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(array, 1)
    return str(path)


def read_raster(path):
    with rasterio.open(path) as ds:
        return ds.read(1, masked=True)
