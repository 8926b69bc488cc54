"""Institutions: `doc.spans["orgs"]`, each span an institution named in the text.

An institution is a head the span ruler marks (ORG, patterns/institutions.yml: "Pemerintah
Kabupaten", "Universitas", "PT" ...) extended over its name: capitalised words, a bracketed
short form, a region, "-" and "/" joins ("Kodim 0722/Kudus"), "University of X", and "dan"
followed by an ordinary word ("Energi dan Sumber Daya Mineral"), not by another proper name
("Pertamina dan Chevron"); ministries' names run on over commas. An institution inside a
person's title ("Kepala Dinas Kesehatan Kota X") is the title's unit, not a mention of its own;
one in brackets locates ("Port Alfred (Provinsi Eastern Cape)"); a head standing alone ("Pemda
ingin ...") names none. A group named by its region ("pemerintah kabupaten/kota se-Kalsel",
"SMK se-Jawa Timur") is one mention; so is a foreign institution that names its kind last
("Tianhe Steel Group"). `span._.party` holds the party record it makes (institutions.party).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import is_year, month_words, weekday_words
from ..institutions import names, party
from ..nlp import doc_text, rule_spans, sentence_bounds, token_lowers, token_texts
from ..person_words import after_rank, common_words, is_degree, is_honorific_or_rank, name_words, named_after_person, numbered_unit
from .persons import titled_tokens

GROUP = "orgs"

if not Span.has_extension("party"):
    Span.set_extension("party", default=None)

_WEEKDAYS = weekday_words()
_MONTHS_DAYS = weekday_words() | month_words()
_JOINS = {"-", "/"}  # not-linguistic: punctuation inside a name


class OrgReader:
    """Reads institution mentions over a token range of one parsed article."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.words = names()
        self.org_at: dict[int, int] = {}
        for sp in rule_spans(doc, "ORG"):
            if sp.start not in self.org_at or self.org_at[sp.start] < sp.end:
                self.org_at[sp.start] = sp.end
        # an office's word opening a longer institution head is the institution's (people.Reader)
        titles = [sp for sp in rule_spans(doc, "TITLE") if self.org_at.get(sp.start, 0) <= sp.end]
        self.title_at = {sp.start for sp in titles}
        self.in_title = {i for sp in titles for i in range(sp.start, sp.end)}
        self.in_parens: set[int] = set()
        # a signing word ends a name ("Kemenag Bone Teken Perjanjian ..." in a title-case headline)
        self.signing = {i for sp in rule_spans(doc, "SIGN") for i in range(sp.start, sp.end)}
        self._heads: set[int] | None = None
        self._region_ends: set[int] | None = None
        self._region_at: dict[int, int] = {}
        self._in_region: set[int] = set()
        # the tokens' texts as lists: the scans below ask each token of a range, often twice
        self.texts = token_texts(doc)
        self.lower = token_lowers(doc)   # = Token.lower_
        depth = 0
        for i, text in enumerate(self.texts):
            depth += text == "("
            if depth and text not in "()":
                self.in_parens.add(i)
            depth -= text == ")" and depth > 0

    def read(self, i: int, end: int) -> int:
        """From an institution's head at i, the end of its name."""
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
                if j < end and j in self.org_at and doc[j].lower_ not in self.words["region_types"] \
                        and not (head in self.words["university_units"] and doc[j].lower_ in self.words["universities"]):
                    # "Badan Usaha Milik Negara (BUMN) PT Baja Nusantara": a kind, then the one; but
                    # "Fakultas Kedokteran (FK) Universitas X" is the university's faculty
                    break
                continue
            if t in _JOINS and j + 1 < end and (doc[j + 1].text[:1].isupper() or doc[j + 1].is_digit):
                j += 2
                continue
            if t.lower() in self.words["name_connectors"] and j + 1 < end and doc[j + 1].text[:1].isupper():
                j += 1  # "University of Melbourne", "Institute for Policy Research"
                continue
            if t == "," and head in self.words["listed_names"] and (listed := self._listed_fields(j, end)) > j:
                j = listed  # "Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten X"
                continue
            if t == "," and (listed := self._listed_regions(i, j, end)) > j:
                j = listed  # "PT PLN (Persero) Unit Induk Wilayah Sumatera Selatan, Jambi dan Bengkulu"
                continue
            if t.lower() in self.words["connectives"] or (t == "," and head in self.words["comma_names"]):
                nxt = doc[j + 1] if j + 1 < end else None
                if nxt is not None and nxt.lower_ in self.words["connectives"] and t == ",":
                    nxt = doc[j + 2] if j + 2 < end else None
                    if nxt is not None and self._continues(nxt, after_dan=True):
                        j += 2
                        continue
                if nxt is not None and self._continues(nxt, after_dan=True) and not self._placed(j):
                    j += 1
                    continue
                if nxt is not None and t.lower() in self.words["connectives"] and head in self.words["listed_names"] \
                        and self._field(nxt) and not self._placed(j):
                    # "Dinas Pertanian dan Ketahanan Pangan": a body named by its fields, which come
                    # before its region ("Dinas X Provinsi Y dan Telkom Z" is two bodies)
                    j += 1
                    continue
                spelled = self._spelled_out(i, j + 1, end) if t.lower() in self.words["connectives"] else j
                if spelled > j + 1:
                    j = spelled  # "Badan Pengelola Pajak dan Retribusi Daerah (BP2RD)": one name
                    continue
                break
            named = named_after_person(doc, j, end)
            if named > j:
                j = named  # "RSUD dr. R. Soedjono Selong": a hospital named after a doctor
                continue
            numbered = numbered_unit(doc, j, end)
            if numbered > j:
                j = numbered  # "Kodim 0722/Kudus", "(Kodim) 0314/Indragiri Hilir": the unit's number and place
                continue
            if self._continues(doc[j]) or (doc[j].is_digit and j == self.org_at[i] and not is_year(doc[j].text)):
                j += 1  # "Kodim 0722": a number right after the head names the unit ("Forum 2024": a year names an event)
                continue
            if doc[j].is_digit and len(doc[j].text) <= 3 and j + 1 < end and self._continues(doc[j + 1]):
                j += 2  # "SMK Negeri 3 Kupang", "SD Inpres 2 Oesapa": a number inside the name
                continue
            break
        return j

    def _placed(self, j: int) -> bool:
        """Whether the name closes its region right before the connective at j ("Dinas X Provinsi
        Papua Barat Daya dan Telkom Witel Sorong" is two bodies; "Kabupaten Pangkajene dan
        Kepulauan" is one region, and its "dan" inside it; a region after the connective goes on
        with the name: "Bank Pembangunan Daerah Sumatera Selatan dan Bangka Belitung")."""
        self._read_regions()
        if j + 1 in self._region_at:
            return False   # "Bank Pembangunan Daerah Sumatera Selatan dan Bangka Belitung": a body of two regions
        return j in self._region_ends and j not in self._in_region

    def _read_regions(self) -> None:
        """The regions' extents, once: asked only at a comma or a connective inside a name."""
        if self._region_ends is None:
            regions = self.doc.spans.get("regions", [])
            self._region_at = {sp.start: sp.end for sp in regions}
            self._region_ends = set(self._region_at.values())
            self._in_region = {k for sp in regions for k in range(sp.start + 1, sp.end)}

    def _listed_regions(self, i: int, j: int, end: int) -> int:
        """From a comma at j, past a list of regions closed by a connective and a region, when
        the name from i has a unit word right before its first region ("Unit Induk Wilayah
        Sumatera Selatan, Jambi dan Bengkulu"): the area a unit serves; j when there is none."""
        self._read_regions()
        regions = self._region_at
        first = next((k for k in range(j - 1, i, -1) if k in regions and regions[k] == j), None)
        if first is None or self.lower[first - 1] not in self.words["unit_words"]:
            return j
        k = j
        while k < end and self.texts[k] == ",":
            if k + 1 not in regions:
                return j
            k = regions[k + 1]
            if k < end and self.lower[k] in self.words["connectives"] and k + 1 in regions:
                return regions[k + 1]
        return j

    def _listed_fields(self, j: int, end: int) -> int:
        """From a comma at j, past a list of fields in capitalised words, none a given name, that
        closes with "dan" (or ", dan") and such a word: the token after that "dan"; j when there
        is none."""
        doc = self.doc
        k = j
        field = self._field
        while k < end:
            t = doc[k].text
            if t.lower() in self.words["connectives"]:
                return k + 1 if k > j + 1 and k + 1 < end and field(doc[k + 1]) else j
            if t != "," and not field(doc[k]):
                return j
            k += 1
        return j

    def _field(self, tok) -> bool:
        """A capitalised word that may name a field in a body's name: no head of another body, no
        given name."""
        return self._continues(tok) and tok.i not in self.org_at and tok.lower_ not in name_words()

    def _continues(self, tok, after_dan: bool = False) -> bool:
        t = tok.text
        if not t[:1].isupper() or is_degree(t) or tok.i in self.signing:
            return False
        if is_honorific_or_rank(t) and tok.nbor(-1).lower_ not in self.words["rank_after"]:
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

    def _spelled_out(self, i: int, k: int, end: int) -> int:
        """Where a name that went on past "dan" at k-1 reaches the short form it spells out, in
        brackets ("Badan Pengelola Pajak dan Retribusi Daerah (BP2RD)"): the short form starts
        with the head's letter and ends with the letter of the word before it; k when it does not.
        Another institution's head or an office on the way ("Pemkab X dan Kejaksaan Negeri (Kejari)")
        makes two names."""
        doc = self.doc
        m = k
        while m < end and doc[m].text[:1].isupper() and doc[m].text.isalpha() and m not in self.org_at and m not in self.title_at:
            m += 1
        if m == k or m + 2 >= end or doc[m].text != "(" or doc[m + 2].text != ")":
            return k
        if not doc[m + 1].text[:1].isupper():
            return k
        letters = ""
        for c in doc[m + 1].text.lower():   # "BP2RD": a digit doubles the letter before it
            letters += letters[-1] * (int(c) - 1) if c.isdigit() and letters else (c if c.isalpha() else "")
        initials = [doc[x].lower_[0] for x in range(i, m) if doc[x].text[:1].isupper()]
        # every word's initial, in order, one word left out at most: "BKKBN" does not spell
        # "Bank Pembangunan Daerah Sleman dan Badan Koordinasi Keluarga Berencana Nasional"
        it = iter(initials)
        spelled = len(letters) >= 2 and all(c in it for c in letters) and len(initials) - len(letters) <= 1
        return m if spelled and letters[0] == initials[0] else k

    def named_by_kind_last(self, start: int, end: int, skip: set[int]) -> list[tuple[int, int, int]]:
        """Token ranges of institutions whose kind stands last ("Tianhe Steel Group", "Ghana National
        Chamber of Commerce and Industry"): the capitalised words before a suffix head, and the
        "of X and Y" after it, as (start, end, head)."""
        doc, out = self.doc, []
        heads = self.words["suffix_heads"]
        k = start
        lower, texts = self.lower, self.texts
        while k < end:
            if lower[k] not in heads or not texts[k][:1].isupper() or k in skip:
                k += 1
                continue
            a = k
            while a - 1 >= start and self._foreign_word(doc[a - 1]) and a - 1 not in skip:
                a -= 1
            b = k + 1
            while b + 1 < end and doc[b].lower_ in self.words["name_joiners"] and doc[b + 1].text[:1].isupper():
                b += 2
                while b < end and self._foreign_word(doc[b]):
                    b += 1
            if a < k:
                out.append((a, b, k))
            k = b
        return out

    def groups(self, start: int, end: int, skip: set[int]) -> list[tuple[int, int]]:
        """Token ranges of groups of institutions named by their region: "pemerintah
        kabupaten/kota se-Kalsel", "SMK se-Jawa Timur" — an institution's head, in any case,
        then "se-" and the region."""
        doc, out = self.doc, []
        lower, texts = self.lower, self.texts
        for k in range(start + 1, end - 2):
            if lower[k] != "se" or texts[k + 1] != "-" or not texts[k + 2][:1].isupper():
                continue
            heads = self._head_tokens()
            a = k
            while a - 1 >= start and (a - 1 in heads or doc[a - 1].text == "/" or doc[a - 1].lower_ in self.words["region_types"]) \
                    and a - 1 not in skip:
                a -= 1
            if a == k or not any(i in self.org_at for i in range(a, k)):
                continue
            b = k + 2
            while b < end and doc[b].text[:1].isupper() and not doc[b].is_sent_start:
                b += 1
            out.append((a, b))
        return out

    def _head_tokens(self) -> set[int]:
        """The tokens of the institutions' heads, gathered once, on first need (few articles name a group)."""
        if self._heads is None:
            self._heads = {i for h, e in self.org_at.items() for i in range(h, e)}
        return self._heads

    def _foreign_word(self, tok) -> bool:
        """A capitalised word of a foreign institution's name: not an Indonesian ordinary word
        capitalised at a sentence's start, nor the head of an Indonesian name or an office."""
        t = tok.text
        return (t[:1].isupper() and t.isalpha() and tok.i not in self.org_at and tok.i not in self.title_at
                and not (tok.is_sent_start and t.lower() in common_words()))

    def mentions(self, start: int, end: int, skip: set[int]) -> list[dict]:
        """The party records of the institutions named in tokens [start, end), SKIP aside."""
        doc = self.doc
        out = []
        read = set()
        for a, b in self.groups(start, end, skip):
            span = doc[a:b]
            out.append(party(span.text, span.start_char, span.end_char))
            read.update(range(a, b))
        for a, b, k in self.named_by_kind_last(start, end, skip):
            # "James Whitfield University (CDU)": a head that may also open a name ("University of
            # X") closes this one; another institution's head inside makes it no such name
            if not any(a <= h < k for h in self.org_at) and not any(x in self.in_parens for x in range(a, b)):
                while b < end and doc[b].text == "(" and b + 2 < end and doc[b + 2].text == ")":
                    b += 3  # its short form in brackets
                span = doc[a:b]
                out.append(party(span.text, span.start_char, span.end_char))
                read.update(range(a, b))
        i = start
        # "Pemkab Asahan, Provinsi Sumatera Utara": a province after a comma locates what comes
        # before it ("Kota Batam, Kabupaten Natuna" is a list)
        located_until = -1
        while i < end:
            if i in read:
                i += 1
                continue
            if i <= located_until:
                i += 1
                continue
            # after a rank, a head is the rank's arm ("Brigjen TNI Dody"); tested last (most tokens open no head)
            if i in self.org_at and i not in skip and i not in self.in_title and i not in self.in_parens \
                    and self.texts[i][:1].isupper() and not after_rank(self.texts, i):
                j = self.read(i, end)
                span = doc[i:j]
                bare = j - i == 1 and doc[i].lower_ in self.words["bare_heads"]
                if not bare and not any(k in skip for k in range(i, j)):
                    out.append(party(span.text.strip(" ,"), span.start_char, span.end_char))
                    if j + 1 < end and doc[j].text == "," and doc[j + 1].lower_ in self.words["province_words"]:
                        located_until = self.read(j + 1, end) - 1 if j + 1 in self.org_at else j + 2
                i = max(j, i + 1)
            else:
                i += 1
        out.sort(key=lambda p: p["span"][0])
        # "Badan Usaha Milik Negara (BUMN) PT Krakatau Steel": a kind of body right before the one
        # it describes names no institution of its own (the mention stays: its words are a name's)
        kinds = self.words["kind_names"]
        for k, p in enumerate(out):
            if p["name"].lower() in kinds and k + 1 < len(out) and not doc_text(doc)[p["span"][1]:out[k + 1]["span"][0]].strip():
                p["kind_only"] = True
        return out


@Language.component("mou_orgs")
def mou_orgs(doc: Doc) -> Doc:
    reader = OrgReader(doc)
    titled = titled_tokens(doc)
    spans = []
    for start, end in sentence_bounds(doc):
        for found in reader.mentions(start, end, titled):
            span = doc.char_span(*found["span"], alignment_mode="expand")
            if span is not None:
                span._.party = None if found.pop("kind_only", False) else found
                spans.append(span)
    doc.spans[GROUP] = spans
    return doc
