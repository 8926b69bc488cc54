"""What the stages share: the parsed article and what each stage has found so far."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from spacy.tokens import Doc, Span

from .nlp import doc_text, rule_spans, token_texts
from .records import Provenance


# A title line has this many words, and this share of them capitalised ("Pemkot Sleman dan Polres Sleman
# Teken MoU Penertiban Parkir Liar": 9 of 9; a caption "Foto: Bupati X saat ..." less).
HEADING_WORDS = (3, 25)
HEADING_CAPITALS = 0.75
HEADLINE_AFTER_NAVIGATION = 2          # navigation lines passed over before the headline
HEADLINE_SENTENCES = HEADLINE_AFTER_NAVIGATION + 2   # the most sentences _find_headline reads
BREADCRUMB_MARKS = frozenset({"/", ">", "»", "›", "\\"})   # not-linguistic: punctuation


@dataclass
class Sentence:
    i: int
    span: Span  # spaCy sentence

    # read once: a Span builds each of these from Token objects at every access
    @cached_property
    def start(self) -> int:
        return self.span.start_char

    @cached_property
    def end(self) -> int:
        return self.span.end_char

    @cached_property
    def text(self) -> str:
        return doc_text(self.span.doc)[self.start:self.end]   # = span.text


@dataclass
class Event:
    """One reported signing: the sentences that report it and what was found in them."""
    sentences: list[int]
    type: str | None = None
    type_text: str | None = None
    type_span: tuple[int, int] | None = None
    date: dict | None = None
    place: dict | None = None
    parties: list[dict] = field(default_factory=list)
    signatories: list[dict] = field(default_factory=list)
    witnesses: list[dict] = field(default_factory=list)
    scope: list[dict] = field(default_factory=list)
    party_anchors: list = field(default_factory=list)  # first text offset of each party, or None
    # How many documents of this kind the sentences report (one each); when a sentence speaks of
    # several documents, the character ranges of it that are about this one (sentence -> ranges);
    # for "antara A dengan B, C antara D": the range of each pair; for a counted group the
    # article names ("dengan dua perusahaan, yakni A dan B"): each member's span.
    count: int = 1
    parts: dict = field(default_factory=dict)
    pairs: list = field(default_factory=list)
    members: list = field(default_factory=list)
    # field -> [records.Provenance]: the rule that filled each field and the text it read
    why: dict = field(default_factory=dict)

    def explain(self, field_name: str, rule: str, span: tuple[int, int] | None) -> None:
        """Record that RULE filled FIELD_NAME from the text at SPAN (shown by show --explain)."""
        self.why.setdefault(field_name, []).append(Provenance(rule, tuple(span) if span else None))


@dataclass
class Context:
    text: str
    doc: Doc
    article: dict
    fast: bool = False
    sents: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentioned: list = field(default_factory=list)      # records.Mention
    warnings: list[str] = field(default_factory=list)
    found_article: dict = field(default_factory=dict)
    dates: list = field(default_factory=list)
    people: list = field(default_factory=list)     # every person mention (for coreference)
    orgs: list = field(default_factory=list)       # every institution mention
    acronyms: dict = field(default_factory=dict)   # short form -> long form, from "Long (SHORT)"
    agreements: list = field(default_factory=list)     # records.Agreement
    # runs the readers left out of DOC until a stage needs their groups (nlp.DEFERRED)
    read: Callable[[str], None] = lambda group: None

    def __post_init__(self) -> None:
        text = doc_text(self.doc)
        self.sents = [Sentence(i, s) for i, s in enumerate(s for s in self.doc.sents if text[s.start_char:s.end_char].strip())]
        # The first line is the headline when it stands alone without a full stop: written in
        # title case, it misleads every capitalisation cue, so the people and parties stages skip it.
        self.headline: int | None = self._find_headline()
        if self.headline is not None:
            self.found_article["title"] = self.sents[self.headline].text.strip()

    @cached_property
    def headings(self) -> set[int]:
        """Other lines like the headline (a headline repeated under the page's masthead, a
        subheading): they too are titles, not prose, and the people and parties stages skip them.
        Read when a stage first asks (none does in an article that reports no signing)."""
        found = {s.i for s in self.sents if self._title_line(s, in_head=s.i < self._first_prose)}
        if self.headline is not None:
            found.update(range(self.headline + 1))   # with the navigation above it
        return found

    def _find_headline(self) -> int | None:
        """The first line when it stands alone without a full stop; a page's navigation before
        it ("Home > Berita > Olahraga", a section's name "Opini" over a longer title
        line) is passed over."""
        for k, sent in enumerate(self.sents[:HEADLINE_AFTER_NAVIGATION + 1]):
            if not self.own_line(sent) or sent.text.rstrip().endswith((".", "!", "?")):
                return None
            nxt = self.sents[k + 1] if k + 1 < len(self.sents) else None
            if not (self._breadcrumb(sent) or (nxt is not None and self._section_name(sent, nxt))):
                return k
        return None

    def own_line(self, sent: Sentence) -> bool:
        """Whether the sentence is a line of its own: a line break (or the text's edge) before
        it and after its last word."""
        text, i, j = self.text, sent.start, sent.start + len(sent.text.rstrip())
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        while j < len(text) and text[j] in " \t":
            j += 1
        return (i == 0 or text[i - 1] in "\n\r") and (j == len(text) or text[j] in "\n\r")

    @staticmethod
    def _breadcrumb(sent: Sentence) -> bool:
        """"Beranda / Berita / Daerah", "Home > News": the path of a page, marks standing alone."""
        words = token_texts(sent.span.doc)[sent.span.start:sent.span.end]
        return sum(w in BREADCRUMB_MARKS for w in words) >= 2

    def _section_name(self, sent: Sentence, nxt: Sentence) -> bool:
        """One or two words over a line shaped like a title: the section the page is in."""
        words = [w for w in sent.text.split() if w[:1].isalpha()]
        return 0 < len(words) < HEADING_WORDS[0] and self.own_line(nxt) and self._title_line(nxt)

    @cached_property
    def _first_prose(self) -> int:
        """The first sentence that ends with a sentence mark: the lines before it are the page's
        head (masthead, headline, subheading)."""
        return next((s.i for s in self.sents if s.text.rstrip().endswith((".", "!", "?"))), len(self.sents))

    def _title_line(self, sent: Sentence, in_head: bool = False) -> bool:
        """A line of its own, without a sentence mark, most of its words capitalised. A comma
        makes it prose (a list item, a clause broken over lines), but in the page's head a title
        that tells the signing may hold one ("X Teken PKS dengan Y, Bayar Pajak Kini Bisa Lewat
        QRIS", "A, B dan C Teken Perjanjian Kerja Sama ...")."""
        text = sent.text.strip()
        line_start = sent.start == 0 or self.text[sent.start - 1] == "\n"
        line_end = sent.end >= len(self.text) or "\n" in self.text[sent.end - 1:sent.end + 1]
        if not (line_start and line_end) or text.endswith((".", "!", "?", ":", '"', "”")) \
                or ("," in text and not (in_head and self._signing_title(sent))) or text[:1].isdigit():
            return False
        words = [w for w in text.split() if w[:1].isalpha()]
        if not HEADING_WORDS[0] <= len(words) <= HEADING_WORDS[1]:
            return False
        return sum(w[:1].isupper() for w in words) >= HEADING_CAPITALS * len(words)

    def _signing_title(self, sent: Sentence) -> bool:
        """One comma, and a signing word."""
        return sent.text.count(",") == 1 and bool(self.rules("SIGN", sent))

    def rules(self, label: str, sent: Sentence | None = None) -> list[Span]:
        spans = rule_spans(self.doc, label)   # sorted by label once per Doc, shared with the readers
        if sent is None:
            return spans
        return [s for s in spans if sent.span.start <= s.start and s.end <= sent.span.end]

    def sentence_of(self, char: int) -> Sentence | None:
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:  # sentences are in text order: bisect
            mid = (lo + hi) // 2
            s = self.sents[mid]
            if char < s.start:
                hi = mid - 1
            elif char >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def result(self) -> dict:
        return {"agreements": self.agreements, "mentioned": self.mentioned,
                "warnings": self.warnings, "article": self.found_article}
