"""Never touch an input, never leave a broken output: the guard around every tsr algorithm.

`TsrAlgorithm` (base.py) runs each subclass's `processAlgorithm` inside `guarded()`, and its
`checkParameterValues` asks `parameter_problem()` first, so every algorithm of the provider
gets the same rules without a line of its own:

1. Before anything is written (`OutputGuard.check`):
   - a number outside its allowed range is refused with the range (QGIS itself only says the
     value is "incorrect");
   - no destination (raster, vector sink, table, HTML or other file, folder) may be a file an
     input reads: the same file after `realpath` or `samefile` (links), a GeoPackage or any
     other multi-layer file holding an input layer (`path|layername=x`, or an output written
     as a new table into it), a shapefile's side-car (`.shp .shx .dbf .prj .cpg …`), GDAL's
     own list of the input's files, and files named in string, matrix, file or multiple-layer
     parameters (a list of raster paths);
   - two destinations may not be the same file (the second would replace the first);
   - each destination's folder must be writable; a missing folder is created (raster outputs
     always were) when its parent is writable, and removed again if the run fails; an existing
     destination file that is read-only is not replaced.
   Memory layers and TEMPORARY_OUTPUT destinations are always fine.
2. While the algorithm runs, GDAL writes no `.aux.xml` statistics beside the inputs it opens
   (thread-local GDAL_PAM_ENABLED=NO), and a snapshot of every destination's files (with side-cars) is taken
   first; if the run fails — any exception, a cancellation, or SIGTERM (qgis_process) — each
   file that this run created or changed is removed, and so are raster_io's hidden
   `.<id>.part.<ext>` temporaries; files that were there before and not touched stay.
   In the main thread (qgis_process, processing.run in a script) a SIGTERM handler is installed
   for the run and the previous one restored afterwards; it turns the signal into an exception,
   so the clean-up runs and qgis_process exits non-zero. In QGIS desktop the algorithm runs in a
   worker thread, where Python cannot install signal handlers; there the clean-up covers
   failures and cancellation.
3. Errors reach the user as one plain QgsProcessingException: the core's InputError translated,
   an unreadable raster (rasterio/GDAL) with the file's name, an unexpected error as its type
   and message with the place it happened (the traceback goes to the debug log only).
"""

from __future__ import annotations

import functools
import math
import os
import re
import signal
import stat
import tempfile
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from ...algorithms.common.messages import InputError
from ...algorithms.common.progress import Cancelled
from ...algorithms.engine import raster_io
from ...i18n import tr
from . import PLUGIN_DIR, run_record
from .qgis_compat import NUMBER_INTEGER, scoped

STATIC_PROPERTY = scoped("PropertyType", "Static", QgsProperty, "StaticProperty")
OPTIONAL = scoped("ProcessingParameterFlag", "Optional", QgsProcessingParameterDefinition, "FlagOptional")

#: Files that belong together: writing one of them (a shapefile) rewrites the others.
SIDECAR_GROUPS = (
    (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".sbn", ".sbx", ".qix", ".fix", ".shp.xml", ".qmd"),
    (".tab", ".dat", ".map", ".id", ".ind"),
    (".mif", ".mid"),
)
#: Files beside a database that SQLite (GeoPackage, SpatiaLite) writes while it is open.
SQLITE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_EXTENSIONS = (".gpkg", ".sqlite", ".db", ".spatialite", ".gpkx")
#: Side-cars GDAL writes beside a raster or a table (statistics, overviews, masks, column types).
RASTER_SIDECARS = (".aux.xml", ".ovr", ".msk")
TABLE_SIDECARS = {".csv": (".csvt", ".prj")}
#: Destination URIs of the form "<provider>:<uri>"; only "ogr:" and "spatialite:" are files.
URI_PROVIDERS = ("ogr", "spatialite", "memory", "postgres", "postgis", "mssql", "oracle", "hana", "virtual", "wfs")
#: raster_io's temporary files: ".<8 hex>.part<ext>" (and their .aux.xml).
PART_FILE = re.compile(r"^\.[0-9a-f]{8}\.part(\.[^.]+)?(\.aux\.xml)?$")


class Terminated(BaseException):
    """A termination signal (SIGTERM) arrived during a run. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` on the way swallows it."""


# --- what the inputs read and the outputs write -------------------------------------------------


