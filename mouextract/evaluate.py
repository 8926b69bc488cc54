"""Per-field precision, recall and F1 of article results against gold files.

The definitions are those of the project's scorer (../shared/tools/score.py), so a user's
figures agree with the project's: names are compared as folded token sets (accents, case,
common abbreviations and academic degrees removed), items matched one-to-one greedily by
similarity, and most fields pooled per article (robust to how records are split).
Fields: relevance, agreements, type, date, venue, city, parties, signatories,
signatory_titles, witnesses, scope; the headline is the mean F1 of HEADLINE_FIELDS.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import GoldError, InputError, MalformedRow
from .records import ArticleResult

FIELDS = ["relevance", "agreements", "type", "date", "venue", "city", "parties", "signatories",
          "signatory_titles", "witnesses", "scope"]
HEADLINE_FIELDS = ["date", "venue", "city", "parties", "signatories", "witnesses", "scope"]

# --- normalisation: the same tables as the project's scorer ----------------------------------

DEGREES = (r"Prof|Dr|dr|Drs|Dra|Ir|H|Hj|KH|K\.H|S\.?H|S\.?E|S\.?Sos|S\.?Pd|S\.?T|S\.?Kom|S\.?Ag|"
           r"S\.?Ip|S\.?IP|S\.?Hut|S\.?Psi|S\.?Kep|S\.?Farm|S\.?Ked|S\.?Stp|S\.?STP|S\.?I\.?Kom|S\.?Hum|"
           r"M\.?Si|M\.?M|M\.?H|M\.?Hum|M\.?Pd|M\.?T|M\.?Kes|M\.?Ag|M\.?AP|M\.?A|M\.?Sc|M\.?Eng|M\.?Kom|"
           r"M\.?PA|M\.?E|M\.?Ak|MBA|MPA|MPH|M\.?IP|Ph\.?\s?D|Sp\.?[A-Z]{1,3}|Ak|CA|CPA|CFP|Lc|MA|SH|SE|"
           r"MM|MH|MSi|Hum|IPU|ASEAN\s?Eng|AP|Kes")
DEGREE_RE = re.compile(r"(?<![A-Za-z])(?:" + DEGREES + r")\.?(?![A-Za-z])")
ABBREVIATIONS = {
    "pemkab": "pemerintah kabupaten", "pemkot": "pemerintah kota", "pemprov": "pemerintah provinsi",
    "pemda": "pemerintah daerah", "kab": "kabupaten", "prov": "provinsi", "ri": "republik indonesia",
    "walikota": "wali kota", "kemenkes": "kementerian kesehatan", "kejari": "kejaksaan negeri",
    "kejati": "kejaksaan tinggi", "unpad": "universitas padjadjaran", "kaltim": "kalimantan timur",
    "kaltara": "kalimantan utara", "kalsel": "kalimantan selatan", "kalbar": "kalimantan barat",
    "kalteng": "kalimantan tengah", "jateng": "jawa tengah", "jatim": "jawa timur",
    "jabar": "jawa barat", "kepri": "kepulauan riau", "sulbar": "sulawesi barat",
    "sulsel": "sulawesi selatan", "sulteng": "sulawesi tengah", "sultra": "sulawesi tenggara",
    "sulut": "sulawesi utara", "sumut": "sumatera utara", "sumbar": "sumatera barat",
    "sumsel": "sumatera selatan", "ntb": "nusa tenggara barat", "ntt": "nusa tenggara timur",
    "diy": "daerah istimewa yogyakarta", "kukar": "kutai kartanegara",
}
ABBREVIATION_RES = [(re.compile(rf"\b{short}\b"), long) for short, long in ABBREVIATIONS.items()]
STOPWORDS = {"dan", "atau", "di", "ke", "dari", "yang", "serta", "dengan", "untuk", "dalam", "pada",
             "the", "of", "republik", "indonesia", "pemerintah", "perwakilan", "provinsi"}
MUNICIPALITY_WORDS = re.compile(r"(?i)\b(kota|kabupaten|kab\.?|city)\b")


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    for pattern, long in ABBREVIATION_RES:
        s = pattern.sub(long, s)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def words(s: str | None) -> set[str]:
    return set(fold(s).split()) - STOPWORDS


def name_words(s: str | None) -> set[str]:
    return {w for w in fold(DEGREE_RE.sub(" ", s or "")).split() if len(w) > 1}


def overlap(a: set, b: set) -> float:
    """Share of the shorter name found in the other (of the longer, for one-word names)."""
    if not a or not b:
        return 0.0
    return len(a & b) / (min(len(a), len(b)) if min(len(a), len(b)) >= 2 else max(len(a), len(b)))


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _nested(a: set, b: set) -> bool:
    return bool(a and b and (a <= b or b <= a))


def party_score(gold_names: list[str], pred_names: list[str]) -> float:
    best = 0.0
    for g in gold_names:
        for p in pred_names:
            a, b = words(g), words(p)
            s = jaccard(a, b)
            if _nested(a, b):
                s = max(s, 0.8 if min(len(a), len(b)) >= 2 else 0.6)
            best = max(best, s)
    return best if best >= 0.5 else 0.0


def person_score(g: str, p: str) -> float:
    s = overlap(name_words(g), name_words(p))
    return s if s >= 0.66 else 0.0


def scope_score(g: str, p: str) -> float:
    a, b = words(g), words(p)
    s = jaccard(a, b)
    if _nested(a, b) and min(len(a), len(b)) >= 2:
        s = max(s, 0.7)
    return s if s >= 0.5 else 0.0


def same_city(gold_names: list[str], pred: str | None) -> bool:
    if not pred:
        return False
    p = words(MUNICIPALITY_WORDS.sub(" ", pred))
    return any(_nested(words(MUNICIPALITY_WORDS.sub(" ", g)), p) for g in gold_names)


def same_venue(a: str, b: str) -> bool:
    return jaccard(words(a), words(b)) >= 0.5


def match(gold: list, pred: list, score: Callable) -> list[tuple[int, int]]:
    """One-to-one pairs, best-scoring first (ties: later items first, as the scorer does)."""
    ranked = sorted(((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_gold, used_pred, pairs = set(), set(), []
    for s, i, j in ranked:
        if s > 0 and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


def distinct(items: list, same: Callable) -> list:
    out = []
    for item in items:
        if not any(same(item, seen) for seen in out):
            out.append(item)
    return out


# --- counting ---------------------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, matched: int, n_pred: int, n_gold: int) -> None:
        self.tp += matched
        self.fp += n_pred - matched
        self.fn += n_gold - matched

    def prf(self) -> tuple[float, float, float]:
        # Nothing predicted and nothing missed is perfect precision; nothing to find, perfect recall.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    misses: list[tuple[str, list[str]]] = field(default_factory=list)

    def scores(self) -> dict:
        """{field: {"p", "r", "f"}} rounded to 3 places, plus "headline_f1": the scorer's JSON."""
        out = {f: dict(zip("prf", (round(x, 3) for x in self.counts[f].prf()))) for f in FIELDS}
        out["headline_f1"] = round(sum(out[f]["f"] for f in HEADLINE_FIELDS) / len(HEADLINE_FIELDS), 3)
        return out


