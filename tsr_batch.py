#!/usr/bin/env python3
"""Run the raster algorithms of Territorial Space Resilience without QGIS, on this computer or a Dask cluster.

    python3 <plugin folder>/tsr_batch.py ALGORITHM PARAM=VALUE … [--engine local|dask] [--workers N]
                                         [--scheduler ADDRESS] [--json]

ALGORITHM is one of normalizehazard, multihazardoverlay, riskzoning, suitability (with or without
the `tsr:` prefix); the parameters have the names, values and meanings of the Processing
algorithms, written as `qgis_process run` takes them (a parameter given several times, e.g.
HAZARDS, collects its values in order). The results are printed as `NAME:<tab>value` lines, or
with --json as `qgis_process --json run` prints them. Progress goes to stderr; Ctrl-C cancels and
leaves no partial output. Exit codes: 0 done, 1 error, 2 bad command line, 130 cancelled.

Engines: `local` (the default) runs the blocks in this process (--workers threads); `dask` runs
them on a LocalCluster of --workers processes (default 2), or on a running scheduler with
--scheduler tcp://host:8786 (which implies --engine dask). See docs/distributed.md.

The script loads the plugin folder it lives in as the package `territorial_resilience`, whatever
the folder is called (a checkout or an installed plugin), and never imports QGIS.
"""

from __future__ import annotations

import argparse
import configparser
import importlib
import importlib.util
import json
import os
import platform
import signal
import sys
import threading
import xml.etree.ElementTree as ElementTree

PACKAGE = "territorial_resilience"
PROVIDER = "tsr"
HERE = os.path.dirname(os.path.abspath(__file__))

#: Algorithm id → (job module inside the package, display name as in the Processing toolbox).
ALGORITHMS = {
    "normalizehazard": ("algorithms.raster.normalize_job", "Normalise hazard"),
    "multihazardoverlay": ("algorithms.raster.overlay_job", "Multi-hazard overlay"),
    "riskzoning": ("algorithms.raster.zoning_job", "Risk zoning and control lines"),
    "suitability": ("algorithms.mcda.suitability_job", "Suitability under uncertainty"),
}

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130

EXAMPLES = """examples:
  python3 tsr_batch.py normalizehazard INPUT=flood_depth.tif METHOD=0 OUTPUT=flood_degree.tif
  python3 tsr_batch.py tsr:multihazardoverlay HAZARDS=flood.tif HAZARDS=quake.tif WEIGHTS=0.6,0.4 OUTPUT=index.tif --engine dask --workers 4
  python3 tsr_batch.py riskzoning INPUT=index.tif CLASSES=5 OUTPUT=grades.tif --scheduler tcp://10.0.0.1:8786 --json
  python3 tsr_batch.py normalizehazard INPUT=/vsis3/bucket/depth.tif OUTPUT=degree.tif --scheduler tcp://10.0.0.1:8786 --cog
"""


# --- translation ------------------------------------------------------------------------------


class Translator:
    """The plugin's Qt translation of the "@default" context, read from i18n/*.ts without Qt.

    The language is the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); Simplified Chinese
    locales read territorial_resilience_zh_CN.ts, anything else keeps the English source."""

    def __init__(self, locale: str | None = None):
        self.table: dict[str, str] = {}
        path = self.file_for(locale if locale is not None else self.user_locale())
        if path:
            try:
                self.table = self.read(path)
            except (OSError, ElementTree.ParseError):
                self.table = {}

    @staticmethod
    def user_locale() -> str:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return value.split(":")[0]
        return ""

    @staticmethod
    def file_for(locale: str) -> str | None:
        code = locale.split(".")[0].split("@")[0].replace("-", "_")
        parts = code.split("_")
        if parts[0].lower() != "zh" or any(p.lower() in ("hant", "tw", "hk", "mo") for p in parts[1:]):
            return None
        path = os.path.join(HERE, "i18n", "territorial_resilience_zh_CN.ts")
        return path if os.path.exists(path) else None

    @staticmethod
    def read(path: str) -> dict[str, str]:
        table = {}
        for context in ElementTree.parse(path).getroot().iter("context"):
            if context.findtext("name") != "@default":
                continue
            for message in context.iter("message"):
                source, translation = message.find("source"), message.find("translation")
                if source is None or translation is None or translation.get("type") or not translation.text:
                    continue
                table[source.text or ""] = translation.text
        return table

    def __call__(self, text: str) -> str:
        return self.table.get(text, text)


