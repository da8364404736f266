"""The bad-input suite: one qgis_process profile for the session, the hand-made hostile inputs
built once (the sample county only if a selected case needs it), the selected cases run in a
thread pool while the tests wait for their own, and a summary table at the end."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hostile_cases import BY_ID, OUTPUTS  # noqa: E402
from hostile_data import build_county, build_library  # noqa: E402
from hostile_runner import OUTCOMES, execute  # noqa: E402

#: Parallel qgis_process runs (each starts in ~2 s, mostly CPU); HOSTILE_WORKERS overrides.
WORKERS = int(os.environ.get("HOSTILE_WORKERS", max(2, min(4, (os.cpu_count() or 2) + 1))))
_SELECTED: list[str] = []
_STARTED: list[float] = []


def share(text: str) -> tuple[int, int]:
    """(k, n) of HOSTILE_SHARE "k/n" (default "0/1": every case); refuses anything else."""
    k, _, n = text.partition("/")
    try:
        k, n = int(k), int(n)
    except ValueError:
        raise pytest.UsageError(f"HOSTILE_SHARE must be k/n, e.g. 0/2 (got {text!r})") from None
    if not 0 <= k < n:
        raise pytest.UsageError(f"HOSTILE_SHARE k/n needs 0 ≤ k < n (got {text!r})")
    return k, n


def pytest_collection_modifyitems(config, items):
    """HOSTILE_SHARE=k/n keeps every n-th case from the k-th, in the table's order (which
    alternates algorithms): CI splits the suite between two QGIS versions, each case on one."""
    k, n = share(os.environ.get("HOSTILE_SHARE", "0/1"))
    if n == 1:
        return
    # this hook sees the items of the whole session, not only those of this folder
    cases = [item for item in items if "case_id" in getattr(getattr(item, "callspec", None), "params", {})]
    left = [item for i, item in enumerate(cases) if i % n != k]
    if left:
        dropped = {id(item) for item in left}
        kept = [item for item in items if id(item) not in dropped]
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_collection_finish(session):
    """The cases left after -k / deselection: only those are run."""
    _SELECTED[:] = [item.callspec.params["case_id"] for item in session.items if hasattr(item, "callspec") and "case_id" in item.callspec.params]


@pytest.fixture(scope="session")
def hostile_runs(tmp_path_factory):
    """{case id: Future of (Run, problems)} for every selected case, started at once."""
    from qgis_runner import QgisProcess

    _STARTED.append(time.monotonic())
    base = tmp_path_factory.mktemp("hostile")
    qp = QgisProcess(str(base / "profile"))
    library = build_library(base / "library")
    county_lock = threading.Lock()
    county_folder: list[Path] = []

    def county() -> Path:
        with county_lock:
            if not county_folder:
                county_folder.append(build_county(base / "county"))
            return county_folder[0]

    selected = [BY_ID[i] for i in dict.fromkeys(_SELECTED) if i in BY_ID]
    # the cases that may run until their timeout first, so that they overlap with the others
    selected.sort(key=lambda c: -c.timeout)
    pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="hostile")
    futures = {c.id: pool.submit(execute, c, qp, base / "cases" / c.id, library, county, OUTPUTS[c.alg]) for c in selected}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not OUTCOMES:
        return
    report = os.environ.get("HOSTILE_REPORT")
    if report:  # every case's outcome, problems and message, for the notes
        Path(report).write_text(json.dumps(OUTCOMES, indent=1, ensure_ascii=False), encoding="utf-8")
    write = terminalreporter.write_line
    write("")
    write(
        f"bad-input suite: {len(OUTCOMES)} cases through qgis_process, {WORKERS} in parallel, {time.monotonic() - _STARTED[0]:.0f} s"
        if _STARTED
        else ""
    )
    header = f"{'algorithm':<20}{'cases':>6}{'exp. refused':>14}{'exp. handled':>14}{'either':>8}"
    header += f"{'refused':>9}{'handled':>9}{'timeout':>9}{'pass':>6}{'fail':>6}"
    write(header)
    rows = defaultdict(Counter)
    for data in OUTCOMES.values():
        row = rows[data["alg"]]
        row["cases"] += 1
        row[{"refused": "exp_refused", "handled": "exp_handled"}.get(data["expected"], "either")] += 1
        row[data["outcome"]] += 1
        row["pass" if data["passed"] else "fail"] += 1
    total = Counter()
    for alg in OUTPUTS:
        if alg in rows:
            row = rows[alg]
            total.update(row)
            write(
                f"tsr:{alg:<16}{row['cases']:>6}{row['exp_refused']:>14}{row['exp_handled']:>14}{row['either']:>8}{row['refused']:>9}"
                f"{row['handled']:>9}{row['timeout']:>9}{row['pass']:>6}{row['fail']:>6}"
            )
    write(
        f"{'total':<20}{total['cases']:>6}{total['exp_refused']:>14}{total['exp_handled']:>14}{total['either']:>8}{total['refused']:>9}"
        f"{total['handled']:>9}{total['timeout']:>9}{total['pass']:>6}{total['fail']:>6}"
    )
