"""Throughput benchmark: articles/second, peak memory and where the time goes.

    python bench/bench.py [--n 2000] [--jobs N] [--json out.json]

Builds a corpus of N articles from samples/*.txt (names, places and years varied), writes it to
a temporary directory, then runs each mode in a fresh child process (so one mode's loaded
pipeline does not inflate the next one's memory) while this process samples the RSS of the
child and all its descendants (pool workers, fork server):

  floor    read each file and tokenise it with spacy.blank("id"): what no pipeline can beat
  fast-1   map_extract(fast=True, jobs=1)      fast-N   the same on N worker processes
  full-1   map_extract(fast=False, jobs=1)     full-N   the same on N worker processes

Throughput is steady-state: pipeline start-up (building the rules, loading the model) is shown
apart, since it is paid once per process, not per article. See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TARGETS = {"fast_vs_floor": 0.75, "full_vs_floor": 0.33, "scaling": 1.7, "peak_mb": 600}

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Hendra", "Nur", "Eko", "Rina", "Joko", "Made",
         "Yohanes", "Fitri", "Bambang", "Wayan", "Ratna", "Ahmad", "Lukas", "Intan"]
LAST = ["Santoso", "Rahmawati", "Wijaya", "Hartono", "Lestari", "Saputra", "Nugroho", "Simanjuntak",
        "Pratama", "Kurniawan", "Siregar", "Wulandari", "Setiawan", "Manurung", "Hidayat", "Ndun"]
PLACES = ["Sleman", "Bantul", "Magelang", "Jember", "Banyuwangi", "Gowa", "Maros", "Sidoarjo", "Garut",
          "Tasikmalaya", "Klaten", "Sumedang", "Lamongan", "Pacitan", "Wonogiri", "Ende", "Sikka", "Bima",
          "Kendari", "Ambon", "Jayapura", "Manado", "Pontianak", "Banjarmasin", "Padang", "Jambi"]
_YEAR = re.compile(r"\b(20[12]\d)\b")


# ---------------------------------------------------------------------------------- corpus

def _gold_strings(node, key: str) -> list[str]:
    """Every string under KEY anywhere in a gold YAML tree (lists flattened)."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                found += [v] if isinstance(v, str) else [x for x in v or [] if isinstance(x, str)]
            else:
                found += _gold_strings(v, key)
    elif isinstance(node, list):
        for v in node:
            found += _gold_strings(v, key)
    return found


def load_samples() -> list[tuple[str, str, list[str], list[str]]]:
    """(stem, text, person names, one-word place names) for each sample article."""
    import yaml

    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.yaml")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        names = sorted(set(_gold_strings(gold, "name")), key=len, reverse=True)
        places = {c for c in _gold_strings(gold, "city") if " " not in c}
        out.append((path.stem, path.read_text(encoding="utf-8"), names, sorted(places)))
    if not out:
        raise SystemExit(f"no samples in {SAMPLES}")
    return out


