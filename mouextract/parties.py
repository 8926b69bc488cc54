"""Stage 5: the parties — the institutions bound by each agreement.

Two sources: institutions named in the signing sentences in the places the signing verb gives
its parties (subject, "dengan", "bersama", "antara", "oleh"), and the institution a signatory's
title stands for ("Bupati Banyumas" signs for the Pemerintah Kabupaten Banyumas; "Kepala
DPMPTSP Kota Bekasi" for the DPMPTSP). Institutions inside a person's title, the venue, the
witness clause, or the headline are not parties. The same institution under several names
(Pemkab X / Pemerintah Kabupaten (Pemkab) X) is one party.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .context import Context
from .dates import month_words, weekday_words
from .gazetteer import find_regions
from .nlp import rule_spans
from .patterns import as_phrases, lexicon, ruler_patterns
from .people import common_words, is_degree, is_honorific_or_rank

_WEEKDAYS = weekday_words()
_MONTHS_DAYS = weekday_words() | month_words()
# Institutions whose official names run on over commas ("Kementerian Pendidikan, Kebudayaan,
# Riset, dan Teknologi").
_COMMA_NAMES = {"kementerian", "kemendesa"}
# "Pemda X" is the government of region X, whichever level: folded to "pemerintah".
_FOLD = [(r"\bpemkab\b", "pemerintah kabupaten"), (r"\bpemkot\b", "pemerintah kota"),
         (r"\bpemprov\b", "pemerintah provinsi"), (r"\bpemda\b", "pemerintah"),
         (r"\bkab\b", "kabupaten"), (r"\bwalikota\b", "wali kota"), (r"\bkejari\b", "kejaksaan negeri"),
         (r"\bkejati\b", "kejaksaan tinggi"), (r"\bpolres\b", "kepolisian resor"), (r"\bresort\b", "resor"),
         (r"\bpolda\b", "kepolisian daerah")]
_GENERIC = {"ri", "republik", "indonesia", "dan", "perwakilan", "the", "of", "negara"}
_OFFICE_OF_RANK_WORDS = {"direktorat", "sekretariat", "inspektorat", "direktur", "sekretaris", "inspektur", "konsulat",
                         "kejaksaan", "jaksa", "auditorat"}
_UNIT_KINDS = {"desa", "dinas", "badan", "bagian", "bidang", "seksi", "divisi", "unit", "satuan", "sekolah",
               "daerah", "cabang", "kantor", "sekretariat", "perwakilan", "wilayah", "opd", "skpd", "umum"}
# Words that say what kind of body a name is, not which one.
_BODY_WORDS = {"pemerintah", "kabupaten", "kota", "provinsi", "kantor", "cabang", "wilayah", "kanwil", "pusat",
               "daerah", "negeri", "persero", "tbk", "pt", "resor", "resort", "kepolisian", "kejaksaan"}
# A head standing alone ("Pemda ingin ...", "BumDesa pengelola ...") names no particular institution.
_BARE_HEADS = {"pemerintah", "pemda", "pemkab", "pemkot", "pemprov", "pemdes", "dinas", "badan", "lembaga", "komisi",
               "kantor", "bank", "universitas", "bumdes", "bumdesa", "bumd", "bumn", "koperasi", "yayasan", "kementerian",
               "biro", "sekretariat", "institut", "pengadilan", "kejaksaan", "kepolisian"}
# Words after which the rest of the clause is the agreement's subject matter or its setting,
# not its parties: "terkait penyaluran dana desa melalui Bank X", "di lingkungan Pemkot X".
_NOT_PARTY_CUES = {"terkait", "tentang", "mengenai", "soal", "bidang", "untuk", "dalam", "lingkungan", "wilayah", "guna",
                   "melalui", "termasuk", "mengembangkan", "kepada"}

# What a title's head stands for: "Bupati X" signs for the Pemerintah Kabupaten X.
_TITLE_TO_INSTITUTION = [
    (r"^(?:wakil\s+)?bupati\s+", "Pemerintah Kabupaten "),
    (r"^(?:wakil\s+)?wali\s*kota\s+", "Pemerintah Kota "),
    (r"^(?:wakil\s+)?gubernur\s+", "Pemerintah Provinsi "),
    (r"^(?:sekda|sekretaris daerah)\s*(?:\(sekda\)\s*)?", "Pemerintah "),
    (r"^(?:wakil\s+)?menteri\s+", "Kementerian "),
    (r"^kapolda\s+", "Polda "), (r"^kapolres(?:ta)?\s+", "Polres "), (r"^kajari\s+", "Kejari "),
    (r"^kajati\s+", "Kejati "), (r"^dandim\s+", "Kodim "), (r"^panglima\s+", ""),
]
_TITLE_HEAD = re.compile(r"^(?:(?:kepala|ketua|wakil ketua|anggota|rektor|wakil rektor|direktur utama|direktur|dirut|"
                         r"pimpinan|pemimpin|presiden direktur|ceo|dekan|executive mayor|mayor|kakanwil|"
                         r"kepala kantor wilayah|kepala cabang|general manager|senior manager|manager|manajer|gm|"
                         r"vice president|komisaris utama|chairman|president|vice[- ]?chancellor|chancellor|rector|"
                         r"dean|managing director|executive director|director)\s+)+", re.I)
_ACTING = re.compile(r"^(?:plt\.?|pj\.?|plh\.?|pjs\.?|pelaksana tugas|penjabat)\s*", re.I)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    s = name.lower()
    for pat, rep in _FOLD:
        s = re.sub(pat, rep, s)
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
    Syarif Qasyim II", "Kemendesa PDTT" for "Kementerian Desa, Pembangunan Daerah Tertinggal dan
    Transmigrasi". Each short word is a long word or spells a run of them by their beginnings."""
    sw = re.findall(r"[a-z0-9]+", short.lower())
    lw = [w for w in re.findall(r"[a-z0-9]+", long.lower()) if w not in {"dan", "of", "the"}]
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
    ka, kb = key(a["name"]) | _shorts(a), key(b["name"]) | _shorts(b)
    ra, rb = _regions(a["name"]), _regions(b["name"])
    if ra and rb and not ra & rb:
        return False  # "Kabupaten Kolaka" and "Kabupaten Kolaka Utara" are two governments
    sa, sb = ka - _GENERIC, kb - _GENERIC
    if not sa or not sb:
        return ka == kb
    if sa == sb:
        return True
    for small, big, pbig in ((sa, kb, b), (sb, ka, a)):
        extra = big - _GENERIC - small
        # "Kabupaten X" / "Pemerintah Kabupaten X": the longer name only adds the kind of body;
        # "Universitas Riau" / "Universitas Islam Riau" are two universities
        if small <= big and (extra <= _BODY_WORDS | _shorts(pbig) or small & _shorts(pbig)):
            return True
    if abbreviates(a["name"], b["name"]) or abbreviates(b["name"], a["name"]):
        return True
    first_a, first_b = a["name"].split()[0], b["name"].split()[0]
    return (first_a.isupper() and first_a == _initials(b["name"])) or (first_b.isupper() and first_b == _initials(a["name"]))


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    """The first words of the institution heads the ruler knows (patterns/institutions.yml)."""
    return frozenset(ph.split()[0] for p in ruler_patterns() if p["label"] == "ORG" for ph in as_phrases(p["pattern"]) or [])


