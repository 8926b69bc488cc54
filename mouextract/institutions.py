"""Institutions' names: the party record a name makes, and when two names are one institution.

News names one body many ways ("Pemkab X" / "Pemerintah Kabupaten (Pemkab) X" / "Kabupaten
X"; "Kementerian ESDM" / "Kementerian Energi dan Sumber Daya Mineral (ESDM)"; "UIN Susqa" /
"Universitas Islam Negeri Sultan Sahid Qamaruddin II"). Names are compared as folded word sets with
each region written as its Kemendagri code, so "Polda Jateng" and "Kepolisian Daerah Jawa
Tengah" are equal; the tables are in patterns/institution_names.yml, and which institution an
office holder signs for in patterns/offices.yml. Computation only: no reading of the Doc here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import find_regions, lookup
from .patterns import as_phrases, lexicon, load, ruler_patterns


@lru_cache(maxsize=1)
def names() -> dict:
    """patterns/institution_names.yml with its word lists as sets."""
    data = load("institution_names.yml")
    out = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    out["folds"] = [(re.compile(rf"\b{re.escape(short)}\b"), long) for short, long in data["folds"].items()]
    out["kinds"] = [(kind, tuple(sorted((str(w).lower() for w in heads), key=len, reverse=True)))
                    for kind, heads in data["kinds"].items()]
    return out


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    s = name.lower()
    for pattern, long in names()["folds"]:
        s = pattern.sub(long, s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


@lru_cache(maxsize=65536)
def key(name: str) -> frozenset:
    """The words of an institution's name, each region written as its code, so "Polda Jateng"
    and "Kepolisian Daerah Jawa Tengah" compare equal."""
    out, last = [], 0
    for start, end, region in find_regions(name):
        out.append(name[last:start])
        out.append(f" region{region.code.replace('.', '')} ")
        last = end
    out.append(name[last:])
    return frozenset(fold("".join(out)).split())


@lru_cache(maxsize=4096)
def _regions(name: str) -> frozenset:
    return frozenset(region.code for _, _, region in find_regions(name))


def _shorts(p: dict) -> frozenset:
    return frozenset(fold(p["short"]).split()) if p.get("short") else frozenset()


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", re.sub(r"\([^)]*\)", " ", name)) if w[0].isupper())


def _prefixes(short: str, words: list[str], i: int) -> int | None:
    """How many words from position i SHORT spells by their beginnings ("susqa": SUltan Syarif
    QAsyim -> 3), or None."""
    if not short:
        return 0
    if i >= len(words):
        return None
    word = words[i]
    for n in range(min(len(word), len(short)), 0, -1):
        if short[:n] == word[:n]:
            rest = _prefixes(short[n:], words, i + 1)
            if rest is not None:
                return rest + 1
    return None


@lru_cache(maxsize=65536)
def abbreviates(short: str, long: str) -> bool:
    """SHORT is LONG in news's short forms: "UIN Susqa" for "Universitas Islam Negeri Sultan
    Sahid Qamaruddin II", "Kemendesa PDTT" for "Kementerian Desa, Pembangunan Daerah Tertinggal dan
    Transmigrasi". Each short word is a long word or spells a run of them by their beginnings."""
    skip = names()["connectives"]
    sw = [w for w in re.findall(r"[a-z0-9]+", short.lower()) if w not in skip]
    lw = [w for w in re.findall(r"[a-z0-9]+", long.lower()) if w not in skip]
    if not sw or len(sw) >= len(lw):
        return False
    i = 0
    spelled = False
    for word in sw:
        # the long name may hold words the short one leaves out ("PT PLN (Persero) Unit Induk
        # Wilayah NTB" / "PLN UIW NTB"): look ahead for where this short word fits
        for k in range(i, len(lw)):
            if lw[k] == word:
                i = k + 1
                break
            used = _prefixes(word, lw, k) if len(word) > 1 else None
            if used and used >= 2:
                i = k + used
                spelled = True
                break
        else:
            return False
    return spelled