def family(path: str) -> list[str]:
    """`path` and the files written or read together with it: a shapefile's side-cars, a
    GeoPackage's -wal/-shm/-journal, a raster's .aux.xml/.ovr, a CSV's .csvt."""
    files = [path]
    lower = path.lower()
    for group in SIDECAR_GROUPS:
        for ext in group:
            if lower.endswith(ext):
                stem = path[: len(path) - len(ext)]
                files += [stem + e for e in group if e != ext] + [stem + e.upper() for e in group]
                break
    if lower.endswith(SQLITE_EXTENSIONS):
        files += [path + s for s in SQLITE_SUFFIXES]
    for ext, extra in TABLE_SIDECARS.items():
        if lower.endswith(ext):
            files += [path[: -len(ext)] + e for e in extra]
    files += [path + s for s in RASTER_SIDECARS]
    return files


def _identity(path: str) -> tuple | None:
    """(device, inode) of an existing file, so that links and other spellings compare equal."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _gdal_files(path: str) -> list[str]:
    """GDAL's own list of the files of a dataset (world files, .hdr, side-cars …); [] if it
    cannot open it (a damaged input is reported by the algorithm, not here)."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - QGIS always ships the GDAL bindings
        return []
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset = gdal.OpenEx(path, gdal.OF_READONLY)
        files = list(dataset.GetFileList() or []) if dataset is not None else []
        dataset = None
        return files
    except RuntimeError:  # GDAL with exceptions enabled
        return []
    finally:
        gdal.PopErrorHandler()


def layer_files(layer: QgsMapLayer) -> list[str]:
    """The files a map layer reads (none for memory, database or web layers)."""
    if layer is None:
        return []
    provider = layer.providerType() if hasattr(layer, "providerType") else ""
    source = layer.source()
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, source) if provider else {}
    except Exception:  # noqa: BLE001 - a provider without decodeUri: use the source as given
        parts = {}
    path = parts.get("path") if isinstance(parts, dict) else None
    if not path:
        path = source.split("|")[0]
    path = str(path)
    if path.startswith("file://"):
        path = path[len("file://") :]
    return [path] if os.path.isfile(path) else []


def _destination_file(text: str) -> str | None:
    """The file a destination string writes, None for memory and database destinations.
    Forms: a path, `path|layername=x`, `ogr:dbname='path' table="x" (geom)`, `memory:`."""
    text = (text or "").strip()
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    head, sep, rest = text.partition(":")
    if sep and head.lower() in URI_PROVIDERS:
        if head.lower() not in ("ogr", "spatialite"):
            return None
        match = re.search(r"""dbname\s*=\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\S+))""", rest)
        if not match:
            return rest.split("|")[0].strip() or None
        return next(g for g in match.groups() if g is not None).replace("\\'", "'")
    return text.split("|")[0]


def _is_temporary(value: Any) -> bool:
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() != STATIC_PROPERTY:
            return False
        value = value.staticValue()
    text = str(value or "").strip()
    return text == QgsProcessing.TEMPORARY_OUTPUT or text.lower().startswith("memory:")


def _tokens(value: Any) -> Iterator[str]:
    """Strings in a parameter value that may name a file: the value itself, its comma,
    semicolon, line or space separated parts, what follows `=` and what precedes `|`."""
    if value is None:
        return
    if isinstance(value, QgsProperty):
        if value.propertyType() == STATIC_PROPERTY:
            yield from _tokens(value.staticValue())
        return
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        yield from _tokens(value.source)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _tokens(item)
        return
    if not isinstance(value, str):
        return
    parts = [value]
    for piece in re.split(r"[,;\n\r\t]", value):
        parts += [piece] + piece.split()
    for part in parts:
        part = part.strip().strip("'\"").strip()
        if not part or len(part) > 4096:
            continue
        yield part
        if "|" in part:
            yield part.split("|")[0].strip()
        if "=" in part:
            yield part.split("=", 1)[1].strip().strip("'\"")


@dataclass(frozen=True)
class Destination:
    """One file-based destination of the run: its parameter and the file it writes."""

    name: str
    label: str
    path: str
    kind: str  # "file" or "folder"
    layer: str = ""  # a table inside a multi-layer file (ogr:dbname=… table=…)

    def folder(self) -> str:
        """The folder the destination writes into (a folder destination: itself)."""
        return self.path if self.kind == "folder" else os.path.dirname(self.path)

    def files(self) -> list[str]:
        """Every file this destination may write (the file, side-cars, QGIS's default extension)."""
        if self.kind == "folder":
            return []
        paths = [self.path]
        if not os.path.splitext(self.path)[1]:
            paths += [self.path + ext for ext in (".gpkg", ".tif", ".shp", ".csv", ".html")]
        return [f for p in paths for f in family(p)]


