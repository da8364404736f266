#!/usr/bin/python3
"""Benchmarks of the Territorial Space Resilience toolkit: one command, inputs built on the spot.

    /usr/bin/python3 benchmarks/run.py [--size 8000] [--quick] [--workdir DIR] [--only overlay|breaks]

1. Overlay: weighted sum (w = 0.3, 0.2, 0.2, 0.2, 0.1) of five size × size Float32 rasters
   (EPSG:4547, 30 m, smooth random hazard degrees in 0–1, a shared nodata border outside an
   ellipse) in three input variants:
     plain    uncompressed, striped (GDAL's default GeoTIFF layout, 1 row per strip)
     tiled    uncompressed, tiled 256 × 256 (the usual layout of large rasters and COGs)
     deflate  tiled 256 × 256, COMPRESS=DEFLATE (GDAL defaults: ZLEVEL 6, no predictor)
   computed by
     a. our core (benchmarks/overlay_core.py: run_blocks + overlay kernel, index output only)
     b. our Processing algorithm tsr:multihazardoverlay through qgis_process (OUTPUT only)
     c. gdal_calc.py with the same formula
     d. qgis:rastercalculator through qgis_process
   Each is a separate process: wall time and peak RSS (wait4 rusage of that process). Every
   command also runs on 64 × 64 crops of the same inputs (same layout): its fixed cost (start-up,
   imports, resident libraries), subtracted to give the marginal time and memory on which the
   ratios and targets are computed. Runs are interleaved (round after round of every tool, the
   64 × 64 run next to the full one) so that a drift of the machine's speed affects all alike.
2. Natural breaks: value_range + ValueSummary + fisher_jenks(k = 5) of a 10 M-cell raster.

Timed runs are page-cache warm: every input file is read once before a case, and os.sync()
flushes the previous run's output before each run. A command is run 3 times (median reported)
when its first run takes < 20 s, once otherwise. The load average is reported with the figures.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import rasterio  # noqa: E402
from qgis_runner import QgisProcess  # noqa: E402
from rasterio.transform import from_origin  # noqa: E402
from rasterio.windows import Window  # noqa: E402

DATA_VERSION = "tsr-bench-1"
CRS = "EPSG:4547"  # CGCS2000 / 3-degree Gauss-Kruger CM 114E
CELL = 30.0
ORIGIN = (380_000.0, 3_400_000.0)  # west, north (false easting 500 km, no zone prefix)
NODATA = -9999.0
N_HAZARDS = 5
WEIGHTS = (0.3, 0.2, 0.2, 0.2, 0.1)
LETTERS = "ABCDE"
REPEAT_BELOW_S = 20.0
TARGETS = {"rss_mb": 300.0, "breaks_s": 3.0}
#: Speed targets on the marginal time (other tool ÷ ours): (vs gdal_calc.py, vs raster calculator).
SPEED_TARGETS = {"plain": (1.5, 3.0), "tiled": (1.5, 3.0), "deflate": (1.5, 1.5)}
TILED_OPTIONS = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
VARIANTS = {
    "plain": "uncompressed, striped (GDAL default, 1 row per strip)",
    "tiled": "uncompressed, tiled 256 × 256",
    "deflate": "tiled 256 × 256, DEFLATE (zlevel 6, no predictor)",
}
#: Creation options of each input variant (gdal_translate -co) and what gdal_calc.py is given
#: for its output (--co): the layout of its inputs, as ours follows them.
INPUT_OPTIONS = {"plain": [], "tiled": TILED_OPTIONS, "deflate": TILED_OPTIONS + ["COMPRESS=DEFLATE"]}
GDAL_CALC_OPTIONS = {"plain": [], "tiled": ["TILED=YES"], "deflate": ["COMPRESS=DEFLATE", "TILED=YES"]}
COMPRESSION = {"plain": None, "tiled": None, "deflate": "DEFLATE"}
TOOLS = {
    "core": "a. core run_blocks (index only)",
    "tsr": "b. tsr:multihazardoverlay (qgis_process)",
    "gdal_calc": "c. gdal_calc.py",
    "rastercalc": "d. qgis:rastercalculator (qgis_process)",
}


# --------------------------------------------------------------------------------------------
# Inputs


def smooth_field(rng: np.random.Generator, height: int, width: int, scale: int):
    """Bilinear interpolation of uniform noise on a coarse grid of `scale` cells: rows on demand."""
    coarse = rng.random((height // scale + 2, width // scale + 2), dtype=np.float32)
    xs = (np.arange(width) + 0.5) / scale
    ix = xs.astype(np.intp)
    tx = (xs - ix).astype(np.float32)
    along_x = coarse[:, ix] * (1 - tx) + coarse[:, ix + 1] * tx

    def rows(r0: int, r1: int) -> np.ndarray:
        ys = (np.arange(r0, r1) + 0.5) / scale
        iy = ys.astype(np.intp)
        ty = (ys - iy).astype(np.float32)[:, None]
        return along_x[iy] * (1 - ty) + along_x[iy + 1] * ty

    return rows


def outside_ellipse(r0: int, r1: int, height: int, width: int) -> np.ndarray:
    """The shared nodata border: cells outside an ellipse inscribed in the grid (≈ 23 %)."""
    y = (np.arange(r0, r1)[:, None] + 0.5 - height / 2) / (0.49 * height)
    x = (np.arange(width)[None, :] + 0.5 - width / 2) / (0.49 * width)
    return x * x + y * y > 1.0


def raster_ok(path: Path, size: tuple[int, int], tag: str, compress: str | None, tiled: bool) -> bool:
    if not path.exists():
        return False
    try:
        with rasterio.open(path) as ds:
            return (
                (ds.height, ds.width) == size
                and ds.tags().get("TSR_BENCH") == tag
                and (ds.compression.value if ds.compression else None) == compress
                and (ds.block_shapes[0][0] > 1 and ds.block_shapes[0][1] < ds.width) == tiled
            )
    except rasterio.errors.RasterioError:
        return False


def make_hazard(path: Path, size: int, seed: int, tag: str) -> None:
    rng = np.random.default_rng(seed)
    broad = smooth_field(rng, size, size, max(8, size // 20))
    local = smooth_field(rng, size, size, 40)
    profile = dict(
        driver="GTiff", width=size, height=size, count=1, dtype="float32", crs=CRS, transform=from_origin(*ORIGIN, CELL, CELL), nodata=NODATA
    )
    tmp = path.with_suffix(".part.tif")
    with rasterio.Env(GDAL_CACHEMAX=256), rasterio.open(tmp, "w", **profile) as ds:
        ds.update_tags(TSR_BENCH=tag)
        step = 512
        for r0 in range(0, size, step):
            r1 = min(size, r0 + step)
            noise = rng.random((r1 - r0, size), dtype=np.float32)
            block = 0.55 * broad(r0, r1) + 0.35 * local(r0, r1) + 0.10 * noise
            np.clip(block, 0.0, 1.0, out=block)
            block[outside_ellipse(r0, r1, size, size)] = NODATA
            ds.write(block.astype(np.float32), 1, window=Window(0, r0, size, r1 - r0))
    os.replace(tmp, path)


def translate(src: Path, dst: Path, variant: str, srcwin: tuple[int, int, int, int] | None = None) -> None:
    """gdal_translate `src` into the layout of `variant` (a window of it when `srcwin` is given)."""
    tmp = dst.with_suffix(".part.tif")
    cmd = ["gdal_translate", "-q"]
    for option in INPUT_OPTIONS[variant] + (["NUM_THREADS=ALL_CPUS"] if COMPRESSION[variant] else []):
        cmd += ["-co", option]
    if srcwin is not None:
        cmd += ["-srcwin", *(str(v) for v in srcwin)]
    subprocess.run(cmd + [str(src), str(tmp)], check=True)
    os.replace(tmp, dst)


def make_breaks_raster(path: Path, shape: tuple[int, int], tag: str) -> int:
    """A continuous surface (lognormal-like, 0 … ~60) whose cells are almost all distinct."""
    height, width = shape
    rng = np.random.default_rng(2026)
    field_ = smooth_field(rng, height, width, 50)(0, height)
    values = (np.exp(3.0 * field_ - 1.0) * rng.lognormal(0.0, 0.35, size=shape)).astype(np.float32)
    distinct = int(np.unique(values).size)
    profile = dict(
        driver="GTiff",
        width=width,
        height=height,
        count=1,
        dtype="float32",
        crs=CRS,
        transform=from_origin(*ORIGIN, CELL, CELL),
        nodata=NODATA,
        tiled=True,
        blockxsize=256,
        blockysize=256,
        compress="deflate",
        zlevel=1,
        predictor=3,
    )
    tmp = path.with_suffix(".part.tif")
    with rasterio.open(tmp, "w", **profile) as ds:
        ds.update_tags(TSR_BENCH=tag, DISTINCT=str(distinct))
        ds.write(values, 1)
    os.replace(tmp, path)
    return distinct


def prepare_inputs(workdir: Path, size: int, breaks_shape: tuple[int, int]) -> dict:
    tag = f"{DATA_VERSION}-{size}"
    inputs: dict = {variant: [] for variant in VARIANTS}
    for variant in VARIANTS:
        (workdir / variant).mkdir(parents=True, exist_ok=True)
    for i in range(N_HAZARDS):
        plain = workdir / "plain" / f"h{i + 1}.tif"
        if not raster_ok(plain, (size, size), tag, None, False):
            t = time.perf_counter()
            make_hazard(plain, size, 1000 + i, tag)
            print(f"  built {plain} ({time.perf_counter() - t:.1f} s)", flush=True)
            for variant in VARIANTS:
                if variant != "plain" and (workdir / variant / plain.name).exists():
                    (workdir / variant / plain.name).unlink()
        inputs["plain"].append(plain)
        for variant in VARIANTS:
            if variant == "plain":
                continue
            path = workdir / variant / plain.name
            if not raster_ok(path, (size, size), tag, COMPRESSION[variant], True):
                t = time.perf_counter()
                translate(plain, path, variant)
                print(f"  built {path} ({time.perf_counter() - t:.1f} s)", flush=True)
            inputs[variant].append(path)
    btag = f"{DATA_VERSION}-breaks-{breaks_shape[0]}x{breaks_shape[1]}"
    bpath = workdir / f"breaks_{breaks_shape[0]}x{breaks_shape[1]}.tif"
    if not raster_ok(bpath, breaks_shape, btag, "DEFLATE", True):
        t = time.perf_counter()
        make_breaks_raster(bpath, breaks_shape, btag)
        print(f"  built {bpath} ({time.perf_counter() - t:.1f} s)", flush=True)
    with rasterio.open(bpath) as ds:
        distinct = int(ds.tags()["DISTINCT"])
    inputs["breaks"] = bpath
    inputs["breaks_distinct"] = distinct
    return inputs


def warm(paths) -> float:
    """Read every file once so that the timed runs find the inputs in the page cache."""
    total = 0
    for p in paths:
        with open(p, "rb", buffering=0) as f:
            while True:
                chunk = f.read(16 << 20)
                if not chunk:
                    break
                total += len(chunk)
    return total / 2**20


# --------------------------------------------------------------------------------------------
# Timing


HANG_IDLE_S = 45.0  # a child that uses no CPU for this long is taken as deadlocked
POLL_S = 0.02  # how often a running child's CPU time and peak memory are read
MAX_HANG_RETRIES = 3
#: A run during which other processes used more CPU than this (s, and share of the run's wall
#: time) is taken as disturbed and run again, at most REDO["max"] times per command.
DISTURBED_CPU_S = 1.0
DISTURBED_SHARE = 0.15
REDO = {"max": 4}  # runs redone at most per command (--redo)


@dataclass
class Measure:
    seconds: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    background_cpu_s: list[float] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    loadavg: list[float] = field(default_factory=list)
    hangs: int = 0
    disturbed: int = 0
    failure: str = ""

    @property
    def stdout(self) -> str:
        return self.outputs[-1] if self.outputs else ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else math.nan

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024 if self.rss_kb else math.nan


class Hung(RuntimeError):
    pass


def _system_busy_s() -> float:
    """CPU seconds spent by all processes of the machine so far (/proc/stat, all CPUs)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _process_cpu_s(pid: int) -> float:
    """CPU seconds used by a live process (utime + stime), or -1 if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return -1.0
    parts = stat[stat.rindex(")") + 2 :].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def _process_hwm_kb(pid: int) -> int:
    """Peak resident memory of a live process so far (VmHWM, kB), or 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _dump_stacks(pid: int) -> str:
    """Python + native stacks of a hung child, if py-spy is installed (else gdb, if any)."""
    for tool in (os.environ.get("PY_SPY"), shutil.which("py-spy")):
        if tool and os.path.exists(tool):
            done = subprocess.run([tool, "dump", "--native", "--pid", str(pid)], capture_output=True, text=True, timeout=60)
            return done.stdout + done.stderr
    if shutil.which("gdb"):
        done = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt"], capture_output=True, text=True, timeout=120)
        return done.stdout[-20000:]
    return "(no py-spy or gdb to dump the stacks)"


