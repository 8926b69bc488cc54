import copy
import importlib.util
import json

import pytest
import yaml

from conftest import DEV_CORPUS, SAMPLES, SCORER
from mouextract.cli import app
from mouextract.evaluate import (FIELDS, Counts, evaluate, fold, key_of, name_words, party_score,
                                 person_score, same_city)

GOLD = {
    "001": {"article": "001.txt", "agreements": [{
        "type": "nota_kesepahaman", "date": "2023-03-14", "venue": "Aula Lantai 2 Kantor Bupati Temanggung",
        "city": ["Temanggung", "Kabupaten Temanggung"],
        "parties": [["Pemerintah Kabupaten Temanggung", "Pemkab Temanggung"], ["Kejaksaan Negeri Temanggung"]],
        "signatories": [{"name": "Suharno Wijayakusuma", "title": "Bupati Temanggung"},
                        {"name": "Yudhistira Pangaribuan", "title": "Kepala Kejaksaan Negeri Temanggung"}],
        "witnesses": [{"name": "Ahmad Mustofa Kamal", "title": "Wakil Bupati"}],
        "scope": ["pemberian pertimbangan hukum", "pelayanan hukum kepada masyarakat"]}]},
    "002": {"article": "002.txt", "agreements": []},
    "003": {"article": "003.txt", "agreements": [
        {"type": "nota_kesepakatan", "date": "2023-09-04", "city": "Kolaka", "parties": [["Ombudsman Sultra"], ["Pemkab Kolaka"]],
         "signatories": [{"name": "Hendra Lamusu", "title": "Kepala Perwakilan"}], "witnesses": [], "scope": []},
        {"type": "nota_kesepakatan", "date": "2023-09-04", "city": "Kolaka", "parties": [["Ombudsman Sultra"], ["Pemkab Kolaka Utara"]],
         "signatories": [{"name": "Hendra Lamusu", "title": "Kepala Perwakilan"}], "witnesses": [], "scope": []}]},
}


def as_prediction(key: str, gold: dict) -> dict:
    """A result in extract()'s shape that says what the gold file says."""
    def agreement(g):
        city = g.get("city")
        return {"type": g.get("type"), "date": {"value": str(g["date"])} if g.get("date") else None,
                "place": {"venue": g.get("venue"), "city": (city[0] if isinstance(city, list) and city else city) or None},
                "parties": [{"name": names[0], "short": names[-1]} for names in g.get("parties") or []],
                "signatories": [{"name": s.get("name"), "title": s.get("title")} for s in g.get("signatories") or []],
                "witnesses": [{"name": w.get("name"), "title": w.get("title")} for w in g.get("witnesses") or []],
                "scope": [{"text": str(s)} for s in g.get("scope") or []]}
    return {"article": {"path": f"corpus/{key}.txt", "id": key}, "agreements": [agreement(g) for g in gold.get("agreements") or []]}


def flawed(prediction: dict, seed: int) -> dict:
    """The prediction with some typical mistakes, different per article."""
    p = copy.deepcopy(prediction)
    for i, a in enumerate(p["agreements"]):
        k = (seed + i) % 4
        if k == 0 and a["parties"]:
            a["parties"].pop()
        elif k == 1 and a["date"]:
            a["date"]["value"] = "2020-01-01"
        elif k == 2:
            a["signatories"].append({"name": "Orang Lain", "title": "Camat"})
            a["scope"] = a["scope"][1:]
        else:
            a["place"]["city"] = "Jakarta"
    if seed % 5 == 3:
        p["agreements"] = p["agreements"][:1]
    return p