def same_institution(a: dict, b: dict) -> bool:
    """One institution under two names: "Pemkab X" / "Pemerintah Kabupaten (Pemkab) X", "Kementerian
    ESDM" / "Kementerian Energi dan Sumber Daya Mineral (ESDM)", "BKKBN" / "Badan Koordinasi
    Keluarga Berencana Nasional". Two ministries sharing words are not one."""
    # it reads only the names and short forms: the answer is kept per pair of them (merge
    # compares every party with every other, several times an article)
    return _same_institution(a["name"], a.get("short") or "", b["name"], b.get("short") or "")


@lru_cache(maxsize=1 << 14)
def _same_institution(a_name: str, a_short: str, b_name: str, b_short: str) -> bool:
    a, b = {"name": a_name, "short": a_short}, {"name": b_name, "short": b_short}
    generic, body = names()["generic_words"], names()["body_words"]
    ka, kb = key(a["name"]) | _shorts(a), key(b["name"]) | _shorts(b)
    ra, rb = _regions(a["name"]), _regions(b["name"])
    if ra and rb and not ra & rb:
        return False  # "Kabupaten Kolaka" and "Kabupaten Kolaka Utara" are two governments
    sa, sb = ka - generic, kb - generic
    if not sa or not sb:
        return ka == kb
    if sa == sb:
        return True
    for small, big, pbig in ((sa, kb, b), (sb, ka, a)):
        extra = big - generic - small
        # "Kabupaten X" / "Pemerintah Kabupaten X": the longer name only adds the kind of body;
        # "Universitas Riau" / "Universitas Islam Riau" are two universities
        if small <= big and (extra <= body | _shorts(pbig) or small & _shorts(pbig)):
            return True
    if abbreviates(a["name"], b["name"]) or abbreviates(b["name"], a["name"]):
        return True
    if _names_less(a, b) or _names_less(b, a):
        return True
    first_a, first_b = a["name"].split()[0], b["name"].split()[0]
    if (first_a.isupper() and first_a == _initials(b["name"])) or (first_b.isupper() and first_b == _initials(a["name"])):
        return True
    # "Cabang BRI Klaten" (read from "Pemimpin Cabang BRI Klaten") / "PT Bank Rakyat Indonesia
    # (Persero) Tbk Kantor Cabang Klaten": a unit word opening a name is compared without it
    a_rest, b_rest = _past_units(a_name), _past_units(b_name)
    if (a_rest, b_rest) != (a_name, b_name) and a_rest and b_rest:
        return _same_institution(a_rest, a_short if a_rest == a_name else "", b_rest, b_short if b_rest == b_name else "")
    return False


def _past_units(name: str) -> str:
    """NAME without the unit words that open it ("Cabang BRI Klaten" -> "BRI Klaten")."""
    words, units = name.split(), names()["unit_words"]
    k = 0
    while k < len(words) - 1 and words[k].lower() in units:
        k += 1
    return " ".join(words[k:])


def _names_less(short: dict, long: dict) -> bool:
    """"Fakultas Hukum" / "Fakultas Hukum Universitas Merapi", "KPU" / "KPU Kabupaten Demak": the
    shorter name opens the longer one and names nothing of its own (a kind of body, ordinary
    words), so within one article it is the same body written short. "Universitas Riau" /
    "Universitas Islam Riau" differ inside; "Bank Jatim" names a region and stays itself."""
    sw, lw = fold(short["name"]).split(), fold(long["name"]).split()
    if not sw or len(sw) >= len(lw) or lw[:len(sw)] != sw or _regions(short["name"]):
        return False
    from .person_words import common_words  # read lazily: person_words reads the calendar at import
    ordinary = common_words() | names()["body_words"] | names()["bare_heads"]
    return all(w in ordinary for w in sw)


def _near(a: str, b: str) -> bool:
    """Two spellings of one word: equal, or one letter apart in a word of five or more
    ("Amnah" / "Amanah")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def nearly_within(short: str, long: str) -> bool:
    """Every word of SHORT (two or more) is a word of LONG, in any order and allowing a slip of
    the pen: "KB Bank Nusa" / "Bank KB Nusa Syariah", "Bank Amnah Indonesia" / "Bank
    Amanah Indonesia". Used for a name read from an office against the names in the text."""
    sw, lw = fold(short).split(), fold(long).split()
    return len(sw) >= 2 and all(any(_near(w, x) for x in lw) for w in sw)