_translate = Translator("")


def tr(text: str) -> str:
    """The translation of `text` in the user's language (pylupdate5 collects these calls)."""
    return _translate(text)


def say(error: BaseException | object) -> str:
    """An InputError or a core message in the user's language; anything else as text."""
    translated = getattr(error, "translated", None)
    return translated(_translate) if callable(translated) else str(error)


# --- the command line -------------------------------------------------------------------------


class Usage(Exception):
    """A bad command line (exit code 2)."""


class Failure(Exception):
    """An error the user can act on (exit code 1), already in words."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump: the caller prints it
        raise Usage(message)


def argument_parser() -> Parser:
    listing = "\n".join(f"  {PROVIDER}:{name:<20} {title}" for name, (_, title) in ALGORITHMS.items())
    parser = Parser(
        prog="tsr_batch.py",
        description=tr("Run a raster algorithm of Territorial Space Resilience without QGIS, on this computer or a Dask cluster."),
        epilog=f"algorithms:\n{listing}\n\n{EXAMPLES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("algorithm", metavar="ALGORITHM", nargs="?", help=tr("algorithm id, with or without the tsr: prefix"))
    parser.add_argument(
        "parameters", metavar="PARAM=VALUE", nargs="*", help=tr("parameters as qgis_process takes them; repeat a parameter for several values")
    )
    parser.add_argument("--engine", choices=("local", "dask"), help=tr("where the blocks run: this process (local, the default) or Dask"))
    parser.add_argument(
        "--workers", type=positive_int, metavar="N", help=tr("local: threads; dask: worker processes of the local cluster (default 2)")
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help=tr("address of a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)")
    )
    parser.add_argument("--cog", action="store_true", help=tr("write GeoTIFF outputs as Cloud Optimized GeoTIFFs (tiled, with overviews)"))
    parser.add_argument("--json", action="store_true", help=tr("print the results as qgis_process --json does"))
    return parser


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(tr("a whole number of 1 or more is expected, not {value!r}").format(value=text))
    return value


def parse_command_line(argv: list[str]) -> argparse.Namespace:
    arguments = argument_parser().parse_intermixed_args(argv)
    if arguments.algorithm is None or "=" in arguments.algorithm:
        raise Usage(tr("no algorithm given: tsr_batch.py ALGORITHM PARAM=VALUE …"))
    if arguments.scheduler is not None:
        if not arguments.scheduler.strip():
            raise Usage(tr("--scheduler needs an address, e.g. tcp://host:8786"))
        if arguments.engine == "local":
            raise Usage(tr("--scheduler runs on a Dask cluster: it cannot be combined with --engine local"))
        if arguments.workers is not None:
            raise Usage(tr("--workers sets the size of a local cluster; with --scheduler the cluster's own workers run the blocks"))
        arguments.engine = "dask"
    arguments.engine = arguments.engine or "local"
    arguments.algorithm = algorithm_id(arguments.algorithm)
    arguments.values = parameter_values(arguments.parameters)
    return arguments


def algorithm_id(text: str) -> str:
    name = text[len(PROVIDER) + 1 :] if text.startswith(PROVIDER + ":") else text
    if name not in ALGORITHMS:
        known = ", ".join(f"{PROVIDER}:{n}" for n in ALGORITHMS)
        raise Failure(tr("Unknown algorithm {name}; the batch command runs {known}").format(name=text, known=known))
    return name


def parameter_values(items: list[str]) -> dict[str, list[str]]:
    """PARAM=VALUE items (split at the first '=') → {PARAM: [values in order]}."""
    values: dict[str, list[str]] = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name or name != name.strip():
            raise Usage(tr("PARAM=VALUE expected, not {item!r}").format(item=item))
        values.setdefault(name, []).append(value)
    return values


# --- the plugin package -----------------------------------------------------------------------


def plugin_package():
    """This script's folder imported as the package `territorial_resilience` (its __init__ only
    defines QGIS's classFactory, so nothing of QGIS is loaded)."""
    if sys.path and sys.path[0] and os.path.realpath(sys.path[0]) == os.path.realpath(HERE):
        del sys.path[0]  # the plugin's sub-packages are reached through the package, not as top-level modules
    loaded = sys.modules.get(PACKAGE)
    if loaded is not None and any(os.path.realpath(p) == os.path.realpath(HERE) for p in getattr(loaded, "__path__", [])):
        return loaded
    spec = importlib.util.spec_from_file_location(PACKAGE, os.path.join(HERE, "__init__.py"), submodule_search_locations=[HERE])
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    spec.loader.exec_module(package)
    return package


