"""Performance: searcher against the naive jieba + Whoosh recipe, side by side (issue 4).

Builds both indexes in the same run, then measures index build time, throughput and
peak memory, size on disk, one cold terminal query (a fresh process), warm in-process
queries, ripgrep as a floor and, with --copies N, an N-copy corpus. Prints Markdown
tables with the issue's targets and writes the figures to bench/out/run.json.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import sys
import time
from pathlib import Path

import common
import naive
from common import (
    BENCH,
    COMMON_WORDS,
    DEFAULT_CORPUS,
    DEFAULT_WORKDIR,
    ROOT,
    Copies,
    Table,
    bench_env,
    compile_bytecode,
    copies_index,
    dir_bytes,
    fmt,
    generation_dir,
    header,
    index_cmd,
    index_flags,
    index_report,
    log,
    ratio,
    read_corpus,
    run_measured,
    sample_distinct,
    searcher_cmd,
    text_bytes,
    unseen_latency,
    use_checkout,
    write_json,
)

COLD_RUNS = 9
GIB_MIB = 1024
LINEAR_MAX = 1.15  # seconds per MB at N copies / at 1 copy: "grows linearly" (issue 14)
WARMUP = 100  # distinct queries answered before the measured ones (none repeated)
NAIVE_RATIO = 6  # build throughput against the naive recipe (issue 14; issue 4 asked 5)


def mark(ok: bool | None) -> str:
    return "–" if ok is None else ("pass" if ok else "**FAIL**")


def build_searcher(sources: list[Path], index: Path, work: Path, expect: int) -> dict:
    """One `searcher index SOURCES -i INDEX --rebuild --json` into an empty folder."""
    shutil.rmtree(index, ignore_errors=True)  # a fresh build even where --rebuild is missing
    cmd = index_cmd(sources, index, rebuild=True)
    log(f"  {shlex.join(cmd[2:])}")
    run = run_measured(cmd, cwd=work, env=bench_env(), sample=True).check()
    report = index_report(run)
    if report.get("articles") != expect:
        sys.exit(f"searcher indexed {report.get('articles')} of {expect} articles: {report}")
    return run.figures() | {"report": report}


def build_naive(corpus: Path, index: Path, work: Path, expect: int) -> dict:
    """One `python bench/naive.py build CORPUS INDEX` (one process, as the recipe is)."""
    cmd = [sys.executable, str(BENCH / "naive.py"), "build", str(corpus), str(index)]
    log(f"  naive.py build {corpus} {index}")
    run = run_measured(cmd, cwd=work, env=bench_env(), sample=True).check()
    report = index_report(run)
    if report.get("articles") != expect:
        sys.exit(f"the naive build indexed {report.get('articles')} of {expect} articles")
    return run.figures() | {"report": report}


def summarise_builds(runs: list[dict], tb: int, size: int) -> dict:
    secs = statistics.median(r["seconds"] for r in runs)
    return {
        "seconds": secs,
        "mb_per_s": tb / 1e6 / secs,
        "s_per_mb": secs / (tb / 1e6),
        "tree_rss_mib": max(r["tree_rss_mib"] for r in runs),
        "tree_pss_mib": max(r["tree_pss_mib"] for r in runs),
        "maxrss_mib": max(r["maxrss_mib"] for r in runs),
        "index_bytes": size,
        "runs": runs,
    }


def cold(cmd: list[str], work: Path, runs: int = COLD_RUNS) -> dict:
    """A fresh process `runs` times (after one uncounted run): wall median, peak RSS."""
    env = bench_env()
    first = run_measured(cmd, cwd=work, env=env).check((0, 1))  # writes caches, not counted
    measured = [run_measured(cmd, cwd=work, env=env).check((0, 1)) for _ in range(runs)]
    walls = [r.seconds for r in measured]
    return {
        "seconds": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "maxrss_mib": max(r.maxrss_mib for r in measured),
        "runs": runs,
        "first_run_seconds": first.seconds,
        "returncode": measured[-1].returncode,
        "stdout_lines": len(measured[-1].stdout.splitlines()),
    }


def warm_searcher(index: Path, warmup: list[str], queries: list[str]) -> dict:
    import searcher

    with searcher.open_index(index) as ix:
        return unseen_latency(lambda q: ix.search(q, limit=10), warmup, queries)


def warm_naive(index: Path, warmup: list[str], queries: list[str]) -> dict:
    nv = naive.Searcher(index)
    try:
        return unseen_latency(nv.top10, warmup, queries)
    finally:
        nv.close()


def vocabulary(index: Path) -> int:
    """Distinct words (terms of the title and body fields) of a searcher index."""
    from whoosh import index as windex

    ix = windex.open_dir(str(generation_dir(index)))
    try:
        with ix.reader() as r:
            words: set[bytes] = set()
            for f in ("title", "body"):
                words.update(r.lexicon(f))
            return len(words)
    finally:
        ix.close()


def rg_cmd(query: str, folder: Path, gz: bool) -> list[str] | None:
    rg = shutil.which("rg")
    if not rg:
        return None
    return [
        rg,
        *(["-z"] if gz else []),
        "-c",
        "-g",
        "*.jsonl.gz" if gz else "*.jsonl",
        query,
        str(folder),
    ]


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, metavar="DIR", default=DEFAULT_CORPUS)
    ap.add_argument(
        "--copies",
        type=int,
        metavar="N",
        default=1,
        help="also build searcher on N copies of the corpus (N >= 2)",
    )
    ap.add_argument(
        "--naive-copies",
        action="store_true",
        help="with --copies: build the naive recipe on the copies too (slow)",
    )
    ap.add_argument("--queries", type=int, metavar="N", default=300)
    ap.add_argument("--seed", type=int, metavar="S", default=1998)
    ap.add_argument(
        "--repeat",
        type=int,
        metavar="R",
        default=1,
        help="builds of each index on the corpus; the median is reported",
    )
    ap.add_argument("--cold-query", metavar="Q", help="default: the first sampled query")
    ap.add_argument(
        "--workdir",
        type=Path,
        metavar="DIR",
        default=DEFAULT_WORKDIR,
        help=f"for the indexes and the N-copy corpus (kept; default {DEFAULT_WORKDIR})",
    )
    ap.add_argument(
        "--searcher",
        type=Path,
        metavar="DIR",
        default=ROOT,
        help="the checkout whose searcher package is measured (default: this one)",
    )
    args = ap.parse_args()
    args.error = ap.error
    return args


class Ctx:
    """One run: its arguments, the corpus, the query sample and the targets checked."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.corpus = args.corpus.resolve()
        self.arts = read_corpus(self.corpus)
        if not self.arts:
            args.error(f"no *.jsonl.gz / *.jsonl articles under {self.corpus}")
        self.tb = text_bytes(self.arts)
        self.work = args.workdir.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        pool = sample_distinct(
            lambda rng: rng.choice(self.arts)["body"],
            WARMUP + args.queries,
            args.seed,
            COMMON_WORDS,
        )
        self.warmup, self.queries = pool[:WARMUP], pool[WARMUP:]
        self.cold_q = args.cold_query or self.queries[0]
        self.checks: list[tuple[str, bool | None]] = []

    def target(self, label: str, ok: bool) -> str:
        self.checks.append((label, ok))
        return mark(ok)