QUIET = {"max_wait_s": 300.0, "waited_s": 0.0}
START_HASHES: dict[str, str] = {}


def wait_until_quiet(threshold_cores: float = 0.2, window_s: float = 2.0) -> None:
    """Wait (up to QUIET["max_wait_s"] per run) until other processes use < threshold_cores of CPU.

    On a 2-core machine one other busy process halves what a 2-thread run can use: timings taken
    then say more about the neighbour than about the tool.
    """
    start = time.perf_counter()
    announced = False
    while True:
        own0 = os.times()
        busy0 = _system_busy_s()
        time.sleep(window_s)
        own1 = os.times()
        others = _system_busy_s() - busy0 - ((own1.user - own0.user) + (own1.system - own0.system))
        waited = time.perf_counter() - start
        if others / window_s < threshold_cores or waited >= QUIET["max_wait_s"]:
            QUIET["waited_s"] += waited
            if announced:
                print(f"    (machine {'quiet' if others / window_s < threshold_cores else 'still busy'} after {waited:.0f} s)", flush=True)
            return
        if not announced:
            print(f"    waiting for a quiet machine (other processes use {others / window_s:.1f} cores) …", flush=True)
            announced = True


def run_once(cmd: list[str], log: Path, env: dict | None = None, cwd: Path | None = None) -> tuple[float, int, str, float]:
    """Run `cmd` as a child process: (wall seconds, peak RSS kB, stdout, background CPU s).

    Peak RSS is the child's own VmHWM (/proc/PID/status), read every POLL_S while it runs: the
    ru_maxrss that wait4 returns is at least this process's own RSS at the fork (Linux keeps the
    high-water mark of the forked copy across exec), which is 200–300 MB here, not the tool's.
    Background CPU = CPU time the whole machine spent during the run minus the child's own:
    other processes competing for the 2 cores. A child idle for HANG_IDLE_S is dumped and killed.
    """
    os.sync()
    if QUIET["max_wait_s"] > 0:
        wait_until_quiet()
    with open(log, "w") as out:
        busy0 = _system_busy_s()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        last_cpu, last_change = 0.0, t0
        hwm_kb = 0
        while True:
            hwm_kb = max(hwm_kb, _process_hwm_kb(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(POLL_S)
            now = time.perf_counter()
            if now - last_change > 2.0:
                cpu = _process_cpu_s(proc.pid)
                if cpu > last_cpu + 0.05:
                    last_cpu, last_change = cpu, now
                elif now - last_change > HANG_IDLE_S:
                    stacks = _dump_stacks(proc.pid)
                    proc.kill()
                    os.wait4(proc.pid, 0)
                    proc.returncode = -9
                    with open(log, "a") as more:
                        more.write(f"\n\n=== HUNG: no CPU used for {HANG_IDLE_S:g} s, killed; stacks:\n{stacks}")
                    raise Hung(f"{cmd[0]} hung (no CPU for {HANG_IDLE_S:g} s); stacks in {log}")
        seconds = time.perf_counter() - t0
        busy = _system_busy_s() - busy0
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}); see {log}:\n{text[-3000:]}")
    own = usage.ru_utime + usage.ru_stime
    return seconds, hwm_kb or usage.ru_maxrss, text, max(0.0, busy - own)


