"""Small hand-made layers for the community-network algorithms (CGCS2000 / GK zone 39,
offsets from a local origin so that every distance is easy to compute by hand)."""

from __future__ import annotations

from qgis.core import NULL, QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer

X0, Y0 = 500000.0, 3400000.0


def layer(kind: str, fields: str, rows, crs: str = "EPSG:4547") -> QgsVectorLayer:
    """A memory layer; each row is (geometry coordinates, attribute list)."""
    result = QgsVectorLayer(f"{kind}?crs={crs}{fields}", kind.lower(), "memory")
    features = []
    for coords, attributes in rows:
        feature = QgsFeature(result.fields())
        if kind == "Point":
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + coords[0], Y0 + coords[1])))
        elif kind == "LineString":
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(X0 + x, Y0 + y) for x, y in coords]))
        else:
            feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(X0 + x, Y0 + y) for x, y in coords]]))
        feature.setAttributes(attributes)
        features.append(feature)
    result.dataProvider().addFeatures(features)
    return result


def box(x0: float, y0: float, x1: float, y1: float):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def features(path: str) -> list[dict]:
    """The attributes of every feature of a layer, as dicts."""
    out = QgsVectorLayer(path, "out", "ogr")
    assert out.isValid(), path
    plain = lambda v: None if v is None or v == NULL else v  # noqa: E731 (NULL QVariants as None)
    return [{n: plain(v) for n, v in zip(out.fields().names(), f.attributes())} | {"_geometry": f.geometry()} for f in out.getFeatures()]


def save_layers(folder, specs: dict) -> None:
    """Write memory layers built from {name: (kind, fields, rows)} as folder/name.gpkg."""
    for name, (kind, fields, rows) in specs.items():
        source = layer(kind, fields, rows)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        error = QgsVectorFileWriter.writeAsVectorFormatV3(source, str(folder / f"{name}.gpkg"), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
