"""The results model: the run records of a results folder (processing_provider/common/run_record.py
writes them, one JSON object per line of `tsr_runs.jsonl`), read without QGIS.

A folder may hold several runs of one algorithm (a rerun, or two uses such as shelters and
hospitals); `Results.latest` picks the newest run that matches, and only runs whose output files
still exist are used (a rerun into the same paths replaces the files of the older run)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Callable

RECORD_FILE = "tsr_runs.jsonl"
RECORD_VERSION = 1


@dataclass(frozen=True)
class Run:
    """One successful run as recorded: `algorithm` is the full id (tsr:riskzoning)."""

    algorithm: str
    started: str
    finished: str
    seconds: float
    parameters: dict[str, Any]
    inputs: list[dict[str, Any]]
    outputs: dict[str, Any]
    files: list[dict[str, Any]]
    numbers: dict[str, Any]
    versions: dict[str, str]
    line: int = 0

    @property
    def name(self) -> str:
        """The id without the provider prefix: riskzoning."""
        return self.algorithm.split(":", 1)[-1]

    def file(self, output: str) -> str | None:
        """The path of output `output` if the run wrote it and it still exists."""
        value = self.outputs.get(output)
        if isinstance(value, str) and value and os.path.isfile(value.split("|", 1)[0]):
            return value
        return None

    def number(self, name: str) -> float | None:
        value = self.numbers.get(name, self.outputs.get(name))
        if isinstance(value, bool) or value is None:
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            return None

    def parameter(self, name: str, default: Any = None) -> Any:
        value = self.parameters.get(name, default)
        return default if value is None or value == "" else value

    def number_parameter(self, name: str, default: float | None = None) -> float | None:
        try:
            return float(self.parameter(name, default))
        except (TypeError, ValueError):
            return default

    def current(self) -> bool:
        """True if each recorded output file still holds what this run wrote (same SHA-256 is too
        slow to test for every run: the size and the newest record per path decide)."""
        return all(os.path.isfile(f["path"]) and os.path.getsize(f["path"]) == f["bytes"] for f in self.files)


@dataclass
class Results:
    folder: str
    runs: list[Run] = field(default_factory=list)
    skipped_lines: int = 0

    def latest(self, algorithm: str, accept: Callable[[Run], bool] = lambda run: True) -> Run | None:
        """The newest current run of `algorithm` (id with or without 'tsr:') that `accept` takes."""
        name = algorithm.split(":", 1)[-1]
        for run in reversed(self.runs):
            if run.name == name and accept(run) and run.current():
                return run
        return None

    def all(self, algorithm: str) -> list[Run]:
        name = algorithm.split(":", 1)[-1]
        return [run for run in self.runs if run.name == name and run.current()]

    def used(self) -> list[Run]:
        """The current runs whose files are not overwritten by a later run, oldest first."""
        newest: dict[str, int] = {}
        for k, run in enumerate(self.runs):
            for f in run.files:
                newest[f["path"]] = k
        return [run for k, run in enumerate(self.runs) if run.current() and all(newest.get(f["path"]) == k for f in run.files)]


def load(folder: str) -> Results:
    """The records of `folder`, oldest first; lines that are not version-1 records are counted
    in `skipped_lines` and otherwise ignored."""
    results = Results(os.path.abspath(folder))
    path = os.path.join(folder, RECORD_FILE)
    if not os.path.isfile(path):
        return results
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                results.skipped_lines += 1
                continue
            if not isinstance(entry, dict) or entry.get("record") != RECORD_VERSION or not isinstance(entry.get("algorithm"), str):
                results.skipped_lines += 1
                continue
            results.runs.append(
                Run(
                    algorithm=entry["algorithm"],
                    started=str(entry.get("started", "")),
                    finished=str(entry.get("finished", "")),
                    seconds=float(entry.get("seconds") or 0.0),
                    parameters=dict(entry.get("parameters") or {}),
                    inputs=list(entry.get("inputs") or []),
                    outputs=dict(entry.get("outputs") or {}),
                    files=list(entry.get("files") or []),
                    numbers=dict(entry.get("numbers") or {}),
                    versions=dict(entry.get("versions") or {}),
                    line=number,
                )
            )
    return results