def _after_portfolio(rest: str) -> str:
    """"Bidang Sumber Daya dan Kerjasama Universitas Indonesia" after "Wakil Rektor": the
    portfolio an office holds is no institution; the institution is what follows it."""
    words = rest.split()
    if not words or words[0].lower() not in lexicon("people.yml")["portfolio_words"]:
        return rest
    heads = _org_heads()
    k = next((k for k, w in enumerate(words[1:], start=1) if w.lower() in heads and w[:1].isupper()), None)
    return " ".join(words[k:]) if k is not None else rest


def institution_of_title(title: str | None) -> str | None:
    if not title:
        return None
    t = _ACTING.sub("", title.strip())
    for pat, rep in _TITLE_TO_INSTITUTION:
        m = re.match(pat, t, re.I)
        if m:
            rest = t[m.end():].strip()
            return (rep + rest).strip() if rest else None
    m = _TITLE_HEAD.match(t)
    if m:
        rest = _after_portfolio(t[m.end():].strip())
        # "Kepala Desa", "Kepala Bagian": a kind of unit, not one institution
        if not rest[:1].isupper() or (len(rest.split()) == 1 and rest.lower() in _UNIT_KINDS):
            return None
        return rest
    return None


class OrgReader:
    def __init__(self, doc):
        self.doc = doc
        self.org_at: dict[int, int] = {}
        for sp in rule_spans(doc, "ORG"):
            if sp.start not in self.org_at or self.org_at[sp.start] < sp.end:
                self.org_at[sp.start] = sp.end
        self.title_at = {sp.start for sp in rule_spans(doc, "TITLE")}
        self.in_title = {i for sp in rule_spans(doc, "TITLE") for i in range(sp.start, sp.end)}
        # "Mossel Bay (Provinsi Western Cape, Afrika Selatan)": a bracket locates, it names no party
        self.in_parens: set[int] = set()
        depth = 0
        for tok in doc:
            depth += tok.text == "("
            if depth and tok.text not in "()":
                self.in_parens.add(tok.i)
            depth -= tok.text == ")" and depth > 0

    def read(self, i: int, end: int) -> int:
        doc = self.doc
        head = doc[i].lower_
        j = self.org_at[i]
        while j < end:
            t = doc[j].text
            if t == "(":
                k = j + 1
                while k < end and doc[k].text != ")":
                    k += 1
                if k >= end or k - j > 8:
                    break
                j = k + 1
                continue
            if t in {"-", "/"} and j + 1 < end and doc[j + 1].text[:1].isupper():
                j += 2
                continue
            if t in {"of", "for"} and j + 1 < end and doc[j + 1].text[:1].isupper():
                j += 1  # "University of Melbourne", "Institute for Policy Research"
                continue
            if t.lower() in {"dan", "&"} or (t == "," and head in _COMMA_NAMES):
                nxt = doc[j + 1] if j + 1 < end else None
                if nxt is not None and nxt.lower_ == "dan" and t == ",":
                    nxt = doc[j + 2] if j + 2 < end else None
                    if nxt is not None and self._continues(nxt, after_dan=True):
                        j += 2
                        continue
                if nxt is not None and self._continues(nxt, after_dan=True):
                    j += 1
                    continue
                break
            if self._continues(doc[j]):
                j += 1
                continue
            break
        return j

    def _continues(self, tok, after_dan: bool = False) -> bool:
        t = tok.text
        if not t[:1].isupper() or is_degree(t):
            return False
        if is_honorific_or_rank(t) and tok.nbor(-1).lower_ not in _OFFICE_OF_RANK_WORDS:
            return False  # a rank opens a person's name, except "Direktorat Jenderal", "Jaksa Agung"
        if t.lower() in _MONTHS_DAYS:
            # "Universitas Sebelas Maret" is a name; "Kota Batam, 3 Maret 2023" / "Senin (7/2)" a date
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if t.lower() in _WEEKDAYS or (nxt is not None and (nxt.is_digit or nxt.text == "(")) or tok.nbor(-1).is_digit:
                return False
        if tok.i in self.title_at:
            return False
        # after "dan" a name goes on only with an ordinary word ("Pangkajene dan Kepulauan",
        # "Energi dan Sumber Daya Mineral"), not with another proper name ("Pertamina dan Chevron")
        if after_dan and (tok.i in self.org_at or (t.isupper() and len(t) > 1) or t.lower() not in common_words()):
            return False
        return True

    def mentions(self, start: int, end: int, skip: set[int]) -> list[dict]:
        doc = self.doc
        out = []
        i = start
        while i < end:
            if i in self.org_at and i not in skip and i not in self.in_title and i not in self.in_parens \
                    and doc[i].text[:1].isupper():
                j = self.read(i, end)
                span = doc[i:j]
                bare = j - i == 1 and doc[i].lower_ in _BARE_HEADS
                if not bare and not any(k in skip for k in range(i, j)):
                    out.append(party(span.text.strip(" ,"), span.start_char, span.end_char))
                i = max(j, i + 1)
            else:
                i += 1
        return out