def _pooled(records: list[dict], key: str) -> list:
    return [item for r in records for item in (r.get(key) or [])]


def _pool_names(people: list[dict]) -> list[str]:
    return distinct([p["name"] for p in people if p.get("name")], lambda a, b: person_score(a, b) > 0)


def score_article(gold: list[dict], pred: list[dict], counts: dict[str, Counts]) -> list[str]:
    """Add one article's counts; returns what did not match, one line per field."""
    misses = []

    def tally(name: str, matched: int, n_pred: int, n_gold: int, miss: str | None) -> None:
        counts[name].add(matched, n_pred, n_gold)
        if miss and (matched != n_gold or matched != n_pred):
            misses.append(miss)

    counts["relevance"].add(int(bool(gold) and bool(pred)), int(bool(pred)), int(bool(gold)))
    tally("agreements", min(len(gold), len(pred)), len(pred), len(gold),
          f"agreements gold={len(gold)} pred={len(pred)}")

    gold_dates = {str(g["date"]) for g in gold if g.get("date")}
    pred_dates = {p["date"] for p in pred if p.get("date")}
    tally("date", len(gold_dates & pred_dates), len(pred_dates), len(gold_dates),
          f"date gold={sorted(gold_dates)} pred={sorted(pred_dates)}")
    gold_types, pred_types = {g.get("type") for g in gold}, {p.get("type") for p in pred}
    counts["type"].add(len(gold_types & pred_types), len(pred_types), len(gold_types))

    gv = distinct([g["venue"] for g in gold if g.get("venue")], same_venue)
    pv = distinct([p["venue"] for p in pred if p.get("venue")], same_venue)
    k = len(match(gv, pv, lambda a, b: float(same_venue(a, b))))
    tally("venue", k, len(pv), len(gv), f"venue gold={gv} pred={pv}")

    gc: list[list[str]] = []
    for g in gold:
        names = g.get("city") or []
        names = [names] if isinstance(names, str) else names
        if names and not any(same_city(names, seen[0]) for seen in gc):
            gc.append(names)
    pc = distinct([p["city"] for p in pred if p.get("city")], lambda a, b: same_city([a], b))
    k = len(match(gc, pc, lambda c, p: float(same_city(c, p))))
    tally("city", k, len(pc), len(gc), f"city gold={[c[0] for c in gc]} pred={pc}")

    def same_party(a, b):
        return any(jaccard(words(x), words(y)) >= 0.8 for x in a for y in b)
    gp = distinct([x if isinstance(x, list) else [x] for x in _pooled(gold, "parties")], same_party)
    pp = distinct([x for x in _pooled(pred, "parties") if x], same_party)
    k = len(match(gp, pp, party_score))
    tally("parties", k, len(pp), len(gp), f"parties gold={[x[0] for x in gp]} pred={[x[0] for x in pp]}")

    for role in ("signatories", "witnesses"):
        gn, pn = _pool_names(_pooled(gold, role)), _pool_names(_pooled(pred, role))
        k = len(match(gn, pn, person_score))
        tally(role, k, len(pn), len(gn), f"{role} gold={gn} pred={pn}")

    gs = [x for x in _pooled(gold, "signatories") if x.get("name")]
    ps = [x for x in _pooled(pred, "signatories") if x.get("name")]
    pairs = match([x["name"] for x in gs], [x["name"] for x in ps], person_score)
    titled = sum(1 for i, j in pairs
                 if jaccard(words(gs[i].get("title") or ""), words(ps[j]["title"] or "")) >= 0.5)
    counts["signatory_titles"].add(titled, len(pairs), len(pairs))

    same_clause = lambda a, b: scope_score(a, b) > 0  # noqa: E731
    gsc = distinct([str(x) for x in _pooled(gold, "scope")], same_clause)
    psc = distinct([str(x) for x in _pooled(pred, "scope")], same_clause)
    k = len(match(gsc, psc, scope_score))
    tally("scope", k, len(psc), len(gsc), f"scope {k} matched of {len(gsc)} gold, {len(psc)} pred")
    return misses


