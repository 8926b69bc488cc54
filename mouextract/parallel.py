"""Run `extract` over many articles: in this process, on a local process pool, or on dask.

`map_extract` streams: it pulls items from the input only as workers free up (at most
`jobs * PREFETCH` chunks in flight), and yields records in input order, so memory stays flat
however long the input is, and the output is the same whatever `jobs` is. An input that ends
within SMALL_RUN items is done in this process: starting workers would cost more.

Workers are started by a fork server (never plain fork: a forked copy of a parent that holds
threads is unsafe) that has built the pipeline once before forking them (worker_preload.py):
start-up is paid once per run, not once per worker, and the workers share its memory. This
process never builds a pipeline for a pool run. Workers ignore Ctrl-C (the parent handles it:
no worker tracebacks) and exit when the parent dies, even by SIGKILL. Only texts, metas and
plain-dict records cross process boundaries. As with any non-fork start method, workers import
the caller's main module, so a script calling this with jobs > 1 must do so under
`if __name__ == "__main__":`.
"""
from __future__ import annotations

import gc
import math
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from .errors import MouextractError

ENGINES = ("local", "dask")

# Chunks queued per worker: one running, the others ready, so a worker never waits on the
# parent, nor behind a slow chunk ahead of it in the output order, while the lookahead into the
# input stays a few chunks.
PREFETCH = 4

# An input that ends within this many items (or this many characters) is extracted in this
# process: starting the workers costs about a second, more than a few dozen articles.
SMALL_RUN = 64
SMALL_RUN_CHARS = 2_000_000

# Without a chunksize, chunks are sized to take about this long in a worker: long enough that
# sending them costs little (each chunk is a round of thread wake-ups in this process, which
# shares the cores with the workers), short enough that the workers finish together (the last
# chunks, smaller, see Chunker, leave a worker idle for a fraction of this at most).
CHUNK_SECONDS = 0.2
FIRST_CHUNKSIZE = 4
MAX_CHUNKSIZE = 512

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
    if _unread(item):
        return item.meta
    try:
        return item[1]
    except Exception:
        return None


def _unread(item: Any) -> bool:
    """An article not read yet (readers.FileArticle): `read` gives its (text, meta)."""
    return hasattr(item, "read") and hasattr(item, "meta")


def read_unread(item: Any) -> Any:
    """ITEM, read if it is an article not read yet (readers.FileArticle): its (text, meta), or,
    when reading raises (the input cannot be read, or the options to read it are wrong), the
    error record to give in its place, with the error under "unread" for the caller to report
    as it would have when reading the input itself."""
    if not _unread(item):
        return item
    try:
        return item.read()
    except MouextractError as exc:
        return {**error_record(item.meta, exc), "unread": exc}


def extract_item(item: Item, fast: bool = False) -> dict:
    """`extract` on one (text, meta) pair, or on an article read here (`read_unread`); an
    exception becomes an error record."""
    from .api import extract  # here, not at the top: a pool run's parent never loads spaCy

    meta = None
    try:
        item = read_unread(item)
        if isinstance(item, dict):
            return item
        text, meta = item
        return extract(text, meta, fast=fast)
    except Exception as exc:  # one bad article must not stop a 100k-article run
        return error_record(meta if meta is not None else _meta_of(item), exc)


def _timings() -> dict[str, float]:
    from .pipeline import TIMINGS

    return TIMINGS


def _timings_since(before: dict[str, float]) -> dict[str, float]:
    return {k: v - before.get(k, 0.0) for k, v in _timings().items() if v - before.get(k, 0.0) > 0}


def extract_chunk(chunk: list, fast: bool = False) -> tuple[list[dict], dict[str, float]]:
    """Records for a chunk of items, plus the seconds this process spent per stage on them
    (and, under "chunk", on the whole chunk)."""
    before = dict(_timings())
    start = time.perf_counter()
    records = [extract_item(item, fast) for item in chunk]
    spent = _timings_since(before)
    spent["chunk"] = time.perf_counter() - start
    return records, spent


def warm_up(fast: bool = False) -> None:
    """Build the pipeline (and load the NER model unless fast) in this process now.

    Called once per worker. The warm-up's own stage time is discarded so TIMINGS only counts
    the corpus. A failure is swallowed: the same error then shows on each article's record,
    which says more than a pool that refuses to start. What is built by then is kept out of the
    garbage collector's passes (gc.freeze), in this process as in the fork server's workers.
    """
    from .api import extract

    try:
        extract(_WARM_UP_TEXT, {"id": "warm-up"}, fast=fast)
    except Exception:
        pass
    _timings().clear()
    # The pipeline, the compiled rules and the tables live as long as the process and are never
    # garbage: the full collections, every few hundred articles, need not walk them (about
    # 140,000 objects, a tenth of a second each time)
    gc.collect()
    gc.freeze()


