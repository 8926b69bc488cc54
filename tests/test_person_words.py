from pathlib import Path

import pytest

from mouextract.person_words import ACRONYM_DEF, LONG_FORM_LOOKBACK, _short_form_definitions, acronyms

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Short forms defined in brackets, with what stands before them: a long form after a stop, a
# comma, a number, a line break; "dan"/"&" inside; two in a row; a bracket that is no short form;
# brackets never closed; a long form longer than the look-back; a text with no bracket.
DEFINITIONS = [
    "Universitas Katolik Santa Maria (Unsam) dan Badan Riset dan Inovasi Nasional (BRIN).",
    "Kerja sama dengan Dinas Pekerjaan Umum & Penataan Ruang (PUPR), kata dia.",
    "Hadir pula (kiri) Kepala Balai (KB) serta 12 Rumah Sakit Umum Daerah (RSUD).",
    "Pemerintah Kota\nBadan Usaha Milik Desa (BUMDes) (Bumdes) ( BPD ) (x) (Ab",
    "Bank Pembangunan Daerah (BPD (Bank Jateng)) menandatangani.",
    " ".join(["Kata"] * 40) + " (KT) " + "A" * (LONG_FORM_LOOKBACK + 10) + " Bb Cc (ABC)",
    "Tanpa singkatan apa pun di sini.",
    "",
]


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", DEFINITIONS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))])
def test_short_form_definitions_are_those_the_plain_regex_scan_finds(text):
    assert spans(_short_form_definitions(text)) == spans(ACRONYM_DEF.finditer(text))


@pytest.mark.parametrize("text, expected", [
    ("Universitas Katolik Santa Maria (Unsam) menandatangani", {"unsam": {"universitas", "katolik", "santa", "maria"}}),
    # initials that do not end as the short form begins: as many words as it has letters
    ("Kepala Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) hadir", {"pupr": {"umum", "penataan", "ruang"}}),
])
def test_acronyms_map_short_forms_to_their_long_form_words(text, expected):
    assert acronyms(text) == expected
