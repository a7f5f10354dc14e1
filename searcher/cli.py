"""CLI: the ``searcher`` command, a thin click layer over the library.

The only module that imports click. Each verb checks its input, builds the
library's options (``searcher.options``), calls the library, hands the plain
data it returns to the output writer chosen once for the command
(``searcher.output``), and maps the outcome to an exit status: 0 success
(search: at least one hit), 1 nothing found, 2 error, 130/143 stopped (see
``searcher.stopping``). Errors are one line on stderr saying what to do; never
a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import click

from searcher import output, stopping
from searcher.errors import SearcherError
from searcher.options import FACETS, SORTS, Filters, Page

if TYPE_CHECKING:
    from searcher.results import Results

EXIT_OK, EXIT_NONE, EXIT_ERROR = 0, 1, 2


def _guard(fn: Callable) -> Callable:
    """Run a verb: errors become one line and exit 2; a closed pipe ends quietly."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        writing = stopping.writes([click.get_current_context().info_name or ""])
        try:
            code = fn(*args, **kwargs) or EXIT_OK
        except click.ClickException:
            raise  # usage errors: reported by the group, one line
        except SearcherError as e:
            output.error(str(e))
            code = EXIT_ERROR
        except BrokenPipeError:
            _quiet_pipe()
            code = EXIT_OK
        except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM (stopping.Terminated)
            output.error(stopping.message(writing, e))
            code = stopping.status(e)
        except Exception as e:  # a bug: still one line, the traceback on request
            if stopping.by_ctrl_c(e):  # Ctrl-C that Python wrapped in another exception
                output.error(stopping.message(writing, e))
                code = stopping.status(e)
            elif os.environ.get("SEARCHER_DEBUG"):
                raise
            else:
                output.error(
                    f"internal error: {type(e).__name__}: {e} (set SEARCHER_DEBUG=1 for details)"
                )
                code = EXIT_ERROR
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_pipe()
        sys.exit(code)

    return wrapper


def _quiet_pipe() -> None:
    # Python would complain again when it flushes stdout at exit.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


index_option = click.option(
    "-i",
    "--index",
    "index_path",
    metavar="DIR",
    envvar="SEARCHER_INDEX",
    default=os.path.join("index", "articles"),
    show_default=True,
    help="Index folder (DIR@NAME: its snapshot NAME), or solr://HOST:PORT/COLLECTION"
    " (default from SEARCHER_INDEX).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Output JSON instead of text.")
color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour and terminal layout: auto uses them on a terminal unless NO_COLOR is set.",
)


filter_options = [
    click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day."),
    click.option(
        "--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day."
    ),
    click.option(
        "--source",
        metavar="PATTERN",
        help="Only articles whose source contains PATTERN, or matches it as a glob"
        " if it has * ? or [ (any case).",
    ),
]
sort_option = click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="score",
    show_default=True,
    help="Order: best first, oldest first (date) or newest first (-date).",
)


def limit_option(default: int, what: str):
    return click.option(
        "-n",
        "--limit",
        metavar="N",
        default=default,
        show_default=True,
        type=click.IntRange(min=0),
        help=f"Show at most N {what} (0: all).",
    )


def _with(options: list) -> Callable[[Callable], Callable]:
    """Apply click options in the order listed (as --help shows them)."""

    def apply(fn: Callable) -> Callable:
        for option in reversed(options):
            fn = option(fn)
        return fn

    return apply


class _Interrupted(Exception):
    """Ctrl-C while click parses the command line (click's own handler adds a blank line)."""


