import pytest
from rich.console import Console

from conftest import SAMPLES, SIGNING, make_result
from mouextract.cli import app
from mouextract.show import highlighted, labelled_spans, render


@pytest.mark.parametrize("label", ["type", "date", "party"])
def test_every_span_is_labelled(label):
    assert label in {s[2] for s in labelled_spans(make_result(SIGNING))}


@pytest.mark.parametrize("text", [SIGNING])
def test_labels_follow_their_spans_and_the_text_is_kept(text):
    shown = highlighted(text, make_result(text)).plain
    assert "Pemkab Temanggung [party] dan Kejari Temanggung [party]" in shown
    assert "nota kesepahaman [type], Selasa (14/3/2023) [date]." in shown
    assert shown.replace(" [party]", "").replace(" [type]", "").replace(" [date]", "").replace(" [mentioned]", "") == text


@pytest.mark.parametrize("text", [SIGNING + " menandatangani lagi."])
def test_labels_carry_the_record_number_when_there_are_several(text):
    assert {"date 1", "date 2"} <= {s[2] for s in labelled_spans(make_result(text))}


@pytest.mark.parametrize("spans", [[(0, 10, "scope", "underline"), (0, 6, "party", "bold yellow")]])
def test_overlapping_spans_keep_both_styles(monkeypatch, spans):
    monkeypatch.setattr("mouextract.show.labelled_spans", lambda result: spans)
    text = highlighted("Pemkab Temanggung", {})
    assert {str(s.style) for s in text.spans if s.start == 0} == {"underline bold yellow"}


@pytest.mark.parametrize("row", ["│ signatories │ Suharno — Bupati Temanggung"])
def test_records_are_shown_below(row):
    console = Console(record=True, width=120)
    render(SIGNING, make_result(SIGNING, {"path": "a.txt"}), console)
    out = console.export_text()
    assert "Agreement 1" in out and row in out and "Mentioned, not signed here: MoU serupa pada 2020" in out


@pytest.mark.parametrize("text,line", [("Rapat biasa.", "No signing reported in this article.")])
def test_article_without_signing_says_so(text, line):
    console = Console(record=True, width=120)
    render(text, make_result(text), console)
    assert line in console.export_text()


def test_show_command_prints_the_article(runner, fake_extraction, articles):
    result = runner.invoke(app, ["show", str(articles / "a.txt")])
    assert result.exit_code == 0 and "[party]" in result.stdout and "Agreement 1" in result.stdout


@pytest.mark.parametrize("name,message", [("empty.txt", "Error: {p} is empty: there is no article text to read\n"),
                                          ("nope.txt", "Error: {p} does not exist: check the path\n")])
def test_show_of_bad_file_exits_1_with_the_fix(runner, fake_extraction, tmp_path, name, message):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["show", str(tmp_path / name)])
    assert (result.exit_code, result.stderr) == (1, message.format(p=tmp_path / name))


@pytest.mark.parametrize("rule", ["signatory.agent_after_oleh", "witness.passive", "party.office_of_signatory"])
def test_explain_names_the_rule_behind_each_field(runner, rule):
    from mouextract.cli import app
    result = runner.invoke(app, ["show", str(SAMPLES / "001-temanggung-kejari.txt"), "--explain"])
    assert result.exit_code == 0
    assert rule in result.stdout


def test_without_explain_no_rules_are_shown(runner):
    from mouextract.cli import app
    result = runner.invoke(app, ["show", str(SAMPLES / "001-temanggung-kejari.txt")])
    assert result.exit_code == 0
    assert "signatory.agent_after_oleh" not in result.stdout
