"""The review site: its pages as written, then as a person sees them in headless Chromium.

The browser tests need Debian's chromium and chromium-driver (.ci/run installs them). Without
them they are skipped locally and fail under CI=true.
"""
import os
import shutil
import sqlite3

import pytest

from conftest import SIGNING, make_result
from mouextract.cli import app
from mouextract.db import Database
from mouextract.report import highlighted_html, write_report

ARTICLES = [  # (id, signing date, province, type, party) — one agreement each
    ("a1", "2023-03-14", "Jawa Tengah", "nota_kesepahaman", "Pemkab Temanggung"),
    ("a2", "2023-03-20", "Jawa Tengah", "perjanjian_kerja_sama", "Universitas Contoh"),
    ("a3", "2022-11-02", "Sulawesi Tenggara", "nota_kesepakatan", "Ombudsman Sultra"),
    ("a4", "2024-01-12", "Bengkulu", "nota_kesepahaman", "Bawaslu Bengkulu"),
]


def article_result(ident, date, province, kind, party):
    text = f"{SIGNING} ({ident})"
    result = make_result(text, {"path": f"in/{ident}.txt", "id": ident, "title": f"Berita {ident}"}, agreements=1)
    agreement = result["agreements"][0]
    agreement["date"]["value"] = date
    agreement["place"]["province"] = province
    agreement["type"] = kind
    agreement["parties"][1]["name"] = party
    return result, text


@pytest.fixture
def dataset(tmp_path):
    """A dataset of ARTICLES with the article text stored beside each (articles.text)."""
    path = tmp_path / "d.sqlite"
    with Database(path) as db:
        for row in ARTICLES:
            db.add(*article_result(*row))
    return path


@pytest.fixture
def site(dataset, tmp_path):
    write_report(dataset, tmp_path / "site")
    return tmp_path / "site"


# --- the pages as written ----------------------------------------------------------------------

def test_every_article_gets_a_page_and_the_index_lists_every_agreement(site):
    assert sorted(p.name for p in (site / "articles").iterdir()) == [f"{a[0]}.html" for a in ARTICLES]
    assert (site / "index.html").read_text().count("<tr data-year=") == len(ARTICLES)


def test_spans_are_marked_with_their_field_and_labelled():
    html = highlighted_html(SIGNING, make_result(SIGNING))
    assert '<mark class="f-party">Pemkab Temanggung</mark><sup class="label f-party">party</sup>' in html
    assert '<mark class="f-date">Selasa (14/3/2023)</mark><sup class="label f-date">date</sup>' in html


@pytest.mark.parametrize("text", ["<script>alert(1)</script> & Pemkab"])
def test_article_text_is_escaped(text):
    assert highlighted_html(text, {}) == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Pemkab"


def test_the_site_loads_nothing_from_the_network(site):
    for page in [site / "index.html", *(site / "articles").iterdir()]:
        content = page.read_text()
        assert "src=\"http" not in content and "href=\"http" not in content.replace('rel="noreferrer"', "")
    assert "http" not in (site / "report.css").read_text()


def test_text_is_read_back_from_the_input_file_when_the_dataset_has_none(runner, fake_extraction, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SIGNING + "\n")
    (tmp_path / "in" / "b.txt").write_text("Pemkab menandatangani MoU.\n")
    runner.invoke(app, ["parse", str(tmp_path / "in"), "--db", str(tmp_path / "d.sqlite")])
    with sqlite3.connect(tmp_path / "d.sqlite") as conn:  # as Database.add(result) without the text leaves it
        conn.execute("UPDATE articles SET text = NULL")
    (tmp_path / "in" / "b.txt").write_text("Teks lain sekarang.\n")  # changed since it was parsed
    result = runner.invoke(app, ["report", str(tmp_path / "d.sqlite"), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Skipped: No text for {tmp_path / 'in' / 'b.txt'}: its file is gone or changed, so its page shows the "
        "records only; keep the inputs where parse read them, or store the text in the dataset",
        f"2 articles and 2 agreements written to {tmp_path / 'site' / 'index.html'}, 1 without text"]
    assert '<mark class="f-party">Pemkab Temanggung</mark>' in (tmp_path / "site" / "articles" / "a.html").read_text()
    assert "The article text is not available" in (tmp_path / "site" / "articles" / "b.html").read_text()


@pytest.mark.parametrize("args,message", [
    (["missing.sqlite"], "Error: missing.sqlite does not exist: create it with: mouextract parse DIR --db missing.sqlite\n"),
])
def test_report_of_a_missing_dataset_is_a_usage_error(runner, tmp_path, args, message):
    os.chdir(tmp_path)
    result = runner.invoke(app, ["report", *args])
    assert (result.exit_code, result.stderr) == (2, message)


# --- in a real browser -------------------------------------------------------------------------

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromedriver are needed: apt-get install chromium chromium-driver")
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, path):
    browser.get(path.as_uri())
    browser.get_log("browser")  # start each test with an empty console


