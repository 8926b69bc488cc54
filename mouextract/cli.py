"""The command line: thin `*_cli` wrappers over plain library functions (spaCy's habit).

Data goes to stdout, messages to stderr. Exit codes: 0 when every input was read, 1 when some
were skipped (the rest is still written), 2 for usage errors.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .db import Database, export
from .errors import ExtractionFailed, InputError, MouextractError, UsageError
from .readers import DEFAULT_MAX_BYTES, DUMP_SUFFIXES, expand_paths, iter_articles
from .writers import LONG_COLUMNS, LongTables, atomic_output, check_table_folder, writer_for

try:
    from .parallel import map_extract
except ModuleNotFoundError as e:  # until the parallel module lands: extract in this process
    if e.name != "mouextract.parallel":
        raise
    from .api import extract

    def map_extract(items, *, jobs=1, fast=False, engine="local", scheduler=None):
        for text, meta in items:
            try:
                yield extract(text, meta, fast=fast)
            except Exception as exc:  # one bad article must not stop the batch
                yield {"article": dict(meta or {}), "error": f"{type(exc).__name__}: {exc}"}


class Format(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


app = typer.Typer(
    rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False, no_args_is_help=True,
    help="Turn Indonesian news about cooperation agreements (MoU, nota kesepakatan, PKS) into "
         "structured records: one per reported signing.",
    epilog="\b\nExample:\n  mouextract parse articles/ --format jsonl --output records.jsonl")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mouextract {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Show the version and exit.")) -> None:
    pass


def say(message: str) -> None:
    typer.echo(message, err=True)


def fail(error: MouextractError) -> typer.Exit:
    """One line on stderr for a library error; 2 for usage errors, 1 for the rest."""
    say(f"Error: {error}")
    return typer.Exit(2 if isinstance(error, UsageError) else 1)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- parse -------------------------------------------------------------------------------------

@dataclass
class Summary:
    read: int = 0
    records: int = 0
    present: int = 0
    skipped: list[MouextractError] = field(default_factory=list)
    written: int = 0  # articles whose results went to the outputs
    added: int = 0    # of which new to the database

    def line(self, with_db: bool = False) -> str:
        parts = [f"{plural(self.read, 'article')} read", f"{plural(self.records, 'record')} found"]
        if with_db:
            parts.append(f"{self.present} already present")
        skipped = f"{len(self.skipped)} skipped"
        if self.skipped:
            reasons = Counter(e.reason for e in self.skipped)
            skipped += " (" + ", ".join(f"{n} {reason}" for reason, n in reasons.items()) + ")"
        return ", ".join(parts + [skipped])


def interrupted_line(summary: Summary, output: str | None, long_dir: str | None, db_path: str | None) -> str:
    """What a run stopped by Ctrl-C wrote, what it did not, and how to resume, in one line."""
    done = []
    if db_path:
        done.append(f"{plural(summary.added, 'article')} added to {db_path}")
    if output == "-":
        done.append(f"the records of {plural(summary.written, 'article')} written to stdout")
    elif output:
        done.append(f"{output} not written (a file is written only when the run completes)")
    if long_dir:
        done.append(f"the tables in {long_dir} not written")
    if db_path:
        resume = f"run the same command again for the rest: articles already in {db_path} are skipped"
    else:
        resume = "run the command again (with --db FILE.sqlite, a stopped run can go on where it stopped)"
    return f"Interrupted: {', '.join(done)}; {resume}."


def parse(paths: list[str], *, fmt: str = "yaml", output: str | None = "-", long_dir: str | None = None,
          db_path: str | None = None, published: str | None = None, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = 1, fast: bool = False,
          engine: str = "local", scheduler: str | None = None, with_text: bool = False,
          excel: bool = False, stdin=None, report: Callable[[str], None] = say,
          tick: Callable[[], None] = lambda: None, summary: Summary | None = None) -> Summary:
    """Extract every article in PATHS into OUTPUT (None: no stream), LONG_DIR tables and DB_PATH.

    Articles already in the database (same text) are not extracted again: their stored records
    are written to OUTPUT and LONG_DIR in their place. The run's own output files are never
    read as input. SUMMARY, if given, is filled as the run goes (the counts of a run stopped by
    Ctrl-C).
    """
    summary = summary if summary is not None else Summary()

    def skip(error: MouextractError) -> None:
        summary.skipped.append(error)
        report(f"Skipped: {error}")

    def counted(items: Iterable) -> Iterator:
        for item in items:
            summary.read += 1
            yield item

    # Files of one article are read by the workers that extract them, unless this process needs
    # their text (the database keys on it; --with-text writes it) or the workers are dask's
    unread = engine == "local" and db_path is None and not with_text
    items = counted(iter_articles(paths, encoding=encoding, max_bytes=max_bytes, published=published,
                                  stdin=stdin, on_skip=skip, exclude=own_outputs(output, long_dir, db_path),
                                  unread=unread))
    with ExitStack() as stack:
        sinks = []
        if long_dir:
            sinks.append(stack.enter_context(LongTables(long_dir, with_text=with_text, excel=excel)))
        db = stack.enter_context(Database(db_path)) if db_path else None
        if output is not None and fmt == "xlsx":
            from .xlsx import XlsxWorkbook
            sinks.insert(0, XlsxWorkbook(output, with_text=with_text))
        elif output is not None:
            stream = stack.enter_context(atomic_output(output, newline="" if fmt == "csv" else None))
            sinks.insert(0, writer_for(fmt, stream, with_text=with_text, excel=excel))

        def extract_all(pairs: Iterable) -> Iterator[dict]:
            return map_extract(pairs, jobs=jobs, fast=fast, engine=engine, scheduler=scheduler)

        stored_before = db.article_count() if db is not None else 0
        try:
            for result, text in _in_input_order(items, db, summary, extract_all):
                tick()
                if "unread" in result:   # a file a worker could not read: as if read here
                    summary.read -= 1
                    if not isinstance(result["unread"], InputError):
                        raise result["unread"]
                    skip(result["unread"])
                    continue
                if "error" in result:
                    skip(ExtractionFailed(result["article"].get("path") or "<input>", result["error"]))
                    continue
                for sink in sinks:
                    sink.write(result, text)
                if db is not None:
                    summary.added += db.add(result, text)
                summary.written += 1
        except KeyboardInterrupt:
            # Ctrl-C may land between an article's commit and the count: the database says
            # how many this run added
            if db is not None:
                summary.added = db.article_count() - stored_before
            raise
        for sink in sinks:
            sink.close()
    return summary


def own_outputs(output: str | None, long_dir: str | None, db_path: str | None) -> list[Path]:
    """The files this run writes, which it must not read back as input."""
    files = [Path(p) for p in (output, db_path) if p and p != "-"]
    if long_dir:
        files += [Path(long_dir) / f"{table}.csv" for table in LONG_COLUMNS]
    return files


def _in_input_order(items: Iterable, db: Database | None, summary: Summary, extract_all) -> Iterator[tuple[dict, str]]:
    """(result, text) for each item, in input order. With a database, an article whose text is
    stored (or came earlier in this run) is not extracted again: its stored result is given in
    its place, under this input's path and id."""
    from .api import article_info
    waiting: deque[tuple[str | None, str, dict]] = deque()  # (sha256 if stored, text, meta)
    seen: set[str] = set()

    def new_items() -> Iterator:
        for item in items:
            if db is None:   # the item may be a file not read yet (readers.FileArticle): no text here
                waiting.append((None, item[0] if isinstance(item, tuple) else None, None))
                yield item
                continue
            text, meta = item
            sha = article_info(text, meta)["sha256"]
            if sha in seen or db.path_of(sha) is not None:
                summary.present += 1
                waiting.append((sha, text, meta))
                continue
            seen.add(sha)
            waiting.append((None, text, meta))
            yield text, meta

    def stored() -> Iterator[tuple[dict, str]]:
        # the stored articles queued before the next extracted one; an earlier copy in this run
        # has been added to the database by then (the caller adds each result before the next)
        while waiting and waiting[0][0] is not None:
            sha, text, meta = waiting.popleft()
            result = db.result_of(sha)
            if result is not None:  # None: the earlier copy failed, and was reported
                result["article"].update({k: article_info(text, meta)[k] for k in ("path", "id")})
                yield result, text

    for result in extract_all(new_items()):
        yield from stored()
        _, text, _ = waiting.popleft()
        summary.records += len(result.get("agreements") or [])
        yield result, text
    yield from stored()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _check_writable(target: str | None, what: str, fmt: str | None = None) -> None:
    if fmt == "xlsx" and target == "-" and stdout_is_terminal():
        raise UsageError("xlsx is a binary format and is not written to a terminal: "
                         "give --output FILE.xlsx or redirect stdout to a file")
    if target and target != "-" and not Path(target).parent.is_dir():
        raise UsageError(f"{what} {target}: the folder {Path(target).parent} does not exist: create it first")


