"""Run `extract` over many articles: in this process, on a local process pool, or on dask.

`map_extract` streams: it pulls items from the input only as workers free up (at most
`jobs * PREFETCH` chunks of `chunksize` items in flight), and yields records in input order, so
memory stays flat however long the input is, and the output is the same whatever `jobs` is.

Workers are started with "forkserver" (never plain fork: a forked copy of a parent that holds
threads or a half-built pipeline is unsafe) and build their own spaCy pipeline once, in the pool
initializer; only texts, metas and plain-dict records cross process boundaries. As with any
non-fork start method, workers import the caller's main module, so a script calling this with
jobs > 1 must do so under `if __name__ == "__main__":`.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Iterable, Iterator

from .api import extract
from .pipeline import TIMINGS

ENGINES = ("local", "dask")

# Chunks queued per worker: one running, one ready, so a worker never waits on the parent,
# while the lookahead into the input stays a few chunks.
PREFETCH = 2

# A chunk in flight when this many worker crashes happened is taken to be what kills workers.
MAX_CRASHES_PER_CHUNK = 2

# Short, but touches the tokenizer special cases, the rules and the date parser, so the lazy
# loads happen in the initializer rather than inside the first real article.
_WARM_UP_TEXT = (
    "JAKARTA - Pemerintah Kota Bandung dan Universitas Padjadjaran menandatangani nota "
    "kesepahaman, Senin (3/6/2024). MoU ditandatangani oleh Wali Kota Bandung, Drs. H. Budi "
    "Santoso, M.Si., disaksikan Gubernur Jawa Barat."
)

Item = tuple[str, "dict | None"]


def error_record(meta: Any, exc: BaseException) -> dict:
    """The record yielded in place of an article whose extraction raised."""
    meta = meta if isinstance(meta, dict) else {}
    path = meta.get("path")
    return {
        # str() as extract does, so a pathlib.Path in meta still gives JSON-serialisable output
        "article": {"path": str(path) if path is not None else None, "id": meta.get("id")},
        "error": f"{type(exc).__name__}: {exc}",
    }


def _meta_of(item: Any) -> Any:
    try:
        return item[1]
    except Exception:
        return None


def extract_item(item: Item, fast: bool = False) -> dict:
    """`extract` on one (text, meta) pair; an exception becomes an error record."""
    meta = None
    try:
        text, meta = item
        return extract(text, meta, fast=fast)
    except Exception as exc:  # one bad article must not stop a 100k-article run
        return error_record(meta if meta is not None else _meta_of(item), exc)


def _timings_since(before: dict[str, float]) -> dict[str, float]:
    return {k: v - before.get(k, 0.0) for k, v in TIMINGS.items() if v - before.get(k, 0.0) > 0}


def extract_chunk(chunk: list, fast: bool = False) -> tuple[list[dict], dict[str, float]]:
    """Records for a chunk of items, plus the seconds this process spent per stage on them."""
    before = dict(TIMINGS)
    records = [extract_item(item, fast) for item in chunk]
    return records, _timings_since(before)


def warm_up(fast: bool = False) -> None:
    """Build the pipeline (and load the NER model unless fast) in this process now.

    Called once per worker. The warm-up's own stage time is discarded so TIMINGS only counts
    the corpus. A failure is swallowed: the same error then shows on each article's record,
    which says more than a pool that refuses to start.
    """
    try:
        extract(_WARM_UP_TEXT, {"id": "warm-up"}, fast=fast)
    except Exception:
        pass
    TIMINGS.clear()


def _init_worker(fast: bool, started) -> None:
    warm_up(fast)
    with started.get_lock():
        started.value += 1


def add_timings(total: dict[str, float] | None, spent: dict[str, float]) -> None:
    if total is not None:
        for k, v in spent.items():
            total[k] = total.get(k, 0.0) + v


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def resolve_jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (or None for all cores), not {jobs}")
    return jobs


def map_extract(
    items: Iterable[Item],
    *,
    jobs: int | None = None,
    fast: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    chunksize: int = 8,
    timings: dict[str, float] | None = None,
) -> Iterator[dict]:
    """Yield `extract(text, meta, fast=fast)` for each (text, meta) in ITEMS, in input order.

    jobs: worker processes; None = all cores, 1 = in this process with no pool.
    engine: "local" (process pool) or "dask" (see dask_engine; `scheduler` is the address of a
    running dask scheduler, or None to start a local cluster of `jobs` workers).
    chunksize: items sent to a worker at a time (bigger: less overhead, more lookahead).
    timings: if given, the seconds spent per stage (keys as pipeline.TIMINGS) in whichever
    processes did the work are added to it, as records arrive.

    An item whose extraction raises gives `{"article": {"path", "id"}, "error": "Type: msg"}`
    and the run goes on.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; known: {list(ENGINES)}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if engine == "dask":
        from . import dask_engine  # imported only here: dask is an optional extra

        return dask_engine.map_extract(
            items, jobs=jobs, fast=fast, scheduler=scheduler, chunksize=chunksize, timings=timings
        )
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        return _in_process(items, fast, timings)
    return _PoolRun(items, jobs, fast, chunksize, timings).records()