def vary(text: str, names: list[str], places: list[str], rng: random.Random) -> str:
    for name in names:
        text = text.replace(name, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    for place in places:
        new = rng.choice(PLACES)
        text = re.sub(rf"\b{re.escape(place)}\b", new, text)
        text = re.sub(rf"\b{re.escape(place.upper())}\b", new.upper(), text)
    shift = rng.randint(-4, 2)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def build_corpus(n: int, directory: Path, seed: int = 0) -> int:
    """Write N varied articles into DIRECTORY; returns their total size in bytes."""
    samples = load_samples()
    total = 0
    for i in range(n):
        stem, text, names, places = samples[i % len(samples)]
        body = vary(text, names, places, random.Random(seed * 1_000_003 + i))
        path = directory / f"{i:06d}-{stem}.txt"
        path.write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    return total


def corpus_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.txt"))


def read_items(directory: Path):
    """(text, meta) pairs, read lazily as a real run over a folder would."""
    for path in corpus_files(directory):
        yield path.read_text(encoding="utf-8"), {"path": str(path), "id": path.stem}


# -------------------------------------------------------------------- one mode (child process)

def run_floor(directory: Path) -> dict:
    import spacy

    nlp = spacy.blank("id")
    start = time.perf_counter()
    n = 0
    for path in corpus_files(directory):
        nlp(path.read_text(encoding="utf-8"))
        n += 1
    seconds = time.perf_counter() - start
    return {"n": n, "seconds": seconds, "steady_seconds": seconds, "startup": 0.0, "timings": {}}


def pipeline_split(directory: Path, limit: int = 200) -> dict:
    """Seconds per spaCy component of the rule pipeline on up to LIMIT articles: what the
    "tokenise" stage is made of."""
    from mouextract.nlp import get_nlp

    nlp = get_nlp()
    texts = [p.read_text(encoding="utf-8") for p in corpus_files(directory)[:limit]]
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    split = {"tokenizer": time.perf_counter() - start}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = [component(d) for d in docs]
        split[name] = time.perf_counter() - start
    return {"articles": len(texts), "seconds": split}


def run_extract(directory: Path, jobs: int, fast: bool, engine: str, chunksize: int) -> dict:
    from mouextract.parallel import map_extract, warm_up

    startup = 0.0
    if jobs == 1 and engine == "local":
        # in-process: pay the pipeline build here, apart; pool workers pay it in their initializer
        t0 = time.perf_counter()
        warm_up(fast)
        startup = time.perf_counter() - t0
    timings: dict[str, float] = {}
    errors = n = 0
    start = time.perf_counter()
    first = None
    for record in map_extract(read_items(directory), jobs=jobs, fast=fast, engine=engine,
                              chunksize=chunksize, timings=timings):
        n += 1
        errors += "error" in record
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    if jobs == 1 and engine == "local":
        steady_n, steady = n, end - start
    else:
        # Records arrive a chunk at a time and the first chunks of all workers finish together,
        # so count the work after the first record as all but those first chunks.
        startup = (first or end) - start
        steady_n, steady = max(1, n - jobs * chunksize), end - (first or end)
    return {"n": n, "errors": errors, "seconds": end - start, "steady_seconds": steady,
            "steady_n": steady_n, "startup": startup, "timings": timings}


def child_main(args) -> None:
    directory = Path(args.corpus)
    if args.mode == "floor":
        result = run_floor(directory)
    else:
        kind, _, jobs = args.mode.partition("-")
        result = run_extract(directory, int(jobs), kind == "fast", args.engine, args.chunksize)
        if args.split:
            result["components"] = pipeline_split(directory)
    print("BENCH-RESULT " + json.dumps(result))


# --------------------------------------------------------------------------- parent: measure

def _tree_memory(proc) -> tuple[int, int]:
    """(RSS sum, PSS sum) over PROC and its descendants. RSS counts pages shared between the
    fork server and the workers it forked once per process; PSS splits them, so its sum is
    the memory the run really holds."""
    import psutil

    rss = pss = 0
    for p in [proc] + proc.children(recursive=True):
        try:
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return rss, pss


def run_mode(mode: str, directory: Path, args) -> dict:
    cmd = [sys.executable, __file__, "--_child", mode, "--corpus", str(directory),
           "--engine", args.engine, "--chunksize", str(args.chunksize)]
    if mode == "full-1":
        cmd.append("--split")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = peak_pss = 0
    try:
        import psutil

        watched = psutil.Process(proc.pid)

        def sample():
            nonlocal peak, peak_pss
            while proc.poll() is None:
                try:
                    rss, pss = _tree_memory(watched)
                    peak, peak_pss = max(peak, rss), max(peak_pss, pss)
                except Exception:
                    pass
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        sampler = None
    out, _ = proc.communicate()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"mode {mode} failed (exit {proc.returncode})")
    line = next(l for l in out.splitlines() if l.startswith("BENCH-RESULT "))
    result = json.loads(line.removeprefix("BENCH-RESULT "))
    result["mode"] = mode
    result["peak_mb"] = peak_pss / 2**20 if peak_pss else None
    result["peak_rss_sum_mb"] = peak / 2**20 if peak else None
    n = result.get("steady_n", result["n"])
    result["per_second"] = n / result["steady_seconds"] if result["steady_seconds"] else None
    return result


