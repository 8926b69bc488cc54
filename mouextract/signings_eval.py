"""Pairwise scores of the signing links against gold labels.

Gold: a folder of NNN.gold.yaml files (../shared/corpus/GUIDELINES.md) whose records also carry
`signing:`, a label shared by the records that report the same signing. Each predicted record is
matched to a gold record of its article (by parties, then date); the pairs of records linked into
one signing are compared with the pairs sharing a gold label. Precision: of the linked pairs, the
share that are one signing (a record matching no gold record is a signing of its own). Recall:
of the gold same-signing pairs, the share linked (a gold record not extracted is a pair missed).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from .evaluate import comparable, gold_files, key_of, match, party_score
from .signings import Linker


def _record_score(gold: dict, pred: dict) -> float:
    gp = [x if isinstance(x, list) else [x] for x in gold.get("parties") or []]
    pairs = match(gp, pred["parties"], party_score)
    same_date = gold.get("date") is not None and str(gold["date"]) == pred.get("date")
    return sum(party_score(gp[i], pred["parties"][j]) for i, j in pairs) + 0.5 * same_date


@dataclass
class PairScores:
    linked: int = 0          # pairs of records the linking put in one signing
    correct: int = 0         # ... that report one signing
    gold: int = 0            # pairs of gold records sharing a label
    wrong: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def pairwise(results: Iterable[dict], gold_dir: str | Path) -> PairScores:
    """Link RESULTS (article results, in order) and score the links against GOLD_DIR's labels."""
    results = [r for r in results if "error" not in r]
    linker = Linker()
    signing_of: dict[tuple[str, int], int] = {}
    for r in results:
        ids = linker.add(r) or []
        for n, sid in enumerate(ids):
            signing_of[(key_of(r), n)] = sid
    gold_records = {f.name.split(".")[0]: (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("agreements") or []
                    for f in gold_files(gold_dir)}
    label_of: dict[tuple[str, int], str] = {}   # predicted record -> gold label
    gold_pred: dict[tuple[str, int], tuple[str, int]] = {}  # gold record -> predicted record
    for r in results:
        key = key_of(r)
        gold = gold_records.get(key, [])
        for i, j in match(gold, comparable(r), lambda g, p: _record_score(g, p)):
            if gold[i].get("signing"):
                label_of[(key, j)] = gold[i]["signing"]
                gold_pred[(key, i)] = (key, j)
    scores = PairScores()
    name = lambda rec: f"{rec[0]}-{rec[1] + 1}"  # noqa: E731  (the agreement id)
    for a, b in combinations(sorted(signing_of), 2):
        if signing_of[a] == signing_of[b]:
            scores.linked += 1
            if label_of.get(a) is not None and label_of.get(a) == label_of.get(b):
                scores.correct += 1
            else:
                scores.wrong.append((name(a), name(b)))
    labelled = sorted((key, i) for key, gold in gold_records.items() for i, g in enumerate(gold) if g.get("signing"))
    for a, b in combinations(labelled, 2):
        if gold_records[a[0]][a[1]]["signing"] == gold_records[b[0]][b[1]]["signing"]:
            scores.gold += 1
            pa, pb = gold_pred.get(a), gold_pred.get(b)
            if pa is None or pb is None or signing_of.get(pa) != signing_of.get(pb):
                scores.missed.append((name(a), name(b)))
    return scores
