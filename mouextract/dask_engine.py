"""Run `extract` on dask: a `dask.bag` of (text, meta) pairs, or a stream over a cluster.

Optional: needs `pip install 'mouextract[dask]'`. Dask is imported inside the functions, never
at module level, so `import mouextract` (and this module) works without it.

Each worker process builds the pipeline once: the partition function warms the process up on
first use and remembers it in a module-level flag (the pipeline itself is cached per process by
mouextract.nlp), so neither the pipeline nor a model ever travels through dask's pickling.
"""
from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator

from .parallel import PREFETCH, add_timings, chunked, error_record, extract_chunk, resolve_jobs, warm_up, _meta_of

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

INSTALL_HINT = "pip install 'mouextract[dask]'"

# Modes ("fast" / "full") this process has warmed up for.
_WARM: set[bool] = set()


def require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"the dask engine needs dask and distributed, which are not installed: {INSTALL_HINT}"
        ) from exc


def _ensure_warm(fast: bool) -> None:
    if fast not in _WARM:
        warm_up(fast)
        _WARM.add(fast)


def extract_partition(items: Iterable, fast: bool = False) -> list[dict]:
    """Records for one partition of (text, meta) pairs, errors as error records."""
    _ensure_warm(fast)
    records, _ = extract_chunk(list(items), fast)
    return records


def _extract_chunk_warm(chunk: list, fast: bool) -> tuple[list[dict], dict[str, float]]:
    _ensure_warm(fast)
    return extract_chunk(chunk, fast)


def extract_bag(bag: "dask.bag.Bag", fast: bool = False) -> "dask.bag.Bag":
    """A bag of records, one per (text, meta) pair of BAG, in the same order and partitions."""
    require_dask()
    return bag.map_partitions(extract_partition, fast=fast)


def map_extract(
    items: Iterable,
    *,
    jobs: int | None = None,
    fast: bool = False,
    scheduler=None,
    chunksize: int = 8,
    timings: dict[str, float] | None = None,
) -> Iterator[dict]:
    """Like parallel.map_extract, on a dask.distributed cluster.

    scheduler: address of a running scheduler ("tcp://host:8786"), a `distributed.Client`, or
    None to start a LocalCluster of `jobs` single-threaded worker processes for this run.
    Chunks of `chunksize` items are submitted as futures, a few per worker at a time, and
    collected in input order: a stream, so a 100k-article input is never held at once.
    """
    require_dask()
    return _stream(items, jobs, fast, scheduler, chunksize, timings)


def _connect(scheduler, jobs: int | None):
    """(client, things to close afterwards, in order)."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, []
    if scheduler is not None:
        client = Client(scheduler)
        return client, [client]
    # threads_per_worker=1: spaCy work holds the GIL, so threads would not add throughput.
    cluster = LocalCluster(
        n_workers=resolve_jobs(jobs), threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    return client, [client, cluster]


def _stream(items, jobs, fast, scheduler, chunksize, timings) -> Iterator[dict]:
    client, to_close = _connect(scheduler, jobs)
    pending: deque = deque()  # (chunk, future), oldest first
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        max_in_flight = n_workers * PREFETCH
        chunks = chunked(items, chunksize)

        def fill() -> None:
            while len(pending) < max_in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                # pure=False: two equal chunks are still two tasks (keys must not collide)
                pending.append((chunk, client.submit(_extract_chunk_warm, chunk, fast, pure=False)))

        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                records, spent = future.result()
            except Exception as exc:  # e.g. KilledWorker after repeated worker deaths
                records, spent = [error_record(_meta_of(item), exc) for item in chunk], {}
            finally:
                future.release()
            fill()
            add_timings(timings, spent)
            yield from records
    finally:
        # also reached when the caller stops early: drop queued work
        for _, future in pending:
            future.cancel()
        for thing in to_close:
            thing.close()