def _in_process(items: Iterable[Item], fast: bool, timings: dict | None) -> Iterator[dict]:
    for item in items:
        before = dict(TIMINGS)
        record = extract_item(item, fast)
        add_timings(timings, _timings_since(before))
        yield record


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # The fork server imports mouextract (and so spaCy) once; each worker forked from it
        # starts with the import done but builds its own pipeline.
        ctx.set_forkserver_preload(["mouextract"])
        return ctx
    return multiprocessing.get_context("spawn")


class _PoolRun:
    """One streaming pass over a local process pool, restarted if a worker dies."""

    def __init__(self, items: Iterable[Item], jobs: int, fast: bool, chunksize: int, timings):
        self.chunks = chunked(items, chunksize)
        self.jobs = jobs
        self.fast = fast
        self.timings = timings
        self.max_in_flight = jobs * PREFETCH
        # (chunk, crashes it was in flight for, future), oldest first
        self.pending: deque[tuple[list, int, Future]] = deque()
        self.pool: ProcessPoolExecutor | None = None

    def _start_pool(self) -> None:
        ctx = _mp_context()
        # Counts workers that got through start-up, to tell "workers cannot start" (report it)
        # from "a worker died on some article" (restart and go on).
        self.started = ctx.Value("i", 0)
        self.pool = ProcessPoolExecutor(
            self.jobs, mp_context=ctx, initializer=_init_worker, initargs=(self.fast, self.started)
        )

    def _submit(self, chunk: list, crashes: int) -> None:
        self.pending.append((chunk, crashes, self.pool.submit(extract_chunk, chunk, self.fast)))

    def _fill(self) -> None:
        while len(self.pending) < self.max_in_flight:
            chunk = next(self.chunks, None)
            if chunk is None:
                return
            self._submit(chunk, 0)

    def _restart_after_crash(self, head: tuple[list, int]) -> list[dict] | None:
        """A worker died (killed, out of memory, native crash) and took every chunk in flight
        with it: start a fresh pool and resubmit them. Returns error records for the head chunk
        if it has now been in flight at too many crashes, else None (it is resubmitted)."""
        if self.started.value == 0:
            raise RuntimeError(
                "mouextract's worker processes died while starting. A script that calls "
                "map_extract with jobs > 1 must do so under `if __name__ == \"__main__\":` "
                "(workers import the main module); otherwise run with jobs=1 to see the error."
            )
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._start_pool()
        lost = [head] + [(chunk, crashes) for chunk, crashes, _ in self.pending]
        self.pending.clear()
        given_up = None
        for i, (chunk, crashes) in enumerate(lost):
            if i == 0 and crashes + 1 >= MAX_CRASHES_PER_CHUNK:
                exc = BrokenProcessPool("a worker process died while extracting this chunk")
                given_up = [error_record(_meta_of(item), exc) for item in chunk]
            else:
                self._submit(chunk, crashes + 1)
        return given_up

    def records(self) -> Iterator[dict]:
        self._start_pool()
        try:
            self._fill()
            while self.pending:
                chunk, crashes, future = self.pending.popleft()
                try:
                    records, spent = future.result()
                except BrokenProcessPool:
                    records, spent = self._restart_after_crash((chunk, crashes)), {}
                    if records is None:  # resubmitted, still first in line
                        continue
                except Exception as exc:  # e.g. an item that cannot be pickled
                    records, spent = [error_record(_meta_of(item), exc) for item in chunk], {}
                # refill before yielding, so workers stay busy while the caller handles records
                self._fill()
                add_timings(self.timings, spent)
                yield from records
        finally:
            # also reached when the caller stops early: drop queued work rather than finish it
            self.pool.shutdown(wait=True, cancel_futures=True)