def import_plugin_module(name: str):
    try:
        return importlib.import_module(f"{PACKAGE}.{name}")
    except ModuleNotFoundError as error:
        if error.name and not error.name.startswith(PACKAGE):
            raise Failure(
                tr("This Python has no module {module}: the batch command needs numpy, scipy and rasterio (Debian: apt install {packages})").format(
                    module=error.name, packages="python3-numpy python3-scipy python3-rasterio"
                )
            ) from None
        raise


def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(os.path.join(HERE, "metadata.txt"), encoding="utf-8")
        return parser.get("general", "version")
    except (OSError, configparser.Error):
        return ""


# --- progress, log and cancellation -----------------------------------------------------------


class Console:
    """Progress as a percentage on stderr (a line redrawn on a terminal, every 10 % otherwise) and
    the run's messages, kept for --json or printed."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.shown = -1
        self.open_line = False
        self.messages: list[str] = []
        self.lock = threading.RLock()  # re-entrant: a second Ctrl-C may interrupt a message

    def progress(self, fraction: float) -> None:
        if self.quiet:
            return
        percent = max(0, min(100, int(float(fraction) * 100)))
        with self.lock:
            step = percent if self.tty else percent - percent % 10
            if step <= self.shown:
                return
            self.shown = step
            if self.tty:
                sys.stderr.write(f"\r{step:3d} %")
                self.open_line = True
            else:
                sys.stderr.write(f"{step} %\n")
            sys.stderr.flush()

    def log(self, message) -> None:
        text = say(message)
        with self.lock:
            self.messages.append(text)
            if not self.quiet:
                self.end_line()
                sys.stderr.write(text + "\n")
                sys.stderr.flush()

    def end_line(self) -> None:
        if self.open_line:
            sys.stderr.write("\n")
            self.open_line = False

    def error(self, text: str) -> None:
        with self.lock:
            self.end_line()
            sys.stderr.write(f"tsr_batch: {text}\n")
            sys.stderr.flush()


class Interrupts:
    """Ctrl-C (or SIGTERM) once: ask the run to stop between blocks; twice: stop at once.

    Either way the outputs' temporary files are discarded, so nothing partial is left."""

    def __init__(self, console: Console):
        self.console = console
        self.event = threading.Event()
        self.announced = False
        self.previous = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.previous[sig] = signal.signal(sig, self.handle)
        return self

    def __exit__(self, *exc):
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        return False

    def handle(self, signum, frame):
        if self.event.is_set():
            raise KeyboardInterrupt
        # No output here: the signal may have interrupted a write to stderr, which Python 3.13
        # refuses to re-enter ("reentrant call inside BufferedWriter"); `cancelled` says it.
        self.event.set()

    def cancelled(self) -> bool:
        if self.event.is_set() and not self.announced:
            self.announced = True
            self.console.error(tr("cancelling… (press Ctrl-C again to stop at once)"))
        return self.event.is_set()


def remove_open_temporaries() -> None:
    """Delete output temporaries a torn-down run left open (normally its sinks discard them)."""
    raster_io = sys.modules.get(f"{PACKAGE}.algorithms.engine.raster_io")
    if raster_io is None:
        return
    for path in raster_io.all_open_temporaries():
        for candidate in (path, path + ".aux.xml"):
            try:
                os.remove(candidate)
            except OSError:
                pass