def measure_step(name: str, cmd: list[str], logs: Path, m: Measure, before=None, **kw) -> None:
    """One counted run of `cmd` added to `m` (hung runs retried, disturbed runs redone), or its failure."""
    while True:
        attempt = len(m.seconds) + m.hangs + m.disturbed + 1
        if before is not None:
            before()
        log = logs / f"{name}.{attempt}.log"
        try:
            seconds, rss, text, background = run_once(cmd, log, **kw)
        except RuntimeError as failure:
            if not isinstance(failure, Hung):
                m.failure = str(failure).splitlines()[0]
                print(f"    {name} attempt {attempt}: FAILED — {failure}", flush=True)
                return
            m.hangs += 1
            print(f"    {name} attempt {attempt}: HUNG — {failure}", flush=True)
            if m.hangs > MAX_HANG_RETRIES:
                m.failure = f"gave up after {m.hangs} hangs"
                print(f"    {name}: giving up after {m.hangs} hangs", flush=True)
                return
            continue
        if background > max(DISTURBED_CPU_S, DISTURBED_SHARE * seconds) and m.disturbed < REDO["max"]:
            m.disturbed += 1
            print(
                f"    {name} attempt {attempt}: {seconds:7.2f} s but disturbed (other processes used {background:.1f} CPU s): run again", flush=True
            )
            continue
        m.seconds.append(seconds)
        m.rss_kb.append(rss)
        m.background_cpu_s.append(background)
        m.outputs.append(text)
        m.loadavg.append(os.getloadavg()[0])
        print(
            f"    {name} run {len(m.seconds)}: {seconds:7.2f} s, peak RSS {rss / 1024:6.0f} MB, "
            f"background CPU {background:5.1f} s, load {m.loadavg[-1]:.1f}",
            flush=True,
        )
        return