_KIND = [(r"(?i)^(pemerintah|pemkab|pemkot|pemprov|pemda|dinas|badan|kementerian|kemen|biro|sekretariat)", "government"),
         (r"(?i)^(universitas|institut|politeknik|uin|iain|sekolah tinggi|akademi)", "education"),
         (r"(?i)^(pt|bank|cv|bpd)\b", "company"), (r"(?i)^(polres|polda|kepolisian|polri)", "police"),
         (r"(?i)^(kejaksaan|kejari|kejati|pengadilan)", "judiciary"), (r"(?i)^(tni|tentara|kodim|korem)", "military"),
         (r"(?i)^(dprd|dpr)\b", "legislature")]


_LEGAL_FORM = re.compile(r"\s*\((?:persero|perseroda|tbk|perum|perumda)\)", re.I)


def party(text: str, start: int | None, end: int | None) -> dict:
    # "(Persero)" is part of a company's name, not a short form of it
    forms = _LEGAL_FORM.findall(text)
    if forms:
        head = _LEGAL_FORM.sub("", text)
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
    if re.match(r"(?i)^(kabupaten|kota|provinsi|kab\.)\s", name):
        # "dengan Kabupaten Natuna": the side that signs is the region's government
        short = short or name
        name = "Pemerintah " + re.sub(r"(?i)^kab\.", "Kabupaten", name)
    short = " ".join(short.split()) if short else short
    kind = next((k for pat, k in _KIND if re.match(pat, name)), "other")
    return {"name": name, "short": short, "kind": kind, "span": [start, end] if start is not None else None}


_DEFINITION = re.compile(r"((?:[A-Z][\w'-]*\s+){1,8}?)\(\s*([A-Z][A-Za-z]{1,11})\s*\)")


