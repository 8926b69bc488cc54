"""Throughput benchmark: every speed and memory figure of the project in one run, as ratios.

    python bench/bench.py [--n 2000] [--jobs 2] [--repeat 5] [--json out.json]

Builds two corpora of N articles in a temporary directory:

  signing  every article a signing: samples/*.txt with names, places and years varied
  crawl    what a crawl of a region's news looks like: 1 article in 20 a signing as above, the
           others unrelated news made of the sentences of ../shared/data/indonlu-ner (or, without
           it, of a small generator of our own)

and measures, each in fresh processes, while sampling the memory of every process involved:

  cold start    `mouextract parse ONE.txt` against `python -c "spacy.blank('id')(text)"`, whole
                processes, wall time, alternated REPEAT times (median and range)
  floor         read each file and tokenise it with spacy.blank("id") (steady state, one
                process): what no pipeline can beat; throughputs are shown as ratios of it
  full-1 fast-1 map_extract in one process (steady state: the pipeline built before the clock)
  crawl-1       the same on the crawl corpus; also without the first pass, to show it gives the
                same records (and what it saves)
  cli-1 cli-N   `mouextract parse DIR --jobs 1|N --format jsonl -o FILE`, whole processes, wall
                time, start-up included; cli-N again on N/4 articles for memory flatness
  accuracy      tests/test_accuracy.py (the accuracy gate), when ../shared/corpus/dev is present

then prints the checks against the targets of issue 13 and where the time goes. See
bench/README.md for how to read it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NER_DATA = ROOT.parent / "shared" / "data" / "indonlu-ner"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
CRAWL_SIGNING_EVERY = 20

TARGETS = {  # issue 13
    "cold start / bare spaCy": ("<=", 1.0),
    "full-1 / floor (signing)": (">=", 0.4),
    "crawl-1 / floor (crawl)": (">=", 3.0),
    "cli-N / cli-1 (whole process)": (">=", 1.8),
    "peak MB, cli-N (PSS)": ("<", 600),
    "peak cli-N, N / N/4 articles": ("<=", 1.1),
}

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Hendra", "Nur", "Eko", "Rina", "Joko", "Made",
         "Yohanes", "Fitri", "Bambang", "Wayan", "Ratna", "Ahmad", "Lukas", "Intan"]
LAST = ["Santoso", "Rahmawati", "Wijaya", "Hartono", "Lestari", "Saputra", "Nugroho", "Simanjuntak",
        "Pratama", "Kurniawan", "Siregar", "Wulandari", "Setiawan", "Manurung", "Hidayat", "Ndun"]
PLACES = ["Sleman", "Bantul", "Magelang", "Jember", "Banyuwangi", "Gowa", "Maros", "Sidoarjo", "Garut",
          "Tasikmalaya", "Klaten", "Sumedang", "Lamongan", "Pacitan", "Wonogiri", "Ende", "Sikka", "Bima",
          "Kendari", "Ambon", "Jayapura", "Manado", "Pontianak", "Banjarmasin", "Padang", "Jambi"]
_YEAR = re.compile(r"\b(20[12]\d)\b")


# ---------------------------------------------------------------------------------- corpora

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


def signing_article(i: int, samples, seed: int) -> tuple[str, str]:
    stem, text, names, places = samples[i % len(samples)]
    return stem, vary(text, names, places, random.Random(seed * 1_000_003 + i))


def ner_sentences() -> list[str]:
    """The cased sentences of NERGrit (IndoNLU), detokenised; [] when the data is not there."""
    path = NER_DATA / "nergrit_ner-grit.train.txt"
    if not path.exists():
        return []
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            s = " ".join(words)
            s = re.sub(r" ([.,;:!?)\]%])", r"\1", s)
            sentences.append(re.sub(r"([(\[]) ", r"\1", s))
            words = []
    return sentences


_SUBJECTS = ["Warga", "Pemerintah desa", "Petugas dinas", "Para pedagang", "Sejumlah siswa", "Polisi",
             "Tim relawan", "Kelompok tani", "Pengurus masjid", "Panitia lomba"]
_VERBS = ["membersihkan", "memperbaiki", "mengunjungi", "membahas", "menyiapkan", "memantau", "meninjau"]
_OBJECTS = ["saluran air", "jalan desa", "pasar tradisional", "jembatan gantung", "lapangan bola",
            "posyandu", "balai warga", "gedung sekolah", "tempat pembuangan sampah"]
_TAILS = ["sejak pagi", "pada Sabtu lalu", "menjelang musim hujan", "bersama aparat kecamatan",
          "dengan dana swadaya", "setelah banjir surut", "demi kenyamanan bersama"]


def generated_sentence(rng: random.Random) -> str:
    """A plain news sentence of our own, for when the NER data is not there."""
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(PLACES)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_TAILS)}, kata {rng.choice(FIRST)} {rng.choice(LAST)}.")


def unrelated_article(rng: random.Random, sentences: list[str]) -> str:
    """A news-like article that reports no signing: headline, dateline, paragraphs; as long as
    the sample signings on average (8-16 sentences)."""
    body = rng.sample(sentences, rng.randint(8, 16)) if sentences else \
        [generated_sentence(rng) for _ in range(rng.randint(14, 26))]
    headline = body[0][:80].rsplit(" ", 1)[0].rstrip(",.;:")
    paragraphs = [" ".join(body[i:i + 3]) for i in range(1, len(body), 3)]
    return f"{headline}\n\n{rng.choice(PLACES).upper()} - " + "\n\n".join(paragraphs) + "\n"


def build_corpus(kind: str, n: int, directory: Path, seed: int = 0) -> int:
    """Write N articles of KIND ("signing" or "crawl") into DIRECTORY; returns their bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    samples = load_samples()
    sentences = ner_sentences() if kind == "crawl" else []
    total = 0
    for i in range(n):
        if kind == "signing" or i % CRAWL_SIGNING_EVERY == 0:
            stem, body = signing_article(i, samples, seed)
        else:
            stem, body = "news", unrelated_article(random.Random(seed * 1_000_003 + i), sentences)
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