def label_of(definition) -> str:
    """How a message names a parameter: its description and its name, e.g. "Risk grades (OUTPUT)"."""
    return f"{definition.description()} ({definition.name()})"


LAYER_TYPES = ("raster", "vector", "source", "mesh", "layer", "pointcloud", "vectortile", "annotation", "multilayer")


def _layer_values(value: Any) -> Iterator[Any]:
    """The layers or layer strings in a layer parameter's value (lists flattened)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _layer_values(item)
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        yield from _layer_values(value.source)
    elif isinstance(value, QgsProperty):
        if value.propertyType() == STATIC_PROPERTY:
            yield from _layer_values(value.staticValue())
    elif isinstance(value, (QgsMapLayer, str)):
        yield value


def _as_path(token: str) -> str | None:
    """The existing file a token names: a path, `path|layername=x` or a `file://` URI."""
    path = token.split("|")[0].strip()
    if path.startswith("file://"):
        path = path[len("file://") :].split("?")[0]
    return path if path and os.path.isfile(path) else None


def input_files(algorithm, parameters: dict, context) -> list[tuple[str, str]]:
    """(parameter label, file) for every file the run's inputs read. Nothing is loaded: layers
    are looked up in the project and the context's store, files by their names (loading a raster
    layer here would make GDAL write statistics beside the input)."""
    found: list[tuple[str, str]] = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        value = parameters.get(definition.name())
        if value is None:
            continue
        kind = definition.type()
        files: list[str] = []
        for item in _layer_values(value):
            if isinstance(item, QgsMapLayer):
                files += layer_files(item)
            elif kind in LAYER_TYPES and context is not None and item:
                files += layer_files(QgsProcessingUtils.mapLayerFromString(item, context, False))
        for token in _tokens(value):
            path = _as_path(token)
            if path:
                files.append(path)
            elif kind in ("string", "matrix") and context is not None and not re.fullmatch(r"[-+0-9.eE %]*", token):
                files += layer_files(QgsProcessingUtils.mapLayerFromString(token, context, False))
        for path in dict.fromkeys(files):
            found.append((label_of(definition), path))
    read_files = getattr(algorithm, "read_files", None)
    for name, path in read_files(parameters, context) if read_files else ():
        found.append((label_of(algorithm.parameterDefinition(name)), path))
    return found


def destinations(algorithm, parameters: dict, context) -> list[Destination]:
    """The file-based destinations of the run (memory and temporary outputs are left out)."""
    found = []
    for definition in algorithm.parameterDefinitions():
        if not definition.isDestination():
            continue
        name = definition.name()
        value = parameters.get(name)
        if value is None or value == "" or _is_temporary(value):
            continue
        kind = definition.type()
        if kind == "folderDestination":
            text = algorithm.parameterAsFileOutput(parameters, name, context)
            if text and text != QgsProcessing.TEMPORARY_OUTPUT:
                found.append(Destination(name, label_of(definition), os.path.abspath(text), "folder"))
            continue
        if kind == "fileDestination":
            text = algorithm.parameterAsFileOutput(parameters, name, context)
        else:
            text = algorithm.parameterAsOutputLayer(parameters, name, context)
        path = _destination_file(text)
        if not path:
            continue
        table = re.search(r"""table\s*=\s*"?([^"\s]+)"?""", text) if text.lower().startswith(("ogr:", "spatialite:")) else None
        layer = table.group(1) if table else (text.split("layername=", 1)[1].split("|")[0] if "layername=" in text else "")
        found.append(Destination(name, label_of(definition), os.path.abspath(path), "file", layer))
    return found


# --- checks before the run ------------------------------------------------------------------------


def _format_number(value: float) -> str:
    return f"{value:.15g}"