class _Group(click.Group):
    """click's group, with its usage errors and Ctrl-C made one line like every other error."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as e:
            raise _Interrupted from e

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as e:
            raise _Interrupted from e

    def main(self, args=None, prog_name=None, **extra):
        extra["standalone_mode"] = False
        writing = stopping.writes(args if args is not None else sys.argv[1:])
        try:
            rv = super().main(args, prog_name or "searcher", **extra)
        except _Interrupted as e:
            output.error(stopping.message(writing, e))
            sys.exit(stopping.status(e))
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx else "searcher"
            output.error(f"{e.format_message()} (see '{where} --help')")
            sys.exit(EXIT_ERROR)
        except click.ClickException as e:
            output.error(e.format_message())
            sys.exit(e.exit_code)
        except click.Abort as e:  # Ctrl-C in the moment before make_context
            output.error(stopping.message(writing, e))
            sys.exit(stopping.status(e))
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group("searcher", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="searcher")
def main() -> None:
    """Full-text search for Chinese newspaper archives.

    Build an index with 'searcher index SOURCES', then 'searcher search QUERY'.
    """


def _layout_option(name: str, metavar: str, what: str) -> Callable:
    """An option of `index` for the layout of a SolrCloud collection it creates."""
    return click.option(
        name,
        metavar=metavar,
        type=click.IntRange(min=1),
        help=f"SolrCloud only (-i solr://...), for a collection this build creates (--rebuild,"
        f" or the first build): {what}.",
    )


@main.command("index")
@click.argument("sources", nargs=-1, type=click.Path(path_type=str))
@index_option
@json_option
@click.option("--no-wait", is_flag=True, help="Exit 2 at once if another index build is running.")
@click.option("--rebuild", is_flag=True, help="Start from scratch instead of updating.")
@click.option(
    "--userdict",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="A jieba user dictionary (word [freq] [tag] per line), kept with the index.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first bad source and leave the index as it was (exit 2).",
)
@_layout_option(
    "--shards", "N", "split it into N shards (default: as the one in force, else one per live node)"
)
@_layout_option(
    "--replicas", "R", "keep R copies of each shard (default: as the one in force, else 1)"
)
@_guard
def index_cmd(
    sources: tuple[str, ...],
    index_path: str,
    as_json: bool,
    no_wait: bool,
    rebuild: bool,
    userdict: str | None,
    strict: bool,
    shards: int | None,
    replicas: int | None,
) -> int:
    """Bring the index up to date with SOURCES (files or folders).

    Reads .txt newspaper pages and .jsonl/.json/.jsonl.gz article files. Only new
    and changed files are read again; articles of files that are gone are removed.
    Without SOURCES, the index's own sources are used (seeds/ for a new index).
    The new index replaces the old one only when it is complete: a failed or
    interrupted update leaves the previous index searchable.

    Each bad source is reported on stderr as 'path:line: reason' and skipped;
    the good articles beside it are indexed and the exit status is 2. With
    --strict the first one stops the build and the index is not changed.
    """
    from searcher import engine, indexer
    from searcher.errors import BadSource

    def waiting() -> None:
        click.echo(
            f"waiting for another 'searcher index' to finish with {engine.shown(index_path)} ...",
            err=True,
        )

    layout = _layout(index_path, shards, replicas)
    try:
        with _progress_bar(as_json) as progress:
            report = indexer.build(
                sources or None,
                index_path,
                rebuild=rebuild,
                userdict=userdict,
                progress=progress,
                wait=not no_wait,
                on_wait=waiting,
                on_problem=output.problem,
                on_notice=output.note,
                strict=strict,
                **layout,
            )
    except BadSource:  # the problem itself was printed as it was met
        output.error("stopped at the first bad source (--strict); the index was not changed")
        return EXIT_ERROR
    # The build is complete and in force: Ctrl-C from here on would only stop the report.
    stopping.ignore_from_now()
    output.writer(as_json).build_report(report)
    return EXIT_ERROR if report.problems else EXIT_OK


def _layout(index_path: str, shards: int | None, replicas: int | None) -> dict:
    """The layout options of `index`, given for a SolrCloud collection only."""
    from searcher import engine

    layout = {k: v for k, v in (("shards", shards), ("replicas", replicas)) if v}
    if layout and not engine.is_remote(index_path):
        raise click.UsageError(
            "--shards and --replicas apply to a SolrCloud collection (-i solr://...) only"
        )
    return layout


def _progress_bar(as_json: bool):
    """A progress bar on a terminal (stderr), else nothing."""
    if sys.stderr.isatty() and not as_json:
        from searcher.output.terminal import progress_bar

        return progress_bar(sys.stderr)
    return contextlib.nullcontext(None)


def _decodable(arg: str) -> bool:
    """False if Python kept undecodable command-line bytes as lone surrogates."""
    try:
        arg.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


class _QueryCommand(click.Command):
    """A command whose QUERY may start with '-' (`searcher search -锦州 鞍山`).

    click would read `-cctv` as the flags -c -c and ignore the rest, or `-qq` as
    -q twice. Here a word is an option only when it is one of the command's
    options exactly, distinct flags run together (`-cq`), or a short option
    with its value attached (`-n5`); any other word starting with '-' is query
    text, as if it followed '--'.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        flags: set[str] = set()
        valued: set[str] = set()
        for p in self.get_params(ctx):
            if isinstance(p, click.Option):
                (flags if p.is_flag or p.count else valued).update(p.opts + p.secondary_opts)
        options: list[str] = []
        words: list[str] = []
        rest = iter(args)
        for a in rest:
            if a == "--":
                words.extend(rest)
                break
            takes_value = a in valued
            if a.startswith("--") or a in flags or takes_value:
                options.append(a)
            elif a.startswith("-") and len(a) > 1 and (kind := _short_options(a, flags, valued)):
                options.append(a)
                takes_value = kind == "value next"
            else:
                words.append(a)
                continue
            if takes_value:
                value = next(rest, None)
                if value is None:
                    raise click.UsageError(f"option {a} needs a value", ctx=ctx)
                options.append(value)
        return super().parse_args(ctx, [*options, "--", *words])