def defined_long_forms(text: str) -> dict[str, str]:
    """Short forms the text defines, with their long form as written: "Universitas Hasanuddin
    (Unhas)" -> {"unhas": "Universitas Hasanuddin"}; the long form is the shortest run of words
    before the brackets that the short form spells."""
    out = {}
    for m in _DEFINITION.finditer(text):
        words = m.group(1).split()
        short = m.group(2)
        for k in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[k:])
            if abbreviates(short, candidate) or _initials(candidate) == short.upper():
                out.setdefault(short.lower(), candidate)
                break
    return out


def _spelled_out(p: dict, long_forms: dict[str, str]) -> dict:
    """A party named by a short form the article defines gets the long form as its name."""
    first, _, rest = p["name"].partition(" ")
    long = long_forms.get(first.lower())
    if long is None or p.get("short"):
        return p
    return dict(p, name=f"{long} {rest}".strip(), short=p["name"])


def merge(parties: list[dict]) -> list[dict]:
    out: list[dict] = []
    for p in parties:
        twin = next((o for o in out if same_institution(o, p)), None)
        if twin is None:
            out.append(p)
            continue
        if len(p["name"]) > len(twin["name"]) and (p["span"] or twin["span"] is None):
            # the fuller name wins, unless it would trade a name found in the text for one
            # derived from a title
            short = twin["short"] or (twin["name"] if len(twin["name"]) < len(p["name"]) else None)
            twin.update(p)
            twin["short"] = p["short"] or short
        elif not twin.get("short") and len(p["name"]) < len(twin["name"]):
            twin["short"] = p["name"]
    return out


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    reader = OrgReader(ctx.doc)
    doc = ctx.doc
    long_forms = defined_long_forms(ctx.text)
    headline = ctx.headline
    for ev in ctx.events:
        skip: set[int] = set()
        for person in ev.signatories + ev.witnesses + [p.as_witness() for p in ctx.people]:
            span = doc.char_span(*person["span"], alignment_mode="expand")
            if span is not None:
                skip.update(range(span.start, span.end))
        if ev.place and ev.place.get("span"):
            span = doc.char_span(*ev.place["span"], alignment_mode="expand")
            if span is not None:
                skip.update(range(span.start, span.end))
        found = []
        for i in ev.sentences:
            if i == headline:
                continue
            sent = ctx.sents[i].span
            for tok in sent:
                if tok.text in _NOT_PARTY_CUES or (tok.lower_ == "di" and tok.i + 1 < sent.end and doc[tok.i + 1].text[:1].isupper()):
                    skip.update(_setting(doc, tok, sent.end))
            found += reader.mentions(sent.start, sent.end, skip)
        for person in ev.signatories:
            inst = institution_of_title(person["title"])
            if inst:
                found.append(party(inst, None, None))
        ev.parties = merge([_spelled_out(p, long_forms) for p in found])
        for person in ev.signatories:
            inst = institution_of_title(person["title"])
            if inst:
                probe = party(inst, None, None)
                person["party"] = next((k for k, p in enumerate(ev.parties) if same_institution(p, probe)), None)
        _link_by_dari(ctx, ev, found)
        ev.party_anchors = _anchors(ev, found)


def _setting(doc, cue, end: int) -> range:
    """The tokens a cue hands to the agreement's subject or setting: to the clause end; after
    "di", to a comma that the place's name does not go on from ("di Aula X, Kota Y, yang ...")."""
    k = cue.i + 1
    while k < end and doc[k].text not in {".", ";"}:
        if doc[k].text == "," and cue.lower_ == "di" and not (k + 1 < end and doc[k + 1].text[:1].isupper()):
            break
        k += 1
    return range(cue.i + 1, k)


def _link_by_dari(ctx: Context, ev, found: list[dict]) -> None:
    """"Prof. X dari Universitas Y": a signatory without a title signs for the institution
    named right after "dari"."""
    for person in ev.signatories:
        if person.get("party") is not None or not person.get("span"):
            continue
        tail = ctx.text[person["span"][1]:person["span"][1] + 8]
        m = re.match(r"\s*,?\s*dari\s+", tail)
        if not m:
            continue
        at = person["span"][1] + m.end()
        named = next((f for f in found if f.get("span") and f["span"][0] == at), None)
        if named is not None:
            person["party"] = next((k for k, p in enumerate(ev.parties) if same_institution(p, named)), None)


def _anchors(ev, found: list[dict]) -> list[int | None]:
    """Where in the text each party is first named, directly or through its signatory: the
    assembly uses it to see which side of "dengan" a party stands on."""
    anchors: list[int | None] = [None] * len(ev.parties)
    points = [(f["span"][0], f) for f in found if f.get("span")]
    for k, p in enumerate(ev.parties):
        where = [at for at, f in points if same_institution(p, f)]
        where += [s["span"][0] for s in ev.signatories if s.get("party") == k and s.get("span")]
        anchors[k] = min(where) if where else None
    return anchors
