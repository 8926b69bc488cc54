"""The person reader: how a person mention is read from the tokens of a sentence.

Reading a person mention: a title (jabatan) found by the ruler, extended over its unit ("Kepala
Perwakilan Ombudsman RI Provinsi Jawa Tengah"), then the name ("Ir. Bambang Sutrisno", cleaned of
degrees, honorifics and ranks), in either order ("Bupati Maros, Andi Saputra", "Dedi Kurniawan,
Anggota Ombudsman RI", "Rahmat Hidayat selaku Ketua Ombudsman"). A capitalised word after a
title belongs to the office when it is an acronym, a region, a country, a noun made from a verb or
a common Indonesian word (mouextract/data/common_words.txt), and a given name (name_words.txt)
starts the name; the single-word tests and tables are in person_words.py.

The component that reads every sentence with it is reading/persons.py; roles come from the
sentence's own wording (patterns/slots/roles.yml); the stage that puts them together, with
coreference and the NER fallback, is people_stage.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .gazetteer import is_country, lookup
from .institutions import names
from .nlp import doc_text, positions, rule_spans, token_lowers, token_texts
from .patterns import load
from .person_words import (DEGREE_LIKE, LIST_SEPARATORS, ROMAN, WEEKDAYS_MONTHS, acronym_like, acronyms, capitalised,
                           common_words, first_of, is_academic_prefix, is_degree, is_honorific_or_rank, is_initial,
                           is_suffix_degree, named_after_person, norm, person_lexicon, name_words, nominal, numbered_unit, offices, runs_before_short_forms,
                           service_after_rank)


@dataclass
class Person:
    name: str | None
    title: str | None
    start: int
    end: int
    name_span: tuple[int, int] | None = None
    on_behalf_of: str | None = None
    marked: bool = False  # a degree, honorific or rank stood by the name: surely a person
    principal_title: str | None = None  # the office of the one signed for: their institution is the party
    rule: str | None = None  # the slot rule that gave the person a role (provenance)
    principal: "Person | None" = None  # the one this person signed for, named by the stage

    def as_signatory(self) -> dict:
        out = {"name": self.name, "title": self.title, "party": None,
               "on_behalf_of": self.on_behalf_of, "span": [self.start, self.end]}
        if self.principal_title:
            out["principal_title"] = self.principal_title  # read by the parties stage, not output
        return out

    def as_witness(self) -> dict:
        return {"name": self.name, "title": self.title, "span": [self.start, self.end]}


@lru_cache(maxsize=1 << 14)
def _marks_a_name(text: str) -> bool:
    """An initial, a degree, an honorific or a rank (one cached test for the three)."""
    return is_initial(text) or is_degree(text) or is_honorific_or_rank(text)


@lru_cache(maxsize=1 << 14)
def _name_word(text: str) -> int:
    """What a word's text alone says of it as part of a name: 2 when it marks one (_marks_a_name),
    1 when it is shaped like a name's word (a capital, no weekday or month), else 0."""
    if _marks_a_name(text):
        return 2
    return int(capitalised(text) and text[:1].isalpha() and text.lower() not in WEEKDAYS_MONTHS)


@lru_cache(maxsize=1 << 14)
def _company_suffix_word(t: str) -> bool:
    """A company's legal form ("Co.", "Ltd.", "Tbk"), capitalised."""
    return t[:1].isupper() and norm(t).lower() in load("institution_names.yml")["company_suffixes"]


@lru_cache(maxsize=1 << 14)
def inner_lower(t: str) -> bool:
    """A lower-case word that may stand inside an office's name ("bidang", "perencanaan")."""
    if not t.isalpha() or not t.islower():
        return False
    if t in person_lexicon()["inner"]:
        return True
    lex = person_lexicon()
    # "perencanaan", "pertanian": a noun made with per-...-an, not a verb
    verblike = t.startswith(lex["verb_prefixes"]) and len(t) >= 5 and not nominal(t)
    return t not in lex["function"] and not verblike and len(t) <= 14


def _bracketed(texts: list[str]) -> set[int]:
    """The tokens inside brackets, nested ones too, brackets aside. An unmatched ")" closes none;
    an unmatched "(" closes at the end of its line (a stray bracket hides no name in the rest of
    the article)."""
    marks = positions(texts, "(") + positions(texts, ")")
    inside: set[int] = set()
    depth, last = 0, -1
    for k in sorted(marks):
        if depth:
            inside.update(range(last + 1, k))
        depth = depth + 1 if texts[k] == "(" else max(0, depth - 1)
        last = k
    if depth:   # rare: read again with the line breaks closing what is open
        breaks = [k for k, t in enumerate(texts) if "\n" in t]
        inside, depth, last = set(), 0, -1
        for k in sorted(marks + breaks):
            if depth:
                inside.update(range(last + 1, k))
            depth = 0 if "\n" in texts[k] else depth + 1 if texts[k] == "(" else max(0, depth - 1)
            last = k
        if depth:
            inside.update(range(last + 1, len(texts)))
    return inside