def write_case(tmp_path, golds: dict, predictions: list[dict]):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for key, gold in golds.items():
        (gold_dir / f"{key}.gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    return gold_dir, pred


def project_scorer():
    spec = importlib.util.spec_from_file_location("project_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_folders():
    return {"constructed": None, "samples": SAMPLES, **({"dev": DEV_CORPUS} if DEV_CORPUS.is_dir() else {})}


@pytest.mark.skipif(not SCORER.is_file(), reason="the project scorer is not here")
@pytest.mark.parametrize("source", list(gold_folders()))
@pytest.mark.parametrize("mistakes", [False, True])
def test_figures_agree_with_the_project_scorer(tmp_path, source, mistakes):
    folder = gold_folders()[source]
    golds = GOLD if folder is None else {
        f.name.split(".")[0]: yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.gold.yaml"))}
    predictions = [as_prediction(k, g) for k, g in golds.items()]
    if mistakes:
        predictions = [flawed(p, i) for i, p in enumerate(predictions)][:-1]  # and one article unpredicted
    gold_dir, pred = write_case(tmp_path, golds, predictions)
    theirs, their_misses = project_scorer().score(gold_dir, pred)
    ours = evaluate(gold_dir, predictions)
    assert ours.scores() == theirs
    assert ours.misses == their_misses


@pytest.mark.parametrize("text,folded", [("Pemkab Kukar", "pemerintah kabupaten kutai kartanegara"), ("Kantor Walikota", "kantor wali kota"), ("Café-Nusa", "cafe nusa")])
def test_fold_expands_abbreviations_and_drops_accents(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("name,expected", [("Drs. H. Suharno Wijayakusuma, M.Si.", {"suharno", "wijayakusuma"}), ("Prof. Dr. Ir. Budi, Ph.D", {"budi"})])
def test_degrees_are_not_part_of_a_name(name, expected):
    assert name_words(name) == expected


@pytest.mark.parametrize("gold,pred,matches", [
    (["Pemerintah Kabupaten Temanggung"], ["Pemkab Temanggung"], True),
    (["Kejaksaan Negeri Temanggung"], ["Kejari Temanggung"], True),
    (["Kejaksaan Negeri Temanggung"], ["Universitas Pelita Nusa"], False),
])
def test_party_names_match_through_abbreviations(gold, pred, matches):
    assert (party_score(gold, pred) > 0) is matches


@pytest.mark.parametrize("gold,pred,matches", [("Suharno Wijayakusuma", "Drs. Suharno Wijayakusuma, M.Si.", True), ("Suharno", "Yudhistira", False)])
def test_person_names_match_without_degrees(gold, pred, matches):
    assert (person_score(gold, pred) > 0) is matches


@pytest.mark.parametrize("gold,pred,ok", [(["Temanggung"], "Kabupaten Temanggung", True), (["Kota Kediri"], "Kediri", True), (["Bekasi"], "Jakarta", False)])
def test_city_ignores_kota_and_kabupaten(gold, pred, ok):
    assert same_city(gold, pred) is ok


@pytest.mark.parametrize("tp,fp,fn,prf", [(0, 0, 0, (1.0, 1.0, 1.0)), (0, 0, 2, (0.0, 0.0, 0.0)), (1, 1, 0, (0.5, 1.0, 2 / 3))])
def test_precision_recall_edge_cases(tp, fp, fn, prf):
    assert Counts(tp, fp, fn).prf() == pytest.approx(prf)


@pytest.mark.parametrize("result,key", [({"article": {"path": "x/000.txt", "id": "zzz"}}, "000"), ({"article": {"id": "017"}}, "017"), ({"article": {}}, "")])
def test_key_of_article(result, key):
    assert key_of(result) == key


# --- the command -----------------------------------------------------------------------------

@pytest.fixture
def case(tmp_path):
    return write_case(tmp_path, GOLD, [flawed(as_prediction(k, g), i) for i, (k, g) in enumerate(GOLD.items())])


def test_json_output_is_the_scores(runner, case):
    gold_dir, pred = case
    result = runner.invoke(app, ["evaluate", str(gold_dir), str(pred), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == evaluate(gold_dir, [json.loads(x) for x in open(pred)]).scores()


@pytest.mark.parametrize("field", FIELDS + ["headline"])
def test_table_lists_every_field(runner, case, field):
    result = runner.invoke(app, ["evaluate", *map(str, case)])
    assert result.exit_code == 0 and any(line.startswith(f"│ {field}") for line in result.stdout.splitlines())


@pytest.mark.parametrize("miss", ["001: parties gold=['Pemerintah Kabupaten Temanggung', 'Kejaksaan Negeri Temanggung'] pred=['Pemerintah Kabupaten Temanggung']"])
def test_verbose_lists_each_miss(runner, case, miss):
    result = runner.invoke(app, ["evaluate", *map(str, case), "--verbose"])
    assert miss in result.stdout.splitlines()


@pytest.mark.parametrize("line,message", [
    ("{oops", "is not valid JSON (Expecting property name enclosed in double quotes): fix or remove that line"),
    ("[1, 2]", "is not a JSON object: give one article result per line"),
])
def test_malformed_prediction_line_is_skipped_with_exit_1(runner, case, line, message):
    gold_dir, pred = case
    pred.write_text(pred.read_text() + line + "\n")
    result = runner.invoke(app, ["evaluate", str(gold_dir), str(pred), "--json"])
    assert result.exit_code == 1 and result.stderr == f"Skipped: {pred} line 4 {message}\n"


@pytest.mark.parametrize("make,message", [
    (lambda t: t / "nope", "Error: {d} is not a folder: give the folder holding the *.gold.yaml files\n"),
    (lambda t: t, "Error: {d} has no *.gold.yaml files: point evaluate at a folder of NNN.txt files with their NNN.gold.yaml records\n"),
])
def test_bad_gold_folder_is_a_usage_error(runner, tmp_path, make, message):
    (tmp_path / "p.jsonl").write_text("")
    gold_dir = make(tmp_path)
    result = runner.invoke(app, ["evaluate", str(gold_dir), str(tmp_path / "p.jsonl")])
    assert (result.exit_code, result.stderr) == (2, message.format(d=gold_dir))


def test_without_pred_the_gold_folder_is_parsed_now(runner, fake_extraction, tmp_path):
    gold_dir, _ = write_case(tmp_path, {"001": GOLD["001"], "002": GOLD["002"]}, [])
    (gold_dir / "001.txt").write_text("Pemkab menandatangani MoU.")
    (gold_dir / "002.txt").write_text("Rapat biasa.")
    result = runner.invoke(app, ["evaluate", str(gold_dir), "--json"])
    scores = json.loads(result.stdout)
    assert result.exit_code == 0 and scores["relevance"] == {"p": 1.0, "r": 1.0, "f": 1.0}
