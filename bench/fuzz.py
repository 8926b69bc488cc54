"""Fuzz extract(): random and mutated texts; counts crashes, broken records and slow articles.

    python bench/fuzz.py [--n 10000] [--seed 0] [--limit 2.0] [--json out.json]

Each case is built from a seeded random generator (the same seed gives the same cases): random
Unicode of every kind (control characters, lone surrogates, combining marks, emoji, right-to-left
scripts, NUL), the sample articles mutated (characters deleted, inserted, replaced; pieces of
two articles spliced; lines shuffled; case changed; HTML tags, dates that do not exist, titles
without names, runs of symbols, suffixes and long words put in), and the samples as they are.
Every case goes through `mouextract.extract` in this process; a case fails when extract raises,
when its record is not JSON that encodes as UTF-8, or when a span falls outside the text. The
time of each case is measured; those over --limit seconds are listed.

tests/test_fuzz.py runs a few hundred of the same cases (without timing) in the test suite.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))

# Characters the generator draws from: each block a kind of trouble.
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ",
    " \t\n\r\x0b\x0c\x1c\x1d\x85\u00a0\u2028\u2029\u200b\u200e\u200f\ufeff",
    ".,;:!?()[]{}<>\"'`~@#$%^&*-_=+/\\|…—–‘’“”«»",
    "\x00\x01\x07\x1b\x7f\ufffe\ufffd",
    "\ud800\udbff\udc00\udfff",
    "\u0301\u0308\u0327\u20dd\u0489",
    "😀🎉👍🏽🇮🇩👨‍👩‍👧",
    "العربيةעבריתРусский中文日本語한국어ไทย",
    "ÀÉÎÕÜßæøåçñ",
]
WORDS = ["Bupati", "Wali Kota", "Rektor", "Gubernur", "Kepala", "Pemkab", "Pemkot", "Universitas",
         "menandatangani", "nota kesepahaman", "MoU", "PKS", "perjanjian kerja sama", "disaksikan",
         "di", "dengan", "dan", "Senin", "(7/2/2022)", "(32/13/2023)", "Prof. Dr.", "S.H., M.H.", "Plt.",
         "Kabupaten", "Kota", "Provinsi", "Jawa Tengah", "PT", "(Persero)", "Tbk", "tentang", "meliputi"]
PATHOLOGICAL = ["-", "=", "#", "(", ")", "'s", "-nya", "😀", '"', "...", "a.", "1%", "x", "_", "/", "http://"]


def random_text(rng: random.Random) -> str:
    n = rng.choice([0, 1, 5, 50, 500, 3000, 20000])
    alphabets = rng.sample(ALPHABETS, rng.randint(1, len(ALPHABETS)))
    pool = "".join(alphabets)
    return "".join(rng.choice(pool) for _ in range(n))


def word_salad(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400)))


def mutate(text: str, rng: random.Random, samples: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(11)
        at = rng.randint(0, len(text))
        if kind == 0 and text:                                   # delete a stretch
            text = text[:at] + text[at + rng.randint(1, 200):]
        elif kind == 1:                                          # insert random characters
            text = text[:at] + random_text(rng)[:rng.randint(1, 300)] + text[at:]
        elif kind == 2 and text:                                 # replace characters
            chars = list(text)
            for _ in range(rng.randint(1, 50)):
                chars[rng.randrange(len(chars))] = rng.choice("".join(ALPHABETS))
            text = "".join(chars)
        elif kind == 3:                                          # splice another article
            other = rng.choice(samples)
            cut = rng.randint(0, len(other))
            text = text[:at] + other[cut:cut + rng.randint(1, 2000)] + text[at:]
        elif kind == 4:                                          # shuffle the lines
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif kind == 5:                                          # change case
            text = rng.choice([str.upper, str.lower, str.title, str.swapcase])(text)
        elif kind == 6:                                          # a pathological run
            piece = rng.choice(PATHOLOGICAL) * rng.choice([10, 100, 1000, 5000])
            text = text[:at] + rng.choice(["", " ", "\n"]) + piece + rng.choice(["", " ", "\n"]) + text[at:]
        elif kind == 7:                                          # markup
            tag = rng.choice(["<p>", "</p>", "<b>", "<script>alert(1)</script>", "<br/>", "&nbsp;", "<!-- x -->"])
            text = text[:at] + tag * rng.randint(1, 20) + text[at:]
        elif kind == 8:                                          # signing words without their parts
            text = text[:at] + " " + word_salad(rng) + " " + text[at:]
        elif kind == 9:                                          # drop the sentence stops
            text = text.replace(".", rng.choice(["", " ", "\n", ".."]))
        else:                                                    # repeat a piece
            piece = text[at:at + rng.randint(1, 100)]
            text = text[:at] + piece * rng.randint(2, 50) + text[at:]
    return text


def cases(seed: int, n: int):
    """N fuzz texts, the same for the same seed."""
    rng = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for _ in range(n):
        roll = rng.random()
        if roll < 0.25:
            yield random_text(rng)
        elif roll < 0.35:
            yield word_salad(rng)
        elif roll < 0.95:
            yield mutate(rng.choice(samples), rng, samples)
        else:
            yield rng.choice(samples)


def problems(text: str, result: dict) -> list[str]:
    """What is wrong with one record: JSON that does not encode, spans outside the text."""
    out = []
    try:
        json.dumps(result, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as e:
        out.append(f"not JSON as UTF-8: {e}")

    def check(span, where):
        if span is not None and not (0 <= span[0] <= span[1] <= len(text)):
            out.append(f"{where} span {span} outside the text of {len(text)} characters")

    for a in result["agreements"]:
        check(a.get("type_span"), "type")
        check((a.get("date") or {}).get("span"), "date")
        check((a.get("place") or {}).get("span"), "place")
        for key in ("parties", "signatories", "witnesses", "scope"):
            for item in a.get(key) or []:
                check(item.get("span"), key)
    for m in result["mentioned"]:
        check(m.get("span"), "mentioned")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds an article may take")
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import mouextract
    mouextract.extract("Pemanasan.")  # build the pipeline before timing
    crashes, broken, slow, times, chars = [], [], [], [], 0
    started = time.perf_counter()
    for i, text in enumerate(cases(args.seed, args.n)):
        t0 = time.perf_counter()
        try:
            result = mouextract.extract(text, {"id": f"fuzz-{i}"}, fast=args.fast)
        except Exception as e:  # noqa: BLE001 -- counting them is the point
            crashes.append({"case": i, "error": f"{type(e).__name__}: {e}"[:300]})
            continue
        finally:
            times.append(time.perf_counter() - t0)
            chars += len(text)
        for problem in problems(text, result):
            broken.append({"case": i, "problem": problem})
        if times[-1] > args.limit:
            slow.append({"case": i, "seconds": round(times[-1], 2), "chars": len(text)})
        if (i + 1) % 1000 == 0:
            print(f"{i + 1} cases, {len(crashes)} crashes, {len(broken)} broken, {len(slow)} slow, "
                  f"max {max(times):.2f} s", file=sys.stderr, flush=True)
    times.sort()
    report = {"cases": args.n, "seed": args.seed, "crashes": len(crashes), "broken": len(broken),
              f"over_{args.limit}s": len(slow), "max_s": round(times[-1], 3) if times else 0,
              "p99_s": round(times[int(len(times) * 0.99) - 1], 3) if times else 0,
              "median_s": round(times[len(times) // 2], 4) if times else 0,
              "mean_chars": round(chars / max(args.n, 1)), "wall_s": round(time.perf_counter() - started, 1),
              "examples": {"crashes": crashes[:10], "broken": broken[:10], "slow": slow[:10]}}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if crashes or broken or slow else 0


if __name__ == "__main__":
    sys.exit(main())