def unit_of(unit: str, whole: str) -> bool:
    """UNIT names a branch or office of WHOLE: its words, past the words for a company's or an
    agency's units (institution_names.yml `unit_words`) and the regions, name WHOLE ("Telkom
    Witel Gorontalo" of "PT Telkom Indonesia (Persero) Tbk", "Bank Nusa Cabang Sleman" of "PT Bank
    Nusa Tbk"), or its one word is WHOLE's short form ("Cabang BRI Pekalongan" of "PT Bank Rakyat
    Indonesia (Persero) Tbk"). Only for a name read from an office against the names the text
    gives."""
    units, generic = names()["unit_words"], names()["generic_words"] | names()["body_words"]
    region_words = {w for _, _, r in find_regions(unit) for w in fold(r.name).split()}
    # a region's short form the running-text reader leaves alone ("Pemerintah Provinsi Kaltara")
    # is a place too, not the body's own word
    own = [w for w in fold(unit).split() if w not in units and w not in region_words and w not in generic
           and lookup(w) is None]
    if len(own) == 1 and own[0].isalpha() and len(own[0]) >= 2 and abbreviates(own[0].upper(), whole):
        return True   # "Cabang BRI Pekalongan" of "PT Bank Rakyat Indonesia (Persero) Tbk"
    return bool(own) and set(own) <= set(fold(whole).split()) - generic


def branch_of_short(name: str, short: str) -> bool:
    """NAME is SHORT, a short form the text defines, with the place of a branch after it: one
    capitalised word that is no ordinary word and no word of a kind of body ("Bank Papua Arso" of
    "Bank Papua"; not "Bank Papua Syariah", another bank)."""
    from .person_words import common_words  # read lazily: person_words reads the calendar at import
    words, short_words = name.split(), short.split()
    if len(words) != len(short_words) + 1 or [fold(w) for w in words[:-1]] != [fold(w) for w in short_words]:
        return False
    last = words[-1]
    ordinary = common_words() | names()["body_words"] | names()["generic_words"]
    return last[:1].isupper() and last[1:].islower() and fold(last) not in ordinary


# --- the institution an office holder signs for ------------------------------------------------

@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[str, ...], list[tuple[str, str]], frozenset]:
    """(acting prefixes, (head, template) longest head first, generic units) from offices.yml."""
    data = load("offices.yml")
    heads = [(h.lower(), row["institution"]) for row in data["stands_for"] for h in row["heads"]]
    heads.sort(key=lambda h: len(h[0]), reverse=True)
    acting = tuple(sorted((a.lower() for a in data["acting_prefixes"]), key=len, reverse=True))
    return acting, heads, frozenset(w.lower() for w in data["generic_units"])


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """The first words of the institution heads the ruler knows (patterns/institutions.yml)."""
    return frozenset(ph.split()[0] for p in ruler_patterns() if p["label"] == "ORG" for ph in as_phrases(p["pattern"]) or [])


