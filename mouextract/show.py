"""The article in the terminal with every extracted span highlighted and labelled, records below.

Each span gets a colour per field and a label after it ("[date]", "[party]"...); with several
agreements the label carries the record number ("[date 2]"). Overlapping spans (a party inside
a scope clause) keep both styles.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .api import extract
from .records import Agreement, ArticleResult
from .readers import DEFAULT_MAX_BYTES, iter_articles

STYLES = {
    "type": "bold magenta", "date": "bold cyan", "place": "bold green", "party": "bold yellow",
    "signatory": "bold blue", "witness": "bold red", "scope": "underline", "mentioned": "dim italic",
}


def labelled_spans(result: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, label, style) of every span in an article result, in text order."""
    record = ArticleResult.from_dict(result)
    out = []

    def add(span, field: str, label: str, n: int) -> None:
        if span and span[1] > span[0]:
            suffix = f" {n}" if len(record.agreements) > 1 else ""
            out.append((span[0], span[1], label + suffix, STYLES[field]))

    for n, a in enumerate(record.agreements, start=1):
        add(a.type_span, "type", "type", n)
        add(a.date and a.date.span, "date", "date", n)
        if a.place:
            add(a.place.span, "place", "venue" if a.place.venue else "city", n)
        for field, items in (("party", a.parties), ("signatory", a.signatories), ("witness", a.witnesses),
                             ("scope", a.scope)):
            for item in items:
                add(item.span, field, field, n)
    for m in record.mentioned:  # not numbered: a mention belongs to no record
        if m.span and m.span[1] > m.span[0]:
            out.append((m.span[0], m.span[1], "mentioned", STYLES["mentioned"]))
    return sorted(out, key=lambda s: (s[0], -s[1]))


def highlighted(text: str, result: dict) -> Text:
    """TEXT with the spans styled and a label appended where each span ends."""
    spans = [s for s in labelled_spans(result) if s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = Text()
    for a, b in zip(cuts, cuts[1:]):
        styles = [style for start, end, _, style in spans if start <= a and b <= end]
        out.append(text[a:b], style=" ".join(styles) or None)
        for start, end, label, style in spans:
            if end == b:
                out.append(f" [{label}]", style=f"{style} dim")
    return out


def _people(items) -> str:
    return "\n".join(" — ".join(x for x in (p.name or "(unnamed)", p.title) if x) for p in items)


def records_table(n: int, agreement: Agreement) -> Table:
    date, place = agreement.date, agreement.place
    table = Table(title=f"Agreement {n}", show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value")
    rows = [
        ("type", f"{agreement.type or ''} ({agreement.type_text or ''})"),
        ("date", " ".join(x for x in (date.value, f"« {date.text} »" if date.text else None) if x) if date else None),
        ("venue", place and place.venue),
        ("city", ", ".join(x for x in (place.city, place.province) if x) if place else None),
        ("parties", "\n".join(p.name for p in agreement.parties)),
        ("signatories", _people(agreement.signatories)),
        ("witnesses", _people(agreement.witnesses)),
        ("scope", "\n".join(f"- {s.text}" for s in agreement.scope)),
        ("confidence", str(agreement.confidence)),
    ]
    for name, value in rows:
        table.add_row(name, Text(value or "—"))
    return table


def explain_table(n: int, agreement: Agreement, text: str) -> Table:
    """For each field of a record, the rules that filled it and the text each one read."""
    table = Table(title=f"Why agreement {n} reads so", title_justify="left")
    for column in ("field", "rule", "evidence"):
        table.add_column(column)
    for field, found in agreement.why.items():
        for p in found:
            evidence = " ".join(text[p.span[0]:p.span[1]].split()) if p.span else ""
            table.add_row(field, p.rule, Text(evidence[:EVIDENCE_CHARS] + ("…" if len(evidence) > EVIDENCE_CHARS else "")))
    return table


# An explanation shows this much of the text a rule read, enough to recognise the phrase.
EVIDENCE_CHARS = 80


def render(text: str, result: dict, console: Console, *, explain: bool = False) -> None:
    record = ArticleResult.from_dict(result)
    console.rule(Text(record.article.path or record.article.id or "article"))
    console.print(highlighted(text, result))
    console.print()
    if not record.agreements:
        console.print("No signing reported in this article.")
    for n, agreement in enumerate(record.agreements, start=1):
        console.print(records_table(n, agreement))
        if explain:
            console.print(explain_table(n, agreement, text))
    for m in record.mentioned:
        console.print(Text(f"Mentioned, not signed here: {m.text}"))
    for w in record.warnings:
        console.print(Text(f"Warning: {w}"))


def show(path: str, console: Console, *, fast: bool = False, encoding: str | None = None,
         published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, stdin=None,
         explain: bool = False) -> int:
    """Render every article in PATH (one for a text or HTML file, each row of a dump); with
    EXPLAIN, each record's fields with the rules that filled them and the text they read."""
    n = 0
    for text, meta in iter_articles([path], encoding=encoding, max_bytes=max_bytes,
                                    published=published, stdin=stdin):
        render(text, extract(text, meta, fast=fast, explain=explain), console, explain=explain)
        n += 1
    return n
