"""PDF and Word files made at test time (reportlab, pypdf, python-docx), from our own text.

`news_pdf` lays an article out as a newspaper clipping: masthead, headline across the page,
two justified columns, long words hyphenated at line ends.
"""
from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path


def news_pdf(path: Path, title: str, stamp: str | None, paragraphs: list[str], *, meta_title: str | None = None,
             created: datetime | None = None, masthead: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph
    width, height = A4
    margin, gap, head = 15 * mm, 6 * mm, 35 * mm
    col = (width - 2 * margin - gap) / 2
    top = height - margin - head

    def page_furniture(canvas, doc):
        canvas.setFont("Helvetica-Bold", 9)
        if masthead:
            canvas.drawString(margin, height - 10 * mm, "WARTA CONTOH | Daerah")

    # Soft hyphens let reportlab break long words at the line end, as a newspaper does.
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=12.5, alignment=4,
                          embeddedHyphenation=1, spaceAfter=4)
    frames = [Frame(margin, top, width - 2 * margin, head), Frame(margin, margin, col, top - margin),
              Frame(margin + col + gap, margin, col, top - margin)]
    doc = BaseDocTemplate(str(path), pagesize=A4, title=meta_title or "")
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=page_furniture)])
    story = [Paragraph(title, ParagraphStyle("h", fontName="Times-Bold", fontSize=20, leading=23))]
    if stamp:
        story.append(Paragraph(stamp, ParagraphStyle("s", fontName="Helvetica", fontSize=9)))
    story.append(FrameBreak())
    story += [Paragraph(syllables(p), body) for p in paragraphs]
    doc.build(story)
    if created is not None:
        from pypdf import PdfReader, PdfWriter
        writer = PdfWriter(clone_from=PdfReader(path))
        writer.add_metadata({"/CreationDate": created.strftime("D:%Y%m%d%H%M%S+07'00'")})
        writer.write(path)
    return path


def syllables(text: str) -> str:
    """TEXT with soft hyphens at rough Indonesian syllable breaks (before consonant + vowel) of long words."""
    def split(word: re.Match) -> str:
        w = word.group()
        return w[:3] + re.sub(r"(?<=[aeiou])(?=[b-df-hj-np-tv-z][aeiou])", "\u00ad", w[3:-3]) + w[-3:]
    return re.sub(r"\b[a-z]{9,}\b", split, text)


def scanned_pdf(path: Path) -> Path:
    """A page that is only a picture of text, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for y in range(40, 760, 18):
        draw.line((40, y, 560, y), fill=0, width=6)  # lines of "print"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawImage(ImageReader(image), 0, 0, *A4)
    page.save()
    return path


def encrypted_pdf(source: Path, path: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="pemilik", algorithm="AES-128")
    writer.write(path)
    return path


def docx_file(path: Path, paragraphs: list[str], *, title: str | None = None, created: datetime | None = None,
              table: list[list[str]] | None = None) -> Path:
    import docx
    document = docx.Document()
    for n, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if n == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    props = document.core_properties
    props.title = title or ""
    if created is not None:
        props.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path