def _after_portfolio(rest: str) -> str:
    """"Bidang Sumber Daya dan Kerjasama Universitas Indonesia" after "Wakil Rektor", "Kepatuhan
    Bank Sultra" after "Direktur": the portfolio an office holds is no institution; the
    institution is what follows it, and a portfolio with nothing after it ("Wakil Rektor Bidang
    Akademik") names none. A portfolio of ordinary words may run over "dan" ("Direktur Medik
    dan Keperawatan RSUP X")."""
    from .person_words import common_words  # read lazily: person_words reads the calendar at import
    words = rest.split()
    heads = _org_heads()
    if not words or words[0].lower() in heads:
        return rest
    k = next((k for k, w in enumerate(words[1:], start=1) if w.lower() in heads and w[:1].isupper()), None)
    ordinary = common_words() | set(lexicon("people.yml")["list_conjunctions"])
    if k is not None and k > 1 and all(w.lower() in ordinary for w in words[:k]):
        return " ".join(words[k:])   # "Direktur Medik dan Keperawatan RSUP X": the portfolio's words before it
    if k is None and words[0].lower() in lexicon("people.yml")["portfolio_words"]:
        # "Deputi Bidang Riset dan Inovasi Daerah BRIN": the institution's short form ends it
        k = next((k for k in range(len(words) - 1, 0, -1) if words[k].isupper() and words[k].isalpha()
                  and len(words[k]) >= 3), None)
    if words[0].lower() not in lexicon("people.yml")["portfolio_words"] \
            and (k != 1 or words[0].isupper() or words[0].lower() in names()["unit_words"]):
        # one word of portfolio before the institution ("Direktur Kepatuhan Bank X"), not a
        # body's short form ("Ketua DPC Peradi Medan") nor a unit of it ("Kepala Kanwil Kemenag X")
        return rest
    return " ".join(words[k:]) if k is not None else ""


def _unit_words(rest: str) -> str:
    """The unit's name ends at a lower-case word that is no part of an office's name ("Sekolah
    lainnya" -> "Sekolah"; "Dinas Penanaman Modal dan Pelayanan ..." goes on over "dan")."""
    inner = set(lexicon("people.yml")["title_inner_words"])
    words = rest.split()
    k = next((k for k, w in enumerate(words) if w[:1].islower() and w not in inner and not w.startswith("se-")), len(words))
    return " ".join(words[:k])


def _strip_word(text: str, words) -> str:
    low = text.lower()
    for w in words:
        if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum()):
            return text[len(w):].strip()
    return text


@lru_cache(maxsize=65536)
def institution_of_title(title: str | None) -> str | None:
    """The institution an office stands for: "Bupati Banyumas" -> "Pemerintah Kabupaten
    Banyumas", "Kepala DPMPTSP Kota Bekasi" -> "DPMPTSP Kota Bekasi"; None when the title names
    no one institution ("Kepala Desa", "Wakil Ketua II")."""
    if not title:
        return None
    acting, heads, generic_units = _offices()
    t = _strip_word(title.strip(), acting)
    low = t.lower()
    for head, template in heads:
        if not (low.startswith(head) and (len(low) == len(head) or not low[len(head)].isalnum())):
            continue
        rest = t[len(head):].strip(" ,")
        # the office's own short form in brackets ("Executive Vice President (EVP) PT KAI X")
        rest = re.sub(r"^\([^()\s]+\)\s*", "", rest)
        rest = _unit_words(_after_portfolio(rest))
        if "{unit}" not in template:
            return template
        # a unit is a name: capitalised, more than a number ("Wakil Ketua II") or a kind of body
        named = [w for w in rest.split() if not re.fullmatch(r"[IVX]+|\d+", w)]
        if not named or not rest[:1].isupper() or (len(named) == 1 and named[0].lower() in generic_units):
            return None
        return template.replace("{unit}", rest).strip()
    return None


# --- the party record a name makes -------------------------------------------------------------

@lru_cache(maxsize=1)
def _legal_form() -> re.Pattern:
    forms = "|".join(re.escape(f) for f in sorted(names()["legal_forms"], key=len, reverse=True))
    return re.compile(rf"\s*\((?:{forms})\)", re.I)


def kind_of(name: str) -> str:
    low = name.lower()
    for kind, heads in names()["kinds"]:
        if any(low.startswith(h) and (len(low) == len(h) or not low[len(h)].isalnum()) for h in heads):
            return kind
    return "other"


