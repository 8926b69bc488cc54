"""map_extract: the same records in the same order whatever the number of workers, errors as
records, and a lazy pull on the input. One pool run is shared by the tests: starting workers
(each builds the pipeline) costs far more than the articles."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mouextract import parallel
from mouextract.errors import BinaryInput
from mouextract.readers import iter_articles
from mouextract.parallel import PREFETCH, SMALL_RUN, Chunker, error_record, map_extract

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
NAMES = ["Budi Santoso", "Siti Rahmawati", "Andi Wijaya", "Rudi Hartono", "Dewi Lestari"]
CITIES = ["Sleman", "Kediri", "Kupang", "Palu", "Bone", "Jember"]
JOBS = 2
CHUNKSIZE = 2
BAD_AT = 20


def make_items() -> list[tuple]:
    items = [(p.read_text(encoding="utf-8"), {"path": str(p), "id": p.stem}) for p in SAMPLES]
    # many small items, so chunks from two workers finish interleaved
    for i in range(90):
        text = (f"{CITIES[i % 6].upper()} - Bupati {CITIES[i % 6]} {NAMES[i % 5]} menandatangani nota "
                f"kesepahaman dengan Kejaksaan Negeri {CITIES[(i + 1) % 6]}, Senin ({1 + i % 28}/6/2024).")
        items.append((text, {"id": f"small-{i}"}))
    # not a str: extract raises TypeError
    items.insert(BAD_AT, (None, {"path": "broken.txt", "id": "broken"}))
    return items


class CountingIter:
    """An input generator that counts how many items were pulled from it."""

    def __init__(self, items):
        self.items = items
        self.pulled = 0

    def __iter__(self):
        for item in self.items:
            self.pulled += 1
            yield item


@pytest.fixture(scope="module")
def items():
    return make_items()


@pytest.fixture(scope="module")
def serial(items):
    return list(map_extract(items, jobs=1))


@pytest.fixture(scope="module")
def pooled(items):
    """Records of a jobs=2 run, and how far the pool had read ahead at each record."""
    source = CountingIter(items)
    records, lookahead = [], []
    for record in map_extract(source, jobs=JOBS, chunksize=CHUNKSIZE):
        records.append(record)
        lookahead.append(source.pulled - len(records))
    return records, lookahead


def test_pool_gives_the_in_process_records_in_order(serial, pooled, items):
    records, _ = pooled
    assert len(records) == len(items)
    assert records == serial


def test_order_follows_input_with_many_small_items(pooled, items):
    records, _ = pooled
    assert [r["article"]["id"] for r in records] == [meta["id"] for _, meta in items]


def test_failing_item_gives_error_record_and_run_goes_on(serial, pooled):
    for records in (serial, pooled[0]):
        bad = records[BAD_AT]
        assert bad == {
            "article": {"path": "broken.txt", "id": "broken"},
            "error": "TypeError: extract() needs the article text as str, not NoneType",
        }
        assert all("error" not in r for i, r in enumerate(records) if i != BAD_AT)


def test_pool_reads_input_lazily(pooled):
    _, lookahead = pooled
    # first the look for a small input (SMALL_RUN + 1 items), then what is in flight:
    # jobs * PREFETCH chunks, the chunker's window of jobs + 1 chunks, the one handed out
    assert max(lookahead) <= SMALL_RUN + 1
    assert max(lookahead[SMALL_RUN:]) <= (JOBS * PREFETCH + JOBS + 2) * CHUNKSIZE


def test_pool_reads_the_files_it_is_handed_unread(items, tmp_path):
    """Files handed out unread (readers.FileArticle) are read by the workers: the records of the
    same files read here, in order, and a file that cannot be read gives its error to report."""
    for i, (text, _) in enumerate(items):
        (tmp_path / f"{i:03d}.txt").write_bytes(b"\x00 not text" if text is None else text.encode("utf-8"))
    skipped = []
    read_here = list(map_extract(iter_articles([tmp_path], on_skip=skipped.append), jobs=1))
    read_there = list(map_extract(iter_articles([tmp_path], unread=True), jobs=JOBS, chunksize=CHUNKSIZE))
    unread = read_there.pop(BAD_AT)
    assert read_there == read_here
    assert type(unread["unread"]) is BinaryInput and str(unread["unread"]) == str(skipped[0])
    assert unread["article"] == {"path": str(tmp_path / f"{BAD_AT:03d}.txt"), "id": None}


def test_small_input_is_done_in_process(items, serial, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(parallel, "_PoolRun", no_pool)
    assert list(map_extract(items[:SMALL_RUN], jobs=JOBS)) == serial[:SMALL_RUN]


@pytest.mark.parametrize("n, size, ways, sizes", [
    (20, 4, 2, [4, 4, 4, 2, 2, 2, 2]),   # 8 left at the end: spread over 2 * ways chunks
    (3, 4, 2, [1, 1, 1]),
    (0, 4, 2, []),
    (9, 1, 1, [1] * 9),
])
def test_chunker_spreads_the_tail(n, size, ways, sizes):
    chunks = list(Chunker(range(n), size, ways))
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(n))


def test_in_process_reads_one_item_at_a_time(items):
    source = CountingIter(items)
    stream = map_extract(source, jobs=1, fast=True)
    next(stream)
    next(stream)
    assert source.pulled == 2


def test_error_record_shape():
    assert error_record({"path": Path("a/b.txt")}, ValueError("bad")) == {
        "article": {"path": "a/b.txt", "id": None}, "error": "ValueError: bad"}
    assert error_record(None, KeyError("x"))["article"] == {"path": None, "id": None}


def test_in_process_item_not_a_pair_is_an_error_record():
    [record] = list(map_extract(["just a text"], jobs=1))
    assert record["error"].startswith("ValueError")


def test_bad_arguments_fail_at_call():
    with pytest.raises(ValueError, match="engine"):
        map_extract([], engine="spark")
    with pytest.raises(ValueError, match="jobs"):
        map_extract([], jobs=0)


def test_importing_mouextract_does_not_import_dask():
    code = ("import sys, mouextract, mouextract.parallel, mouextract.dask_engine; "
            "sys.exit(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_missing_dask_names_the_fix(monkeypatch):
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import name` raise ImportError
    with pytest.raises(ImportError, match=r"mouextract\[dask\]"):
        map_extract([], engine="dask")
