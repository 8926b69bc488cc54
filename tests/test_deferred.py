"""The readers a signing alone needs run only when asked (nlp.DEFERRED): every article gets the
same record as from a Doc read whole, and an article whose signing words report no signing is
read by them only as far as a rule asks."""
from __future__ import annotations

import pytest

from mouextract import pipeline
from mouextract.nlp import DEFERRED, parse, parse_deferred

from conftest import DEV_CORPUS, SAMPLES


def articles() -> list:
    paths = sorted(SAMPLES.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    return [pytest.param(p.read_text(encoding="utf-8"), id=p.name) for p in paths]


@pytest.mark.parametrize("text", articles())
def test_same_record_as_from_a_doc_read_whole(text):
    assert pipeline.run(text, {}) == pipeline.run(text, {}, doc=parse(text))


# groups written by the deferred readers
GROUPS = {"mou_regions": "regions", "mou_venues": "venues", "mou_persons": "persons", "mou_orgs": "orgs"}


@pytest.mark.parametrize("text,read", [
    # a signing reported: every reader ran
    ("Judul\nBupati Sleman Budi Santoso dan Rektor Universitas Merapi Andi Wijaya menandatangani nota "
     "kesepahaman di Pendopo Sleman, Senin (4/9/2023).", {"places", "signings"}),
    # a signing only planned: none (no rule asks for a place)
    ("Judul\nPemkab Sleman berencana menandatangani nota kesepahaman dengan Universitas Merapi pekan depan.",
     set()),
    # a signing named without being told: the places (a relevance rule asks whether a venue is
    # named beside it), not the people
    ("Judul\nPenandatanganan nota kesepahaman antara Pemkab Lebak dan Pemkot Bogor belum jelas.", {"places"}),
    # the words, but no signing word about an instrument in any sentence: neither
    ("Judul\nWarga menandatangani petisi di Balai Desa Sleman. Petisi itu dikirim ke DPRD. Hujan turun "
     "sepanjang hari. Kerja sama antarwarga makin erat.", set()),
])
def test_deferred_readers_run_only_when_a_signing_needs_them(text, read):
    doc = parse_deferred(text)
    pipeline.run(text, {}, doc=doc)
    ran = {group for group, names in DEFERRED.items() if all(GROUPS[n] in doc.spans for n in names)}
    assert ran == read
