"""A worker pool for tests of od_parallel's users: the workers' part of a run is exercised
whatever the machine's load."""

from __future__ import annotations


def patient_pool(log: dict):
    """A SearchPool that lets a worker compute the last chunk before the caller starts, and logs
    which chunks came back from the workers (log["first"], log["collecting"], log["from_workers"])."""
    from territorial_resilience.algorithms.network import od_parallel

    class Patient(od_parallel.SearchPool):
        def claim(self, k):
            if k == 0:
                assert self.wait_started(120) and not self.failed
                log["first"] = self._futures[len(self.chunks) - 1].result(timeout=120)
            return super().claim(k)

        def collect(self, seconds_per_chunk, check):
            log["collecting"] = True
            for k, block in super().collect(seconds_per_chunk, check):
                log.setdefault("from_workers", []).append((k, block is not None))
                yield k, block

    return Patient