def number_problem(algorithm, parameters: dict) -> str | None:
    """A message for the first number outside its allowed range (or not a number), else None."""
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterNumber):
            continue
        value = parameters.get(definition.name())
        if isinstance(value, QgsProperty):
            if value.propertyType() != STATIC_PROPERTY:
                continue  # an expression: QGIS evaluates it when the algorithm reads it
            value = value.staticValue()
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        optional = bool(definition.flags() & OPTIONAL)
        label = label_of(definition)
        try:
            number = float(value)
        except (TypeError, ValueError):
            return tr("{parameter} must be a number, not '{value}'").format(parameter=label, value=value)
        if math.isnan(number):
            if optional:
                continue
            return tr("{parameter} must be a number, not '{value}'").format(parameter=label, value=value)
        low, high = definition.minimum(), definition.maximum()
        bounded_low, bounded_high = low > -1e300, high < 1e300
        if (bounded_low and number < low) or (bounded_high and number > high) or math.isinf(number):
            if bounded_low and bounded_high:
                template = tr("{parameter} must be between {minimum} and {maximum}; {value} is outside this range")
            elif bounded_low:
                template = tr("{parameter} must be at least {minimum}; {value} is too small")
            elif bounded_high:
                template = tr("{parameter} must be at most {maximum}; {value} is too large")
            else:
                template = tr("{parameter} must be a finite number, not {value}")
            return template.format(parameter=label, minimum=_format_number(low), maximum=_format_number(high), value=_format_number(number))
        if definition.dataType() == NUMBER_INTEGER and not float(number).is_integer():
            return tr("{parameter} must be a whole number, not {value}").format(parameter=label, value=_format_number(number))
    return None


def _writable(folder: str) -> bool:
    """Whether files can be created in `folder`: permission bits (a folder marked read-only is
    read-only, even for an administrator) and a real probe (read-only disks, ACLs)."""
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return False
    if os.name == "posix" and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    try:
        handle, probe = tempfile.mkstemp(prefix=".tsr-write-test-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        os.remove(probe)
    except OSError:
        pass
    return True


def _existing_ancestor(folder: str) -> str:
    """`folder` if it exists, else its nearest existing ancestor (which may be a file)."""
    while not os.path.exists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def create_folders(outputs: Iterable[Destination]) -> list[str]:
    """Create the missing folders of the destinations (as raster outputs always did); return
    the folders created, outermost first, so that a failed run can remove them again."""
    created: list[str] = []
    for out in outputs:
        missing = []
        folder = out.folder()
        while folder and not os.path.exists(folder):
            missing.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for folder in reversed(missing):
            try:
                os.mkdir(folder)
            except FileExistsError:
                continue
            except OSError as error:
                raise QgsProcessingException(
                    tr("{output}: the folder {folder} cannot be created ({error}); choose another folder").format(
                        output=out.label, folder=folder, error=error.strerror or error
                    )
                ) from None
            created.append(folder)
    return created


def _read_only_file(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK))


def output_problem(algorithm, parameters: dict, context) -> str | None:
    """A message for the first destination that would touch an input, another destination, a
    missing or read-only folder or a read-only file; None when every destination is fine."""
    outputs = destinations(algorithm, parameters, context)
    if not outputs:
        return None
    # 1. folders: existing and writable, or missing and creatable (the run creates them)
    for out in outputs:
        folder = out.folder()
        existing = _existing_ancestor(folder)
        if not os.path.isdir(existing):
            return tr("{output}: {path} is a file, not a folder; choose another folder").format(output=out.label, path=existing)
        if not _writable(existing):
            if existing == folder:
                return tr("{output}: the folder {folder} is read-only; choose a folder you may write to").format(output=out.label, folder=folder)
            return tr(
                "{output}: the folder {folder} does not exist and cannot be created in the read-only folder {parent}; choose another folder"
            ).format(output=out.label, folder=folder, parent=existing)
    # 2. inputs
    inputs: dict[tuple, tuple[str, str]] = {}
    for label, path in input_files(algorithm, parameters, context):
        for member in dict.fromkeys(family(path) + _gdal_files(path)):
            identity = _identity(member)
            if identity is not None:
                inputs.setdefault(identity, (label, path))
    for out in outputs:
        for member in out.files():
            identity = _identity(member)
            if identity in inputs:
                label, path = inputs[identity]
                return tr("{output} would write to {file}, which is also an input ({input}); choose another file (inputs are never modified)").format(
                    output=out.label, file=member if os.path.basename(member) != os.path.basename(path) else path, input=label
                )
    # 3. one file, two destinations
    seen: dict[str, Destination] = {}
    for out in outputs:
        if out.kind == "folder":
            continue
        key = os.path.normcase(os.path.realpath(out.path))
        other = seen.get(key)
        if other is not None and not (other.layer and out.layer and other.layer != out.layer):
            return tr("{first} and {second} would both be written to {file}; give each output its own file").format(
                first=other.label, second=out.label, file=out.path
            )
        seen[key] = out
    # 4. read-only files
    for out in outputs:
        if out.kind == "file" and _read_only_file(out.path):
            return tr("{output}: {file} is read-only and cannot be replaced; choose another file").format(output=out.label, file=out.path)
    return None