def measure_done(m: Measure) -> bool:
    return bool(m.failure) or (bool(m.seconds) and (m.seconds[0] >= REPEAT_BELOW_S or len(m.seconds) == 3))


def measure(name: str, cmd: list[str], logs: Path, before=None, **kw) -> Measure:
    """Run 3 times (median) if the first run takes < REPEAT_BELOW_S, else once; retry hung runs."""
    m = Measure()
    while not measure_done(m):
        measure_step(name, cmd, logs, m, before, **kw)
    return m


@dataclass
class Job:
    """A command to time: its arguments, what to do before each run, and run_once's options."""

    cmd: list[str]
    before: object = None
    kw: dict = field(default_factory=dict)


def measure_rounds(jobs: dict[str, Job], logs: Path) -> dict[str, Measure]:
    """Time every job in rounds (job 1, job 2, … then again), so that a drift of the machine's
    speed during the benchmark affects every job alike; each job as `measure` would."""
    measures = {name: Measure() for name in jobs}
    while not all(measure_done(m) for m in measures.values()):
        for name, job in jobs.items():
            if not measure_done(measures[name]):
                measure_step(name, job.cmd, logs, measures[name], job.before, **job.kw)
    return measures


def remover(*paths: Path):
    def remove() -> None:
        for p in paths:
            for q in (p, Path(str(p) + ".aux.xml")):
                if q.exists():
                    q.unlink()

    return remove


# --------------------------------------------------------------------------------------------
# Cases


def qgis_args(q: QgisProcess, algorithm: str, parameters: dict) -> list[str]:
    """The command line QgisProcess.run builds (so that this process can wait4 the child)."""
    args = [q.binary, "--json", "run", algorithm, "--"]
    for name, value in parameters.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        args.extend(f"{name}={v}" for v in values)
    return args


def qgis_results(stdout: str) -> dict:
    start = stdout.find("{")
    return json.loads(stdout[start:]).get("results", {}) if start >= 0 else {}


def tool_jobs(label: str, paths: list[str], out_dir: Path, q: QgisProcess, variant: str) -> tuple[dict[str, Job], dict[str, Path]]:
    """The four tools' commands on one set of inputs (in the layout of `variant`) and their outputs."""
    weights = ",".join(f"{w:g}" for w in WEIGHTS)
    formula = "+".join(f"{w:g}*{c}" for w, c in zip(WEIGHTS, LETTERS))
    with rasterio.open(paths[0]) as ds:
        west, south, east, north = ds.bounds
    outs = {tool: out_dir / f"{label}_{tool}.tif" for tool in TOOLS}
    jobs: dict[str, Job] = {}

    cmd = [sys.executable, str(HERE / "overlay_core.py"), str(outs["core"]), *paths, "--weights", weights]
    jobs["core"] = Job(cmd, remover(outs["core"]), {"cwd": out_dir})

    params = {
        "HAZARDS": paths,
        "WEIGHTS": weights,
        "METHOD": 0,
        "OUTPUT": str(outs["tsr"]),
        "OUTPUT_DOMINANT": "",
        "OUTPUT_COUNT": "",
        "OUTPUT_HTML": "",
    }
    jobs["tsr"] = Job(qgis_args(q, "tsr:multihazardoverlay", params), remover(outs["tsr"]), {"env": q.env, "cwd": out_dir})

    cmd = [
        "gdal_calc.py",
        "--quiet",
        "--overwrite",
        f"--outfile={outs['gdal_calc']}",
        f"--calc={formula}",
        "--type=Float32",
        f"--NoDataValue={NODATA:g}",
    ]
    for c, p in zip(LETTERS, paths):
        cmd += [f"-{c}", p]
    for option in GDAL_CALC_OPTIONS[variant]:
        cmd += ["--co", option]
    jobs["gdal_calc"] = Job(cmd, remover(outs["gdal_calc"]), {"cwd": out_dir})

    expression = "+".join(f'{w:g}*"h{i + 1}@1"' for i, w in enumerate(WEIGHTS))
    params = {
        "EXPRESSION": expression,
        "LAYERS": paths,
        "CELLSIZE": f"{CELL:g}",
        "EXTENT": f"{west!r},{east!r},{south!r},{north!r} [{CRS}]",
        "CRS": CRS,
        "OUTPUT": str(outs["rastercalc"]),
    }
    jobs["rastercalc"] = Job(qgis_args(q, "qgis:rastercalculator", params), remover(outs["rastercalc"]), {"env": q.env, "cwd": out_dir})
    return jobs, outs