def _short_options(word: str, flags: set[str], valued: set[str]) -> str:
    """How `word` reads as short options: "options", "value next", or "" (it is query text)."""
    seen: set[str] = set()
    for i, ch in enumerate(word[1:], 1):
        opt = "-" + ch
        if opt in valued:
            return "value next" if i == len(word) - 1 else "options"  # -n5: value attached
        if opt not in flags or opt in seen:
            return ""
        seen.add(opt)
    return "options"


def _results_options(fn: Callable) -> Callable:
    """The options `search` and `similar` share: which hits, in what order, and the output."""
    options = [
        index_option,
        limit_option(10, "hits"),
        click.option(
            "--offset",
            metavar="N",
            default=0,
            type=click.IntRange(min=0),
            help="Skip the first N hits (for paging).",
        ),
        *filter_options,
        sort_option,
        click.option(
            "--facet",
            "facets",
            multiple=True,
            type=click.Choice(tuple(FACETS)),
            help="Also count the matching articles per month, source, ... (repeatable).",
        ),
        click.option(
            "-c", "--count", is_flag=True, help="Print only the number of matching articles."
        ),
        click.option(
            "-l", "--ids-only", is_flag=True, help="Print only the hits' ids, one per line."
        ),
        click.option("-q", "--quiet", is_flag=True, help="Print nothing: exit status only."),
        json_option,
        color_option,
    ]
    return _with(options)(fn)


@dataclass(frozen=True)
class _Request:
    """What a search or similar was asked for: the library's options and the output."""

    filters: Filters
    asked: Page  # as the options say
    page: Page  # what is fetched for the mode (one hit for a count)
    mode: str  # "hits", "count", "ids" or "quiet"
    writer: output.Writer

    @classmethod
    def of(cls, opts: dict) -> _Request:
        count, ids_only, quiet = opts["count"], opts["ids_only"], opts["quiet"]
        if count + ids_only + quiet > 1:
            raise click.UsageError("use only one of -c/--count, -l/--ids-only and -q/--quiet")
        mode = "count" if count else "ids" if ids_only else "quiet" if quiet else "hits"
        if mode in ("ids", "quiet"):
            flag = "-l/--ids-only" if mode == "ids" else "-q/--quiet"
            for given, name in ((opts["as_json"], "--json"), (opts["facets"], "--facet")):
                if given:
                    raise click.UsageError(f"{name} cannot be used with {flag}")
        filters = Filters(since=opts["since"], until=opts["until"], source=opts["source"])
        writer = output.writer(opts["as_json"], opts["color"])
        asked = page = Page(
            limit=opts["limit"] or None,
            offset=opts["offset"],
            sort=opts["sort"],
            facets=tuple(opts["facets"]),
            max_cells=max(40, writer.width - 6) if hasattr(writer, "width") else 120,
        )
        if mode in ("count", "quiet"):  # only the total is shown: load one hit, not the page
            page = replace(page, limit=1, offset=0, snippets=False)
        elif mode == "ids":
            page = replace(page, snippets=False, facets=())
        return cls(filters, asked, page, mode, writer)

    def run(self, fn: Callable[..., Results]) -> Results:
        """Call fn (ix.search or ix.similar, with its query) and fit the answer to the mode."""
        results = fn(self.filters, self.page)
        if self.mode in ("count", "quiet"):
            return replace(results, hits=[], offset=self.asked.offset, limit=self.asked.limit)
        return results

    def show(self, results: Results, batch: bool = False) -> None:
        if self.mode != "quiet":
            self.writer.results(results, mode=self.mode, batch=batch)