def parameter_problem(algorithm, parameters: dict, context) -> str | None:
    """The first problem `OutputGuard` refuses a run for (numbers, then destinations)."""
    return number_problem(algorithm, parameters) or output_problem(algorithm, parameters, context)


# --- clean-up after a failed run ------------------------------------------------------------------


def _signature(path: str) -> tuple | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode)


class Snapshot:
    """What existed at the destinations before the run, to remove only what the run wrote."""

    def __init__(self, outputs: Iterable[Destination], created_folders: Iterable[str] = ()):
        self.created_folders = list(created_folders)
        self.files: dict[str, tuple | None] = {}
        self.folders: dict[str, dict[str, tuple | None] | None] = {}
        for out in outputs:
            if out.kind == "folder":
                self.folders[out.path] = self._listing(out.path)
                continue
            for member in out.files():
                self.files.setdefault(member, _signature(member))
        self.part_folders = {os.path.dirname(p) for p in self.files} | set(self.folders)
        self.parts_before = {folder: set(self._parts(folder)) for folder in self.part_folders}

    @staticmethod
    def _listing(folder: str) -> dict[str, tuple | None] | None:
        if not os.path.isdir(folder):
            return None
        return {name: _signature(os.path.join(folder, name)) for name in os.listdir(folder)}

    @staticmethod
    def _parts(folder: str) -> list[str]:
        try:
            return [n for n in os.listdir(folder) if PART_FILE.match(n)]
        except OSError:
            return []

    def restore(self) -> list[str]:
        """Remove every destination file created or changed since the snapshot, and the
        temporary files this thread left; return what was removed."""
        removed = list(raster_io.remove_temporaries())
        for path, before in self.files.items():
            now = _signature(path)
            if now is not None and now != before and _remove(path):
                removed.append(path)
        for folder, before in self.folders.items():
            after = self._listing(folder)
            if after is None:
                continue
            for name, signature in after.items():
                if (before is None or before.get(name) != signature) and _remove(os.path.join(folder, name)):
                    removed.append(os.path.join(folder, name))
            if before is None:
                try:
                    os.rmdir(folder)
                    removed.append(folder)
                except OSError:
                    pass
        # Temporaries of raster_io that no running thread owns (left by a torn-down sink).
        owned = set(raster_io.all_open_temporaries())
        for folder in self.part_folders:
            for name in set(self._parts(folder)) - self.parts_before.get(folder, set()):
                path = os.path.join(folder, name)
                if path not in owned and _remove(path):
                    removed.append(path)
        for folder in reversed(self.created_folders):
            try:
                os.rmdir(folder)  # only if the run left it empty
                removed.append(folder)
            except OSError:
                pass
        return removed


def _remove(path: str) -> bool:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            return False
        os.remove(path)
        return True
    except OSError:
        return False


# --- the run ----------------------------------------------------------------------------------------