def report(results: dict, args, corpus_bytes: int) -> dict:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 110))
    floor = results.get("floor", {}).get("per_second")
    table = Table(title=f"mouextract throughput: {args.n} articles "
                        f"({corpus_bytes / args.n / 1024:.1f} KiB each), engine {args.engine}")
    for col in ("mode", "articles/s", "× floor", "startup s", "wall s", "peak MB (PSS)",
                "peak RSS sum", "errors"):
        table.add_column(col, justify="left" if col == "mode" else "right")
    for mode, r in results.items():
        ratio = r["per_second"] / floor if floor and r["per_second"] else None
        r["vs_floor"] = ratio
        table.add_row(mode, f"{r['per_second']:.1f}", f"{ratio:.2f}" if ratio else "-",
                      f"{r['startup']:.1f}", f"{r['seconds']:.1f}",
                      f"{r['peak_mb']:.0f}" if r["peak_mb"] else "?",
                      f"{r['peak_rss_sum_mb']:.0f}" if r["peak_rss_sum_mb"] else "?",
                      str(r.get("errors", "-")))
    console.print(table)
    console.print(f"load average before / after: {results_load[0]} / {results_load[1]} "
                  f"on {os.cpu_count()} cores (other work on the machine lowers every figure)")

    checks = []
    def check(label, value, target, higher=True):
        if value is None:
            return
        ok = value >= target if higher else value < target
        checks.append({"check": label, "value": value, "target": target, "ok": ok})

    jobs_n = f"-{args.jobs}"
    for kind, key in (("fast", "fast_vs_floor"), ("full", "full_vs_floor")):
        if f"{kind}-1" in results:
            check(f"{kind}-1 / floor", results[f"{kind}-1"]["vs_floor"], TARGETS[key])
        if args.jobs > 1 and f"{kind}-1" in results and f"{kind}{jobs_n}" in results:
            check(f"{kind}{jobs_n} / {kind}-1", results[f"{kind}{jobs_n}"]["per_second"]
                  / results[f"{kind}-1"]["per_second"], TARGETS["scaling"])
    peaks = [r["peak_mb"] for r in results.values() if r["peak_mb"]]
    check("peak MB, PSS (max over modes)", max(peaks) if peaks else None, TARGETS["peak_mb"], higher=False)
    targets = Table(title="targets")
    for col in ("check", "measured", "target", ""):
        targets.add_column(col)
    for c in checks:
        targets.add_row(c["check"], f"{c['value']:.2f}",
                        ("< " if c["check"].startswith("peak") else "≥ ") + f"{c['target']}",
                        "[green]ok[/]" if c["ok"] else "[red]below target[/]")
    console.print(targets)

    split = Table(title="time by stage (seconds summed over worker processes, % of stage time)")
    split.add_column("stage")
    modes = [m for m in results if results[m].get("timings")]
    for m in modes:
        split.add_column(m, justify="right")
    stages = sorted({s for m in modes for s in results[m]["timings"]},
                    key=lambda s: (s != "tokenise", s))
    for stage in stages:
        row = [stage]
        for m in modes:
            t = results[m]["timings"]
            total = sum(t.values()) or 1
            row.append(f"{t.get(stage, 0):.2f} ({100 * t.get(stage, 0) / total:.0f}%)")
        split.add_row(*row)
    if modes:
        console.print(split)
    comp = results.get("full-1", {}).get("components")
    if comp:
        t = Table(title=f"'tokenise' by spaCy component (first {comp['articles']} articles, ms/article)")
        t.add_column("component")
        t.add_column("ms/article", justify="right")
        for name, s in comp["seconds"].items():
            t.add_row(name, f"{1000 * s / comp['articles']:.2f}")
        if floor:
            t.add_row("(floor: read + blank tokenizer)", f"{1000 / floor:.2f}")
        console.print(t)
    return {"n": args.n, "jobs": args.jobs, "engine": args.engine, "chunksize": args.chunksize,
            "corpus_bytes": corpus_bytes, "cpu_count": os.cpu_count(), "results": results,
            "checks": checks, "load_average": results_load}


results_load = ("?", "?")


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes of the parallel modes (default: all cores)")
    parser.add_argument("--modes", default="floor,fast-1,fast-N,full-1,full-N",
                        help="comma-separated subset of floor,fast-1,fast-N,full-1,full-N")
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument("--chunksize", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--_child", dest="mode", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--split", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        child_main(args)
        return
    modes = [m.replace("-N", f"-{args.jobs}") for m in args.modes.split(",") if m]
    modes = list(dict.fromkeys(modes))  # --jobs 1 makes fast-N the same as fast-1
    with tempfile.TemporaryDirectory(prefix="mouextract-bench-") as tmp:
        directory = Path(tmp)
        corpus_bytes = build_corpus(args.n, directory, args.seed)
        results = {}
        load_before = _load()
        for mode in modes:
            print(f"running {mode} ...", file=sys.stderr, flush=True)
            results[mode] = run_mode(mode, directory, args)
        global results_load
        results_load = (load_before, _load())
        summary = report(results, args, corpus_bytes)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