def tiny_inputs(inputs: dict, workdir: Path, variant: str) -> list[str]:
    """64 × 64 windows of the inputs, in the same layout: the tools' fixed cost (start-up,
    imports, resident libraries, opening files and outputs)."""
    folder = workdir / "tiny" / variant
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for src in inputs["plain"]:
        dst = folder / src.name
        with rasterio.open(src) as ds:
            col, row = ds.width // 2 - 32, ds.height // 2 - 32  # the centre: inside the valid ellipse
        translate(src, dst, variant, (col, row, 64, 64))
        paths.append(str(dst))
    return paths


def overlay_cases(inputs: dict, workdir: Path, size: int, q: QgisProcess, variants: list[str]) -> dict:
    """Per input variant: {tool: Measure of the full run}, "fixed": {tool: Measure on 64 × 64},
    "agreement"; the runs of one variant in rounds, each tool's 64 × 64 run next to its full one."""
    out_dir = workdir / "out"
    logs = workdir / "logs"
    out_dir.mkdir(exist_ok=True)
    logs.mkdir(exist_ok=True)
    results = {}
    for variant in variants:
        paths = [str(p) for p in inputs[variant]]
        tiny, _ = tool_jobs(f"tiny_{variant}", tiny_inputs(inputs, workdir, variant), out_dir, q, variant)
        full, outs = tool_jobs(variant, paths, out_dir, q, variant)
        print(
            f"\n  {variant}: warm-up read of {warm(paths):.0f} MB of inputs; load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}", flush=True
        )
        load_before = os.getloadavg()
        jobs = {}
        for tool in TOOLS:
            jobs[f"tiny_{variant}_{tool}"] = tiny[tool]
            jobs[f"{variant}_{tool}"] = full[tool]
        measures = measure_rounds(jobs, logs)
        res = results[variant] = {tool: measures[f"{variant}_{tool}"] for tool in TOOLS}
        res["fixed"] = {tool: measures[f"tiny_{variant}_{tool}"] for tool in TOOLS}
        res["load"] = {"before": load_before, "after": os.getloadavg()}
        produced = sorted(qgis_results(res["tsr"].stdout))
        if res["tsr"].seconds and produced != ["OUTPUT"]:
            print(f"    note: tsr:multihazardoverlay produced {produced}, not only OUTPUT")
        res["agreement"] = agreement(outs, size)
    return results


