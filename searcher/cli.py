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
import sys
from collections.abc import Callable

import click

from searcher import render
from searcher.errors import SearcherError

EXIT_OK, EXIT_NONE, EXIT_ERROR = 0, 1, 2


def _guard(fn: Callable) -> Callable:
    """Run a verb: errors become one line and exit 2; a closed pipe ends quietly."""

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
        except KeyboardInterrupt:
            render.error("interrupted")
            code = 130
        except Exception as e:  # a bug: still one line, the traceback on request
            if os.environ.get("SEARCHER_DEBUG"):
                raise
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


class _Group(click.Group):
    """click's group, with its usage errors made one line like every other error."""

    def main(self, args=None, prog_name=None, **extra):
        extra["standalone_mode"] = False
        try:
            rv = super().main(args, prog_name or "searcher", **extra)
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx else "searcher"
            render.error(f"{e.format_message()} (see '{where} --help')")
            sys.exit(EXIT_ERROR)
        except click.ClickException as e:
            render.error(e.format_message())
            sys.exit(e.exit_code)
        except click.Abort:
            render.error("interrupted")
            sys.exit(130)
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
@_guard
def index_cmd(
    sources: tuple[str, ...],
    index_path: str,
    as_json: bool,
    no_wait: bool,
    rebuild: bool,
    userdict: str | None,
) -> int:
    """Bring the index up to date with SOURCES (files or folders).

    Reads .txt newspaper pages and .jsonl/.json/.jsonl.gz article files. Only new
    and changed files are read again; articles of files that are gone are removed.
    Without SOURCES, the index's own sources are used (seeds/ for a new index).
    The new index replaces the old one only when it is complete: a failed or
    interrupted update leaves the previous index searchable.
    """
    from searcher import indexer

    def waiting() -> None:
        click.echo(
            f"waiting for another 'searcher index' to finish with {index_path} ...", err=True
        )

    def problem(text: str) -> None:
        sys.stderr.write(render.inert(text) + "\n")

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
            )
    except KeyboardInterrupt:
        render.error("interrupted, previous index kept")
        return 130
    if as_json:
        render.json_object(
            {"type": "index", "version": render.JSON_VERSION, **report.to_dict()}, sys.stdout
        )
    else:
        render.build_summary(report, sys.stderr)
    return EXIT_ERROR if report.problems else EXIT_OK


# An unknown option is the query: `searcher search -锦州 鞍山` excludes 锦州.
@main.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query", required=False)
@index_option
@click.option(
    "-n",
    "--limit",
    metavar="N",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="Show at most N hits (0: all).",
)
@click.option(
    "--offset", metavar="N", default=0, type=click.IntRange(min=0), help="Skip the first N hits."
)
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day.")
@click.option(
    "--batch",
    "batch",
    metavar="FILE",
    type=click.File("r", encoding="utf-8"),
    help="Run one query per line of FILE ('-' for stdin).",
)
@json_option
@color_option
@_guard
def search_cmd(
    query: str | None,
    index_path: str,
    limit: int,
    offset: int,
    since: str | None,
    until: str | None,
    batch,
    as_json: bool,
    color: str,
) -> int:
    """Search the index for QUERY.

    \b
    Syntax: words separated by spaces must all match;
      a OR b, NOT a, -a, (a OR b) c, "exact phrase" or “exact phrase”,
      title:word, body:"phrase".
    A Chinese string finds every article containing it exactly (first), then
    articles holding its words apart.
    """
    from searcher.index import open_index

    if (query is None) == (batch is None):
        raise click.UsageError("give a QUERY or --batch FILE (not both)")
    queries = [query] if batch is None else [q.strip() for q in batch if q.strip()]
    with open_index(index_path) as ix:
        return _search(ix, queries, batch is not None, limit, offset, since, until, as_json, color)


def _search(
    ix,
    queries: list[str],
    batch: bool,
    limit: int,
    offset: int,
    since: str | None,
    until: str | None,
    as_json: bool,
    color: str,
) -> int:
    layout = _layout(color)
    use_color = _use_color(color, sys.stdout)
    width = _terminal_width()
    max_cells = max(40, width - 6) if layout else 120
    found = failed = 0
    for q in queries:
        try:
            results = ix.search(
                q, limit=limit or None, offset=offset, since=since, until=until, max_cells=max_cells
            )
        except SearcherError as e:
            if not batch:
                raise
            render.error(f"query {q!r}: {e}")
            failed += 1
            continue
        found += bool(results.total)
        if as_json:
            render.json_results(results, sys.stdout, batch=batch)
        elif layout:
            if batch:
                sys.stdout.write(f"== {render.inert(q)}\n")
            render.rich_results(results, sys.stdout, color=use_color, width=width)
        else:
            if batch:
                sys.stdout.write(f"== {render.inert(q)}\n")
            render.plain_results(results, sys.stdout)
    if failed:
        return EXIT_ERROR
    return EXIT_OK if found else EXIT_NONE


@main.command("show")
@click.argument("article_id")
@index_option
@click.option("--query", "query_text", metavar="QUERY", help="Highlight this query's matches.")
@json_option
@color_option
@_guard
def show_cmd(
    article_id: str, index_path: str, query_text: str | None, as_json: bool, color: str
) -> int:
    """Print the whole article ARTICLE_ID."""
    from searcher.errors import ArticleNotFound
    from searcher.index import open_index

    try:
        with open_index(index_path) as ix:
            art = ix.article(article_id, query_text=query_text)
    except ArticleNotFound as e:
        render.error(str(e))
        return EXIT_NONE
    _emit("article", art, as_json, color, render.rich_article, render.plain_article)
    return EXIT_OK


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
