"""Which PDF library keeps reading order and hyphenation better on news layouts: pypdf or pdfminer.six.

Builds clippings of the project's own sample articles (samples/00[1-6]*.txt) in three ways a
journalist's PDF is made: reportlab (a newspaper page: masthead, full-width headline, two
columns, a photo caption box; once with the headline drawn last, as page templates often do),
LibreOffice (a two-column Word file converted with `soffice --convert-to pdf`) and Chromium
(`--print-to-pdf` of a page with CSS columns). Long words are hyphenated at Indonesian
syllables (pyphen's id_ID patterns), so lines end in "peme-" / "rintah".

Each PDF is read by pypdf (`extract_text()`) and pdfminer.six (`extract_text()`, default layout
analysis), then by mouextract's own clean-up (`mouextract.documents.clean_pdf_text`). Scores
against the source words:
- order: words matched in order (difflib on word lists) / source words;
- split: source words that come out broken at a line-end hyphen ("peme- rintah");
- junk: output words that are in no source word (fragments, glued words).

Needs: pip install pypdf pdfminer.six reportlab pyphen python-docx; soffice and chromium on PATH.
    python bench/pdf_text.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import difflib
import html
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("00[1-6]*.txt"))
SHY = "\u00ad"
WORD = re.compile(r"\w+(?:[-']\w+)*")


def hyphenated(text: str) -> str:
    """TEXT with soft hyphens at the syllable breaks of words of 8+ letters."""
    import pyphen
    dic = pyphen.Pyphen(lang="id_ID")
    return re.sub(r"\b[^\W\d_]{8,}\b", lambda m: dic.inserted(m.group(), hyphen=SHY), text)


def article(path: Path) -> tuple[str, str, list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1], lines[2:]


# --- makers -------------------------------------------------------------------------------

def make_reportlab(path: Path, out: Path, headline_last: bool) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer,
                                    Table, TableStyle)
    title, stamp, paragraphs = article(path)
    width, height = A4
    margin, gap = 15 * mm, 6 * mm
    col = (width - 2 * margin - gap) / 2
    head_h = 40 * mm
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12.5, alignment=4,
                          hyphenationLang="id_ID", embeddedHyphenation=1, spaceAfter=4)
    caption = ParagraphStyle("cap", fontName="Helvetica-Oblique", fontSize=8, leading=10)

    def page(canvas, doc):
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(margin, height - 10 * mm, "WARTA NUSANTARA  |  Daerah  |  Halaman 5")
        canvas.drawRightString(width - margin, 8 * mm, "warta-nusantara.example")
        if headline_last:
            canvas.setFont("Times-Bold", 20)
            canvas.drawString(margin, height - margin - 12 * mm, title[:60])
            canvas.drawString(margin, height - margin - 20 * mm, title[60:])
            canvas.setFont("Helvetica", 9)
            canvas.drawString(margin, height - margin - 28 * mm, stamp)

    top = height - margin - head_h
    frames = [Frame(margin, top, width - 2 * margin, head_h, id="head"),
              Frame(margin, margin, col, top - margin, id="c1"),
              Frame(margin + col + gap, margin, col, top - margin, id="c2")]
    doc = BaseDocTemplate(str(out), pagesize=A4, title=title)
    doc.addPageTemplates([PageTemplate(frames=frames, onPageEnd=page)])
    story = [] if headline_last else [
        Paragraph(html.escape(title), ParagraphStyle("h", fontName="Times-Bold", fontSize=20, leading=23)),
        Paragraph(html.escape(stamp), ParagraphStyle("s", fontName="Helvetica", fontSize=9))]
    story.append(FrameBreak())
    box = Table([[Paragraph("Foto: Penandatanganan nota kesepahaman di aula kantor bupati. (Dok. Humas)", caption)]],
                colWidths=[col - 4], rowHeights=[None])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, "#888888"), ("TOPPADDING", (0, 0), (-1, -1), 30 * mm)]))
    for n, text in enumerate(paragraphs):
        story.append(Paragraph(html.escape(text), body))
        if n == 1:
            story += [Spacer(1, 3), box, Spacer(1, 3)]
    doc.build(story)


def make_docx(path: Path, out: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    title, stamp, paragraphs = article(path)
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(stamp)
    section = document.sections[0]
    # A continuous section break: headline full width, body in two columns.
    new = document.add_section(0)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "340")
    new._sectPr.append(cols)
    del section
    for text in paragraphs:
        p = document.add_paragraph(hyphenated(text))
        p.paragraph_format.alignment = 3  # justify
    document.save(out)


def make_libreoffice(path: Path, out: Path, work: Path) -> None:
    source = work / (out.stem + ".docx")
    make_docx(path, source)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
                   check=True, capture_output=True, timeout=120)
    (work / (out.stem + ".pdf")).replace(out)


def make_chromium(path: Path, out: Path, work: Path) -> None:
    title, stamp, paragraphs = article(path)
    # No soft hyphens here: Chromium draws each as an invisible glyph that both libraries read
    # as a space ("Te mang gung"); news pages are printed without hyphenation anyway.
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[:2])
    body += "<figure><div class=img></div><figcaption>Foto: Penandatanganan nota kesepahaman. (Dok. Humas)</figcaption></figure>"
    body += "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[2:])
    page = work / (out.stem + ".html")
    page.write_text(f"""<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font:10.5pt/1.35 serif;margin:0}} .mast{{font:bold 9pt sans-serif;border-bottom:1px solid}}
