"""The library entry point: `extract(text, meta) -> dict`.

The result is plain data (dicts, lists, strings, numbers), JSON-serialisable, so any worker
process can call `extract` and send the result back without pickling a spaCy pipeline. The
pipeline itself is built lazily, once per process.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__
from .records import ArticleInfo, ArticleResult
from .text import MAX_ARTICLE_CHARS, tokenizable, too_long_message, without_surrogates

MODES = ("full", "fast")


def article_info(text: str, meta: dict | None) -> dict:
    text = without_surrogates(text)
    meta = {k: without_surrogates(v) if isinstance(v, str) else v for k, v in (meta or {}).items()}
    path = meta.get("path")
    ident = meta.get("id") or (Path(str(path)).stem.split(".")[0] if path else None)
    return {
        "path": str(path) if path else None,
        "id": ident,
        "title": meta.get("title"),
        "dateline": meta.get("dateline"),
        "outlet": meta.get("outlet"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def extract(text: str, meta: dict | None = None, *, fast: bool = False, explain: bool = False) -> dict:
    """Records of the cooperation-agreement signings an article reports.

    meta: what is known about the article besides its text: path, id, title, url, and above
    all `published` (ISO date), which dates without a year are resolved against.
    fast: rules only, without the statistical NER model.
    explain: each agreement also carries `why`: for each field, the rules that filled it and
    the spans they read (what `mouextract show --explain` prints).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the article text as str, not {type(text).__name__}")
    from .firstpass import run  # the pipeline, after the first pass; loads spaCy on first use

    if len(text) > MAX_ARTICLE_CHARS:
        raise ValueError(too_long_message("the text", len(text)))
    # one character for one: the spans still index the text as given
    text = without_surrogates(text)
    article = article_info(text, meta)
    # every stage reads the text as the tokenizer does: symbol runs and overlong words cut, at
    # the same offsets (text.tokenizable), so no stage's own search can turn quadratic on them
    result = run(tokenizable(text), article, fast=fast)
    article.update({k: v for k, v in result.pop("article", {}).items() if v and not article.get(k)})
    return ArticleResult(
        article=ArticleInfo.from_dict(article),
        agreements=tuple(result["agreements"]),
        mentioned=tuple(result["mentioned"]),
        warnings=tuple(result["warnings"]),
        extractor={"version": __version__, "mode": "fast" if fast else "full"},
    ).to_dict(explain)
