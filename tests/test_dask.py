"""The dask engine on a real local cluster of two worker processes gives the single-process
records, in input order (skipped when the dask extra is not installed)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402

from mouextract.dask_engine import extract_bag  # noqa: E402
from mouextract.parallel import map_extract  # noqa: E402

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def items():
    items = [(p.read_text(encoding="utf-8"), {"path": str(p), "id": p.stem}) for p in SAMPLES]
    items.insert(3, (b"bytes, not str", {"path": "broken.txt", "id": "broken"}))
    return items


@pytest.fixture(scope="module")
def serial(items):
    return list(map_extract(items, jobs=1))


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield cluster, client


def test_stream_on_cluster_equals_single_process(cluster, items, serial):
    local_cluster, _ = cluster
    timings = {}
    records = list(map_extract(items, engine="dask", scheduler=local_cluster.scheduler_address,
                               chunksize=2, timings=timings))
    assert records == serial
    assert records[3]["error"].startswith("TypeError")
    # stage times come back from the workers
    assert timings.get("tokenise", 0) > 0


def test_bag_equals_single_process(cluster, items, serial):
    _, client = cluster
    bag = db.from_sequence(items, npartitions=3)
    assert extract_bag(bag).compute(scheduler=client.get) == serial