# --- reading gold and predictions -------------------------------------------------------------

def key_of(result: dict) -> str:
    """Article key: the file name up to its first dot (000.txt and 000.gold.yaml share '000')."""
    article = result.get("article") if isinstance(result.get("article"), dict) else result
    for k in ("path", "id"):
        if article.get(k):
            return Path(str(article[k])).name.split(".")[0]
    return ""


def comparable(result: dict) -> list[dict]:
    """The predicted records of an article result in the shape the comparison needs."""
    out = []
    for a in ArticleResult.from_dict(result).agreements:
        date, place = a.date, a.place
        people = lambda items: [{"name": p.name or "", "title": p.title or ""} for p in items]  # noqa: E731
        out.append({
            "type": a.type,
            "date": str(date.value) if date and date.value else None,
            "venue": place.venue if place else None, "city": place.city if place else None,
            "parties": [[n for n in (p.name, p.short) if n] for p in a.parties],
            "signatories": people(a.signatories), "witnesses": people(a.witnesses),
            "scope": [s.text for s in a.scope],
        })
    return out


def read_predictions(lines: Iterable[str], name: str, on_skip: Callable[[InputError], None]) -> list[dict]:
    """Article results from the lines of a JSONL file called NAME; bad lines go to on_skip."""
    results = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            on_skip(MalformedRow(name, f"line {n}", f"is not valid JSON ({e.msg})", "fix or remove that line"))
            continue
        if not isinstance(row, dict):
            on_skip(MalformedRow(name, f"line {n}", "is not a JSON object", "give one article result per line"))
            continue
        results.append(row)
    return results


def gold_files(gold_dir: str | Path) -> list[Path]:
    files = sorted(Path(gold_dir).glob("*.gold.yaml"))
    if not files:
        raise GoldError(f"{gold_dir} has no *.gold.yaml files: point evaluate at a folder of "
                        f"NNN.txt files with their NNN.gold.yaml records", str(gold_dir))
    return files


def evaluate(gold_dir: str | Path, predictions: Iterable[dict],
             keys: Callable[[str], bool] | None = None) -> Report:
    """Compare PREDICTIONS (article results) with the gold files in GOLD_DIR.

    KEYS, when given, selects the articles to score by their key ('000' for 000.gold.yaml).
    """
    by_key = {key_of(r): r for r in predictions if "error" not in r}
    report = Report()
    for gold_file in gold_files(gold_dir):
        key = gold_file.name.split(".")[0]
        if keys is not None and not keys(key):
            continue
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        result = by_key.get(key)
        misses = score_article(gold.get("agreements") or [], comparable(result) if result else [],
                               report.counts)
        if result is None:
            misses.append("no prediction for this article")
        report.misses.append((key, misses))
    return report