# --- running ----------------------------------------------------------------------------------


def open_engine(arguments):
    """The engine the command line asks for; None is the local block driver of this process."""
    engines = import_plugin_module("algorithms.engine.engines")
    # Ctrl-C at a terminal reaches every process of its group. The worker processes of a local
    # cluster must leave it to this one, which cancels the run and closes them: they are started
    # with SIGINT ignored, which they keep (a handler would not survive their exec; a signal mask
    # neither, multiprocessing resets it). A Ctrl-C while the cluster starts is therefore lost.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return engines.make_engine(arguments.engine, arguments.workers, arguments.scheduler, arguments.cog)
    finally:
        signal.signal(signal.SIGINT, previous)


def run(arguments, console: Console, interrupts: Interrupts) -> dict:
    module_name, _ = ALGORITHMS[arguments.algorithm]
    job = import_plugin_module(module_name).BATCH_JOB
    request = job.parse(arguments.values)  # InputError naming a missing, unknown or bad parameter
    engine = open_engine(arguments)
    try:
        result = job.run(request, engine=engine, progress=console.progress, cancelled=interrupts.cancelled, log=console.log)
    finally:
        close = getattr(engine, "close", None)
        if callable(close):
            close()
    console.progress(1.0)
    console.end_line()
    return job.outputs(result)


def describe(arguments, results: dict, console: Console) -> dict:
    """The answer of `qgis_process --json run` for this run (its keys, without QGIS's own)."""
    name = ALGORITHMS[arguments.algorithm][1]
    try:
        import rasterio

        gdal_version = rasterio.__gdal_version__
    except ImportError:  # pragma: no cover - the jobs need rasterio
        gdal_version = ""
    answer = {
        "algorithm_details": {"id": f"{PROVIDER}:{arguments.algorithm}", "name": name, "provider": PROVIDER},
        "engine": {"name": arguments.engine, "workers": arguments.workers, "scheduler": arguments.scheduler, "cog": arguments.cog},
        "gdal_version": gdal_version,
        "inputs": {key: values[0] if len(values) == 1 else list(values) for key, values in arguments.values.items()},
        "provider_details": {"name": "Territorial Space Resilience", "version": plugin_version()},
        "python_version": platform.python_version(),
        "results": results,
    }
    if console.messages:
        answer["log"] = {"info": list(console.messages)}
    return answer


def plain(value) -> str:
    """A result value as qgis_process prints it (6.0 → "6", lists comma-separated)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (list, tuple)):
        return ",".join(plain(v) for v in value)
    return "" if value is None else str(value)


def one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    global _translate
    _translate = Translator()
    console = Console(quiet=False)
    try:
        arguments = parse_command_line(argv)
    except Usage as error:
        console.error(f"{error} " + tr("(see tsr_batch.py --help)"))
        return EXIT_USAGE
    except Failure as error:
        console.error(str(error))
        return EXIT_ERROR
    console.quiet = arguments.json
    try:
        plugin_package()
        messages = import_plugin_module("algorithms.common.messages")
        progress = import_plugin_module("algorithms.common.progress")
    except Failure as error:
        console.error(str(error))
        return EXIT_ERROR
    interrupts = Interrupts(console)
    try:
        with interrupts:
            results = run(arguments, console, interrupts)
    except Failure as error:
        console.error(str(error))
        return EXIT_ERROR
    except messages.InputError as error:
        console.error(one_line(say(error)))
        return EXIT_ERROR
    except (KeyboardInterrupt, progress.Cancelled):
        remove_open_temporaries()
        console.error(tr("cancelled: no output was written"))
        return EXIT_CANCELLED
    except Exception as error:  # noqa: BLE001 - every failure ends as one line, never a traceback
        text = one_line(f"{type(error).__name__}: {say(error)}")
        console.error(tr("{algorithm} failed: {error}").format(algorithm=f"{PROVIDER}:{arguments.algorithm}", error=text))
        return EXIT_ERROR
    if arguments.json:
        sys.stdout.write(json.dumps(describe(arguments, results, console), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    else:
        for key in sorted(results):
            sys.stdout.write(f"{key}:\t{plain(results[key])}\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