def row(t: Table, label, a, b, spec, floor=None, goal=None, ok=None, scale=1.0) -> None:
    """searcher, naive, their ratio, the floor, the target and pass/fail."""
    a, b = (None if v is None else v / scale for v in (a, b))
    floor = floor if isinstance(floor, str) or floor is None else format(floor / scale, spec)
    t.add(label, fmt(a, spec), fmt(b, spec), ratio(a, b), floor, goal, ok)


def print_header(ctx: Ctx) -> dict:
    args = ctx.args
    head, info = header(f"python {shlex.join(sys.argv)}")
    print(head + "\n")
    print(
        f"corpus {ctx.corpus}: {len(ctx.arts):,} articles, {ctx.tb / 1e6:.2f} MB of text (UTF-8 "
        f"titles and bodies); {len(ctx.queries)} warm queries (distinct, each once, after "
        f"{WARMUP} others), seed {args.seed}; cold query {ctx.cold_q!r}; "
        f"builds: median of {args.repeat} (each takes about half a minute; --repeat R for more); "
        f"workdir {ctx.work}\n"
    )
    if "--rebuild" not in index_flags():
        print(
            "note: this `searcher index` has no --rebuild; each build starts from an empty folder\n"
        )
    return info


def measure_corpus(ctx: Ctx) -> dict:
    """Builds (alternating), one cold terminal query and the warm queries, on the corpus."""
    work, corpus, n = ctx.work, ctx.corpus, len(ctx.arts)
    s_ix, n_ix = work / "searcher", work / "naive"
    s_runs, n_runs = [], []
    for r in range(ctx.args.repeat):
        log(f"build {r + 1}/{ctx.args.repeat}: searcher…")
        s_runs.append(build_searcher([corpus], s_ix, work, n))
        log(f"build {r + 1}/{ctx.args.repeat}: naive…")
        n_runs.append(build_naive(corpus, n_ix, work, n))
    build = {
        "searcher": summarise_builds(s_runs, ctx.tb, dir_bytes(generation_dir(s_ix))),
        "naive": summarise_builds(n_runs, ctx.tb, dir_bytes(n_ix)),
    }
    log(f"cold query {ctx.cold_q!r}, {COLD_RUNS} runs each…")
    naive_search = [sys.executable, str(BENCH / "naive.py"), "search", str(n_ix), ctx.cold_q]
    cold_fig = {
        "searcher": cold(searcher_cmd("search", ctx.cold_q, "-i", s_ix), work),
        "naive": cold(naive_search, work),
    }
    rg = rg_cmd(ctx.cold_q, corpus, gz=True)
    cold_fig["ripgrep"] = cold(rg, work) if rg else None
    log(f"warm queries: {WARMUP} to warm up, then {len(ctx.queries)} unseen ones once each…")
    warm = {
        "searcher": warm_searcher(s_ix, ctx.warmup, ctx.queries),
        "naive": warm_naive(n_ix, ctx.warmup, ctx.queries),
    }
    return {"build": build, "cold": cold_fig, "warm_ms": warm}


