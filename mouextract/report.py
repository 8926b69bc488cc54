"""A static review site of a dataset: index of agreements with filters and charts, a page per article.

`write_report(db, out_dir)` writes index.html, report.css, report.js and articles/*.html. No
server and no network: the pages open from disk (file://), the data is in the HTML itself and
the charts are SVG drawn by report.js, so the index follows its filters. Each article page
shows the text with its spans highlighted (the labels `mouextract show` gives) beside its records.

The article text comes from the dataset's `articles.text` column where it has one, else from the
file at the stored path when that file still holds the same text (its sha256); an article whose
text is found nowhere still gets its page, with the records only, and is reported.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .db import Database
from .show import labelled_spans
from .writers import agreement_id, article_id, atomic_output

TYPE_NAMES = {"nota_kesepahaman": "Nota kesepahaman (MoU)", "nota_kesepakatan": "Nota kesepakatan",
              "perjanjian_kerja_sama": "Perjanjian kerja sama (PKS)", "other": "Other"}
FIELD_CLASS = {"venue": "place", "city": "place"}


@dataclass
class ReportSummary:
    articles: int = 0
    agreements: int = 0
    without_text: list[str] = field(default_factory=list)


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


def write_report(db_path: str | Path, out_dir: str | Path,
                 report: Callable[[str], None] = lambda message: None) -> ReportSummary:
    """Write the site for the dataset DB_PATH into OUT_DIR; REPORT gets one line per missing text."""
    out = Path(out_dir)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    summary = ReportSummary()
    with Database(db_path, create=False) as db:
        texts = _stored_texts(db)
        signings = _signing_ids(db)
        rows, used = [], set()
        for result in db.results():
            article = result["article"]
            page = _page_name(article, used)
            text = texts.get(article["sha256"]) or _text_from_file(article)
            if text is None:
                summary.without_text.append(article.get("path") or article["sha256"])
                report(f"No text for {article.get('path')}: its file is gone or changed, so its page shows "
                       f"the records only; keep the inputs where parse read them, or store the text in the dataset")
            _write(out / "articles" / page, article_page(result, text))
            for n, agreement in enumerate(result.get("agreements") or [], start=1):
                rows.append(_index_row(article, n, agreement, page, signings.get((article["sha256"], n))))
            summary.articles += 1
            summary.agreements += len(result.get("agreements") or [])
    _write(out / "index.html", index_page(rows, summary.articles, has_signings=bool(signings)))
    for asset in ("report.css", "report.js"):
        _write(out / asset, resources.files("mouextract").joinpath("report_assets", asset).read_text(encoding="utf-8"))
    return summary


def _write(path: Path, content: str) -> None:
    with atomic_output(path) as stream:
        stream.write(content)


def _stored_texts(db: Database) -> dict[str, str]:
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(articles)")}
    if "text" not in columns:
        return {}
    return {sha: text for sha, text in db.conn.execute("SELECT sha256, text FROM articles") if text}


def _signing_ids(db: Database) -> dict[tuple[str, int], str]:
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(agreements)")}
    if "signing_id" not in columns:
        return {}
    return {(sha, n): str(sid) for sha, n, sid in db.conn.execute(
        "SELECT article_sha256, n, signing_id FROM agreements") if sid is not None}


def _text_from_file(article: dict) -> str | None:
    """The text of the article as the readers give it now, if the file still holds the same text."""
    import hashlib

    from .errors import InputError
    from .readers import iter_articles
    path = article.get("path")
    if not path or path == "-":
        return None
    try:
        for text, meta in iter_articles([path.split("#")[0]], on_skip=lambda error: None):
            if meta.get("path") == path and hashlib.sha256(text.encode("utf-8")).hexdigest() == article["sha256"]:
                return text
    except InputError:
        return None
    return None


def _page_name(article: dict, used: set[str]) -> str:
    stem = re.sub(r"[^\w.-]+", "-", article_id(article)).strip("-.") or "article"
    name = f"{stem}.html"
    if name in used:
        name = f"{stem}-{article['sha256'][:8]}.html"
    used.add(name)
    return name


# --- the index ---------------------------------------------------------------------------------

def _index_row(article: dict, n: int, agreement: dict, page: str, signing: str | None) -> dict:
    date, place = agreement.get("date") or {}, agreement.get("place") or {}
    parties = [p.get("name") or p.get("short") or "" for p in agreement.get("parties") or []]
    institutions = parties + [p.get("short") or "" for p in agreement.get("parties") or []]
    return {
        "id": agreement_id(article, n), "date": date.get("value") or "", "type": agreement.get("type") or "",
        "parties": parties, "institutions": [i for i in institutions if i],
        "signatories": [s.get("name") or s.get("title") or "" for s in agreement.get("signatories") or []],
        "city": place.get("city") or "", "province": place.get("province") or "",
        "title": article.get("title") or article.get("path") or "", "page": page, "n": n,
        "signing": signing or agreement_id(article, n),
    }


def _options(values) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in sorted({v for v in values if v}))


def index_page(rows: list[dict], n_articles: int, has_signings: bool) -> str:
    body = []
    for r in rows:
        body.append(
            f'<tr data-year="{esc(r["date"][:4])}" data-month="{esc(r["date"][:7] if len(r["date"]) >= 7 else "")}" '
            f'data-province="{esc(r["province"])}" data-type="{esc(r["type"])}" '
            f'data-institutions="{esc(" | ".join(r["institutions"]).lower())}" data-signing="{esc(r["signing"])}">'
            f'<td data-sort="{esc(r["date"])}">{esc(r["date"]) or "—"}</td>'
            f'<td data-sort="{esc(r["type"])}">{esc(TYPE_NAMES.get(r["type"], r["type"]))}</td>'
            f'<td data-sort="{esc(" ".join(r["parties"]).lower())}">{"<br>".join(esc(p) for p in r["parties"]) or "—"}</td>'
            f'<td data-sort="{esc(" ".join(r["signatories"]).lower())}">{"<br>".join(esc(s) for s in r["signatories"]) or "—"}</td>'
            f'<td data-sort="{esc(r["city"]).lower()}">{esc(r["city"]) or "—"}</td>'
            f'<td data-sort="{esc(r["province"]).lower()}">{esc(r["province"]) or "—"}</td>'
            f'<td data-sort="{esc(r["title"]).lower()}"><a href="articles/{esc(r["page"])}#agreement-{r["n"]}">{esc(r["title"])}</a></td>'
            "</tr>")
    institutions = {i for r in rows for i in r["institutions"]}
    counted = "signings (agreement records linked as one signing count once)" if has_signings else "agreement records"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mouextract report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="report.css"></head>
<body class="index">
<header><h1>Cooperation agreements</h1>
<p class="stats">{len(rows)} agreement records from {n_articles} articles</p></header>
<form id="filters" onsubmit="return false">
<label>Year <select id="f-year"><option value="">all</option>{_options(r["date"][:4] for r in rows)}</select></label>
<label>Province <select id="f-province"><option value="">all</option>{_options(r["province"] for r in rows)}</select></label>
<label>Type <select id="f-type"><option value="">all</option>{"".join(f'<option value="{esc(t)}">{esc(TYPE_NAMES.get(t, t))}</option>' for t in sorted({r["type"] for r in rows if r["type"]}))}</select></label>
<label>Institution <input id="f-institution" list="institutions" placeholder="name or short form"></label>
<datalist id="institutions">{_options(institutions)}</datalist>
<button type="button" id="f-reset">Clear</button>
<output id="shown" aria-live="polite"></output>
</form>
<section class="charts">
<figure><figcaption>Signings per month ({counted})</figcaption><svg id="chart-month" role="img"></svg></figure>
<figure><figcaption>Signings per province</figcaption><svg id="chart-province" role="img"></svg></figure>
</section>
<table id="agreements"><thead><tr>
<th data-type="text" aria-sort="none"><button type="button">Date</button></th>
<th aria-sort="none"><button type="button">Type</button></th>
<th aria-sort="none"><button type="button">Parties</button></th>
<th aria-sort="none"><button type="button">Signatories</button></th>
<th aria-sort="none"><button type="button">City</button></th>
<th aria-sort="none"><button type="button">Province</button></th>
<th aria-sort="none"><button type="button">Article</button></th>
</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table>
<script src="report.js"></script>
</body></html>
"""


