"""Running one hostile case through `qgis_process` and judging what it did.

A case is data (see hostile_cases.py): an algorithm, its parameters (with references to the
hand-made inputs), and the expected outcome — `Refused` (non-zero exit, a clear message with the
given key words) and/or `Handled` (exit 0, outputs written, what must hold). Either way:
no Python traceback or internal exception name reaches the user, every input file is unchanged
(SHA-256, including GeoPackages that hold many layers), and no file is left at an output path
after a refusal, nor any hidden `.part` file in an output folder.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from osgeo import ogr

# ---------------------------------------------------------------------------------------------
# expectations
# ---------------------------------------------------------------------------------------------

Groups = Sequence[Sequence[str]]


@dataclass(frozen=True)
class Refused:
    """Non-zero exit; each group of key words has at least one (case-insensitive) in the message;
    no word of `forbid` appears in it."""

    keywords: Groups = ()
    forbid: Sequence[str] = ()


@dataclass(frozen=True)
class Handled:
    """Exit 0; each group of `log` key words appears in the log; `check(run)` returns the list of
    what does not hold (empty when all is well)."""

    log: Groups = ()
    check: Callable[["Run"], list[str]] | None = None
    what: str = ""


@dataclass(frozen=True)
class Case:
    alg: str  # id without "tsr:"
    name: str
    params: dict
    refused: Refused | None = None
    handled: Handled | None = None
    folder: str = "out"  # where the default outputs go: out, ro (read-only) or missing
    timeout: float = 90.0
    note: str = ""  # the item of issue 10 the case stands for

    @property
    def id(self) -> str:
        return f"{self.alg}-{self.name}"

    @property
    def expected(self) -> str:
        if self.refused and self.handled:
            return "refused or handled"
        return "refused" if self.refused else "handled"


# ---------------------------------------------------------------------------------------------
# qgis_process
# ---------------------------------------------------------------------------------------------


def run_raw(qp, algorithm: str, parameters: dict[str, Any], timeout: float) -> tuple[subprocess.CompletedProcess | None, str, str]:
    """Call the binary of `qp` (a scripts/qgis_runner.QgisProcess) with its environment and
    return (CompletedProcess or None on timeout, stdout, stderr)."""
    args = [qp.binary, "--json", "run", f"tsr:{algorithm}", "--"]
    for name, value in parameters.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        args.extend(f"{name}={v}" for v in values)
    try:
        done = subprocess.run(args, env=qp.env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode(errors="replace") if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        err = expired.stderr.decode(errors="replace") if isinstance(expired.stderr, bytes) else (expired.stderr or "")
        return None, out, err
    return done, done.stdout, done.stderr


# ---------------------------------------------------------------------------------------------
# what a run did
# ---------------------------------------------------------------------------------------------

#: Python internals that must never reach a planner.
INTERNAL = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]+\.py\", line \d+|"
    r"\b(?:KeyError|TypeError|ValueError|IndexError|AttributeError|ZeroDivisionError|NameError|UnboundLocalError|"
    r"AssertionError|RuntimeError|OSError|IOError|FileNotFoundError|PermissionError|IsADirectoryError|NotADirectoryError|"
    r"FileExistsError|OverflowError|FloatingPointError|RecursionError|StopIteration|ImportError|ModuleNotFoundError|"
    r"UnicodeDecodeError|UnicodeEncodeError|LinAlgError|RasterioIOError|CRSError|WindowError|DatasetIOShapeError|"
    r"CPLE_\w+|sqlite3\.\w+|numpy\.core\.\w+|GEOSException|ShapelyError)\b"
)
NOISE = ("DeprecationWarning: setapi() is deprecated",)
NUMBER_OUTPUTS = {
    "LOWER_USED",
    "UPPER_USED",
    "CONTROLLED_AREA_HA",
    "GVF",
    "CR",
    "CI",
    "LAMBDA_MAX",
    "ROBUST_AREA_HA",
    "UNCERTAIN_AREA_HA",
    "HYPERVOLUME",
    "KNEE_ID",
    "FRONT_SIZE",
    "MEAN_RESILIENCE",
    "COVERED_PERCENT",
    "OBJECTIVE",
    "EVACUATED_PERCENT",
}
STRING_NUMBER_OUTPUTS = {"BREAKS_USED", "WEIGHTS", "COVERAGE_CURVE", "WEIGHTS_USED"}


@dataclass
class Run:
    case: Case
    folder: Path
    parameters: dict[str, Any]
    returncode: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float
    results: dict = field(default_factory=dict)
    log: str = ""  # the algorithm's log (JSON) and everything on stderr

    @property
    def message(self) -> str:
        """What the user reads: stderr without the Qt noise, and the log."""
        lines = [line for line in self.stderr.splitlines() if line.strip() and not any(n in line for n in NOISE)]
        return "\n".join(lines) + ("\n" + self.log_text if self.log_text else "")

    @property
    def log_text(self) -> str:
        return self.log

    def excerpt(self, limit: int = 1500) -> str:
        text = self.message.strip() or self.stdout.strip()[-limit:]
        if len(text) > limit:
            tail = [line for line in text.splitlines() if INTERNAL.search(line)]
            text = text[: limit // 2] + "\n…\n" + "\n".join(tail[-3:])[-limit // 2 :]
        return text

    def output_path(self, name: str) -> Path:
        return Path(str(self.parameters[name]).split("|")[0])


def parse_answer(stdout: str) -> tuple[dict, str]:
    """The results and the log of qgis_process --json (empty when there is no JSON)."""
    start = stdout.find("{")
    if start < 0:
        return {}, ""
    try:
        answer = json.loads(stdout[start:])
    except json.JSONDecodeError:
        return {}, ""
    log = answer.get("log") or {}
    lines = []
    for key in sorted(log):
        value = log[key]
        lines.extend(value if isinstance(value, list) else [str(value)])
    return answer.get("results") or {}, "\n".join(str(line) for line in lines)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """{relative path: SHA-256} of every file below `folder`."""
    found = {}
    if folder.exists():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found[str(path.relative_to(folder))] = sha256(path)
    return found


def layers_of(path: Path) -> dict[str, int]:
    """{layer name: feature count} of a vector file (to say what an overwrite destroyed)."""
    try:
        ds = ogr.Open(str(path))
    except RuntimeError:
        return {}
    if ds is None:
        return {}
    return {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())}


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ---------------------------------------------------------------------------------------------
# judging
# ---------------------------------------------------------------------------------------------


def missing_keywords(text: str, groups: Groups) -> list[str]:
    lowered = text.lower()
    return [" | ".join(group) for group in groups if not any(word.lower() in lowered for word in group)]


def number_problems(results: dict) -> list[str]:
    problems = []
    for name, value in results.items():
        if name in NUMBER_OUTPUTS:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                problems.append(f"number output {name} is {value!r}, not a plain number")
            elif not math.isfinite(value):
                problems.append(f"number output {name} is {value!r}")
        elif name in STRING_NUMBER_OUTPUTS and isinstance(value, str):
            if re.search(r"\b(nan|inf|-inf|infinity)\b", value, re.IGNORECASE):
                problems.append(f"output {name} holds a non-finite number: {value!r}")
    return problems


def judge(run: Run, inputs_before: dict[str, str], layers_before: dict[str, dict], output_folders: list[Path], input_folder: Path) -> list[str]:
    """Everything that does not hold, in plain words (empty = the case passes)."""
    case = run.case
    problems: list[str] = []
    text = run.stderr + "\n" + run.log
    internal = sorted({m.group(0) for m in INTERNAL.finditer(text)})
    if internal:
        problems.append("Python internals reach the user: " + ", ".join(internal[:6]))

    # inputs untouched, nothing new beside them
    inputs_after = snapshot(input_folder)
    for name, digest in inputs_before.items():
        if name not in inputs_after:
            problems.append(f"input {name} was deleted")
        elif inputs_after[name] != digest:
            detail = ""
            if name in layers_before:
                after = layers_of(input_folder / name)
                detail = f" (layers before: {len(layers_before[name])}, after: {len(after)} {sorted(after)[:5]})"
            problems.append(f"input {name} was modified{detail}")
    new_beside_inputs = sorted(set(inputs_after) - set(inputs_before))
    if new_beside_inputs:
        problems.append(f"new files beside the inputs: {new_beside_inputs}")

    hidden = [f"{folder.name}/{f}" for folder in output_folders for f in files_in(folder) if Path(f).name.startswith(".") or ".part" in f]
    if hidden:
        problems.append(f"hidden or partial files left in the output folders: {hidden}")

    if run.returncode is None:
        problems.append(f"neither refused nor finished within {case.timeout:g} s (killed)")
        return problems

    refused_ok = handled_ok = None
    if run.returncode != 0:
        if case.refused is None:
            problems.append(f"refused (exit {run.returncode}) where a documented handling is expected: {case.handled.what}")
        else:
            refused_ok = []
            lost = missing_keywords(run.message, case.refused.keywords)
            if lost:
                refused_ok.append(f"the message lacks the key words: {lost}")
            said = [w for w in case.refused.forbid if w.lower() in run.message.lower()]
            if said:
                refused_ok.append(f"the message names what it should not: {said}")
            if not run.message.strip():
                refused_ok.append("refused without any message")
            left = [f"{folder.name}/{f}" for folder in output_folders for f in files_in(folder)]
            if left:
                refused_ok.append(f"files left at output paths after the refusal: {left}")
            problems.extend(refused_ok)
    else:
        if case.handled is None:
            problems.append(f"exit 0 where a refusal is expected (key words {[' | '.join(g) for g in case.refused.keywords]})")
        else:
            handled_ok = number_problems(run.results)
            lost = missing_keywords(run.log + "\n" + run.stderr, case.handled.log)
            if lost:
                handled_ok.append(f"the log lacks the key words: {lost}")
            for name, value in run.parameters.items():
                if name.startswith("OUTPUT") and isinstance(value, str) and value and name in run.results:
                    if not run.output_path(name).exists():
                        handled_ok.append(f"output {name} was not written: {value}")
            if case.handled.check is not None:
                try:
                    handled_ok.extend(case.handled.check(run))
                except Exception as error:  # a check that cannot read the output is a failure of the run
                    handled_ok.append(f"the outputs could not be checked: {type(error).__name__}: {error}")
            problems.extend(handled_ok)
    return problems


#: {case id: what happened}, for the session's summary table (conftest.py).
OUTCOMES: dict[str, dict] = {}


def record(case: Case, run: Run, problems: list[str]) -> None:
    outcome = "timeout" if run.returncode is None else ("refused" if run.returncode != 0 else "handled")
    OUTCOMES[case.id] = {
        "alg": case.alg,
        "expected": case.expected,
        "outcome": outcome,
        "passed": not problems,
        "seconds": round(run.seconds, 1),
        "exit": run.returncode,
        "problems": problems,
        "message": run.excerpt(),
    }


# ---------------------------------------------------------------------------------------------
# making a case's folders and parameters
# ---------------------------------------------------------------------------------------------

REF = re.compile(r"@\{([^}]+)\}")


class Materials:
    """Copies of the inputs a case names, in the case's own `in` folder, and its output folders.

    References: `@h1` (h1.tif), `@od_nan.geojson`, `@net` (net.gpkg), `@net:roads` (a layer),
    `@county` (the sample county's GeoPackage), `@county:townships`, `@county/slope.tif`,
    `@out:name`, `@ro:name` (a read-only folder), `@missing:name` (a folder that does not exist);
    `@{…}` inside a longer string."""

    def __init__(self, case_folder: Path, library: Path, county: Callable[[], Path]):
        self.folder = case_folder
        self.library = library
        self.county = county
        self.inputs = case_folder / "in"
        self.outputs = {"out": case_folder / "out", "ro": case_folder / "ro", "missing": case_folder / "missing" / "folder"}
        self.inputs.mkdir(parents=True, exist_ok=True)
        self.outputs["out"].mkdir(parents=True, exist_ok=True)

    def _copy(self, source: Path, target: Path) -> Path:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        return target

    def resolve(self, ref: str) -> str:
        body = ref[1:]
        head, _, tail = body.partition(":")
        if head in self.outputs and tail:
            return str(self.outputs[head] / tail)
        if head == "county" or head.startswith("county/"):
            county = self.county()
            if head.startswith("county/"):
                name = head.split("/", 1)[1]
                return str(self._copy(county / name, self.inputs / "county" / name))
            gpkg = self._copy(county / "sample_county.gpkg", self.inputs / "county" / "sample_county.gpkg")
            return f"{gpkg}|layername={tail}" if tail else str(gpkg)
        for name in (head, head + ".tif", head + ".gpkg"):
            if (self.library / name).is_file():
                path = self._copy(self.library / name, self.inputs / name)
                return f"{path}|layername={tail}" if tail else str(path)
        raise KeyError(f"no hostile input called {ref}")

    def value(self, value):
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        if isinstance(value, str):
            if value.startswith("@") and not value.startswith("@{"):
                return self.resolve(value)
            return REF.sub(lambda m: self.resolve("@" + m.group(1)), value)
        return value


def make_read_only(folder: Path) -> Callable[[], None]:
    """Make `folder` read-only even for root (chattr +i when chmod is not enough); returns the undo."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o555)
    undo = [lambda: os.chmod(folder, 0o755)]
    if writable(folder) and shutil.which("chattr"):
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
            undo.insert(0, lambda: subprocess.run(["chattr", "-i", str(folder)], capture_output=True))
    if writable(folder):
        for step in undo:
            step()
        raise RuntimeError(f"cannot make {folder} read-only for this user (root without chattr?)")
    return lambda: [step() for step in undo]


def writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


def execute(case: Case, qp, case_folder: Path, library: Path, county: Callable[[], Path], default_outputs: dict[str, str]) -> tuple[Run, list[str]]:
    """Materialise, run and judge one case."""
    materials = Materials(case_folder, library, county)
    parameters = {name: f"@{case.folder}:{filename}" for name, filename in default_outputs.items()}
    parameters.update(case.params)
    parameters = {k: materials.value(v) for k, v in parameters.items() if v is not None}
    inputs_before = snapshot(materials.inputs)
    layers_before = {name: layers_of(materials.inputs / name) for name in inputs_before if name.endswith(".gpkg")}
    output_folders = [materials.outputs["out"], materials.outputs["missing"].parent]
    undo = None
    if any(isinstance(v, str) and v.startswith(str(materials.outputs["ro"])) for v in parameters.values()):
        undo = make_read_only(materials.outputs["ro"])
        output_folders.append(materials.outputs["ro"])
    try:
        start = time.monotonic()
        done, stdout, stderr = run_raw(qp, case.alg, parameters, case.timeout)
        seconds = time.monotonic() - start
    finally:
        if undo:
            undo()
    results, log = parse_answer(stdout)
    run = Run(case, case_folder, parameters, None if done is None else done.returncode, stdout, stderr, seconds, results, log)
    return run, judge(run, inputs_before, layers_before, output_folders, materials.inputs)