def corpus_table(ctx: Ctx, fig: dict) -> Table:
    bs, bn = fig["build"]["searcher"], fig["build"]["naive"]
    cold_fig = fig["cold"]
    cs, cn, cr = cold_fig["searcher"], cold_fig["naive"], cold_fig["ripgrep"] or {}
    ws, wn = fig["warm_ms"]["searcher"], fig["warm_ms"]["naive"]
    repeat, target = ctx.args.repeat, ctx.target
    t = Table(["figure", "searcher", "naive", "searcher / naive", "floor", "target", ""], "lrrrrlr")
    row(
        t, f"build time, s (whole process, median of {repeat})", bs["seconds"], bn["seconds"], ".1f"
    )
    ok5 = target("build throughput ≥ 5× naive", bs["mb_per_s"] >= 5 * bn["mb_per_s"])
    goal = f"≥ 5× naive (issue 4), ≥ {NAIVE_RATIO}× (issue 14)"
    row(
        t,
        "build throughput, MB/s of text",
        bs["mb_per_s"],
        bn["mb_per_s"],
        ".3f",
        goal=goal,
        ok=ok5,
    )
    target(
        f"build throughput ≥ {NAIVE_RATIO}× naive (issue 14, median of {repeat})",
        bs["mb_per_s"] >= NAIVE_RATIO * bn["mb_per_s"],
    )
    for kind in ("PSS", "RSS"):
        key = f"tree_{kind.lower()}_mib"
        row(t, f"build peak memory, MiB (process tree {kind})", bs[key], bn[key], ".0f")
    ok = target("index size ≤ naive", bs["index_bytes"] <= bn["index_bytes"])
    row(
        t,
        "index size on disk, MB",
        bs["index_bytes"],
        bn["index_bytes"],
        ".1f",
        None,
        "≤ naive",
        ok,
        1e6,
    )
    ok = target("cold query ≤ 0.45 s", cs["seconds"] <= 0.45)
    label = f"cold query, s wall (fresh process, median of {COLD_RUNS})"
    row(t, label, cs["seconds"], cn["seconds"], ".3f", cr.get("seconds"), "≤ 0.45 s", ok)
    ok = target("cold query ≤ 100 MiB", cs["maxrss_mib"] <= 100)
    label = "cold query, peak RSS MiB"
    row(t, label, cs["maxrss_mib"], cn["maxrss_mib"], ".0f", cr.get("maxrss_mib"), "≤ 100 MiB", ok)
    for k, limit in (("p50", 5), ("p90", None), ("p99", 50)):
        ok = target(f"warm {k} ≤ {limit} ms", ws[k] <= limit) if limit else None
        label = f"warm query {k}, ms ({len(ctx.queries)} unseen queries, 10 hits)"
        row(t, label, ws[k], wn[k], ".2f", goal=limit and f"≤ {limit} ms", ok=ok)
    label = f"common words {', '.join(COMMON_WORDS)}: slowest, ms (10 hits)"
    row(t, label, ws["common_max"], wn["common_max"], ".1f")
    return t