# -------------------------------------------------------------- one measurement (child process)

def run_floor(directory: Path) -> dict:
    import spacy

    nlp = spacy.blank("id")
    wall, cpu = time.perf_counter(), time.process_time()
    n = 0
    for path in corpus_files(directory):
        nlp(path.read_text(encoding="utf-8"))
        n += 1
    return {"n": n, "seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}


def run_extract(directory: Path, fast: bool, first_pass: bool) -> dict:
    """map_extract in this process, the pipeline built before the clock starts."""
    if not first_pass:
        os.environ["MOUEXTRACT_NO_FIRST_PASS"] = "1"
    from mouextract.parallel import map_extract, warm_up

    t0 = time.perf_counter()
    warm_up(fast)
    startup = time.perf_counter() - t0
    timings: dict[str, float] = {}
    digest = hashlib.sha256()
    errors = n = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for record in map_extract(read_items(directory), jobs=1, fast=fast, timings=timings):
        n += 1
        errors += "error" in record
        digest.update(json.dumps(record, sort_keys=True).encode("utf-8"))
    return {"n": n, "errors": errors, "seconds": time.perf_counter() - wall,
            "cpu_seconds": time.process_time() - cpu, "startup": startup, "timings": timings,
            "records_sha256": digest.hexdigest()}


def pipeline_split(directory: Path, limit: int = 200) -> dict:
    """Seconds per spaCy component on up to LIMIT articles: what "tokenise" is made of."""
    from mouextract.nlp import get_nlp

    nlp = get_nlp()
    texts = [p.read_text(encoding="utf-8") for p in corpus_files(directory)[:limit]]
    for t in texts:  # the tokenizer's cache warm, as in a long run
        nlp.make_doc(t)
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    split = {"tokenizer": time.process_time() - start}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = [component(d) for d in docs]
        split[name] = time.process_time() - start
    return {"articles": len(texts), "seconds": split}


def child_main(args) -> None:
    directory = Path(args.corpus)
    if args.mode == "floor":
        result = run_floor(directory)
    else:
        kind, _, rest = args.mode.partition("-")
        result = run_extract(directory, fast=kind == "fast", first_pass=rest != "1-nofirstpass")
        if args.split:
            result["components"] = pipeline_split(directory)
    print("BENCH-RESULT " + json.dumps(result))


# ------------------------------------------------------------------ parent: run and measure

def _tree_memory(proc) -> tuple[int, int]:
    """(RSS sum, PSS sum) over PROC and its descendants. RSS counts the pages the fork server
    shares with the workers it forked once per process; PSS splits them, so its sum is the
    memory the run really holds."""
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


def measured(cmd: list[str], cwd: Path = ROOT) -> dict:
    """Run CMD; its wall time, its output, and the peak memory of it and its descendants."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    peak = peak_pss = 0
    sampler = None
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
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        pass
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if sampler:
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{err[-3000:]}")
    return {"wall": wall, "stdout": out, "stderr": err, "returncode": proc.returncode,
            "peak_mb": peak_pss / 2**20 if peak_pss else None, "peak_rss_sum_mb": peak / 2**20 if peak else None}


def run_mode(mode: str, directory: Path, split: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--_child", mode, "--corpus", str(directory)] + (["--split"] if split else [])
    run = measured(cmd)
    line = next(l for l in run["stdout"].splitlines() if l.startswith("BENCH-RESULT "))
    result = json.loads(line.removeprefix("BENCH-RESULT "))
    result.update(mode=mode, peak_mb=run["peak_mb"], peak_rss_sum_mb=run["peak_rss_sum_mb"])
    result["per_second"] = result["n"] / result["seconds"]
    result["per_cpu_second"] = result["n"] / result["cpu_seconds"]
    return result


def mouextract_cmd() -> list[str]:
    script = Path(sys.executable).with_name("mouextract")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mouextract.cli"]


def run_cli(directory: Path, jobs: int, out: Path) -> dict:
    run = measured(mouextract_cmd() + ["parse", str(directory), "--jobs", str(jobs), "--format", "jsonl",
                                       "-o", str(out)])
    n = sum(1 for _ in out.open(encoding="utf-8"))
    return {"n": n, "seconds": run["wall"], "per_second": n / run["wall"], "peak_mb": run["peak_mb"],
            "peak_rss_sum_mb": run["peak_rss_sum_mb"]}


BARE = "import sys, spacy; spacy.blank('id')(open(sys.argv[1], encoding='utf-8').read())"


def cold_start(article: Path, repeat: int) -> dict:
    """Wall seconds of whole one-article processes, ours and the bare spaCy run, alternated."""
    ours, bare = [], []
    for _ in range(repeat):
        bare.append(measured([sys.executable, "-c", BARE, str(article)])["wall"])
        ours.append(measured(mouextract_cmd() + ["parse", str(article), "--format", "jsonl"])["wall"])
    ratios = [o / b for o, b in zip(ours, bare)]
    return {"ours": ours, "bare": bare, "ratios": ratios, "ratio": statistics.median(ratios),
            "article": article.name}


def accuracy_gate() -> dict | None:
    if not DEV_CORPUS.is_dir():
        return None
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/test_accuracy.py"], cwd=ROOT,
                         capture_output=True, text=True)
    last = (run.stdout.strip().splitlines() or ["?"])[-1]
    return {"passed": run.returncode == 0, "summary": last}


# ----------------------------------------------------------------------------------- report

def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def checks(r: dict) -> list[dict]:
    values = {
        "cold start / bare spaCy": r["cold"]["ratio"],
        "full-1 / floor (signing)": r["full-1"]["per_second"] / r["floor"]["per_second"],
        "crawl-1 / floor (crawl)": r["crawl-1"]["per_second"] / r["crawl-floor"]["per_second"],
        "cli-N / cli-1 (whole process)": r["cli-N"]["per_second"] / r["cli-1"]["per_second"],
        "peak MB, cli-N (PSS)": r["cli-N"]["peak_mb"],
        "peak cli-N, N / N/4 articles": (r["cli-N"]["peak_mb"] / r["cli-N-quarter"]["peak_mb"]
                                         if r["cli-N"]["peak_mb"] and r["cli-N-quarter"]["peak_mb"] else None),
    }
    out = []
    for label, value in values.items():
        op, target = TARGETS[label]
        ok = None if value is None else {"<=": value <= target, ">=": value >= target, "<": value < target}[op]
        out.append({"check": label, "value": value, "target": f"{op} {target}", "ok": ok})
    same = r["crawl-1"]["records_sha256"] == r["crawl-1-nofirstpass"]["records_sha256"]
    out.append({"check": "crawl records, first pass on = off", "value": same, "target": "same", "ok": same})
    if r.get("accuracy") is not None:
        out.append({"check": "accuracy gate (tests/test_accuracy.py)", "value": r["accuracy"]["summary"],
                    "target": "passes", "ok": r["accuracy"]["passed"]})
    return out


def report(r: dict, args) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 120))
    floors = {"signing": r["floor"], "crawl": r["crawl-floor"]}
    table = Table(title=f"mouextract throughput: {args.n} articles a corpus, jobs N = {args.jobs}")
    for col in ("mode", "corpus", "articles/s", "× floor", "× floor (CPU)", "wall s", "peak MB (PSS)", "errors"):
        table.add_column(col, justify="left" if col in ("mode", "corpus") else "right")
    for mode, corpus in (("floor", "signing"), ("fast-1", "signing"), ("full-1", "signing"),
                         ("crawl-floor", "crawl"), ("crawl-1", "crawl"), ("crawl-1-nofirstpass", "crawl")):
        m, f = r[mode], floors[corpus]
        table.add_row(mode, corpus, f"{m['per_second']:.0f}", f"{m['per_second'] / f['per_second']:.2f}",
                      f"{m['per_cpu_second'] / f['per_cpu_second']:.2f}", f"{m['seconds']:.1f}",
                      f"{m['peak_mb']:.0f}" if m.get("peak_mb") else "?", str(m.get("errors", "-")))
    for mode in ("cli-1", "cli-N", "cli-N-quarter"):
        m = r[mode]
        table.add_row(f"{mode} (whole process)", "signing", f"{m['per_second']:.0f}", "-", "-",
                      f"{m['seconds']:.1f}", f"{m['peak_mb']:.0f}" if m.get("peak_mb") else "?", "-")
    console.print(table)
    cold = r["cold"]
    console.print(f"cold start, one article ({cold['article']}), wall s over {len(cold['ours'])} alternated runs: "
                  f"mouextract parse {statistics.median(cold['ours']):.2f} "
                  f"({min(cold['ours']):.2f}-{max(cold['ours']):.2f}), bare spaCy "
                  f"{statistics.median(cold['bare']):.2f} ({min(cold['bare']):.2f}-{max(cold['bare']):.2f}); "
                  f"ratio median {cold['ratio']:.2f} ({min(cold['ratios']):.2f}-{max(cold['ratios']):.2f})")
    console.print(f"load average before / after: {r['load'][0]} / {r['load'][1]} on {os.cpu_count()} cores "
                  f"(other work on the machine lowers every figure, the jobs-N ones first)")

    targets = Table(title="targets (issue 13)")
    for col in ("check", "measured", "target", ""):
        targets.add_column(col)
    for c in r["checks"]:
        value = c["value"] if isinstance(c["value"], (str, bool)) or c["value"] is None else f"{c['value']:.2f}"
        verdict = "?" if c["ok"] is None else ("[green]ok[/]" if c["ok"] else "[red]below target[/]")
        targets.add_row(c["check"], str(value), c["target"], verdict)
    console.print(targets)

    split = Table(title="time by stage, one process (seconds; % of the stage total)")
    split.add_column("stage")
    modes = ["full-1", "crawl-1", "crawl-1-nofirstpass"]
    for m in modes:
        split.add_column(m, justify="right")
    stages = sorted({s for m in modes for s in r[m]["timings"]}, key=lambda s: (s not in ("first pass", "tokenise"), s))
    for stage in stages:
        row = [stage]
        for m in modes:
            t = r[m]["timings"]
            row.append(f"{t.get(stage, 0):.2f} ({100 * t.get(stage, 0) / (sum(t.values()) or 1):.0f}%)")
        split.add_row(*row)
    console.print(split)
    comp = r["full-1"].get("components")
    if comp:
        t = Table(title=f"'tokenise' by spaCy component, CPU ms an article (first {comp['articles']} signing articles)")
        t.add_column("component")
        t.add_column("ms", justify="right")
        for name, s in comp["seconds"].items():
            t.add_row(name, f"{1000 * s / comp['articles']:.2f}")
        t.add_row("(floor: read + blank tokenizer, whole)", f"{1000 / r['floor']['per_cpu_second']:.2f}")
        console.print(t)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in each corpus (default 2000)")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the cli-N runs (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="alternated cold-start runs (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-accuracy", action="store_true", help="skip the accuracy gate")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    parser.add_argument("--_child", dest="mode", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--split", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        child_main(args)
        return

    def step(label: str) -> None:
        print(f"{label} ...", file=sys.stderr, flush=True)

    r: dict = {}
    with tempfile.TemporaryDirectory(prefix="mouextract-bench-") as tmp:
        tmp = Path(tmp)
        signing, crawl, quarter = tmp / "signing", tmp / "crawl", tmp / "quarter"
        build_corpus("signing", args.n, signing, args.seed)
        build_corpus("crawl", args.n, crawl, args.seed)
        build_corpus("signing", max(1, args.n // 4), quarter, args.seed)
        load_before = _load()
        step("cold start")
        r["cold"] = cold_start(SAMPLES / "001-temanggung-kejari.txt", args.repeat)
        for mode, corpus, split in (("floor", signing, False), ("fast-1", signing, False), ("full-1", signing, True)):
            step(mode)
            r[mode] = run_mode(mode, corpus, split)
        step("crawl-floor")
        r["crawl-floor"] = run_mode("floor", crawl)
        for mode in ("crawl-1", "crawl-1-nofirstpass"):
            step(mode)
            r[mode] = run_mode(mode.replace("crawl", "full"), crawl)
        for key, corpus, jobs in (("cli-1", signing, 1), ("cli-N", signing, args.jobs),
                                  ("cli-N-quarter", quarter, args.jobs)):
            step(f"{key} (jobs {jobs})")
            r[key] = run_cli(corpus, jobs, tmp / f"{key}.jsonl")
        r["load"] = (load_before, _load())
        if not args.no_accuracy:
            step("accuracy gate")
            r["accuracy"] = accuracy_gate()
    r["checks"] = checks(r)
    report(r, args)
    if args.json:
        Path(args.json).write_text(json.dumps({"n": args.n, "jobs": args.jobs, "cpu_count": os.cpu_count(),
                                               "results": r}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
