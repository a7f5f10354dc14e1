"""CLI: the ``searcher`` command, a thin click layer over the library.

The only module that imports click. Each verb checks its input, calls the
library, hands plain data to ``searcher.render``, and maps the outcome to an
exit status: 0 success (search: at least one hit), 1 nothing found, 2 error.
Errors are one line on stderr saying what to do; never a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import click

from searcher import render
from searcher.errors import STOP_SIGNALS, SearcherError, by_ctrl_c, interrupted, stop_status

if TYPE_CHECKING:
    from searcher.search import Results

EXIT_OK, EXIT_NONE, EXIT_ERROR = 0, 1, 2


def _guard(fn: Callable) -> Callable:
    """Run a verb: errors become one line and exit 2; a closed pipe ends quietly."""
    writing = fn.__name__ == "index_cmd"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            code = fn(*args, **kwargs) or EXIT_OK
        except click.ClickException:
            raise  # usage errors: reported by the group, one line
        except SearcherError as e:
            render.error(str(e))
            code = EXIT_ERROR
        except BrokenPipeError:
            _quiet_pipe()
            code = EXIT_OK
        except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM (errors.Terminated)
            render.error(interrupted(writing, e))
            code = stop_status(e)
        except Exception as e:  # a bug: still one line, the traceback on request
            if by_ctrl_c(e):  # Ctrl-C that Python wrapped in another exception
                render.error(interrupted(writing, e))
                code = stop_status(e)
            elif os.environ.get("SEARCHER_DEBUG"):
                raise
            else:
                render.error(
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


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _layout(color: str) -> bool:
    """The terminal layout (rich) on a terminal or when asked for; else plain lines."""
    return sys.stdout.isatty() or color == "always"


def _emit(kind: str, obj, as_json: bool, color: str, rich_fn, plain_fn) -> None:
    """One object out: JSON, the terminal layout, or plain lines."""
    if as_json:
        from dataclasses import asdict

        render.json_object(
            {"type": kind, "version": render.JSON_VERSION, **asdict(obj)}, sys.stdout
        )
    elif _layout(color):
        rich_fn(obj, sys.stdout, color=_use_color(color, sys.stdout))
    else:
        plain_fn(obj, sys.stdout)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


index_option = click.option(
    "-i",
    "--index",
    "index_path",
    metavar="DIR",
    envvar="SEARCHER_INDEX",
    default=os.path.join("index", "articles"),
    show_default=True,
    help="Index folder (default from SEARCHER_INDEX).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Output JSON instead of text.")
color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour and terminal layout: auto uses them on a terminal unless NO_COLOR is set.",
)


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
        writing = (args or sys.argv[1:])[:1] == ["index"]
        try:
            rv = super().main(args, prog_name or "searcher", **extra)
        except _Interrupted as e:
            render.error(interrupted(writing, e))
            sys.exit(stop_status(e))
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx else "searcher"
            render.error(f"{e.format_message()} (see '{where} --help')")
            sys.exit(EXIT_ERROR)
        except click.ClickException as e:
            render.error(e.format_message())
            sys.exit(e.exit_code)
        except click.Abort as e:  # Ctrl-C in the moment before make_context
            render.error(interrupted(writing, e))
            sys.exit(stop_status(e))
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group("searcher", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="searcher")
def main() -> None:
    """Full-text search for Chinese newspaper archives.

    Build an index with 'searcher index SOURCES', then 'searcher search QUERY'.
    """


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
@_guard
def index_cmd(
    sources: tuple[str, ...],
    index_path: str,
    as_json: bool,
    no_wait: bool,
    rebuild: bool,
    userdict: str | None,
    strict: bool,
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
    from searcher import indexer
    from searcher.errors import BadSource

    def waiting() -> None:
        click.echo(
            f"waiting for another 'searcher index' to finish with {index_path} ...", err=True
        )

    def problem(text: str) -> None:
        render.problem(text, sys.stderr)

    show_bar = sys.stderr.isatty() and not as_json
    try:
        with render.progress_bar(sys.stderr, enabled=show_bar) as bar:
            report = indexer.build(
                sources or None,
                index_path,
                rebuild=rebuild,
                userdict=userdict,
                progress=bar,
                wait=not no_wait,
                on_wait=waiting,
                on_problem=problem,
                on_notice=lambda text: render.note(text, sys.stderr),
                strict=strict,
            )
    except BadSource:  # the problem itself was printed as it was met
        render.error("stopped at the first bad source (--strict); the index was not changed")
        return EXIT_ERROR
    # The build is complete and in force: Ctrl-C from here on would only stop the report.
    for stop in STOP_SIGNALS:
        signal.signal(stop, signal.SIG_IGN)
    if as_json:
        render.json_object(
            {"type": "index", "version": render.JSON_VERSION, **report.to_dict()}, sys.stdout
        )
    else:
        render.build_summary(report, sys.stderr)
    return EXIT_ERROR if report.problems else EXIT_OK


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
        click.option(
            "-n",
            "--limit",
            metavar="N",
            default=10,
            show_default=True,
            type=click.IntRange(min=0),
            help="Show at most N hits (0: all).",
        ),
        click.option(
            "--offset",
            metavar="N",
            default=0,
            type=click.IntRange(min=0),
            help="Skip the first N hits (for paging).",
        ),
        click.option(
            "--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day."
        ),
        click.option(
            "--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day."
        ),
        click.option(
            "--sort",
            type=click.Choice(["score", "date", "-date"]),
            default="score",
            show_default=True,
            help="Order: best first, oldest first (date) or newest first (-date).",
        ),
        click.option(
            "--source",
            metavar="PATTERN",
            help="Only articles whose source contains PATTERN, or matches it as a glob"
            " if it has * ? or [ (any case).",
        ),
        click.option(
            "--facet",
            "facets",
            multiple=True,
            type=click.Choice(["date:year", "date:month", "date:day", "source", "paper"]),
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
    for option in reversed(options):
        fn = option(fn)
    return fn


@dataclass(frozen=True)
class _Output:
    """What a search or similar prints, from the shared options."""

    mode: str  # "hits", "count", "ids" or "quiet"
    as_json: bool
    color: str
    facets: tuple[str, ...]

    @classmethod
    def of(cls, count: bool, ids_only: bool, quiet: bool, as_json: bool, color: str, facets):
        if count + ids_only + quiet > 1:
            raise click.UsageError("use only one of -c/--count, -l/--ids-only and -q/--quiet")
        mode = "count" if count else "ids" if ids_only else "quiet" if quiet else "hits"
        if mode in ("ids", "quiet"):
            flag = "-l/--ids-only" if mode == "ids" else "-q/--quiet"
            for given, name in ((as_json, "--json"), (facets, "--facet")):
                if given:
                    raise click.UsageError(f"{name} cannot be used with {flag}")
        return cls(mode, as_json, color, tuple(facets))


def _run_results(run: Callable[..., Results], out: _Output, limit: int, offset: int, **kw):
    """Call run (ix.search or ix.similar) with what the output needs."""
    if out.mode in ("count", "quiet"):
        # Only the total is shown: load one hit, not the page.
        r = run(limit=1, offset=0, snippets=False, facets=out.facets, **kw)
        return replace(r, hits=[], offset=offset, limit=limit or None)
    if out.mode == "ids":
        return run(limit=limit or None, offset=offset, snippets=False, **kw)
    layout = _layout(out.color)
    max_cells = max(40, _terminal_width() - 6) if layout else 120
    return run(limit=limit or None, offset=offset, max_cells=max_cells, facets=out.facets, **kw)


def _print_results(results: Results, out: _Output, batch: bool) -> None:
    if out.mode == "quiet":
        return
    if out.mode == "ids":
        render.plain_ids(results, sys.stdout)
        return
    if out.as_json:
        render.json_results(results, sys.stdout, batch=batch, hits=out.mode == "hits")
        return
    layout = _layout(out.color)
    if out.mode == "count":
        render.plain_count(results, sys.stdout, batch=batch)
    else:
        if batch:
            sys.stdout.write(f"== {render.inert(results.query)}\n")
        if layout:
            color = _use_color(out.color, sys.stdout)
            render.rich_results(results, sys.stdout, color=color, width=_terminal_width())
            return
        render.plain_results(results, sys.stdout)
    if layout:
        color = _use_color(out.color, sys.stdout)
        render.rich_facets(results.facets, sys.stdout, color=color, width=_terminal_width())
    else:
        render.plain_facets(results.facets, sys.stdout)


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
def search_cmd(
    query: tuple[str, ...],
    index_path: str,
    limit: int,
    offset: int,
    since: str | None,
    until: str | None,
    sort: str,
    source: str | None,
    facets: tuple[str, ...],
    count: bool,
    ids_only: bool,
    quiet: bool,
    as_json: bool,
    color: str,
    batch,
) -> int:
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

    out = _Output.of(count, ids_only, quiet, as_json, color, facets)
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
                results = _run_results(
                    functools.partial(ix.search, q),
                    out,
                    limit,
                    offset,
                    since=since,
                    until=until,
                    sort=sort,
                    source=source,
                )
            except SearcherError as e:
                if batch is None:
                    raise
                render.error(f"query {q!r}: {e}")
                failed += 1
                continue
            found += bool(results.total)
            _print_results(results, out, batch is not None)
    if failed:
        return EXIT_ERROR
    return EXIT_OK if found else EXIT_NONE


@main.command("similar")
@click.argument("article_id", metavar="ID")
@_results_options
@_guard
def similar_cmd(
    article_id: str,
    index_path: str,
    limit: int,
    offset: int,
    since: str | None,
    until: str | None,
    sort: str,
    source: str | None,
    facets: tuple[str, ...],
    count: bool,
    ids_only: bool,
    quiet: bool,
    as_json: bool,
    color: str,
) -> int:
    """Articles most like the article ID (which is left out).

    Ranks articles by the key terms of ID's title and body (the words with the
    highest tf-idf), highlighted in the snippets. Exit status: 0 found, 1 none,
    2 error (an unknown ID too).
    """
    from searcher.index import open_index

    out = _Output.of(count, ids_only, quiet, as_json, color, facets)
    with open_index(index_path) as ix:
        results = _run_results(
            functools.partial(ix.similar, article_id),
            out,
            limit,
            offset,
            since=since,
            until=until,
            sort=sort,
            source=source,
        )
    _print_results(results, out, batch=False)
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

    missing = shown = 0
    with open_index(index_path) as ix:
        for article_id in article_ids:
            try:
                art = ix.article(article_id, query_text=query_text)
            except ArticleNotFound as e:
                render.error(str(e))
                missing += 1
                continue
            if shown and not as_json:
                sys.stdout.write("\n")  # a blank line between articles
            shown += 1
            _emit("article", art, as_json, color, render.rich_article, render.plain_article)
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
    _emit("info", info, as_json, color, render.rich_info, render.plain_info)
    return EXIT_OK


@main.command("pages")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=str))
@json_option
@_guard
def pages_cmd(files: tuple[str, ...], as_json: bool) -> int:
    """Show how each page FILE is split into articles, before you index it.

    Exit status: 0 every file read cleanly, 2 a file could not be read or has problems
    (reported on stderr as path:line: reason, as `searcher index` reports them).
    """
    import json
    from dataclasses import asdict

    from searcher.corpus import page_split
    from searcher.errors import CorpusError
    from searcher.pages_text import page_lines

    status = EXIT_OK
    for name in files:
        try:
            view = page_split(name)
        except CorpusError as e:
            render.error(str(e))
            status = EXIT_ERROR
            continue
        if as_json:
            sys.stdout.write(
                json.dumps({"type": "page", **asdict(view)}, ensure_ascii=False) + "\n"
            )
        else:
            sys.stdout.write("".join(line + "\n" for line in page_lines(view)))
        for problem in view.problems:
            sys.stderr.write(render.inert(problem).replace("\n", " ") + "\n")
            status = EXIT_ERROR
    return status
