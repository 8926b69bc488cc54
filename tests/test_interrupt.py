"""A parse run stopped from outside: Ctrl-C says in one line what was written and how to resume,
with no worker traceback; SIGKILL of the main process takes its workers with it, and the
hidden temporary file it leaves is removed by the next run."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mouextract.cli import Summary, interrupted_line
from mouextract.writers import atomic_output, remove_stale_temporaries

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
MOUEXTRACT = [sys.executable, "-m", "mouextract.cli"]
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from /proc")


@pytest.mark.parametrize("output, long_dir, db, line", [
    ("out.jsonl", None, None,
     "Interrupted: out.jsonl not written (a file is written only when the run completes); run the command "
     "again (with --db FILE.sqlite, a stopped run can go on where it stopped)."),
    ("-", None, None,
     "Interrupted: the records of 15 articles written to stdout; run the command again (with --db "
     "FILE.sqlite, a stopped run can go on where it stopped)."),
    (None, "tables", "a.sqlite",
     "Interrupted: 12 articles added to a.sqlite, the tables in tables not written; run the same command "
     "again for the rest: articles already in a.sqlite are skipped."),
])
def test_interrupted_line_says_what_was_written_and_how_to_resume(output, long_dir, db, line):
    # 15 articles written, 12 of them new to the database
    assert interrupted_line(Summary(written=15, added=12), output, long_dir, db) == line


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.skipif(os.name != "posix", reason="process ids are tested with os.kill(pid, 0)")
def test_stale_temporary_of_a_dead_run_is_removed_and_a_live_one_kept(tmp_path):
    target = tmp_path / "out.jsonl"
    stale = tmp_path / f".out.jsonl.{_dead_pid()}.abcd1234.tmp"
    live = tmp_path / f".out.jsonl.{os.getpid()}.efgh5678.tmp"
    other = tmp_path / ".other.jsonl.1.abcd1234.tmp"
    for path in (stale, live, other):
        path.write_text("partial")
    assert remove_stale_temporaries(target) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def test_temporary_name_carries_the_writer_pid(tmp_path):
    with atomic_output(tmp_path / "out.jsonl") as stream:
        stream.write("x")
        [tmp] = list(tmp_path.glob(".out.jsonl.*.tmp"))
        assert tmp.name.startswith(f".out.jsonl.{os.getpid()}.")
    assert (tmp_path / "out.jsonl").read_text() == "x"


# --- whole runs, stopped from outside -----------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough text that a two-worker run lasts several seconds after its workers have started."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for i in range(400):
        body = "\n\n".join(texts[(i + k) % len(texts)] for k in range(4))
        (folder / f"{i:04d}.txt").write_text(f"{body}\n\nBerita nomor {i}.\n", encoding="utf-8")
    return folder


def _group(pgid: int) -> list[int]:
    """The processes of process group PGID (the run started in a session of its own)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    """A run with its two workers started: the main process, the fork server, the resource
    tracker and the workers make five processes in its group."""
    proc = subprocess.Popen(MOUEXTRACT + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True)
    deadline = time.monotonic() + 120
    while len(_group(proc.pid)) < 5:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"the run ended or its workers did not start: {err[-2000:]}")
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are extracting
    return proc


def _gone(pgid: int, seconds: float = 20) -> list[int]:
    deadline = time.monotonic() + seconds
    while _group(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _group(pgid)


@linux_only
def test_sigkill_takes_the_workers_along_and_the_next_run_cleans_up(corpus, tmp_path):
    proc = _start(["parse", str(corpus), "--jobs", "2", "-o", "out.jsonl"], tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert _gone(proc.pid) == []
    assert len(list(tmp_path.glob(".out.jsonl.*.tmp"))) == 1  # what the killed run left
    rerun = subprocess.run(MOUEXTRACT + ["parse", str(SAMPLES[0]), "-o", "out.jsonl"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert rerun.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@linux_only
def test_ctrl_c_says_the_output_file_was_not_written(corpus, tmp_path):
    proc = _start(["parse", str(corpus), "--jobs", "2", "-o", "out.jsonl"], tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to every process of the group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.splitlines() == [
        "Interrupted: out.jsonl not written (a file is written only when the run completes); run the command "
        "again (with --db FILE.sqlite, a stopped run can go on where it stopped)."]
    assert list(tmp_path.iterdir()) == []
    assert _gone(proc.pid) == []


@linux_only
def test_ctrl_c_during_db_run_keeps_what_was_added_and_says_so(corpus, tmp_path):
    proc = _start(["parse", str(corpus), "--jobs", "2", "--db", "a.sqlite"], tmp_path)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        added = conn.execute("select count(*) from articles").fetchone()[0]
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.splitlines()[-1] == (
        f"Interrupted: {added} article{'' if added == 1 else 's'} added to a.sqlite; run the same command "
        "again for the rest: articles already in a.sqlite are skipped.")
    assert _gone(proc.pid) == []