def _progress(paths: list[str], enabled: bool, exclude: list[Path]):
    """A rich progress bar on stderr, only for a terminal; yields (tick, report).

    Its total is the number of files when each holds one article; dumps leave it open.
    """
    if not enabled:
        return nullcontext((lambda: None, say))
    files = expand_paths(paths, on_skip=lambda error: None, exclude=exclude)
    total = None if any(Path(f).suffix.lower() in DUMP_SUFFIXES for f in files) else len(files)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
    from rich.text import Text

    class Bar:
        def __enter__(self):
            self.progress = Progress(SpinnerColumn(), TextColumn("articles"), BarColumn(), MofNCompleteColumn(),
                                     console=Console(stderr=True), transient=True)
            self.progress.start()
            task = self.progress.add_task("parse", total=total)
            return (lambda: self.progress.advance(task),
                    lambda msg: self.progress.console.print(Text(msg), soft_wrap=True))

        def __exit__(self, *exc):
            self.progress.stop()

    return Bar()


SUFFIX_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".csv": "csv",
                  ".xlsx": "xlsx"}

PARSE_EPILOG = """\b
Example:
  mouextract parse corpus/ --format jsonl > records.jsonl
  mouextract parse new-articles/ --db agreements.sqlite --long tables/"""


@app.command("parse", epilog=PARSE_EPILOG)
def parse_cli(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Files, folders (walked for *.txt, *.html, *.htm, *.pdf, *.docx, *.jsonl, *.csv) or - for stdin."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: yaml, or from the --output suffix]."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Output file, - for stdout [default: stdout unless --db or --long is given]."),
    long: Optional[str] = typer.Option(None, "--long", metavar="DIR", help="Also write tidy tables agreements/parties/signatories/witnesses/scope.csv into DIR."),
    db: Optional[str] = typer.Option(None, "--db", metavar="FILE.sqlite", help="Add the records to this SQLite dataset; articles already in it are skipped."),
    published: Optional[str] = typer.Option(None, "--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that do not give one."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="ENC", help="Encoding of the inputs [default: UTF-8, else detected]."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, metavar="N", help="Skip files larger than this."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="Worker processes [default: 0, one per core]; 1 runs in this process."),
    fast: bool = typer.Option(False, "--fast", help="Rules only, without the statistical NER model."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="Where the workers run."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)."),
    with_text: bool = typer.Option(False, "--with-text", help="Also write each article's text, which the spans index into (article.text; a text column in CSV)."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheets: a UTF-8 byte-order mark, ids and region codes kept as text."),
) -> None:
    """Extract one record per reported signing from news articles.

    YAML and JSON give one document per article, JSONL one line per article (what the
    project's scorer reads), CSV one row per agreement with list fields joined by " | ",
    XLSX one sheet per table (agreements, parties, signatories, witnesses, scope).
    """
    fmt = format.value if format else SUFFIX_FORMATS.get(Path(output or "").suffix.lower(), "yaml")
    if output is None and (db is None and long is None or format is not None):
        output = "-"
    try:
        _check_writable(output, "cannot write", fmt)
        if long:
            check_table_folder(long)
        if excel and fmt != "csv" and output is not None:
            raise UsageError(f"--excel applies to CSV output, not {fmt}: add --format csv or drop --excel")
        summary = Summary()
        with _progress(paths, sys.stderr.isatty(), own_outputs(output, long, db)) as (tick, report):
            parse(paths, fmt=fmt, output=output, long_dir=long, db_path=db, published=published,
                  encoding=encoding, max_bytes=max_bytes, jobs=jobs or None, fast=fast,
                  engine=engine.value, scheduler=scheduler, with_text=with_text, excel=excel,
                  stdin=typer.get_binary_stream("stdin"), report=report, tick=tick, summary=summary)
    except MouextractError as error:
        raise fail(error) from None
    except KeyboardInterrupt:  # the outputs are closed by now: a file discarded, the database kept
        say(interrupted_line(summary, output, long, db))
        raise typer.Exit(130) from None  # 128 + SIGINT, as shells report it
    say(summary.line(with_db=db is not None))
    raise typer.Exit(1 if summary.skipped else 0)


# --- export, evaluate, show ----------------------------------------------------------------------

EXPORT_EPILOG = """\b
Example:
  mouextract export agreements.sqlite --format csv --output agreements.csv
  mouextract export agreements.sqlite --signings --format csv --output signings.csv"""


@app.command("export", epilog=EXPORT_EPILOG)
def export_cli(
    db: str = typer.Argument(..., metavar="DB.sqlite", help="A dataset written by mouextract parse --db."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: yaml, or from the --output suffix]."),
    output: str = typer.Option("-", "--output", "-o", metavar="FILE", help="Output file, - for stdout."),
    signings: bool = typer.Option(False, "--signings", help="One merged record per signing instead of one result per article."),
    with_text: bool = typer.Option(False, "--with-text", help="Also write each article's text, which the spans index into."),
    excel: bool = typer.Option(False, "--excel", help="CSV for spreadsheets: a UTF-8 byte-order mark, ids and region codes kept as text."),
) -> None:
    """Write the records stored in a dataset file, as parse would have written them."""
    fmt = format.value if format else SUFFIX_FORMATS.get(Path(output).suffix.lower(), "yaml")
    try:
        _check_writable(output, "cannot write", fmt)
        n = export(db, fmt, output, signings=signings, with_text=with_text, excel=excel)
    except MouextractError as error:
        raise fail(error) from None
    say(f"{plural(n, 'signing' if signings else 'article')} exported")


SIGNINGS_EPILOG = """\b
Example:
  mouextract parse articles/ --format jsonl --output results.jsonl
  mouextract signings results.jsonl --format csv --output signings.csv"""


@app.command("signings", epilog=SIGNINGS_EPILOG)
def signings_cli(
    paths: list[str] = typer.Argument(..., metavar="PRED.jsonl", help="Article results from parse --format jsonl, - for stdin."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format [default: yaml, or from the --output suffix]."),
    output: str = typer.Option("-", "--output", "-o", metavar="FILE", help="Output file, - for stdout."),
) -> None:
    """One merged record per signing: the reports of several articles about one signing linked.

    The same linking as parse --db, without a database; see the README for the rule.
    """
    from .signings_io import signings_from_jsonl
    fmt = format.value if format else SUFFIX_FORMATS.get(Path(output).suffix.lower(), "yaml")
    try:
        _check_writable(output, "cannot write", fmt)
        summary = signings_from_jsonl(paths, fmt, output, stdin=typer.get_text_stream("stdin"), report=say)
    except MouextractError as error:
        raise fail(error) from None
    say(summary.line())
    raise typer.Exit(1 if summary.skipped else 0)


@app.command("evaluate", epilog="\b\nExample:\n  mouextract parse corpus/dev --format jsonl > pred.jsonl\n  mouextract evaluate corpus/dev pred.jsonl --verbose")
def evaluate_cli(
    gold_dir: str = typer.Argument(..., metavar="GOLD_DIR", help="Folder of NNN.txt articles with NNN.gold.yaml records."),
    pred: Optional[str] = typer.Argument(None, metavar="[PRED]", help="Predictions as JSONL (- for stdin) [default: parse GOLD_DIR/*.txt now]."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss, article by article."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
    fast: bool = typer.Option(False, "--fast", help="When parsing now: rules only, without the NER model."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="When parsing now: worker processes; 0 for one per core."),
) -> None:
    """Per-field precision, recall and F1 against gold records (the project scorer's metric)."""
    from .evaluate import HEADLINE_FIELDS, evaluate, read_predictions
    skipped: list[MouextractError] = []

    def skip(error: MouextractError) -> None:
        skipped.append(error)
        say(f"Skipped: {error}")

    try:
        if not Path(gold_dir).is_dir():
            raise UsageError(f"{gold_dir} is not a folder: give the folder holding the *.gold.yaml files")
        if pred is None:
            items = iter_articles(sorted(str(p) for p in Path(gold_dir).glob("*.txt")), on_skip=skip)
            predictions = list(map_extract(items, jobs=jobs or None, fast=fast, engine="local", scheduler=None))
        elif pred == "-":
            predictions = read_predictions(typer.get_text_stream("stdin"), "<stdin>", skip)
        elif not Path(pred).is_file():
            raise UsageError(f"{pred} does not exist: give the JSONL file written by mouextract parse --format jsonl")
        else:
            with open(pred, encoding="utf-8") as lines:
                predictions = read_predictions(lines, pred, skip)
        report = evaluate(gold_dir, predictions)
    except MouextractError as error:
        raise fail(error) from None
    if verbose:
        for key, misses in report.misses:
            for miss in misses:
                typer.echo(f"{key}: {miss}", err=as_json)
    scores = report.scores()
    if as_json:
        typer.echo(json.dumps(scores))
    else:
        _print_scores(scores, HEADLINE_FIELDS)
    raise typer.Exit(1 if skipped else 0)


def _print_scores(scores: dict, headline_fields: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table
    table = Table(title="mouextract evaluate", title_justify="left")
    for column in ("field", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, s in scores.items():
        if name != "headline_f1":
            marker = " *" if name in headline_fields else ""
            table.add_row(name + marker, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f']:.3f}")
    table.add_row("headline (mean F1 of *)", "", "", f"{scores['headline_f1']:.3f}", style="bold")
    Console(file=sys.stdout).print(table)


@app.command("show", epilog="\b\nExample:\n  mouextract show samples/001-temanggung-kejari.txt --explain")
def show_cli(
    file: str = typer.Argument(..., metavar="FILE", help="An article (text or HTML), a dump, or - for stdin."),
    fast: bool = typer.Option(False, "--fast", help="Rules only, without the statistical NER model."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="ENC", help="Encoding of the input [default: UTF-8, else detected]."),
    published: Optional[str] = typer.Option(None, "--published", metavar="DATE", help="Publication date (YYYY-MM-DD) if the input gives none."),
    explain: bool = typer.Option(False, "--explain", help="For each field, the rule that filled it and the text it read."),
) -> None:
    """Show an article with every extracted span highlighted and labelled, and its records."""
    from rich.console import Console

    from .show import show
    try:
        show(file, Console(file=sys.stdout, soft_wrap=False), fast=fast, encoding=encoding,
             published=published, stdin=typer.get_binary_stream("stdin"), explain=explain)
    except MouextractError as error:
        raise fail(error) from None


@app.command("report", epilog="\b\nExample:\n  mouextract report agreements.sqlite -o report/\n  xdg-open report/index.html")
def report_cli(
    db: str = typer.Argument(..., metavar="DATASET.sqlite", help="A dataset written by mouextract parse --db."),
    output: str = typer.Option("report", "--output", "-o", metavar="DIR", help="Folder to write the site into."),
) -> None:
    """Write a static review site: agreements to sort and filter, charts, a page per article.

    Open DIR/index.html in a browser; it needs no server and no network.
    """
    from .report import write_report
    try:
        if Path(output).exists() and not Path(output).is_dir():
            raise UsageError(f"{output} is a file: give a folder for the report, e.g. -o report/")
        summary = write_report(db, output, report=lambda message: say(f"Skipped: {message}"))
    except MouextractError as error:
        raise fail(error) from None
    say(f"{plural(summary.articles, 'article')} and {plural(summary.agreements, 'agreement')} written to "
        f"{Path(output) / 'index.html'}" + (f", {len(summary.without_text)} without text" if summary.without_text else ""))
    raise typer.Exit(1 if summary.without_text else 0)


def main() -> None:
    app(prog_name="mouextract")


if __name__ == "__main__":
    main()
