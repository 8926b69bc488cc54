"""Build mouextract/data/common_words.txt and name_words.txt from the IndoNLU NER data
(NERGrit + NERP, MIT).

A capitalised word right after a title ("Bupati Kukar Budi Santoso") is either part of the
office ("Kukar", "Perwakilan", "Penanaman Modal") or the start of the name. A word that news
text mostly uses outside person names (as an ordinary word, an institution or a place) is
"common"; a word seen mostly inside person names is not. Counting that over the IndoNLU NER
data gives a list that is about the language, not about any one article.

The other way round, a word seen mostly inside person names ("Ahmad", "Agus", "Slamet") is a
"name word": after an office's unit, it is where the person's name begins ("Ketua DPRD Ahmad
Fauzi", "Kepala Kesbangpolinmas Dedi Kurniawan").

usage: python training/build_wordlist.py [DATA_DIR]   (default ../shared/data/indonlu-ner)
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

PERSON = {"PERSON", "PPL"}
# A word must be seen at least this often, and outside person names at least this many times
# as often as inside them, to count as common. 2 and 3 keep "budi"/"putri"-like given names
# (frequent as names) out and keep "koordinasi", "penanaman", "perwakilan" in.
MIN_COUNT = 2
RATIO = 3
# A name word is seen inside person names at least twice as often as outside them: 1 and 2
# keep surnames seen once ("Herawan") and drop words that are also ordinary ("Bintang": 1 in
# names, 34 outside; "Jaya": 0 and 37).
NAME_RATIO = 2


def main(data_dir: Path, out: Path, names_out: Path) -> None:
    person, other = Counter(), Counter()
    for path in sorted(data_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 2:
                continue
            word, tag = parts[0].lower(), parts[1]
            if not word.isalpha():
                continue
            (person if tag[2:] in PERSON else other)[word] += 1
    common = sorted(w for w, n in other.items() if n >= MIN_COUNT and person[w] * RATIO < n)
    out.write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} common words -> {out}")
    names = sorted(w for w, n in person.items() if n >= NAME_RATIO * other[w] and len(w) > 1)
    names_out.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} name words -> {names_out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "indonlu-ner"
    main(data, root / "mouextract" / "data" / "common_words.txt", root / "mouextract" / "data" / "name_words.txt")