class Reader:
    """Reads person mentions over a token range of one parsed article."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # token texts and lower-case forms by index (a Token object per test costs more);
        # spaCy's `lower_`, `is_space` and `is_digit` are these strings' lower(), isspace(), isdigit()
        self.texts = texts = token_texts(doc)
        self.lowers = token_lowers(doc)
        self.name_words = list(map(_name_word, texts))   # what each word's text says (_name_word)
        # where each token starts and ends in the text (spaCy's `idx` and `idx + len(text)`), for
        # spans and names cut from the text
        self.text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH]).reshape(-1, 2)   # (0, 2) for an empty Doc
        self.starts = columns[:, 0].tolist()
        self.ends = (columns[:, 0] + columns[:, 1]).tolist()
        self.title_at: dict[int, int] = {}   # token index where a title starts -> its end
        # the ruler's institution heads as plain (start, end, kind) triples: a Span's attributes
        # cost more to read than a tuple's
        orgs = [(sp.start, sp.end, sp.id_) for sp in rule_spans(doc, "ORG")]
        # an office's word that opens a longer institution's head is the institution's
        # ("Pimpinan Wilayah Muhammadiyah" is a body; "Pimpinan DPRD" an office)
        org_heads = {start: end for start, end, _ in orgs}
        branch_kinds = person_lexicon()["branch_institution_kinds"]
        branched = {start for start, _, kind in orgs if kind in branch_kinds}
        for sp in rule_spans(doc, "TITLE"):
            if org_heads.get(sp.start, 0) > sp.end and org_heads[sp.start] not in branched:
                # (but "Pimpinan Cabang Bank X": a company named right after the longer head
                # makes it the office of the company's branch)
                continue
            if sp.start > 0 and self.lowers[sp.start - 1] in person_lexicon()["acts_on_offices"]:
                continue  # "Pemilihan Kepala Daerah", "pelantikan kepala desa": an act's object, no office holder
            if sp.start not in self.title_at or self.title_at[sp.start] < sp.end:
                self.title_at[sp.start] = sp.end
        # a title nested in a longer one ("Walikota" in "Plt.Walikota") is not a start; one sweep
        # in text order (comparing every pair took 11 s on 8,000 titles)
        reach = -1
        for s in sorted(self.title_at):
            if s < reach:
                del self.title_at[s]
            else:
                reach = max(reach, self.title_at[s])
        # token positions right after a title whose last word is a regional office ("Bupati")
        self.after_regional_title = {e for e in self.title_at.values() if self.lowers[e - 1] in offices()["regional_heads"]}
        self.org_tokens: set[int] = set()
        self.org_at: set[int] = set()
        self.named_heads: set[int] = set()  # ends of heads whose next word names the institution
        named_kinds = set(person_lexicon()["named_institution_kinds"])
        for start, end, kind in orgs:
            self.org_tokens.update(range(start, end))
            self.org_at.add(start)
            if kind in named_kinds:
                self.named_heads.add(end)
        # "RSUD dr. R. Soedjono": a person's name that names an institution is no person
        self.person_named: dict[int, int] = {}
        for _, end, _ in orgs:
            k = end + 3 if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")" else end
            m = named_after_person(doc, k, len(texts))
            if m > k:
                self.person_named[k] = m
            m = numbered_unit(doc, k, len(texts)) if k < len(texts) else k
            if m > k:
                self.person_named[k] = m   # "Korem 092/Maharajalila": the unit's number and place, no person
        # the places the regions reader found (reading/regions.py), read once for the article
        self.region_tokens: set[int] = {i for sp in doc.spans.get("regions", []) for i in range(sp.start, sp.end)}
        self.common = common_words()
        self.names = name_words()
        self.defined_long_forms = runs_before_short_forms(doc)
        self.bare_heads = load("institution_names.yml")["bare_heads"]
        # an institution read inside an office ("Kota Bogor" in "Wali Kota Bogor") ends where the
        # office's region does: the office's end is where its region is looked for
        inside_titles = {k for s, e in self.title_at.items() for k in range(s + 1, e)}
        self._regions_after_units({end for start, end, _ in orgs if start not in inside_titles})
        # short forms the article defines ("Universitas Katolik Santa Maria (Unsam)") name
        # institutions, not people
        self.short_forms = set(acronyms(self.text))
        self._units: dict[int, bool] = {}
        # the company legal forms after a name, found once (most articles have none, and then
        # _names_a_company need not look ahead from each word)
        # (the words asked once each: most of an article's words stand in it more than once)
        suffix_words = {t for t in set(texts) if _company_suffix_word(t)}
        self.company_suffixes = {i for i, t in enumerate(texts) if t in suffix_words and self._company_suffix_at(i)} \
            if suffix_words else set()
        self._title_words: set[int] | None = None
        self.in_parens = _bracketed(texts)

    def _regions_after_units(self, org_ends: set[int]) -> None:
        """A region written right after an office or institution ("Ketua Bawaslu Bengkulu",
        "Bupati Deli Serdang") is the unit's; the gazetteer's running-text reading leaves a place
        name inside a run of capitalised words alone, as it may be a given name."""
        heads = set(self.title_at.values()) | org_ends
        words, lowers = self.texts, self.lowers
        # past the office's ordinary words ("Sekretaris Daerah Tanah Bumbu", "Kepala Dinas
        # Kesehatan Kabupaten X"): the region ends the unit there too; a region is no such word,
        # though news writes it often ("Bogor" in "Wali Kota Bogor Bima Arya" starts the chain)
        common = common_words()
        for e in list(heads):
            k = e
            while k < len(words) and k - e < 4 and words[k][:1].isupper() and lowers[k] in common \
                    and not self._region_at(k):
                k += 1
                heads.add(k)
        for i in sorted(heads):
            chain = []
            while (n := self._region_at(i)) > 0:
                chain.append((i, n))
                i += n
            # regions in a row after the unit are all its when nothing capitalised follows them
            # ("Bank Sumsel Babel Kayuagung,": the bank of two provinces, its branch in a town);
            # else only the first ("Wali Kota Bogor Bima Arya": a given name may be a region's)
            if chain and i < len(words) and words[i][:1].isupper():
                chain = chain[:1]
            for k, n in chain:
                self.region_tokens.update(range(k, k + n))

    def _region_at(self, i: int) -> int:
        """How many capitalised words from token i (up to three) name a region; 0 if none."""
        words = self.texts
        capitalised_run = 0   # of the three words from i
        while capitalised_run < 3 and i + capitalised_run < len(words) and words[i + capitalised_run][:1].isupper():
            capitalised_run += 1
        for n in range(capitalised_run, 0, -1):
            if lookup(self.text[self.starts[i]:self.ends[i + n - 1]]) is not None:
                return n
        return 0

    # -- token classes ---------------------------------------------------------------------
    # Each token is asked again from every reading that passes it: the answers are kept by
    # token index (they depend only on what __init__ read).
    def unit_at(self, i: int) -> bool:
        """Token i is part of an office's name rather than of a person's."""
        found = self._units.get(i)
        if found is None:
            found = self._units[i] = self._unit_token(i)
        return found

    def _unit_token(self, i: int) -> bool:
        texts = self.texts
        t = texts[i]
        if i in self.title_at or i in self.org_tokens or i in self.region_tokens:
            return True
        if self._initials_before_name(i) or self._name_title(i):
            return False
        if self._company_suffix(i) or self._names_a_company(i):
            return True  # "CEO Tsubasa Kaigo Co., Ltd.": the company's name and legal form
        if t in "()/-&" or acronym_like(t) or t.lower() in self.short_forms or i in self.defined_long_forms:
            return True
        prev = i - 1
        given = t.lower() in self.names
        if prev in self.org_at and t[:1].isupper() and not is_initial(t) and (
                i in self.named_heads or (not given and self.lowers[prev] in self.bare_heads)):
            # "UIN Susqa", "Bank Sulselbar", "Universitas Ahmad Dahlan": the word after the head
            # of a university or a company names it, and after a head that names no institution
            # alone ("Dinas", "Badan") the word names the office; "DPRD", "KPU", "Kadin" are
            # whole names, and a word after them that is no region starts the holder's name
            # ("Ketua Kadin Rudi Wirawan")
            return True
        if i in self.after_regional_title and lookup(t) is not None:
            return True  # "Bupati Gowa Adnan ...", "Wakil Gubernur Sumbar Audy ...": the office's region
        if t[:1].isupper() and is_country(t):
            return True  # "Duta Besar RI untuk Ghana Surya Santoso": the country the office serves
        if given:
            return False
        if capitalised(t) and nominal(t):
            return True  # "Kepala Balai Pelayanan Pelindungan Pekerja Migran": nouns, not a name
        # after a region, a number, or right after "Bupati"/"Gubernur" (whose only unit is a region)
        # the office is complete: what follows is the name
        complete = prev in self.region_tokens or i in self.after_regional_title or (prev >= 0 and is_country(texts[prev])) \
            or (prev in self.after_regional_title and lookup(texts[prev]) is not None) \
            or (prev >= 0 and (ROMAN.fullmatch(texts[prev]) or texts[prev].isdigit()))
        # inside an office ("Kepala", then its unit), not where a name may start ("oleh Hadrian Nasution")
        in_office = prev >= 0 and (self._in_title_words(prev) or prev in self.org_tokens or acronym_like(texts[prev])
                                   or (capitalised(texts[prev]) and texts[prev].lower() in self.common))
        if capitalised(t) and t.lower() not in self.common and not is_initial(t) and not complete and in_office \
                and i + 1 < len(texts):
            nxt, nxt_text = i + 1, texts[i + 1]
            if nxt_text[:1].isupper() and nxt_text.lower() in self.names and nxt not in self.region_tokens:
                return True  # "Kepala Kesbangpolinmas Agus Wibowo": the unit's word before a given name
            if nxt in self.org_at or (acronym_like(nxt_text) and not is_degree(nxt_text)):
                # "Kepala Bidang Pelayanan Medik RSUD, dr. X", "Ketua Tanfidziyah PCNU Sumenep": an
                # institution's head or short name goes on the office
                return True
            if nxt_text == "&" and i + 2 < len(texts) and capitalised(texts[i + 2]) and self.lowers[i + 2] not in self.names:
                return True  # "Senior Manager Operation & Manufacturing": two portfolios joined by a sign
        return capitalised(t) and t.lower() in self.common and t.lower() not in WEEKDAYS_MONTHS

    def _company_suffix(self, i: int) -> bool:
        """A company's legal form after its name ("Co.", "Ltd.", "Tbk"), after a capitalised word or
        a comma that follows one."""
        return i in self.company_suffixes

    def _company_suffix_at(self, i: int) -> bool:
        texts = self.texts
        if i == 0 or not _company_suffix_word(texts[i]):
            return False
        k = i - 1 if texts[i - 1] != "," else i - 2
        return k >= 0 and texts[k][:1].isupper()

    def _names_a_company(self, i: int) -> bool:
        """A capitalised run that ends in a company's legal form ("Tsubasa Kaigo Co.") names the
        company, not a person."""
        if not self.company_suffixes:
            return False   # most articles name no company by its legal form
        texts = self.texts
        k = i
        while k < len(texts) and k - i < 6 and texts[k][:1].isupper() and not self._company_suffix(k):
            k += 1
        return k > i and k < len(texts) and self._company_suffix(k)

    def _initials_before_name(self, i: int) -> bool:
        """Two capitals standing for given names, after a numbered office or a comma and before a
        given name ("Asisten 1 AN Wahyudi", ", HM Yusuf"): initials, not a unit's short form."""
        texts = self.texts
        t = texts[i]
        if not (len(t) == 2 and t.isupper() and t.isalpha()) or i == 0 or i + 1 >= len(texts):
            return False
        prev = texts[i - 1]
        return (prev == "," or prev.isdigit() or bool(ROMAN.fullmatch(prev))) and capitalised(texts[i + 1]) \
            and self.lowers[i + 1] in self.names and t.lower() not in self.short_forms

    def _name_title(self, i: int) -> bool:
        """A title of birth or nobility that opens the name after it ("Lalu Hamdani", "La Ode X"),
        inside a sentence ("Lalu, ..." / "Lalu Bupati ..." at its start is "then")."""
        texts = self.texts
        return texts[i] in person_lexicon()["name_titles"] and i + 1 < len(texts) and not self.doc[i].is_sent_start \
            and capitalised(texts[i + 1]) and texts[i + 1].isalpha() and i + 1 not in self.title_at \
            and i + 1 not in self.org_at

    def name_at(self, i: int) -> bool:
        """Token i may be part of a person's name (a word shaped like one that opens no title or
        institution, or a degree, honorific, rank or initial)."""
        word = self.name_words[i]
        return word == 2 or (word == 1 and i not in self.title_at and i not in self.org_at)

    # -- reading ---------------------------------------------------------------------------
    def read_name(self, i: int, end: int) -> tuple[int, int, int]:
        """From token i, the extent of a name: (end, first name token, last name token + 1).

        Degrees, honorifics and ranks are read over but left out of the name; a comma followed
        by a degree ("Suharyadi, S.H., M.C.L") stays inside the mention.
        """
        texts, spaced = self.texts, self.spaced
        first = last = None
        in_degrees = False
        j = i
        while j < end:
            t = texts[j]
            if t.isspace() or (t == "." and j > i and not spaced(j - 1)
                               and (is_degree(texts[j - 1]) or is_honorific_or_rank(texts[j - 1]))):
                # double spaces in pasted text ("Drs  H T Budi Darmawan  S MSi"); a degree's stop the
                # tokenizer parted from it ("Assoc. Prof.")
                j += 1
                continue
            if first is not None and is_initial(t) and self._degree_follows(j + 1, end):
                in_degrees = True  # "Eldin S MSi MH": a degree's letter, not an initial
                j += 1
                continue
            if t == "(" and first is None and j + 2 < end and texts[j + 2] == ")" and texts[j + 1].isupper() \
                    and len(texts[j + 1]) <= 3 and j > 0 and service_after_rank(texts, j - 1):
                j += 3  # "Kolonel Laut (P) X": the corps a navy or air force rank names
                continue
            if is_honorific_or_rank(t) or (is_degree(t) and first is None) or is_academic_prefix(t) \
                    or service_after_rank(texts, j):
                if first is not None and last is not None and not in_degrees:
                    # "Port Alfred Alderman Pieter Smit", "Rektor Undip Prof. Dr. Budi Santoso":
                    # the name follows the honorific, rank or academic title (among the degrees
                    # after a name it is one of them: "M.Sc., IPU, ASEAN Eng.")
                    first = last = None
                j += 1
                continue
            if is_degree(t):
                j += 1
                in_degrees = True
                continue
            if t in {",", "."} and j + 1 < end and (is_suffix_degree(texts[j + 1])
                                                   or (in_degrees and DEGREE_LIKE.fullmatch(texts[j + 1]))):
                # "Rizalman, SE, Ak.CA, MM, CFRM": a run of degrees, the unknown ones in capitals
                j += 2 if in_degrees and not is_degree(texts[j + 1]) else 1
                continue
            if t in person_lexicon()["particles"] and first is not None and j + 1 < end and capitalised(texts[j + 1]):
                j += 1
                continue
            if first is None and self._initials_before_name(j):
                first, last = j, j + 1  # "Asisten 1 AN Wahyudi"
                j += 1
                continue
            if len(t) == 2 and t.isupper() and t.isalpha() and j + 1 < end and texts[j + 1] == "." \
                    and not spaced(j) and (first is not None or (j > i and is_degree(texts[j - 1]))):
                # "Ir. SA. Budiman": initials the tokenizer parted from their stop
                first = j if first is None else first
                last = j + 2
                j += 2
                continue
            # a name in capitals after its degrees or honorifics ("Dr H. BUDI HARTONO, S.H"), and
            # the capitals that go on with it
            shouted = t.isupper() and t.isalpha() and len(t) >= 3 and j not in self.org_at and lookup(t) is None \
                and ((first is None and j > i) or (first is not None and texts[first].isupper()))
            if (capitalised(t) and t[:1].isalpha() and j not in self.title_at and j not in self.org_at
                    and (t.lower() not in WEEKDAYS_MONTHS or self._month_in_name(j, first, end)) and not acronym_like(t)) \
                    or is_initial(t) or shouted \
                    or t in person_lexicon()["name_abbreviations"]:
                if in_degrees:
                    break  # degrees close a name: "Yusuf Rasyid, S.H., LL.M. Disaksikan ..."
                if first is None:
                    first = j
                last = j + 1
                j += 1
                continue
            if t in {"-", "'", "’"} and first is not None:
                if j + 1 < end and texts[j + 1].isalpha() and not spaced(j):
                    j += 2  # "Park Heong-joon", "Ma'ruf": the name goes on after the joiner
                    last = j
                    continue
                j += 1
                continue
            break
        return j, first if first is not None else -1, last if last is not None else -1

    def spaced(self, i: int) -> bool:
        """A space follows token i (spaCy's `whitespace_`: the tokens and their spaces make the text)."""
        return (self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)) > self.ends[i]

    def _month_in_name(self, j: int, first: int | None, end: int) -> bool:
        """A month's or a weekday's name inside a person's name ("Tjhang Mei Ling", "Ni Luh
        Juni Astuti"): after a name's word and before another capitalised word, no number beside."""
        texts = self.texts
        return first is not None and j + 1 < end and capitalised(texts[j + 1]) and texts[j + 1].isalpha() \
            and self.lowers[j + 1] not in WEEKDAYS_MONTHS and not texts[j - 1].isdigit()

    def _lone_unit_word(self, i: int, end: int) -> bool:
        """"Kepala Bappeda dan Litbang, ...": one capitalised word after "dan" that is no given
        name and ends the phrase joins two units of one office."""
        t, k = self.texts[i], i + 1
        return (capitalised(t) and t.isalpha() and self.lowers[i] not in self.names
                and (k >= end or self.texts[k] in {",", ".", ")"}))

    def _portfolio_list(self, i: int, j: int, end: int) -> int:
        """The end of a list of portfolios after "Bidang"/"for" in the office from i, when a
        comma at j goes on with the list's next items, the last one after "dan"/"and"; else 0."""
        texts, lowers = self.texts, self.lowers
        listing = next((k for k in range(i, j) if lowers[k] in person_lexicon()["listing_words"]), None)
        if listing is None or any(lowers[k] in person_lexicon()["list_conjunctions"] for k in range(listing, j)):
            return 0  # no list, or one already closed ("wilayah A dan B, I Made X")
        k = j
        while k < end and texts[k] == ",":
            seg = k + 1
            if seg < end and lowers[seg] in person_lexicon()["list_conjunctions"]:
                seg += 1
            m = seg
            while m < end and texts[m] not in {",", "(", ")", "."} and not is_degree(texts[m]) \
                    and not is_honorific_or_rank(texts[m]):
                if m in self.title_at:
                    return 0  # another office: a list of people, not of portfolios
                closed = any(lowers[x] in person_lexicon()["list_conjunctions"] for x in range(seg, m))
                if closed and lowers[m] in self.names and m > seg + 1:
                    return m  # "..., Hortikultura dan Perkebunan Kabupaten Kampar Nurhayati": the holder
                if not (capitalised(texts[m]) or lowers[m] in person_lexicon()["list_conjunctions"] or inner_lower(texts[m])) \
                        or lowers[m] in self.names or is_initial(texts[m]):
                    return 0  # a name, not an item
                m += 1
            if m == seg:
                return 0
            if any(lowers[x] in person_lexicon()["list_conjunctions"] for x in range(k + 1, m)):
                return m  # the list's last item
            k = m
        return 0

    def _run_to_short_title(self, j: int, end: int) -> int:
        """The end of a capitalised run ("dan" inside) that reaches the office's short form in
        brackets ("Kepala Seksi Pembinaan Narapidana dan Anak Didik (Kasi Binadik) Ricky ..."):
        the whole run is the office, given names inside it too; j when none stands at j."""
        texts, lowers = self.texts, self.lowers
        k = j
        while k < end and k - j < 8 and (capitalised(texts[k]) and texts[k][:1].isalpha()
                                          or lowers[k] in person_lexicon()["list_conjunctions"]):
            if is_honorific_or_rank(texts[k]) or is_degree(texts[k]):
                return j
            k += 1
        return k if k > j and k + 1 < end and texts[k] == "(" and k + 1 in self.title_at else j

    def _numbered_run(self, j: int, end: int) -> int:
        """The end of a capitalised run holding a number and closed by a comma ("Pelindo Regional 4
        Cabang Ambon, Fredy ...", "Pelindo Regional 1, Fredy ...", "Bank X Region X/Sulawesi,
        Y" when a unit word stands before the numeral) or by the place after the number
        ("Pelindo Regional 4 Bitung Arief ..."): no person's name holds a number, so the run is
        the office's unit; j when none stands at j."""
        texts, lowers = self.texts, self.lowers
        units = names()["unit_words"]
        k, numbered = j, False
        while k < end and k - j < 8:
            t = texts[k]
            if k > j and k + 1 < end and texts[k + 1] in (",", "/") \
                    and (t.isdigit() and len(t) <= 3 or ROMAN.fullmatch(t) and lowers[k - 1] in units):
                numbered = True
                if texts[k + 1] == "/":
                    k += 1   # "Region X/Sulawesi dan Maluku": the area after the slash goes on
            elif t.isdigit() and len(t) <= 3 and k > j and k + 1 < end and capitalised(texts[k + 1]) \
                    and lowers[k + 1] not in WEEKDAYS_MONTHS:
                numbered = True
                if k + 1 in self.region_tokens:
                    # "Pelindo Regional 4 Bitung Arief Wicaksono": the place after the number
                    # closes the unit, without a comma too
                    r = k + 1
                    while r < end and r in self.region_tokens:
                        r += 1
                    if r < end and capitalised(texts[r]) and r not in self.title_at:
                        return r
            elif numbered and lowers[k] in person_lexicon()["list_conjunctions"] and k + 1 < end \
                    and capitalised(texts[k + 1]):
                pass   # "Region X/Sulawesi dan Maluku": the unit's areas listed
            elif not (capitalised(t) and t[:1].isalpha()) or is_honorific_or_rank(t) or is_degree(t) or k in self.title_at:
                break
            k += 1
        return k if numbered and k < end and texts[k] == "," else j

    def _listed_places(self, i: int, j: int, end: int) -> int:
        """The end of a list of capitalised items right after a listing word ("wilayah Cikokol,
        Batuceper dan Tangerang", "bidang Hukum dan Humas") in the office from i, ending the clause
        or going on as _portfolio_list reads it; j when no such list stands at j. A given name or
        an office among the items makes them no list ("bidang Budi Santoso dan Kepala Seksi X")."""
        texts, lowers = self.texts, self.lowers
        lex = person_lexicon()
        if j == 0 or lowers[j - 1] not in lex["listing_words"]:
            return j

        def item_end(k: int) -> int:
            while k < end and capitalised(texts[k]) and lowers[k] not in self.names and k not in self.title_at \
                    and not is_honorific_or_rank(texts[k]):
                k += 1
            return k

        k = item_end(j)
        if k == j or k >= end:
            return j
        if texts[k] == ",":
            return self._portfolio_list(i, k, end) or j
        if lowers[k] in lex["list_conjunctions"]:
            m = item_end(k + 1)
            if m > k + 1 and (m >= end or texts[m] in {".", ",", ";"}):
                return m
        return j

    def _located_office(self, i: int, j: int, end: int) -> int:
        """The end of "di <Place>" inside the office starting at i, when the office is a
        representation somewhere (offices.yml `located_offices`) and a comma follows the place, or
        a known place is followed by the holder's name; else 0."""
        texts, lowers = self.texts, self.lowers
        if not any(lowers[k] in offices()["located"] for k in range(i, j)):
            return 0
        r = j + 1
        while r < end and r in self.region_tokens:
            r += 1
        if r > j + 1 and r < end and texts[r][:1].isupper() and r not in self.title_at:
            return r   # "Kepala BBPOM di Ambon Yohana ...": the place known, the holder's name after it
        k = j + 1
        while k < end and texts[k][:1].isupper() and not is_degree(texts[k]) and not is_honorific_or_rank(texts[k]):
            k += 1
        return k if k > j + 1 and k < end and texts[k] == "," else 0

    def _degree_follows(self, k: int, end: int) -> bool:
        while k < end and self.texts[k].isspace():
            k += 1
        return k < end and is_suffix_degree(self.texts[k])

    def read_title(self, i: int, end: int) -> int:
        """From a title start, the end of the title (its head and its unit)."""
        texts, lowers = self.texts, self.lowers
        j = self.title_at[i]
        depth = 0
        while j < end:
            t = texts[j]
            if t.isspace():
                pass
            elif t == "(":
                depth += 1
            elif t == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth:
                pass
            elif self._ordinal(j, end):
                pass  # "Wakil Ketua III", "Asisten 1": which of several such offices
            elif (reach := numbered_unit(self.doc, j, end)) > j:
                j = reach - 1  # "Komandan Korem 032/Wirabraja", "Dandim 0314/Inhil"
            elif t.isdigit() and j > i and capitalised(texts[j - 1]) and self.unit_at(j - 1) \
                    and j + 1 < end and capitalised(texts[j + 1]) and self.unit_at(j + 1):
                pass  # "Kepala SMK Negeri 4 Malang": a number inside the unit's name
            elif (reach := named_after_person(self.doc, j, end)) > j:
                j = reach - 1  # "Direktur RSUD dr. R. Soedjono Selong, dr. X"
            elif is_honorific_or_rank(t) or is_degree(t) or is_initial(t):
                break
            elif j in self.title_at:
                # a second head inside one office ("Pelaksana Tugas Dirjen ...", "Menteri
                # Investasi/Kepala BKPM"), unless a list goes on ("Bupati X dan Kepala Y")
                if lowers[j - 1] in {"dan", "serta", ","}:
                    break
            elif t.lower() == "di" and (reach := self._located_office(i, j, end)):
                # "Konsul Jenderal RI di Sydney, X", "Kepala Perwakilan BI di Jember, Y": where a
                # representation sits is part of its office
                j = reach - 1
            elif t == "," and lowers[i] in offices()["comma_titles"] and self._name_goes_on(j + 1 + (j + 1 < end and lowers[j + 1] == "dan"), end):
                pass  # "Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi": a ministry's name
            elif t.lower() == "dan" or t == "&":
                nxt = j + 1 if j + 1 < end else None
                if nxt is not None and nxt not in self.title_at and not (self.unit_at(nxt) or inner_lower(texts[nxt])) \
                        and j - 1 not in self.region_tokens and self._lone_unit_word(nxt, end):
                    j += 2  # "Kepala Bappeda dan Litbang, ..."
                    break
                if nxt is None or nxt in self.title_at or not (self.unit_at(nxt) or inner_lower(texts[nxt])):
                    break
            elif t == "," and j + 1 < end and self._company_suffix(j + 1):
                pass  # "CEO Tsubasa Kaigo Co., Ltd., Hiroshi Takeda"
            elif t == "," and (reach := self._portfolio_list(i, j, end)):
                # "Wakil Rektor Bidang Perencanaan, Kerja Sama, dan Sistem Informasi, Prof. X",
                # "Vice Rector for Research, Innovation and Partnership, Dr. Y": the portfolio's list
                j = reach - 1
            elif self.unit_at(j) or inner_lower(t):
                pass
            elif (reach := self._run_to_short_title(j, end)) > j:
                j = reach - 1  # "... Narapidana dan Anak Didik (Kasi Binadik) X"
            elif (reach := self._numbered_run(j, end)) > j:
                j = reach - 1  # "General Manager Pelindo Regional 4 Cabang Ambon, X"
            elif (reach := self._listed_places(i, j, end)) > j:
                j = reach - 1  # "Kepala Cabang BPJS wilayah Cikokol, Batuceper dan Tangerang"
            else:
                break
            j += 1
        while j > i and lowers[j - 1] in {"dan", "&", "untuk", "(", "/", "-"}:
            j -= 1
        return j

    def _ordinal(self, j: int, end: int) -> bool:
        """A roman numeral or a number right after a title's words numbers the office, and after a
        unit word its unit ("Bank X Region X/Sulawesi"). "I" is the
        numeral unless a Balinese name goes on with it ("I Gusti Ngurah", "I Made Sudana")."""
        texts, lowers = self.texts, self.lowers
        t = texts[j]
        if not (t.isdigit() and len(t) <= 2 or ROMAN.fullmatch(t)):
            return False
        if t == "I" and j + 1 < end and lowers[j + 1] in person_lexicon()["balinese_name_words"]:
            return False
        return j > 0 and (j - 1 in self.title_at or lowers[j - 1] in person_lexicon()["ordinal_heads"] or self._in_title_words(j - 1)
                          or lowers[j - 1] in names()["unit_words"])   # "Regional IV", "Divre III": a numbered unit

    def _in_title_words(self, k: int) -> bool:
        if self._title_words is None:   # a set, once: asked for many tokens (title_at is fixed after __init__)
            self._title_words = {i for s, e in self.title_at.items() for i in range(s, e)}
        return k in self._title_words

    def _name_goes_on(self, k: int, end: int) -> bool:
        return k < end and self.texts[k][:1].isupper() and self.unit_at(k) and k not in self.title_at

    def clean(self, first: int, last: int) -> str | None:
        if first < 0:
            return None
        texts, spaced = self.texts, self.spaced
        # the kept words with the spacing the text gives them ("Heong-joon" stays one word)
        words = [texts[k] + (" " if spaced(k) else "") for k in range(first, last)
                 if not is_degree(texts[k]) and not is_honorific_or_rank(texts[k]) and texts[k] != ","]
        name = " ".join("".join(words).split()).strip(" ,")
        return name or None

    def items(self, start: int, end: int) -> list[tuple]:
        """The token range read as a sequence of (kind, start, end, extra) items.

        kind: "title" (extra: (name_first, name_last) or None), "name", "sep" (extra: the word)
        """
        texts, lowers, name_words = self.texts, self.lowers, self.name_words
        out = []
        i = start
        while i < end:
            t = texts[i]
            if not name_words[i] and i not in self.title_at and i not in self.person_named:
                if not t.isspace():   # most words open no title and no name: a separator, as below
                    out.append(("sep", i, i + 1, lowers[i]))
                i += 1
                continue
            if t.isspace():
                i += 1
                continue
            if i in self.person_named:
                out.append(("sep", i, self.person_named[i], ""))
                i = self.person_named[i]
                continue
            if i in self.title_at and i - 1 >= 0 and texts[i - 1] == "(":
                # "(Wakil Rektor Bidang Kemahasiswaan, Alumni dan Kewirausahaan)": an office in
                # brackets runs to the closing bracket
                j = next((k for k in range(i, end) if texts[k] in {")", "("}), end)
                out.append(("title", i, j, None))
                i = j
                continue
            if i in self.title_at:
                j = self.read_title(i, end)
                if i > 0 and self.lowers[i - 1] in person_lexicon()["apposition"]:
                    # "X selaku Rektor Universitas Bukit Merapi": the name came first, so the
                    # capitalised run after the title is the institution's name
                    while j < end and texts[j][:1].isupper() and not is_honorific_or_rank(texts[j]):
                        j += 1
                    out.append(("title", i, j, None))
                    i = j
                    continue
                k, first, last = self.read_name(j, end)
                if first >= 0 and texts[i].islower() and not self._marked(j, k):
                    # a title in lower case is a common noun ("lima anggota Polres Bone"): the
                    # capitalised run after it is the unit, not a name
                    out.append(("title", i, k, None))
                    i = k
                    continue
                if first >= 0 and self._unit_before_holder(k, end):
                    # "Direktur Jenderal Perikanan Budi Daya KKP, Tb. Haerul Fadillah": words
                    # before a body's short form are the office's unit; the holder follows the comma
                    out.append(("title", i, k + 1, None))
                    i = k + 1
                elif first >= 0:
                    out.append(("title", i, k, (j, first, last)))
                    i = k
                else:
                    out.append(("title", i, j, None))
                    i = max(j, i + 1)
                continue
            if self.name_at(i) and (not acronym_like(t) or is_honorific_or_rank(t) or is_academic_prefix(t)) \
                    and i not in self.in_parens and (
                    self._name_after_comma(i, start, end) or  # ", La Baco": a common word may open a name after a comma
                    not self.unit_at(i) or is_degree(t) or is_honorific_or_rank(t) or is_initial(t)):
                k, first, last = self.read_name(i, end)
                marked = first > i and (is_degree(t) or is_honorific_or_rank(t))
                if first >= 0 and not self._connective(first, last) \
                        and (marked or any(not self.unit_at(x) or is_initial(texts[x]) for x in range(first, last))):
                    out.append(("name", i, k, (first, last)))
                    i = max(k, i + 1)
                    continue
            out.append(("sep", i, i + 1, lowers[i]))
            i += 1
        return out

    def _unit_before_holder(self, k: int, end: int) -> bool:
        """After what read as a title's holder, a body's short form, a comma and a name."""
        texts = self.texts
        return k + 2 < end and acronym_like(texts[k]) and not is_degree(texts[k]) \
            and not is_honorific_or_rank(texts[k]) and texts[k + 1] == "," and self.name_at(k + 2)

    @staticmethod
    def _apposition_clause(items: list[tuple], n: int) -> int | None:
        """The item of the office a relative clause after the name N gives it (", yang menjabat
        sebagai Rektor Y"), or None."""
        m = n + 1 + (n + 1 < len(items) and items[n + 1][0] == "sep" and items[n + 1][3] == ",")
        for clause in person_lexicon()["apposition_clauses"]:
            k = m + len(clause)
            if k < len(items) and items[k][0] == "title" and items[k][3] is None \
                    and all(items[m + x][0] == "sep" and items[m + x][3] == w for x, w in enumerate(clause)):
                return k
        return None

    def _connective(self, first: int, last: int) -> bool:
        """A "name" of nothing but function words is a clause's connective after a degree's stop
        ("..., IPU, ASEAN Eng. Sementara dari pihak ...")."""
        function = person_lexicon()["function"]
        return all(self.lowers[x] in function for x in range(first, last))

    def _name_after_comma(self, i: int, start: int, end: int) -> bool:
        """Token i follows a comma and a name's word that is no unit's word follows it."""
        texts = self.texts
        return i > start and texts[i - 1] == "," and i + 1 < end and self.name_at(i + 1) \
            and not self.unit_at(i + 1) and not acronym_like(texts[i + 1])

    def _marked(self, i: int, end: int) -> bool:
        texts = self.texts
        return any(is_degree(texts[k]) or is_honorific_or_rank(texts[k]) for k in range(i, end))

    def people(self, start: int, end: int) -> list[Person]:
        """The persons mentioned in a token range, titles paired with names."""
        starts, ends, texts = self.starts, self.ends, self.texts
        items = self.items(start, end)
        persons: list[Person] = []
        used = set()

        def title_text(a, b):
            return self.text[starts[a]:ends[b - 1]].strip(" ,") if b > a else None

        def seps_between(a, b):
            return [it[3] for it in items[a + 1:b] if it[0] == "sep"]

        for n, it in enumerate(items):
            if it[0] == "sep" or n in used:
                continue   # a separator only ever goes with the title or name before it
            kind, s, e, extra = it
            if kind == "title" and extra is not None and n + 2 < len(items) and items[n + 1][0] == "sep" \
                    and items[n + 1][3] == "," and items[n + 2][0] == "name" and not self._marked(first_of(extra), e):
                # "Kapolres Bone, AKBP Rachmat ...": the capitalised run after the title was the
                # office's place, since the name follows after the comma
                _, ns, ne, (first, last) = items[n + 2]
                persons.append(Person(self.clean(first, last), title_text(s, e), starts[s],
                                      ends[ne - 1], (starts[first], ends[last - 1])))
                used.update({n, n + 2})
            elif kind == "title" and extra is not None:
                title_end, first, last = extra
                # "Kapolda Jateng Irjen Pol. Ahmad Luthfi": what stood between the title and the
                # name, ranks and degrees aside, belongs to the office
                while title_end < first and not (is_honorific_or_rank(texts[title_end]) or is_degree(texts[title_end])):
                    title_end += 1
                persons.append(Person(self.clean(first, last), title_text(s, title_end), starts[s],
                                      ends[e - 1], (starts[first], ends[last - 1])))
                used.add(n)
            elif kind == "title" and n + 2 < len(items) and items[n + 1][0] == "sep" \
                    and items[n + 1][3] in person_lexicon()["list_openers"] and items[n + 2][0] == "name":
                # a title for a group, then its members: "4 komisioner KPU yaitu A, B dan C"
                used.add(n)
                k = n + 1
                while k + 1 < len(items) and items[k][0] == "sep" and items[k][3] in person_lexicon()["list_openers"] | LIST_SEPARATORS \
                        and items[k + 1][0] == "name":
                    _, ns, ne, (first, last) = items[k + 1]
                    persons.append(Person(self.clean(first, last), title_text(s, e), starts[ns],
                                          ends[ne - 1], (starts[first], ends[last - 1])))
                    used.add(k + 1)
                    k += 2
            elif kind == "title":
                # title-first: "Bupati Maros, Andi Saputra"
                nxt = n + 1
                if nxt + 1 < len(items) and items[nxt][0] == "sep" and items[nxt][3] == "," and items[nxt + 1][0] == "name":
                    _, ns, ne, (first, last) = items[nxt + 1]
                    persons.append(Person(self.clean(first, last), title_text(s, e), starts[s],
                                          ends[ne - 1], (starts[first], ends[last - 1])))
                    used.update({n, nxt + 1})
                else:
                    persons.append(Person(None, title_text(s, e), starts[s], ends[e - 1]))
                    used.add(n)
            elif kind == "name":
                first, last = extra
                title = None
                tend = e
                # name-first: "Dedi Kurniawan, Anggota Ombudsman RI", "X selaku Ketua Y"
                if n + 3 < len(items) and items[n + 1][0] == "sep" and items[n + 1][3] == "(" \
                        and items[n + 2][0] == "title" and items[n + 2][3] is None and items[n + 3][3] == ")":
                    # "Rizalman, SE, MBA (Wakil Rektor Bidang Sumberdaya)": the office in brackets
                    _, ts, te, _ = items[n + 2]
                    title, tend = title_text(ts, te), te + 1
                    used.add(n + 2)
                elif (m := self._apposition_clause(items, n)) is not None:
                    # "X, yang menjabat sebagai Manajer PLN Y": the office the clause gives is X's
                    _, ts, te, _ = items[m]
                    title, tend = title_text(ts, te), te
                    used.add(m)
                elif n + 2 < len(items) and items[n + 1][0] == "sep" and items[n + 1][3] in person_lexicon()["apposition"] | {","} \
                        and items[n + 2][0] == "title" and items[n + 2][3] is None and n + 2 not in used:
                    after = items[n + 3] if n + 3 < len(items) else None
                    # "X, Bupati Y, Z": the office may be Z's, written before Z; "X selaku T, Z" is X's
                    certain = items[n + 1][3] in person_lexicon()["apposition"]
                    if certain or not (after and after[0] == "sep" and after[3] == "," and n + 4 < len(items)
                                       and items[n + 4][0] == "name"):
                        _, ts, te, _ = items[n + 2]
                        title, tend = title_text(ts, te), te
                        used.add(n + 2)
                elif n + 1 < len(items) and items[n + 1][0] == "title" and items[n + 1][3] is None and n + 1 not in used \
                        and not (n + 3 < len(items) and items[n + 2][0] == "sep" and items[n + 2][3] == ","
                                 and items[n + 3][0] == "name"):
                    # "Rofiqi Maulana Bupati Sumenep dan ...": the office right after the name, no
                    # comma between (unless a name follows it after a comma: "X Bupati Y, Z")
                    _, ts, te, _ = items[n + 1]
                    title, tend = title_text(ts, te), te
                    used.add(n + 1)
                persons.append(Person(self.clean(first, last), title, starts[s],
                                      ends[tend - 1], (starts[first], ends[last - 1]),
                                      marked=any(is_degree(texts[x]) or is_honorific_or_rank(texts[x]) for x in range(s, e))))
                used.add(n)
        return [p for p in persons if p.name or p.title]