CORPUS_NOTE = (
    "floor: ripgrep `rg -z -c QUERY` over the gzip corpus (no ranking, no snippets){rg}. "
    "Build time includes starting Python and reading the corpus. Build peak memory: "
    "the build's whole process tree, sampled every 0.1 s; PSS counts the pages forked "
    "workers share once (the memory used), the RSS sum counts them in every process (an "
    "upper bound). Cold query: stdout to a pipe, bytecode compiled, peak RSS from GNU time; "
    "naive: bench/naive.py search (ten highlighted hits)."
)


def measure_copies(ctx: Ctx) -> dict:
    """The N-copy archive: builds at 1 and N copies, warm and cold queries at N."""
    n, work = ctx.args.copies, ctx.work
    copies = Copies(ctx.corpus, n, work / f"copies-{n}", ctx.arts, seed=ctx.args.seed)
    log(f"{n}-copy corpus in {copies.dir}…")
    fig: dict = {"copies": copies, "written": copies.ensure()}
    # The 1-copy build is a few seconds: the median of --repeat builds, so that the
    # linearity ratio does not move with one build's luck.
    repeat = ctx.args.repeat
    log(f"{n} copies: searcher on 1 copy (same layout), {repeat} build(s)…")
    ones = [
        build_searcher([copies.copy_dir(0)], work / "searcher-copies-1", work, len(ctx.arts))
        for _ in range(repeat)
    ]
    fig["one"] = sorted(ones, key=lambda r: r["seconds"])[len(ones) // 2] | {"builds": repeat}
    log(f"{n} copies: searcher on {n} copies…")
    big_ix, updating = copies_index(work, n)
    big = build_searcher([copies.dir], big_ix, work, copies.articles)
    updating.unlink(missing_ok=True)  # built from the corpus as made: update.py may reuse it
    fig["big"] = big | {
        "index_bytes": dir_bytes(generation_dir(big_ix)),
        "mb_per_s": copies.text_bytes / 1e6 / big["seconds"],
    }
    fig["naive"] = {}
    if ctx.args.naive_copies:
        log(f"{n} copies: naive (slow)…")
        nbig_ix = work / f"naive-copies-{n}"
        nb = build_naive(copies.dir, nbig_ix, work, copies.articles)
        fig["naive"] = nb | {
            "index_bytes": dir_bytes(nbig_ix),
            "mb_per_s": copies.text_bytes / 1e6 / nb["seconds"],
        }
    measure_copies_queries(ctx, fig, big_ix)
    return fig


def measure_copies_queries(ctx: Ctx, fig: dict, big_ix: Path) -> None:
    n, copies, work, arts = ctx.args.copies, fig["copies"], ctx.work, ctx.arts
    # Queries drawn from the archive itself: a random copy's version of a random article.
    cpool = sample_distinct(
        lambda rng: copies.make(rng.randrange(n), rng.choice(arts))["body"],
        WARMUP + ctx.args.queries,
        ctx.args.seed + 1,
        COMMON_WORDS,
    )
    cwarm, fig["queries"] = cpool[:WARMUP], cpool[WARMUP:]
    log(f"{n} copies: warm queries ({WARMUP} to warm up, {len(fig['queries'])} unseen)…")
    fig["warm"] = warm_searcher(big_ix, cwarm, fig["queries"])
    nbig = work / f"naive-copies-{n}"
    fig["warm_naive"] = warm_naive(nbig, cwarm, fig["queries"]) if fig["naive"] else {}
    log(f"{n} copies: cold queries…")
    fig["cold"] = cold(searcher_cmd("search", ctx.cold_q, "-i", big_ix), work)
    fig["cold_word"] = cold(searcher_cmd("search", COMMON_WORDS[0], "-i", big_ix), work)
    rgc = rg_cmd(ctx.cold_q, copies.dir, gz=False)
    fig["cold_rg"] = cold(rgc, work) if rgc else {}


class Table2:
    """The N-copy table: searcher, naive, ratio, floor, target, pass/fail, the corpus figure."""

    def __init__(self, n: int, naive_built: bool) -> None:
        head = [f"{n} copies", "searcher", "naive" if naive_built else "naive (not built)"]
        head += ["searcher / naive", "floor", "target (issue 14)", "", "corpus (1×, above)"]
        self.t = Table(head, "lrrrrlrr")

    def row(self, label, a, b, spec, one_x=None, floor=None, goal=None, ok=None, scale=1.0):
        row(self.t, label, a, b, spec, floor=floor, goal=goal, ok=ok, scale=scale)
        self.t.rows[-1].append("–" if one_x is None else format(one_x / scale, spec))


def copies_build_rows(ctx: Ctx, t: Table2, corpus: dict, fig: dict) -> None:
    n, target, at = ctx.args.copies, ctx.target, _at(ctx.args.copies)
    big, nb, bs = fig["big"], fig["naive"], corpus["build"]["searcher"]
    t.row(
        "build time, s (whole process, once)",
        big["seconds"],
        nb.get("seconds"),
        ".1f",
        bs["seconds"],
    )
    t.row(
        "build throughput, MB/s of text", big["mb_per_s"], nb.get("mb_per_s"), ".3f", bs["mb_per_s"]
    )
    ok = target(f"{n} copies: build peak < 1 GiB (PSS)", big["tree_pss_mib"] < GIB_MIB)
    label, key = "build peak memory, MiB (process tree PSS)", "tree_pss_mib"
    t.row(label, big[key], nb.get(key), ".0f", bs[key], None, "< 1024 MiB", ok)
    for key, what in (("tree_rss_mib", "process tree RSS"), ("maxrss_mib", "largest process RSS")):
        t.row(f"build peak memory, MiB ({what})", big[key], nb.get(key), ".0f", bs[key])
    key = "index_bytes"
    t.row("index size on disk, MB", big[key], nb.get(key), ".1f", bs[key], scale=1e6)
    ctb = fig["copies"].text_bytes
    size_x = big[key] / ctb
    ok = target(f"{n} copies: index ≤ 2.5× the text{at}", size_x <= 2.5)
    naive_x = nb[key] / ctb if nb else None
    t.row("index size / text size", size_x, naive_x, ".2f", bs[key] / ctx.tb, None, "≤ 2.5", ok)


def copies_query_rows(ctx: Ctx, t: Table2, corpus: dict, fig: dict) -> None:
    n, target, at = ctx.args.copies, ctx.target, _at(ctx.args.copies)
    wbig, wnbig = fig["warm"], fig["warm_naive"]
    ws, cs = corpus["warm_ms"]["searcher"], corpus["cold"]["searcher"]
    for k, limit in (("p50", 5), ("p90", None), ("p99", 100)):
        label = f"{n} copies: warm {k} ≤ {limit} ms (unseen queries){at}"
        ok = target(label, wbig[k] <= limit) if limit else None
        label = f"warm query {k}, ms ({len(fig['queries'])} unseen queries, 10 hits)"
        t.row(label, wbig[k], wnbig.get(k), ".2f", ws[k], goal=limit and f"≤ {limit} ms", ok=ok)
    for w in COMMON_WORDS:
        ok = target(f"{n} copies: {w} ≤ 50 ms{at}", wbig["common_ms"][w] <= 50)
        label = f"common word {w}, ms (10 hits with snippets, once)"
        naive_w = (wnbig.get("common_ms") or {}).get(w)
        t.row(
            label, wbig["common_ms"][w], naive_w, ".1f", ws["common_ms"][w], goal="≤ 50 ms", ok=ok
        )
    cbig, crg = fig["cold"], fig["cold_rg"]
    ok = target(f"{n} copies: cold query ≤ 0.45 s{at}", cbig["seconds"] <= 0.45)
    label = f"cold query {ctx.cold_q!r}, s wall (median of {COLD_RUNS})"
    t.row(label, cbig["seconds"], None, ".3f", cs["seconds"], crg.get("seconds"), "≤ 0.45 s", ok)
    ok = target(f"{n} copies: cold query ≤ 150 MiB{at}", cbig["maxrss_mib"] <= 150)
    label, key = "cold query, peak RSS MiB", "maxrss_mib"
    t.row(label, cbig[key], None, ".0f", cs[key], crg.get(key), "≤ 150 MiB", ok)
    cw = fig["cold_word"]
    t.row(f"cold query {COMMON_WORDS[0]!r}, s wall / peak RSS MiB", cw["seconds"], None, ".3f")
    t.t.rows[-1][1] += f" / {cw['maxrss_mib']:.0f}"


def _at(n: int) -> str:
    return "" if n == 100 else f" (set for 100 copies; here {n})"


def copies_table(ctx: Ctx, corpus: dict, fig: dict) -> Table:
    t = Table2(ctx.args.copies, bool(fig["naive"]))
    copies_build_rows(ctx, t, corpus, fig)
    copies_query_rows(ctx, t, corpus, fig)
    return t.t


def linear_table(ctx: Ctx, corpus: dict, fig: dict) -> tuple[Table, float, float]:
    n, copies = ctx.args.copies, fig["copies"]
    bs, one, big = corpus["build"]["searcher"], fig["one"], fig["big"]
    s1 = one["seconds"] / (ctx.tb / 1e6)
    sn = big["seconds"] / (copies.text_bytes / 1e6)
    t3 = Table(["searcher build", "MB of text", "seconds", "s per MB", "target", ""], "lrrrlr")
    tbm = fmt(ctx.tb / 1e6, ".2f")
    per = fmt(bs["seconds"] / (ctx.tb / 1e6), ".2f")
    t3.add("the corpus (one .jsonl.gz, above)", tbm, fmt(bs["seconds"], ".1f"), per, None, None)
    pages = len(copies.pages)
    t3.add(
        f"1 copy ({pages} page files, median of {one['builds']})",
        tbm,
        fmt(one["seconds"], ".1f"),
        fmt(s1, ".2f"),
        None,
        None,
    )
    label = f"{n} copies ({n * pages:,} page files)"
    t3.add(
        label,
        fmt(copies.text_bytes / 1e6, ".1f"),
        fmt(big["seconds"], ".1f"),
        fmt(sn, ".2f"),
        None,
        None,
    )
    ok = ctx.target(f"build time linear in size (s/MB ratio ≤ {LINEAR_MAX})", sn / s1 <= LINEAR_MAX)
    ratio_x = ratio(big["seconds"], one["seconds"])
    t3.add(
        f"{n} copies / 1 copy", f"{n}×", ratio_x, f"{sn / s1:.2f}×", f"≤ {LINEAR_MAX}× (linear)", ok
    )
    return t3, s1, sn


def growth_table(ctx: Ctx, fig: dict) -> tuple[Table, list[int]]:
    n, copies, work = ctx.args.copies, fig["copies"], ctx.work
    log("vocabulary of the 1-copy and N-copy indexes…")
    grow = copies.stats["chars_bigrams_after_copy"]
    v1, vn = vocabulary(work / "searcher-copies-1"), vocabulary(copies_index(work, n)[0])
    t4 = Table(["the archive grows", "1 copy", f"{n} copies", f"{n} / 1"], "lrrr")
    t4.add("distinct words (index terms, title ∪ body)", f"{v1:,}", f"{vn:,}", ratio(vn, v1))
    a, b = grow[0][2], grow[-1][2]
    t4.add("distinct character bigrams (titles and bodies)", f"{a:,}", f"{b:,}", ratio(b, a))
    a, b = grow[0][1], grow[-1][1]
    t4.add("distinct characters", f"{a:,}", f"{b:,}", ratio(b, a))
    t4.add("articles whose text had to be made unique", "", f"{len(copies.fixups):,}", "")
    return t4, [v1, vn]


def report_copies(ctx: Ctx, corpus: dict, fig: dict) -> dict:
    n, copies = ctx.args.copies, fig["copies"]
    t2 = copies_table(ctx, corpus, fig)
    print(
        f"\n{n} copies of the corpus: {copies.articles:,} articles, "
        f"{copies.text_bytes / 1e6:.1f} MB of text, one JSONL file per (copy, page) in "
        f"{copies.dir} ({'written' if fig['written'] else 'reused'}); floor: `rg -c QUERY` over "
        "the copies' plain JSONL. Warm queries: drawn from the copies (a random copy of a random "
        f"article), distinct, each run once after {WARMUP} others; the last column repeats the "
        "corpus figures above (its own query sample)\n"
    )
    print(t2)
    t3, s1, sn = linear_table(ctx, corpus, fig)
    print("\ntime grows linearly with size: seconds per MB of text at 1 and N copies\n")
    print(t3)
    t4, words = growth_table(ctx, fig)
    print(
        f"\nhow the archive grows (each copy after the first maps {Copies.SUBS} of the "
        f"characters ranked {Copies.RANKS[0]}–{Copies.RANKS[1]} to others)\n"
    )
    print(t4)
    big = fig["big"]
    return {
        "n": n,
        "articles": copies.articles,
        "text_bytes": copies.text_bytes,
        "pages": len(copies.pages),
        "folder": str(copies.dir),
        "written": fig["written"],
        "searcher_build": big,
        "searcher_build_1_copy": fig["one"] | {"s_per_mb": s1},
        "s_per_mb": sn,
        "linear_ratio": sn / s1,
        "index_to_text": big["index_bytes"] / copies.text_bytes,
        "naive_build": fig["naive"] or None,
        "warm_ms": {"searcher": fig["warm"], "naive": fig["warm_naive"] or None},
        "cold": {
            "searcher": fig["cold"],
            "searcher_common": fig["cold_word"],
            "ripgrep": fig["cold_rg"] or None,
        },
        "growth": {
            "words": words,
            "chars_bigrams_after_copy": copies.stats["chars_bigrams_after_copy"],
            "fixups": len(copies.fixups),
        },
    }


def main() -> int:
    args = parse_args()
    use_checkout(args.searcher)  # not a copy pip installed earlier
    t_start = time.perf_counter()
    ctx = Ctx(args)
    info = print_header(ctx)
    compile_bytecode(common.PKG_ROOT / "searcher", BENCH / "naive.py", BENCH / "common.py")
    corpus = measure_corpus(ctx)
    figures = info | {
        "corpus": str(ctx.corpus),
        "articles": len(ctx.arts),
        "text_bytes": ctx.tb,
        "queries": len(ctx.queries),
        "seed": args.seed,
        "cold_query": ctx.cold_q,
        "repeat": args.repeat,
        "workdir": str(ctx.work),
        **corpus,
    }
    print(corpus_table(ctx, corpus))
    rg = "" if corpus["cold"]["ripgrep"] else " — not measured: rg is not installed"
    print("\n" + CORPUS_NOTE.format(rg=rg))
    if args.copies >= 2:
        figures["copies"] = report_copies(ctx, corpus, measure_copies(ctx))
    print("\n| target (issues 4 and 14) | |\n| --- | --- |")
    for label, ok in ctx.checks:
        print(f"| {label} | {mark(ok)} |")
    figures["checks"] = {label: ok for label, ok in ctx.checks}
    figures["seconds_total"] = time.perf_counter() - t_start
    out = write_json("run.json", figures)
    minutes = figures["seconds_total"] / 60
    print(f"\nfigures written to {out.relative_to(ROOT)}; the run took {minutes:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