# --- an article page ---------------------------------------------------------------------------

def highlighted_html(text: str, result: dict) -> str:
    """TEXT as HTML with each span in a <mark> of its field and its label after it, as `show` does."""
    spans = [(a, b, label, FIELD_CLASS.get(label.split()[0], label.split()[0]))
             for a, b, label, _ in labelled_spans(result) if b <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        fields = [f for start, end, _, f in spans if start <= a and b <= end]
        piece = esc(text[a:b])
        out.append(f'<mark class="{" ".join(f"f-{f}" for f in fields)}">{piece}</mark>' if fields else piece)
        for start, end, label, f in spans:
            if end == b:
                out.append(f'<sup class="label f-{f}">{esc(label)}</sup>')
    return "".join(out)


def _people(items: list[dict]) -> str:
    return "<br>".join(" — ".join(esc(x) for x in (p.get("name") or "(unnamed)", p.get("title")) if x) for p in items)


def _record_table(n: int, agreement: dict) -> str:
    date, place = agreement.get("date") or {}, agreement.get("place") or {}
    rows = [
        ("type", f"{esc(TYPE_NAMES.get(agreement.get('type'), agreement.get('type')))} "
                 f"<q>{esc(agreement.get('type_text'))}</q>" if agreement.get("type_text") else esc(agreement.get("type"))),
        ("date", " ".join(x for x in (esc(date.get("value")), f"<q>{esc(date['text'])}</q>" if date.get("text") else "") if x)),
        ("venue", esc(place.get("venue"))),
        ("city", esc(", ".join(x for x in (place.get("city"), place.get("province")) if x))),
        ("region code", esc(place.get("region_code"))),
        ("parties", "<br>".join(esc(p.get("name")) for p in agreement.get("parties") or [])),
        ("signatories", _people(agreement.get("signatories") or [])),
        ("witnesses", _people(agreement.get("witnesses") or [])),
        ("scope", "".join(f"<li>{esc(s.get('text'))}</li>" for s in agreement.get("scope") or [])),
        ("confidence", esc(agreement.get("confidence"))),
    ]
    cells = "".join(f'<tr class="r-{name.split()[0]}"><th>{name}</th><td>'
                    f'{"<ul>" + value + "</ul>" if name == "scope" and value else value or "—"}</td></tr>'
                    for name, value in rows)
    return f'<table class="record" id="agreement-{n}"><caption>Agreement {n}</caption>{cells}</table>'


def article_page(result: dict, text: str | None) -> str:
    article = result.get("article") or {}
    agreements = result.get("agreements") or []
    title = article.get("title") or article.get("path") or "article"
    facts = " · ".join(esc(x) for x in (article.get("published"), article.get("outlet"), article.get("path")) if x)
    link = f' · <a href="{esc(article["url"])}" rel="noreferrer">source</a>' if article.get("url") else ""
    records = "".join(_record_table(n, a) for n, a in enumerate(agreements, start=1)) or \
        '<p class="none">No signing reported in this article.</p>'
    records += "".join(f'<p class="mentioned">Mentioned, not signed here: {esc(m.get("text"))}</p>'
                       for m in result.get("mentioned") or [])
    records += "".join(f'<p class="warning">Warning: {esc(w)}</p>' for w in result.get("warnings") or [])
    body = (f'<div class="text">{highlighted_html(text, result)}</div>' if text is not None else
            '<p class="missing">The article text is not available: its file is gone or has changed since it '
            'was parsed.</p>')
    legend = "".join(f'<mark class="f-{f}">{f}</mark> ' for f in
                     ("type", "date", "place", "party", "signatory", "witness", "scope", "mentioned"))
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="../report.css"></head>
<body class="article">
<nav><a href="../index.html">← all agreements</a></nav>
<header><h1>{esc(title)}</h1><p class="facts">{facts}{link}</p><p class="legend">{legend}</p></header>
<main><article>{body}</article><aside class="records">{records}</aside></main>
</body></html>
"""