def party(text: str, start: int | None, end: int | None) -> dict:
    """The party record of an institution's name as written, with its short form."""
    # "(Persero)" is part of a company's name, not a short form of it
    legal = _legal_form()
    if legal.search(text):
        head = legal.sub("", text)
        p = party(head, start, end)
        p["name"] = text if not re.search(r"\([^)]*\)", head) else p["name"]
        return p
    name = re.sub(r"\s*\(([^)]*)\)\s*", " ", text).strip()
    name = re.sub(r"\s+", " ", name)
    shorts = re.findall(r"\(([^)]+)\)", text)
    short = None
    reverse = re.match(r"^([A-Z][A-Za-z]{1,10})\s*\(([^)]+)\)\s*(.*)$", text)
    if reverse and len(reverse.group(2).split()) > 1:
        # "UNS (Universitas Sebelas Maret) Surakarta": the long form is in the brackets
        rest = re.sub(r"\s*\([^)]*\)", "", reverse.group(3)).strip()
        name = f"{reverse.group(2)} {rest}".strip()
        short = f"{reverse.group(1)} {rest}".strip()
    elif shorts:
        # "Dinas ... (DPMPTSP) Kota Bekasi" -> "DPMPTSP Kota Bekasi"
        short = (shorts[0] + " " + text[text.find(")") + 1:]).strip()
        short = re.sub(r"\s*\([^)]*\)", "", short).strip() or shorts[0]
    first = name.split(" ", 1)[0].lower()
    if first in names()["region_types"] and " " in name:
        # "dengan Kabupaten Natuna": the side that signs is the region's government
        short = short or name
        name = "Pemerintah " + fold(first).title() + name[len(first):]
    short = " ".join(short.split()) if short else short
    return {"name": name, "short": short, "kind": kind_of(name), "span": [start, end] if start is not None else None}


_DEFINITION = re.compile(r"((?:[A-Z][\w'-]*\s+){1,8}?)\(\s*([A-Z][A-Za-z]{1,11})\s*\)")
_DEFINED = re.compile(r"\(\s*[A-Z][A-Za-z]{1,11}\s*\)")   # the bracket that ends a _DEFINITION
_DEFINITION_WORDS = 8   # as in _DEFINITION


def _definitions(text: str):
    """The matches of _DEFINITION.finditer(text), the same ones, found from the brackets: the
    regex alone tries every capital letter of the text. A match ends at a bracket and starts
    in one of the 8 runs of non-space before it, so each bracket is searched from there on."""
    pos = 0
    for b in _DEFINED.finditer(text):
        if b.end() <= pos:
            continue
        lo = b.start()
        for _ in range(_DEFINITION_WORDS):
            while lo > 0 and text[lo - 1].isspace():
                lo -= 1
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
        m = _DEFINITION.search(text, max(pos, lo), b.end())
        if m:
            yield m
            pos = m.end()


def defined_long_forms(text: str) -> dict[str, str]:
    """Short forms the text defines, with their long form as written: "Universitas Hasanuddin
    (Unhas)" -> {"unhas": "Universitas Hasanuddin"}; the long form is the shortest run of words
    before the brackets that the short form spells."""
    out = {}
    for m in _definitions(text):
        words = m.group(1).split()
        short = m.group(2)
        for k in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[k:])
            if abbreviates(short, candidate) or _initials(candidate) == short.upper():
                out.setdefault(short.lower(), candidate)
                break
    return out


def spelled_out(p: dict, long_forms: dict[str, str]) -> dict:
    """A party named by a short form the article defines gets the long form as its name."""
    first, _, rest = p["name"].partition(" ")
    long = long_forms.get(first.lower())
    if long is None or p.get("short"):
        return p
    return dict(p, name=f"{long} {rest}".strip(), short=p["name"])


def merge(parties: list[dict]) -> list[dict]:
    """One party per institution; the fuller name wins, unless it would trade a name found in
    the text for one derived from a title."""
    out: list[dict] = []
    for p in parties:
        twin = next((o for o in out if same_institution(o, p)), None)
        if twin is None:
            out.append(p)
            continue
        if len(p["name"]) > len(twin["name"]) and (p["span"] or twin["span"] is None):
            short = twin["short"] or (twin["name"] if len(twin["name"]) < len(p["name"]) else None)
            twin.update(p)
            twin["short"] = p["short"] or short
        elif not twin.get("short") and len(p["name"]) < len(twin["name"]):
            twin["short"] = p["name"]
    return out