@main.command("search", cls=_QueryCommand)
@click.argument("query", nargs=-1)
@_results_options
@click.option(
    "--batch",
    "batch",
    metavar="FILE",
    type=click.File("r", encoding="utf-8"),
    help="Run one query per line of FILE ('-' for stdin).",
)
@_guard
def search_cmd(query: tuple[str, ...], index_path: str, batch, **opts) -> int:
    """Search the index for QUERY.

    \b
    Syntax: words separated by spaces must all match;
      a OR b, NOT a, -a, (a OR b) c, "exact phrase" or “exact phrase”,
      title:word, body:"phrase".
    Terms match inside words, so * and ? add nothing (经济* is 经济).
    A Chinese string finds every article containing it exactly (first), then
    articles holding its words apart. Exit status: 0 found, 1 none, 2 error.
    """
    from searcher.index import open_index

    req = _Request.of(opts)
    if bool(query) == (batch is not None):
        raise click.UsageError("give a QUERY or --batch FILE (not both)")
    try:
        queries = [" ".join(query)] if batch is None else [q.strip() for q in batch if q.strip()]
    except UnicodeDecodeError as e:
        raise click.BadParameter(
            f"{batch.name} is not UTF-8 text ({e.reason})", param_hint="'--batch'"
        ) from None
    if batch is None and not _decodable(queries[0]):
        raise click.BadParameter(
            "the query is not text in the terminal's encoding (set it to UTF-8)",
            param_hint="QUERY",
        )
    found = failed = 0
    with open_index(index_path) as ix:
        for q in queries:
            try:
                results = req.run(functools.partial(ix.search, q))
            except SearcherError as e:
                if batch is None:
                    raise
                output.error(f"query {q!r}: {e}")
                failed += 1
                continue
            found += bool(results.total)
            req.show(results, batch is not None)
    if failed:
        return EXIT_ERROR
    return EXIT_OK if found else EXIT_NONE


@main.command("similar")
@click.argument("article_id", metavar="ID")
@_results_options
@_guard
def similar_cmd(article_id: str, index_path: str, **opts) -> int:
    """Articles most like the article ID (which is left out).

    Ranks articles by the key terms of ID's title and body (the words with the
    highest tf-idf), highlighted in the snippets. Exit status: 0 found, 1 none,
    2 error (an unknown ID too).
    """
    from searcher.index import open_index

    req = _Request.of(opts)
    with open_index(index_path) as ix:
        results = req.run(functools.partial(ix.similar, article_id))
    req.show(results)
    return EXIT_OK if results.total else EXIT_NONE


@main.command("show")
@click.argument("article_ids", metavar="ID...", nargs=-1, required=True)
@index_option
@click.option("--query", "query_text", metavar="QUERY", help="Highlight this query's matches.")
@json_option
@color_option
@_guard
def show_cmd(
    article_ids: tuple[str, ...],
    index_path: str,
    query_text: str | None,
    as_json: bool,
    color: str,
) -> int:
    """Print the whole article of each ID (`searcher search -l QUERY | xargs searcher show`).

    Exit status: 0 all shown, 1 some ID not found (the others are shown), 2 error.
    """
    from searcher.errors import ArticleNotFound
    from searcher.index import open_index

    writer = output.writer(as_json, color)
    missing = shown = 0
    with open_index(index_path) as ix:
        for article_id in article_ids:
            try:
                art = ix.article(article_id, query_text=query_text)
            except ArticleNotFound as e:
                output.error(str(e))
                missing += 1
                continue
            writer.article(art, first=not shown)
            shown += 1
    return EXIT_NONE if missing else EXIT_OK