def sample_windows(size: int) -> list[Window]:
    w = min(512, size // 4)
    rng = np.random.default_rng(7)
    windows = [Window(0, 0, w, w), Window(size // 2 - w // 2, size // 2 - w // 2, w, w)]
    for _ in range(2):
        c, r = rng.integers(0, size - w, 2)
        windows.append(Window(int(c), int(r), w, w))
    return windows


def agreement(outs: dict, size: int) -> dict:
    """Max |difference| of every output against gdal_calc's, and nodata-mask mismatches, on samples."""
    ref_path = outs["gdal_calc"]
    found = {}
    for tool in ("core", "tsr", "rastercalc"):
        if not (ref_path.exists() and outs[tool].exists()):
            found[tool] = None
            continue
        max_diff, mask_mismatch, cells = 0.0, 0, 0
        with rasterio.open(ref_path) as ref, rasterio.open(outs[tool]) as other:
            for window in sample_windows(size):
                a = ref.read(1, window=window, masked=True)
                b = other.read(1, window=window, masked=True)
                mask_mismatch += int((np.ma.getmaskarray(a) != np.ma.getmaskarray(b)).sum())
                both = ~np.ma.getmaskarray(a) & ~np.ma.getmaskarray(b)
                cells += int(both.sum())
                if both.any():
                    max_diff = max(max_diff, float(np.abs(a.data[both].astype(np.float64) - b.data[both]).max()))
        found[tool] = {"max_abs_diff": max_diff, "mask_mismatch": mask_mismatch, "cells": cells}
    found["formats"] = {tool: output_format(outs[tool]) for tool in TOOLS if outs[tool].exists()}
    return found


def output_format(path: Path) -> str:
    with rasterio.open(path) as ds:
        rows, cols = ds.block_shapes[0]
        layout = f"tiled {cols}×{rows}" if rows > 1 and cols < ds.width else f"striped ({rows} row{'s' if rows > 1 else ''})"
        comp = ds.compression.value if ds.compression else "uncompressed"
        pred = ds.tags(ns="IMAGE_STRUCTURE").get("PREDICTOR")
    return f"{layout}, {comp}{f' predictor {pred}' if pred and comp != 'uncompressed' else ''}, {path.stat().st_size / 2**20:.0f} MB"


def breaks_case(inputs: dict, workdir: Path) -> dict:
    logs = workdir / "logs"
    logs.mkdir(exist_ok=True)
    path = inputs["breaks"]
    print(f"\n  natural breaks: warm-up read of {warm([path]):.0f} MB", flush=True)
    cmd = [sys.executable, str(HERE / "breaks_core.py"), str(path), "--k", "5"]
    m = measure("breaks", cmd, logs, cwd=workdir)
    runs = [json.loads(text.strip().splitlines()[-1]) for text in m.outputs]
    # determinism needs at least two runs even when the first one was slow
    if len(runs) < 2:
        _, _, text, _ = run_once(cmd, logs / "breaks.extra.log", cwd=workdir)
        runs.append(json.loads(text.strip().splitlines()[-1]))
    return {"measure": m, "runs": runs, "deterministic": all(r["breaks"] == runs[0]["breaks"] for r in runs)}


# --------------------------------------------------------------------------------------------
# Report


def versions() -> list[str]:
    from osgeo import gdal

    try:
        from qgis.core import Qgis

        qgis_version = Qgis.QGIS_VERSION
    except ImportError:
        qgis_version = "not importable"
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return [
        f"GDAL {gdal.__version__} · rasterio {rasterio.__version__} · numpy {np.__version__} · QGIS {qgis_version}"
        f" · Python {platform.python_version()}",
        f"CPUs: {os.cpu_count()} ({cpu}) · RAM {mem:.1f} GiB · {platform.platform()}",
        f"Code measured: {code_fingerprint()}",
    ]


def source_hashes() -> dict[str, str]:
    """sha256 of each Python source of the plugin's algorithms/ and processing_provider/."""
    return {
        f"{folder}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("algorithms", "processing_provider")
        for path in sorted((ROOT / folder).glob("*.py"))
    }


def code_fingerprint(hashes: dict[str, str] | None = None) -> str:
    """One sha256 over those sources, and the newest modification time among them."""
    hashes = hashes if hashes is not None else source_hashes()
    digest = hashlib.sha256("".join(f"{k}:{v}\n" for k, v in hashes.items()).encode()).hexdigest()
    newest = max((ROOT / name).stat().st_mtime for name in hashes)
    stamp = datetime.datetime.fromtimestamp(newest).astimezone()
    return f"algorithms/ + processing_provider/ sha256 {digest[:12]} (newest file {stamp:%Y-%m-%d %H:%M:%S %Z})"


def marginal_s(full: Measure, fixed: Measure) -> float:
    """Seconds above the tool's fixed cost: the median over rounds of (full run − 64 × 64 run of the
    same round), or the difference of the medians when their numbers of runs differ."""
    if not (full.seconds and fixed.seconds):
        return math.nan
    if len(full.seconds) == len(fixed.seconds):
        return statistics.median(a - b for a, b in zip(full.seconds, fixed.seconds))
    return full.median - fixed.median


def _ratio(other: float, ours: float, target: float | None) -> str:
    if not (math.isfinite(other) and math.isfinite(ours)) or ours <= 0:
        return "n/a"
    r = other / ours
    return f"{r:5.2f}×" + ("" if target is None else f" {'ok' if r >= target else 'MISS'}")


def overlay_figures(res: dict) -> dict:
    """Per tool: whole and fixed seconds, marginal seconds, peak and above-fixed MB."""
    figures = {}
    for tool in TOOLS:
        m, f = res[tool], res["fixed"][tool]
        figures[tool] = {
            "seconds": m.median,
            "fixed_s": f.median,
            "marginal_s": marginal_s(m, f),
            "peak_mb": m.peak_mb,
            "fixed_mb": f.peak_mb,
            "above_fixed_mb": m.peak_mb - f.peak_mb,
        }
    return figures


def print_overlay(results: dict, size: int) -> list[str]:
    mcells = size * size / 1e6
    lines = [
        f"1. Overlay: weighted sum of {N_HAZARDS} Float32 rasters {size} × {size} ({mcells:.1f} M cells), w = {', '.join(f'{w:g}' for w in WEIGHTS)}",
        "   whole = the process's wall time (median); fixed = the same command on 64 × 64 crops of the same inputs;",
        "   marginal = whole − fixed (median over rounds); Mcells/s on the marginal time; above = peak RSS − the 64 × 64 run's.",
        "   ratio = marginal time of the other tool ÷ ours (> 1: ours is faster). Targets: "
        + "; ".join(f"{v} ≥ {g:g}× gdal_calc.py, ≥ {r:g}× raster calculator" for v, (g, r) in SPEED_TARGETS.items())
        + f"; peak RSS above start-up < {TARGETS['rss_mb']:g} MB",
        "",
        f"   {'input':<8} {'tool':<42} {'runs':>4} {'whole s':>8} {'fixed s':>7} {'marg. s':>8} {'Mcells/s':>9} "
        f"{'peak MB':>7} {'above MB':>9} {'vs gdal_calc':>12} {'vs rastercalc':>13} {'whole ratios':>13} "
        f"{'bg CPU s':>8} {'load':>5} {'redone':>6} {'hangs':>5}",
    ]
    for variant, res in results.items():
        figures = overlay_figures(res)
        target_g, target_r = SPEED_TARGETS[variant]
        for tool, label in TOOLS.items():
            m, fig = res[tool], figures[tool]
            if not m.seconds:
                lines.append(f"   {variant:<8} {label:<42} {'FAILED' if m.failure else 'HUNG'}: {m.failure or 'every run hung'}")
                continue
            ratio_g = ratio_r = whole = ""
            above = f"{fig['above_fixed_mb']:6.0f}"
            if tool in ("core", "tsr"):
                ratio_g = _ratio(figures["gdal_calc"]["marginal_s"], fig["marginal_s"], target_g)
                ratio_r = _ratio(figures["rastercalc"]["marginal_s"], fig["marginal_s"], target_r)
                whole = (
                    f"{_ratio(figures['gdal_calc']['seconds'], fig['seconds'], None).strip()}/"
                    f"{_ratio(figures['rastercalc']['seconds'], fig['seconds'], None).strip()}"
                )
                above += " ok" if fig["above_fixed_mb"] < TARGETS["rss_mb"] else " MISS"
            bg = max(m.background_cpu_s) if m.background_cpu_s else math.nan
            load = statistics.median(m.loadavg) if m.loadavg else math.nan
            lines.append(
                f"   {variant:<8} {label:<42} {len(m.seconds):>4} {fig['seconds']:8.2f} {fig['fixed_s']:7.2f} "
                f"{fig['marginal_s']:8.2f} {mcells / fig['marginal_s']:9.1f} {fig['peak_mb']:7.0f} {above:>9} "
                f"{ratio_g:>12} {ratio_r:>13} {whole:>13} {bg:8.1f} {load:5.1f} {m.disturbed:>6} {m.hangs:>5}"
            )
        lines.append(
            f"   {variant:<8} load average (1, 5, 15 min) before {' '.join(f'{v:.1f}' for v in res['load']['before'])}, "
            f"after {' '.join(f'{v:.1f}' for v in res['load']['after'])}"
        )
        lines.append("")
    lines.append("   Output agreement on 4 sample windows of up to 512 × 512 (vs gdal_calc.py; tolerance 1e-5):")
    for variant, res in results.items():
        for tool, a in res["agreement"].items():
            if tool == "formats":
                continue
            if a is None:
                lines.append(f"   {variant:<8} {TOOLS[tool]:<42} no output to compare")
                continue
            ok = a["max_abs_diff"] < 1e-5 and a["mask_mismatch"] == 0
            lines.append(
                f"   {variant:<8} {TOOLS[tool]:<42} max |Δ| = {a['max_abs_diff']:.2e} over {a['cells']:,} cells, "
                f"nodata mismatches {a['mask_mismatch']}  {'ok' if ok else 'DIFFERENT'}"
            )
    lines += ["", "   Output formats (each tool's own choice, part of its cost):"]
    for variant, res in results.items():
        for tool, fmt in res.get("agreement", {}).get("formats", {}).items():
            lines.append(f"   {variant:<8} {TOOLS[tool]:<42} {fmt}")
    lines += [
        "",
        "   Inputs: " + "; ".join(f"{v} = {VARIANTS[v]}" for v in results) + ".",
        "   bg CPU s = the most CPU time other processes (and the kernel's writeback) used during one of the kept runs;",
        "   load = the 1-minute load average after the kept runs (median);",
        f"   redone = runs discarded because others used > {DISTURBED_CPU_S:g} CPU s and > {DISTURBED_SHARE:.0%} of the run's wall time.",
        f"   hangs = runs killed after using no CPU for {HANG_IDLE_S:g} s (stacks in WORKDIR/logs), not counted in the timings.",
    ]
    return lines


def print_breaks(res: dict, inputs: dict) -> list[str]:
    m = res["measure"]
    runs = res["runs"]
    compute = statistics.median(r["compute_s"] for r in runs[: len(m.seconds)])
    first = runs[0]
    with rasterio.open(inputs["breaks"]) as ds:
        shape = (ds.height, ds.width)
    ok = "ok" if compute < TARGETS["breaks_s"] else "MISS"
    med = lambda key: statistics.median(r[key] for r in runs)  # noqa: E731
    return [
        f"2. Natural breaks (Fisher–Jenks, k = 5) of a {shape[0]} × {shape[1]} Float32 raster "
        f"({shape[0] * shape[1] / 1e6:.1f} M cells, {inputs['breaks_distinct']:,} distinct values; tiled DEFLATE), one process",
        f"   value_range + ValueSummary + fisher_jenks: {compute:.2f} s (median of {len(m.seconds)}; target < {TARGETS['breaks_s']:g} s: {ok})",
        f"     range pass {med('range_s'):.2f} s · summary pass {med('summary_s'):.2f} s · fisher_jenks {med('jenks_s'):.3f} s"
        f" on {first['points']:,} points · process wall {m.median:.2f} s (imports {med('import_s'):.2f} s)"
        f" · peak RSS {m.peak_mb:.0f} MB · bg CPU {max(m.background_cpu_s):.1f} s",
        f"   breaks {', '.join(f'{b:.6g}' for b in first['breaks'])} ({'exact' if first['exact'] else 'binned: ' + first['note']})",
        f"   deterministic over {len(runs)} runs: {'yes' if res['deterministic'] else 'NO'}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=8000, help="rows = columns of the overlay inputs (default 8000)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2000 × 2000 overlay inputs, 1000 × 1000 breaks raster")
    parser.add_argument("--workdir", type=Path, default=HERE / "data", help="inputs, outputs and logs (default benchmarks/data)")
    parser.add_argument("--only", choices=("overlay", "breaks"), help="run one part only")
    parser.add_argument("--keep-outputs", action="store_true", help="keep the overlay outputs in WORKDIR/out")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=300.0,
        metavar="S",
        help="before each run, wait up to S seconds until other processes use < 0.2 core (0: never wait)",
    )
    parser.add_argument(
        "--redo", type=int, default=4, metavar="N", help="redo a run disturbed by other processes at most N times per command (default 4)"
    )
    parser.add_argument(
        "--variants", default=",".join(VARIANTS), help=f"overlay input variants to run, comma-separated (default {','.join(VARIANTS)})"
    )
    parser.add_argument("--profile", action="store_true", help="also run benchmarks/profile_overlay.py on every input variant")
    args = parser.parse_args()
    QUIET["max_wait_s"] = args.quiet_wait
    REDO["max"] = args.redo
    variants = [v for v in args.variants.split(",") if v]
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}")
    size = 2000 if args.quick else args.size
    breaks_shape = (1000, 1000) if args.quick else (2500, 4000)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    START_HASHES.update(source_hashes())
    started = datetime.datetime.now().astimezone()
    header = [
        f"Territorial Space Resilience benchmarks · {started:%Y-%m-%d %H:%M %Z} · workdir {workdir}",
        *versions(),
        "Timings are page-cache warm (all inputs read once before each case; os.sync() before every run).",
        f"A command is run 3 times and the median reported when its first run takes < {REPEAT_BELOW_S:g} s, else once.",
        "Peak RSS = the child process's VmHWM (/proc/PID/status), read every 20 ms while it runs.",
        f"Before each run the harness waits (≤ {args.quiet_wait:g} s) until other processes use < 0.2 core.",
    ]
    print("\n".join(header), flush=True)
    for old in (workdir / "logs").glob("*.log"):
        old.unlink()
    print("\nPreparing inputs …", flush=True)
    inputs = prepare_inputs(workdir, size, breaks_shape)

    report = header + [""]
    saved = {"date": started.isoformat(), "size": size, "header": header}
    if args.only in (None, "overlay"):
        print("\nOverlay cases …", flush=True)
        q = QgisProcess(str(workdir / "qgis-profile"))
        overlay = overlay_cases(inputs, workdir, size, q, variants)
        report += print_overlay(overlay, size)
        core_info = [json.loads(t.strip().splitlines()[-1]) for r in overlay.values() for t in r["core"].outputs]
        core_info = core_info or [{"kernel": "?", "import_s": math.nan}]
        if core_info:
            report.append(
                f"   Core script kernel: {core_info[0]['kernel']}; in-process import {statistics.median(c['import_s'] for c in core_info):.2f} s"
            )
        report.append("")
        print("\n".join(report[len(header) + 1 :]), flush=True)
        saved["overlay"] = {
            v: {
                **{
                    t: {
                        "seconds": r[t].seconds,
                        "fixed_seconds": r["fixed"][t].seconds,
                        "peak_mb": r[t].peak_mb,
                        "fixed_peak_mb": r["fixed"][t].peak_mb,
                        "hangs": r[t].hangs,
                        "redone": r[t].disturbed,
                        "background_cpu_s": r[t].background_cpu_s,
                        "loadavg": r[t].loadavg,
                    }
                    for t in TOOLS
                },
                "figures": overlay_figures(r),
                "load": r["load"],
                "agreement": r["agreement"],
            }
            for v, r in overlay.items()
        }
        if not args.keep_outputs:
            shutil.rmtree(workdir / "out", ignore_errors=True)
    if args.profile:
        for variant in variants:
            paths = [str(p) for p in inputs[variant]]
            print(f"\nProfile of the core overlay on the {variant} inputs (warm-up read {warm(paths):.0f} MB) …", flush=True)
            cmd = [sys.executable, str(HERE / "profile_overlay.py"), str(workdir / "out"), *paths, "--weights", ",".join(f"{w:g}" for w in WEIGHTS)]
            try:
                _, _, text, background = run_once(cmd, workdir / "logs" / f"profile_{variant}.log", cwd=workdir)
            except RuntimeError as failure:
                text, background = f"profile failed: {failure}", math.nan
            print(text)
            report += [f"Profile of the core overlay, {variant} inputs (background CPU {background:.1f} s):"]
            report += ["   " + line for line in text.splitlines()] + [""]
        shutil.rmtree(workdir / "out", ignore_errors=True)
    if args.only in (None, "breaks"):
        print("\nNatural breaks …", flush=True)
        breaks = breaks_case(inputs, workdir)
        report += print_breaks(breaks, inputs)
        saved["breaks"] = {
            "seconds": breaks["measure"].seconds,
            "peak_mb": breaks["measure"].peak_mb,
            "runs": breaks["runs"],
            "deterministic": breaks["deterministic"],
        }
    now = source_hashes()
    changed = sorted(k for k in set(now) | set(START_HASHES) if now.get(k) != START_HASHES.get(k))
    if changed:
        report.append(f"WARNING: plugin sources changed during the run: {', '.join(changed)}")
    if QUIET["waited_s"] > 1:
        report.append(f"(waited {QUIET['waited_s']:.0f} s in total for other processes to leave the CPUs)")
    text = "\n".join(report)
    print("\n" + "=" * 100 + "\n" + text)
    (workdir / f"results-{size}.txt").write_text(text + "\n")
    (workdir / f"results-{size}.json").write_text(json.dumps(saved, indent=1, default=float) + "\n")


if __name__ == "__main__":
    main()