h1{{font-size:20pt;margin:6pt 0}} .cols{{column-count:2;column-gap:18pt;text-align:justify;hyphens:manual}}
figure{{margin:4pt 0;break-inside:avoid}} .img{{height:90pt;background:#ccc}} figcaption{{font:italic 8pt sans-serif}}</style>
</head><body><div class=mast>WARTA NUSANTARA | Daerah</div><h1>{html.escape(title)}</h1><div>{html.escape(stamp)}</div>
<div class=cols>{body}</div></body></html>""", encoding="utf-8")
    profile = work / "profile"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


# --- readers and scores ---------------------------------------------------------------------

def read_pypdf(pdf: Path) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def read_pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(str(pdf))


def read_pdfminer_wide(pdf: Path) -> str:
    """pdfminer.six with char_margin=6, the best of the settings tried: justified lines' wide gaps
    otherwise split a line into boxes that are put out of order."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(str(pdf), laparams=LAParams(char_margin=6))


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace(SHY, ""))]


# The masthead, page furniture and caption the makers add: not article words, not junk either.
FURNITURE = set(words("WARTA NUSANTARA | Daerah | Halaman 5 warta-nusantara.example "
                      "Foto: Penandatanganan nota kesepahaman di aula kantor bupati. (Dok. Humas)"))


def score(source: str, got: str) -> dict:
    want, have = words(source), [w for w in words(got) if w not in FURNITURE or w in words(source)]
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks())
    vocab = set(want) | FURNITURE
    want_long = Counter(w for w in want if len(w) >= 8)
    split = sum(max(0, n - have.count(w)) for w, n in want_long.items())
    return {"order": in_order / len(want), "split": split, "junk": sum(1 for w in have if w not in vocab),
            "words": len(want)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", help="Keep the PDFs in this folder.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from mouextract.documents import clean_pdf_text
    work = Path(tempfile.mkdtemp(prefix="pdfbench-"))
    makers = {
        "reportlab": lambda p, o: make_reportlab(p, o, headline_last=False),
        "reportlab, headline drawn last": lambda p, o: make_reportlab(p, o, headline_last=True),
        "LibreOffice": lambda p, o: make_libreoffice(p, o, work),
        "Chromium": lambda p, o: make_chromium(p, o, work),
    }
    readers = {"pypdf": read_pypdf, "pdfminer.six": read_pdfminer, "pdfminer.six, char_margin=6": read_pdfminer_wide}
    totals: dict[tuple[str, str, str], Counter] = {}
    for maker, make in makers.items():
        for sample in SAMPLES:
            pdf = work / f"{sample.stem}-{maker.split(',')[0]}-{'last' if 'last' in maker else 'std'}.pdf"
            make(sample, pdf)
            title, stamp, paragraphs = article(sample)
            source = "\n".join([title, stamp, *paragraphs])
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, args.keep)
            for name, read in readers.items():
                raw = read(pdf)
                for stage, text in (("raw", raw), ("cleaned", clean_pdf_text(raw))):
                    s = score(source, text)
                    totals.setdefault((maker, name, stage), Counter()).update(
                        {"order": s["order"], "split": s["split"], "junk": s["junk"], "n": 1})
    print(f"{len(SAMPLES)} articles per maker; order = mean in-order word recall; split / junk = totals\n")
    print("| maker | reader | order raw | order cleaned | split raw | split cleaned | junk cleaned |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for maker in makers:
        for name in readers:
            raw, cleaned = totals[(maker, name, "raw")], totals[(maker, name, "cleaned")]
            print(f"| {maker} | {name} | {raw['order'] / raw['n']:.3f} | {cleaned['order'] / cleaned['n']:.3f} "
                  f"| {raw['split']} | {cleaned['split']} | {cleaned['junk']} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