def _init_worker(fast: bool, started, parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's process group: the parent handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with(parent)
    warm_up(fast)
    with started.get_lock():
        started.value += 1


def die_with(pid: int) -> None:
    """Exit this process as soon as process PID has ended (however it ended: a SIGKILLed
    parent cannot tell its workers), from a watching thread."""
    if os.name != "posix":
        return  # Windows' os.kill(pid, 0) would end the parent, not test it
    try:
        handle = os.pidfd_open(pid)  # Linux: readable once PID has exited, whatever reuses the number
    except (AttributeError, OSError):
        handle = None  # elsewhere, or PID gone already: ask every half second

    def watch() -> None:
        if handle is not None:
            import select

            select.select([handle], [], [])
        else:
            while True:
                time.sleep(0.5)
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
        os._exit(1)

    threading.Thread(target=watch, name="mouextract-parent-watch", daemon=True).start()


def add_timings(total: dict[str, float] | None, spent: dict[str, float]) -> None:
    if total is not None:
        for k, v in spent.items():
            if k != "chunk":
                total[k] = total.get(k, 0.0) + v


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Chunker:
    """Chunks of `size` items (the size may change between chunks), the last ones smaller:
    it keeps `size * ways` items ahead, and once the input has ended, spreads what is left
    over twice WAYS chunks, so that no worker sits idle while another finishes a long one."""

    def __init__(self, items: Iterable, size: int, ways: int):
        self.it = iter(items)
        self.size = size
        self.ways = ways
        self.ahead: deque = deque()
        self.tail: deque[list] | None = None

    def __iter__(self) -> Iterator[list]:
        return self

    def __next__(self) -> list:
        if self.tail is None:
            want = self.size * (self.ways + 1)
            self.ahead.extend(islice(self.it, max(0, want - len(self.ahead))))
            if len(self.ahead) >= want:
                return [self.ahead.popleft() for _ in range(self.size)]
            left = list(self.ahead)
            step = max(1, math.ceil(len(left) / (2 * self.ways)))
            self.tail = deque(left[i:i + step] for i in range(0, len(left), step))
            self.ahead.clear()
        if not self.tail:
            raise StopIteration
        return self.tail.popleft()


def _small_input(it: Iterator) -> tuple[list, bool]:
    """The first items of IT, and whether IT ended within SMALL_RUN items and chars."""
    head, chars = [], 0
    for item in it:
        head.append(item)
        chars += len(item[0]) if isinstance(item, tuple) and item and isinstance(item[0], str) else 0
        if len(head) > SMALL_RUN or chars > SMALL_RUN_CHARS:
            return head, False
    return head, True


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
    chunksize: int | None = None,
    timings: dict[str, float] | None = None,
) -> Iterator[dict]:
    """Yield `extract(text, meta, fast=fast)` for each (text, meta) in ITEMS, in input order.

    jobs: worker processes; None = all cores, 1 = in this process with no pool. An input that
    ends within SMALL_RUN items is done in this process whatever `jobs` says.
    engine: "local" (process pool) or "dask" (see dask_engine; `scheduler` is the address of a
    running dask scheduler, or None to start a local cluster of `jobs` workers).
    chunksize: items sent to a worker at a time (bigger: less overhead, more lookahead);
    None: sized from the time the chunks take, about CHUNK_SECONDS each.
    timings: if given, the seconds spent per stage (keys as pipeline.TIMINGS) in whichever
    processes did the work are added to it, as records arrive.

    An item whose extraction raises gives `{"article": {"path", "id"}, "error": "Type: msg"}`
    and the run goes on. An item may also be an article still to read (readers.FileArticle,
    local engine only): it is read where it is extracted, in a worker.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; known: {list(ENGINES)}")
    if chunksize is not None and chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if engine == "dask":
        from . import dask_engine  # imported only here: dask is an optional extra

        return dask_engine.map_extract(
            items, jobs=jobs, fast=fast, scheduler=scheduler, chunksize=chunksize or 8, timings=timings
        )
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        return _in_process(items, fast, timings)
    return _local(items, jobs, fast, chunksize, timings)


def _local(items: Iterable[Item], jobs: int, fast: bool, chunksize: int | None, timings) -> Iterator[dict]:
    it = iter(items)
    head, small = _small_input(it)
    if small:
        yield from _in_process(head, fast, timings)
    else:
        yield from _PoolRun(chain(head, it), jobs, fast, chunksize, timings).records()


def _in_process(items: Iterable[Item], fast: bool, timings: dict | None) -> Iterator[dict]:
    for item in items:
        before = dict(_timings())
        record = extract_item(item, fast)
        add_timings(timings, _timings_since(before))
        yield record


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # The fork server builds the pipeline once (worker_preload.py); each worker forked from
        # it starts warm. (The fork server is one per program: other forkserver pools in the
        # same program get workers forked from it too.)
        ctx.set_forkserver_preload(["mouextract.worker_preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class _PoolRun:
    """One streaming pass over a local process pool, restarted if a worker dies."""

    def __init__(self, items: Iterable[Item], jobs: int, fast: bool, chunksize: int | None, timings):
        self.fixed = chunksize is not None
        self.chunks = Chunker(items, chunksize or FIRST_CHUNKSIZE, jobs)
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
            self.jobs, mp_context=ctx, initializer=_init_worker, initargs=(self.fast, self.started, os.getpid())
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

    def _resize(self, n: int, seconds: float | None) -> None:
        """Size the next chunks to take about CHUNK_SECONDS, from the time this one took."""
        if self.fixed or not seconds or n < 1:
            return
        wanted = CHUNK_SECONDS * n / seconds
        # halfway to the wanted size: one slow article does not swing the size at once
        self.chunks.size = max(1, min(MAX_CHUNKSIZE, round((self.chunks.size + wanted) / 2)))

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
                self._resize(len(chunk), spent.get("chunk"))
                # refill before yielding, so workers stay busy while the caller handles records
                self._fill()
                add_timings(self.timings, spent)
                yield from records
        finally:
            # also reached when the caller stops early: drop queued work rather than finish it
            self.pool.shutdown(wait=True, cancel_futures=True)