def shown_rows(browser):
    return [r for r in browser.find_elements("css selector", "#agreements tbody tr") if r.is_displayed()]


def bars(browser, chart):
    return {b.get_attribute(f"data-{chart}"): int(b.get_attribute("data-count"))
            for b in browser.find_elements("css selector", f"#chart-{chart} rect.bar")}


def test_index_shows_every_agreement_and_both_charts(browser, site, tmp_path):
    open_page(browser, site / "index.html")
    assert len(shown_rows(browser)) == 4
    assert browser.find_element("id", "shown").text == "4 of 4 shown"
    assert bars(browser, "month") == {"2022-11": 1, "2023-03": 2, "2024-01": 1}
    assert bars(browser, "province") == {"Jawa Tengah": 2, "Sulawesi Tenggara": 1, "Bengkulu": 1}
    browser.save_screenshot(str(tmp_path / "index.png"))
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


@pytest.mark.parametrize("control,value,ids", [
    ("f-year", "2023", ["a1", "a2"]),
    ("f-province", "Sulawesi Tenggara", ["a3"]),
    ("f-type", "nota_kesepahaman", ["a1", "a4"]),
    ("f-institution", "ombudsman", ["a3"]),
])
def test_filters_leave_the_matching_rows_and_redraw_the_charts(browser, site, control, value, ids):
    from selenium.webdriver.support.ui import Select
    open_page(browser, site / "index.html")
    element = browser.find_element("id", control)
    if element.tag_name == "select":
        Select(element).select_by_value(value)
    else:
        element.send_keys(value)
    rows = shown_rows(browser)
    assert sorted(r.find_element("css selector", "a").text.split()[-1] for r in rows) == ids
    assert sum(bars(browser, "province").values()) == len(ids)


def test_clicking_a_header_sorts_by_it_and_again_reverses(browser, site):
    open_page(browser, site / "index.html")
    header = browser.find_element("css selector", "#agreements th:first-child button")
    header.click()
    assert [r.find_element("css selector", "td").text for r in shown_rows(browser)] == [
        "2022-11-02", "2023-03-14", "2023-03-20", "2024-01-12"]
    header.click()
    assert [r.find_element("css selector", "td").text for r in shown_rows(browser)] == [
        "2024-01-12", "2023-03-20", "2023-03-14", "2022-11-02"]


def test_article_page_shows_the_highlighted_text_beside_its_records(browser, site, tmp_path):
    open_page(browser, site / "articles" / "a1.html")
    marks = {m.text for m in browser.find_elements("css selector", ".text mark.f-party")}
    assert marks == {"Pemkab Temanggung", "Kejari Temanggung"}
    text = browser.find_element("css selector", ".text").rect
    records = browser.find_element("css selector", "aside.records").rect
    assert records["x"] >= text["x"] + text["width"] and records["y"] < text["y"] + text["height"]
    assert browser.find_element("css selector", "#agreement-1 caption").text == "Agreement 1"
    browser.save_screenshot(str(tmp_path / "article.png"))


def test_links_lead_from_the_index_to_the_article_and_back(browser, site):
    open_page(browser, site / "index.html")
    browser.find_element("link text", "Berita a3").click()
    assert browser.current_url.endswith("/articles/a3.html#agreement-1")
    browser.find_element("link text", "← all agreements").click()
    assert browser.current_url.endswith("/index.html")