@contextmanager
def statistics_kept_off_inputs() -> Iterator[None]:
    """GDAL's auxiliary files (PAM) off in this thread for the block: QGIS computes statistics
    when it loads a raster layer, and GDAL would save them as `<input>.aux.xml` beside the
    user's file. Thread-local, so QGIS's other threads are not affected."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - QGIS always ships the GDAL bindings
        yield
        return
    previous = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", previous)


@contextmanager
def termination_handler() -> Iterator[None]:
    """SIGTERM raises Terminated in the main thread for the duration of the block (then the
    previous handler is back). Outside the main thread (QGIS desktop's worker) this does nothing."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return
    fired = []

    def on_signal(signum, frame):  # noqa: ARG001 (signal API)
        if fired:
            return  # the clean-up of the first one is running
        fired.append(signum)
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, on_signal)
    except (ValueError, OSError):  # not the interpreter's main thread after all
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _where(error: BaseException) -> str:
    """file:line of the innermost frame of the plugin's own code where `error` was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    plugin = os.path.realpath(PLUGIN_DIR)
    here = os.path.realpath(__file__)
    own = [f for f in frames if os.path.realpath(f.filename).startswith(plugin) and os.path.realpath(f.filename) != here] or frames
    if not own:
        return ""
    frame = own[-1]
    return f"{os.path.relpath(os.path.realpath(frame.filename), os.path.dirname(plugin))}:{frame.lineno}"


def user_error(error: BaseException, feedback=None) -> QgsProcessingException:
    """The QgsProcessingException that says `error` to a planner."""
    if isinstance(error, QgsProcessingException):
        return error
    if isinstance(error, InputError):
        return QgsProcessingException(error.translated(tr))
    if isinstance(error, Cancelled):
        return QgsProcessingException(tr("Cancelled: no output was written"))
    if isinstance(error, (Terminated, KeyboardInterrupt)):
        return QgsProcessingException(tr("Stopped by a termination signal: the outputs of this run were removed"))
    if isinstance(error, MemoryError):
        return QgsProcessingException(tr("Not enough memory for this raster; try a coarser cell size or a smaller extent"))
    if isinstance(error, raster_io.READ_ERRORS):
        return QgsProcessingException(
            tr("A raster cannot be read ({detail}); the file may be damaged or incomplete").format(detail=raster_io.gdal_reason(error))
        )
    if feedback is not None:
        feedback.pushDebugInfo("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    return QgsProcessingException(
        tr("Unexpected error ({error}) at {place}; no output was left behind. Please report it with the settings you used").format(
            error=f"{type(error).__name__}: {error}", place=_where(error)
        )
    )


class OutputGuard:
    """The rules of this module for one run of `algorithm` with `parameters`."""

    def __init__(self, algorithm, parameters: dict, context):
        self.algorithm = algorithm
        self.parameters = parameters
        self.context = context

    def check(self) -> None:
        problem = parameter_problem(self.algorithm, self.parameters, self.context)
        if problem:
            raise QgsProcessingException(problem)

    @contextmanager
    def running(self, feedback) -> Iterator[None]:
        outputs = destinations(self.algorithm, self.parameters, self.context)
        created = create_folders(outputs)
        if created and feedback is not None:
            feedback.pushInfo(tr("Created the output folder {folder}").format(folder=", ".join(created)))
        snapshot = Snapshot(outputs, created)
        with termination_handler(), statistics_kept_off_inputs():
            try:
                yield
            except BaseException as error:  # noqa: BLE001 - every failure cleans up
                # Free what the failed frames still hold (feature sinks keep files open). No
                # gc.collect(): in QGIS desktop this is a worker thread, where collecting Qt
                # objects of the main thread could crash QGIS; reference counting frees the sinks.
                traceback.clear_frames(error.__traceback__)
                removed = snapshot.restore()
                if removed and feedback is not None:
                    feedback.pushInfo(tr("Removed the files of this failed run: {files}").format(files=", ".join(removed)))
                raise user_error(error, feedback) from None


def guarded(process):
    """Wrap a `processAlgorithm` so that it runs under `OutputGuard` (once per run of an
    instance: a subclass calling its parent's processAlgorithm is not guarded twice)."""
    if getattr(process, "_tsr_guarded", False):
        return process

    @functools.wraps(process)
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        if getattr(self, "_tsr_guard_active", False):
            return process(self, parameters, context, feedback)
        guard = OutputGuard(self, parameters, context)
        guard.check()
        self._tsr_guard_active = True
        started, clock = run_record.now(), time.perf_counter()
        # Before the run: asking for an output layer's path afterwards would replace its
        # load-on-completion details and so drop the style post-processors QGIS applies.
        folders = [d.folder() for d in destinations(self, parameters, context)]
        try:
            with guard.running(feedback):
                results = process(self, parameters, context, feedback)
        finally:
            self._tsr_guard_active = False
        if folders:
            entry = run_record.record(self.id(), parameters, input_files(self, parameters, context), results, started, time.perf_counter() - clock)
            run_record.append(entry, folders, feedback)
        return results

    processAlgorithm._tsr_guarded = True
    return processAlgorithm
