"""Small hand-made layers for the community-network algorithms (CGCS2000 / GK zone 39,
offsets from a local origin so that every distance is easy to compute by hand)."""

from __future__ import annotations

from qgis.core import (
    NULL,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

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


def with_null_geometry(kind: str, fields: str, rows, null_rows) -> QgsVectorLayer:
    """A memory layer of `rows` plus one feature without geometry per attribute list of `null_rows`."""
    result = layer(kind, fields, rows)
    extra = []
    for attributes in null_rows:
        feature = QgsFeature(result.fields())
        feature.setAttributes(attributes)
        extra.append(feature)
    result.dataProvider().addFeatures(extra)
    return result


class Recorder(QgsProcessingFeedback):
    """A feedback that keeps every message of the run (`messages`; `text()` joins them). It is
    cancelled from its `cancel_after`-th isCanceled() call on, or once the progress passes
    `cancel_at` per cent."""

    def __init__(self, cancel_after: int | None = None, cancel_at: float | None = None):
        super().__init__()
        self.messages: list[str] = []
        self.calls = 0
        self.cancel_after, self.cancel_at = cancel_after, cancel_at

    def reportError(self, error, fatalError=False):  # noqa: N802 (QGIS API)
        self.messages.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.messages.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.messages.append(info)
        super().pushInfo(info)

    def setProgress(self, progress):  # noqa: N802 (QGIS API)
        super().setProgress(progress)
        if self.cancel_at is not None and progress >= self.cancel_at:
            self.cancel()

    def isCanceled(self):  # noqa: N802 (QGIS API)
        self.calls += 1
        return (self.cancel_after is not None and self.calls >= self.cancel_after) or super().isCanceled()

    def text(self) -> str:
        return "\n".join(self.messages)