@main.command("info")
@index_option
@json_option
@color_option
@_guard
def info_cmd(index_path: str, as_json: bool, color: str) -> int:
    """Print the index's path, article count, sources and date range."""
    from searcher.index import open_index

    with open_index(index_path) as ix:
        info = ix.info()
    output.writer(as_json, color).info(info)
    return EXIT_OK


# -- research views -------------------------------------------------------------------


def _query_text(words: tuple[str, ...]) -> str:
    text = " ".join(words)
    if not _decodable(text):
        raise click.BadParameter(
            "the query is not text in the terminal's encoding (set it to UTF-8)",
            param_hint="QUERY",
        )
    return text


def _filters(opts: dict) -> Filters:
    return Filters(since=opts.pop("since"), until=opts.pop("until"), source=opts.pop("source"))


@main.command("trend", cls=_QueryCommand)
@click.argument("queries", metavar="QUERY...", nargs=-1, required=True)
@index_option
@_with(filter_options)
@click.option(
    "--by",
    type=click.Choice(["year", "month", "day"]),
    help="Period (default: day up to 3 months of dates, month up to 6 years, else year).",
)
@click.option(
    "--per",
    type=click.Choice(["articles", "chars", "none"]),
    default="articles",
    show_default=True,
    help="Rate per 10,000 articles of the period, per million characters, or raw counts.",
)
@click.option(
    "--smooth",
    metavar="N",
    type=click.IntRange(min=1),
    default=1,
    help="Centred moving average over N periods.",
)
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Output CSV (UTF-8 with BOM) instead of text.")
@click.option("--plot", metavar="FILE", help="Also draw the trend into FILE (.png or .svg).")
@color_option
@_guard
def trend_cmd(queries: tuple[str, ...], index_path: str, **opts) -> int:
    """How many articles match each QUERY, period by period, side by side.

    Each QUERY is one argument (quote one with spaces), every string in it taken
    exactly, as if quoted; operators, fields and NEAR work as in search. Rates
    use the articles (or characters) of each period after the same filters;
    a period without articles is a gap. Exit status: 0 something counted,
    1 nothing, 2 error.
    """
    from searcher.index import open_index

    if opts["as_json"] and opts["as_csv"]:
        raise click.UsageError("use only one of --json and --csv")
    filters = _filters(opts)
    with open_index(index_path) as ix:
        result = ix.trend(
            [_query_text((q,)) for q in queries],
            filters,
            by=opts["by"],
            per=opts["per"],
            smooth=opts["smooth"],
        )
    if opts["plot"]:
        from searcher import plot

        note = plot.figure(result, opts["plot"])
        if note:
            output.note(note)
    rows = "csv" if opts["as_csv"] else ""
    output.writer(opts["as_json"], opts["color"], rows=rows).trend(result)
    return EXIT_OK if any(p.count for p in result.points) else EXIT_NONE


@main.command("kwic", cls=_QueryCommand)
@click.argument("query", nargs=-1, required=True)
@index_option
@_with(filter_options)
@click.option(
    "--width",
    metavar="N",
    type=click.IntRange(0, 1000),
    default=20,
    show_default=True,
    help="Characters of context on each side.",
)
@click.option(
    "--sort",
    type=click.Choice(["date", "left", "right", "score"]),
    default="date",
    show_default=True,
    help="Order: by date, by the context before or after the match, or by rank.",
)
@limit_option(100, "lines")
@json_option
@click.option("--tsv", is_flag=True, help="Output tab-separated values with a header.")
@color_option
@_guard
def kwic_cmd(query: tuple[str, ...], index_path: str, **opts) -> int:
    """Every occurrence of the string QUERY in its context (keyword in context).

    One line per occurrence in titles and bodies (overlapping ones are not
    counted: 哈哈 occurs twice in 哈哈哈哈), the matches lined up, with the
    article's date and id. title: or body: before QUERY keeps to that field.
    Exit status: 0 found, 1 none, 2 error.
    """
    from searcher.index import open_index

    if opts["as_json"] and opts["tsv"]:
        raise click.UsageError("use only one of --json and --tsv")
    filters = _filters(opts)
    with open_index(index_path) as ix:
        conc = ix.kwic(
            _query_text(query),
            filters,
            width=opts["width"],
            sort=opts["sort"],
            limit=opts["limit"] or None,
        )
    rows = "tsv" if opts["tsv"] else ""
    output.writer(opts["as_json"], opts["color"], rows=rows).kwic(conc)
    return EXIT_OK if conc.total else EXIT_NONE


@main.command("export", cls=_QueryCommand)
@click.argument("query", nargs=-1, required=True)
@index_option
@_with(filter_options)
@sort_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="CSV (UTF-8 with BOM, for Excel and LibreOffice) or JSON Lines.",
)
@click.option(
    "-o",
    "--output",
    "out_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write to FILE (replaced when complete) instead of standard output.",
)
@click.option("--full-text", is_flag=True, help="Add each article's text (column 'text').")
@_guard
def export_cmd(query: tuple[str, ...], index_path: str, **opts) -> int:
    """Every article matching QUERY, with metadata, a citation and a snippet.

    Citations follow GB/T 7714-2015 for newspaper articles. A provenance line
    (query, filters, index, generation or snapshot, date, version) goes to
    stderr; with --format jsonl it is also the last line. Exit status: 0
    found, 1 none, 2 error.
    """
    from searcher.index import open_index

    filters = _filters(opts)
    rows = "csv" if opts["fmt"] == "csv" else ""
    with open_index(index_path) as ix:
        found = ix.export(
            _query_text(query), filters, sort=opts["sort"], full_text=opts["full_text"]
        )
        with _destination(opts["out_path"]) as out:
            output.writer(opts["fmt"] == "jsonl", out=out, rows=rows).export(found)
    output.provenance(found.provenance)
    return EXIT_OK if found.total else EXIT_NONE


@contextlib.contextmanager
def _destination(path: str | None):
    """Standard output, or a file written beside its place and renamed when complete."""
    if path is None:
        yield sys.stdout
        return
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, path)
    except OSError as e:
        raise SearcherError(f"cannot write {path} ({e.strerror or e})") from e
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@main.command("snapshot")
@click.argument("name", required=False)
@index_option
@click.option("--list", "listing", is_flag=True, help="List the snapshots (the default).")
@click.option("--drop", metavar="NAME", help="Forget snapshot NAME (its generation is removed).")
@click.option("--no-wait", is_flag=True, help="Exit 2 at once if an index build is running.")
@json_option
@color_option
@_guard
def snapshot_cmd(name: str | None, index_path: str, listing: bool, drop: str | None, **opts) -> int:
    """Keep the index as it is now under NAME, for results cited later.

    Later updates never change or remove it; search it, and use every other
    verb on it, with -i DIR@NAME. Without NAME, list the snapshots.
    """
    from searcher import snapshots

    if sum((name is not None, listing, drop is not None)) > 1:
        raise click.UsageError("give a NAME, --list or --drop NAME (one of them)")
    writer = output.writer(opts["as_json"], opts["color"])
    wait = not opts["no_wait"]
    if drop is not None:
        snapshots.drop(index_path, drop, wait=wait)
    elif name is not None:
        writer.snapshots([snapshots.keep(index_path, name, wait=wait)])
    else:
        writer.snapshots(snapshots.listing(index_path))
    return EXIT_OK


@main.command("pages")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=str))
@json_option
@color_option
@_guard
def pages_cmd(files: tuple[str, ...], as_json: bool, color: str) -> int:
    """Show how each page FILE is split into articles, before you index it.

    Per article: its lines, id, title, byline, length, first and last characters,
    and the places the splitter was unsure of ('?'). Correct a split with marker
    lines in the page (@@article, @@title, @@continue; see the README).
    Exit status: 0 every file read cleanly, 2 a file could not be read or has problems
    (reported on stderr as path:line: reason, as `searcher index` reports them).
    """
    from searcher.corpus import page_split
    from searcher.errors import CorpusError

    writer = output.writer(as_json, color)
    status = EXIT_OK
    for name in files:
        try:
            view = page_split(name)
        except CorpusError as e:
            output.error(str(e))
            status = EXIT_ERROR
            continue
        writer.page(view)
        for problem in view.problems:
            output.problem(problem)
            status = EXIT_ERROR
    return status
