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


def main() -> int:
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
    use_checkout(args.searcher)  # not a copy pip installed earlier
    t_start = time.perf_counter()
    corpus = args.corpus.resolve()
    arts = read_corpus(corpus)
    if not arts:
        ap.error(f"no *.jsonl.gz / *.jsonl articles under {corpus}")
    tb = text_bytes(arts)
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    pool = sample_distinct(
        lambda rng: rng.choice(arts)["body"], WARMUP + args.queries, args.seed, COMMON_WORDS
    )
    warmup, queries = pool[:WARMUP], pool[WARMUP:]
    cold_q = args.cold_query or queries[0]

    head, info = header(f"python {shlex.join(sys.argv)}")
    print(head + "\n")
    print(
        f"corpus {corpus}: {len(arts):,} articles, {tb / 1e6:.2f} MB of text (UTF-8 titles and "
        f"bodies); {len(queries)} warm queries (distinct, each once, after {WARMUP} others), "
        f"seed {args.seed}; cold query {cold_q!r}; "
        f"builds: median of {args.repeat} (each takes about half a minute; --repeat R for more); "
        f"workdir {work}\n"
    )
    if "--rebuild" not in index_flags():
        print(
            "note: this `searcher index` has no --rebuild; each build starts from an empty folder\n"
        )

    compile_bytecode(common.PKG_ROOT / "searcher", BENCH / "naive.py", BENCH / "common.py")
    s_ix, n_ix = work / "searcher", work / "naive"

    # ---- builds on the corpus, alternating
    s_runs, n_runs = [], []
    for r in range(args.repeat):
        log(f"build {r + 1}/{args.repeat}: searcher…")
        s_runs.append(build_searcher([corpus], s_ix, work, len(arts)))
        log(f"build {r + 1}/{args.repeat}: naive…")
        n_runs.append(build_naive(corpus, n_ix, work, len(arts)))
    build = {
        "searcher": summarise_builds(s_runs, tb, dir_bytes(generation_dir(s_ix))),
        "naive": summarise_builds(n_runs, tb, dir_bytes(n_ix)),
    }

    # ---- one cold terminal query, whole process
    log(f"cold query {cold_q!r}, {COLD_RUNS} runs each…")
    cold_fig = {
        "searcher": cold(searcher_cmd("search", cold_q, "-i", s_ix), work),
        "naive": cold([sys.executable, str(BENCH / "naive.py"), "search", str(n_ix), cold_q], work),
    }
    rg = rg_cmd(cold_q, corpus, gz=True)
    cold_fig["ripgrep"] = cold(rg, work) if rg else None

    # ---- warm queries in process
    log(f"warm queries: {WARMUP} to warm up, then {len(queries)} unseen ones once each…")
    warm = {
        "searcher": warm_searcher(s_ix, warmup, queries),
        "naive": warm_naive(n_ix, warmup, queries),
    }

    figures = info | {
        "corpus": str(corpus),
        "articles": len(arts),
        "text_bytes": tb,
        "queries": len(queries),
        "seed": args.seed,
        "cold_query": cold_q,
        "repeat": args.repeat,
        "workdir": str(work),
        "build": build,
        "cold": cold_fig,
        "warm_ms": warm,
    }
    checks: list[tuple[str, bool | None]] = []

    def target(label: str, ok: bool) -> str:
        checks.append((label, ok))
        return mark(ok)

    def row(t: Table, label, a, b, spec, floor=None, goal=None, ok=None, scale=1.0) -> None:
        """searcher, naive, their ratio, the floor, the target and pass/fail."""
        a, b = (None if v is None else v / scale for v in (a, b))
        floor = floor if isinstance(floor, str) or floor is None else format(floor / scale, spec)
        t.add(label, fmt(a, spec), fmt(b, spec), ratio(a, b), floor, goal, ok)

    bs, bn = build["searcher"], build["naive"]
    cs, cn, cr = cold_fig["searcher"], cold_fig["naive"], cold_fig["ripgrep"] or {}
    ws, wn = warm["searcher"], warm["naive"]
    t = Table(["figure", "searcher", "naive", "searcher / naive", "floor", "target", ""], "lrrrrlr")
    row(
        t,
        f"build time, s (whole process, median of {args.repeat})",
        bs["seconds"],
        bn["seconds"],
        ".1f",
    )
    row(
        t,
        "build throughput, MB/s of text",
        bs["mb_per_s"],
        bn["mb_per_s"],
        ".3f",
        goal=f"≥ 5× naive (issue 4), ≥ {NAIVE_RATIO}× (issue 14)",
        ok=target("build throughput ≥ 5× naive", bs["mb_per_s"] >= 5 * bn["mb_per_s"]),
    )
    target(
        f"build throughput ≥ {NAIVE_RATIO}× naive (issue 14, median of {args.repeat})",
        bs["mb_per_s"] >= NAIVE_RATIO * bn["mb_per_s"],
    )
    row(
        t,
        "build peak memory, MiB (process tree PSS)",
        bs["tree_pss_mib"],
        bn["tree_pss_mib"],
        ".0f",
    )
    row(
        t,
        "build peak memory, MiB (process tree RSS)",
        bs["tree_rss_mib"],
        bn["tree_rss_mib"],
        ".0f",
    )
    row(
        t,
        "index size on disk, MB",
        bs["index_bytes"],
        bn["index_bytes"],
        ".1f",
        scale=1e6,
        goal="≤ naive",
        ok=target("index size ≤ naive", bs["index_bytes"] <= bn["index_bytes"]),
    )
    row(
        t,
        f"cold query, s wall (fresh process, median of {COLD_RUNS})",
        cs["seconds"],
        cn["seconds"],
        ".3f",
        floor=cr.get("seconds"),
        goal="≤ 0.45 s",
        ok=target("cold query ≤ 0.45 s", cs["seconds"] <= 0.45),
    )
    row(
        t,
        "cold query, peak RSS MiB",
        cs["maxrss_mib"],
        cn["maxrss_mib"],
        ".0f",
        floor=cr.get("maxrss_mib"),
        goal="≤ 100 MiB",
        ok=target("cold query ≤ 100 MiB", cs["maxrss_mib"] <= 100),
    )
    for k, limit in (("p50", 5), ("p90", None), ("p99", 50)):
        ok = target(f"warm {k} ≤ {limit} ms", ws[k] <= limit) if limit else None
        row(
            t,
            f"warm query {k}, ms ({len(queries)} unseen queries, 10 hits)",
            ws[k],
            wn[k],
            ".2f",
            goal=limit and f"≤ {limit} ms",
            ok=ok,
        )
    row(
        t,
        f"common words {', '.join(COMMON_WORDS)}: slowest, ms (10 hits)",
        ws["common_max"],
        wn["common_max"],
        ".1f",
    )
    print(t)
    print(
        "\nfloor: ripgrep `rg -z -c QUERY` over the gzip corpus (no ranking, no snippets)"
        + ("" if cr else " — not measured: rg is not installed")
        + ". Build time includes starting Python and reading the corpus. Build peak memory: "
        "the build's whole process tree, sampled every 0.1 s; PSS counts the pages forked "
        "workers share once (the memory used), the RSS sum counts them in every process (an "
        "upper bound). Cold query: stdout to a pipe, bytecode compiled, peak RSS from GNU time; "
        "naive: bench/naive.py search (ten highlighted hits)."
    )

    # ---- N copies
    if args.copies >= 2:
        n = args.copies
        copies = Copies(corpus, n, work / f"copies-{n}", arts, seed=args.seed)
        log(f"{n}-copy corpus in {copies.dir}…")
        wrote = copies.ensure()
        ctb, cta = copies.text_bytes, copies.articles
        log(f"{n} copies: searcher on 1 copy (same layout)…")
        one = build_searcher([copies.copy_dir(0)], work / "searcher-copies-1", work, len(arts))
        log(f"{n} copies: searcher on {n} copies…")
        big_ix, updating = copies_index(work, n)
        big = build_searcher([copies.dir], big_ix, work, cta)
        updating.unlink(missing_ok=True)  # built from the corpus as made: update.py may reuse it
        big |= {
            "index_bytes": dir_bytes(generation_dir(big_ix)),
            "mb_per_s": ctb / 1e6 / big["seconds"],
        }
        nb: dict = {}
        if args.naive_copies:
            log(f"{n} copies: naive (slow)…")
            nbig_ix = work / f"naive-copies-{n}"
            nb = build_naive(copies.dir, nbig_ix, work, cta)
            nb |= {"index_bytes": dir_bytes(nbig_ix), "mb_per_s": ctb / 1e6 / nb["seconds"]}
        # Queries drawn from the archive itself: a random copy's version of a random article.
        cpool = sample_distinct(
            lambda rng: copies.make(rng.randrange(n), rng.choice(arts))["body"],
            WARMUP + args.queries,
            args.seed + 1,
            COMMON_WORDS,
        )
        cwarm, cqueries = cpool[:WARMUP], cpool[WARMUP:]
        log(f"{n} copies: warm queries ({WARMUP} to warm up, {len(cqueries)} unseen)…")
        wbig = warm_searcher(big_ix, cwarm, cqueries)
        wnbig = warm_naive(nbig_ix, cwarm, cqueries) if nb else {}
        log(f"{n} copies: cold queries…")
        cbig = cold(searcher_cmd("search", cold_q, "-i", big_ix), work)
        cword = COMMON_WORDS[0]
        cbig_word = cold(searcher_cmd("search", cword, "-i", big_ix), work)
        rgc = rg_cmd(cold_q, copies.dir, gz=False)
        crg = cold(rgc, work) if rgc else {}

        at = "" if n == 100 else f" (set for 100 copies; here {n})"
        t2 = Table(
            [
                f"{n} copies",
                "searcher",
                "naive" if nb else "naive (not built)",
                "searcher / naive",
                "floor",
                "target (issue 14)",
                "",
                "corpus (1×, above)",
            ],
            "lrrrrlrr",
        )

        def row2(label, a, b, spec, one_x=None, floor=None, goal=None, ok=None, scale=1.0):
            row(t2, label, a, b, spec, floor=floor, goal=goal, ok=ok, scale=scale)
            t2.rows[-1].append("–" if one_x is None else format(one_x / scale, spec))

        row2(
            "build time, s (whole process, once)",
            big["seconds"],
            nb.get("seconds"),
            ".1f",
            bs["seconds"],
        )
        row2(
            "build throughput, MB/s of text",
            big["mb_per_s"],
            nb.get("mb_per_s"),
            ".3f",
            bs["mb_per_s"],
        )
        row2(
            "build peak memory, MiB (process tree PSS)",
            big["tree_pss_mib"],
            nb.get("tree_pss_mib"),
            ".0f",
            bs["tree_pss_mib"],
            goal="< 1024 MiB",
            ok=target(f"{n} copies: build peak < 1 GiB (PSS)", big["tree_pss_mib"] < GIB_MIB),
        )
        row2(
            "build peak memory, MiB (process tree RSS)",
            big["tree_rss_mib"],
            nb.get("tree_rss_mib"),
            ".0f",
            bs["tree_rss_mib"],
        )
        row2(
            "build peak memory, MiB (largest process RSS)",
            big["maxrss_mib"],
            nb.get("maxrss_mib"),
            ".0f",
            bs["maxrss_mib"],
        )
        row2(
            "index size on disk, MB",
            big["index_bytes"],
            nb.get("index_bytes"),
            ".1f",
            bs["index_bytes"],
            scale=1e6,
        )
        size_x = big["index_bytes"] / ctb
        row2(
            "index size / text size",
            size_x,
            nb["index_bytes"] / ctb if nb else None,
            ".2f",
            bs["index_bytes"] / tb,
            goal="≤ 2.5",
            ok=target(f"{n} copies: index ≤ 2.5× the text{at}", size_x <= 2.5),
        )
        for k, limit in (("p50", 5), ("p90", None), ("p99", 100)):
            ok = (
                target(f"{n} copies: warm {k} ≤ {limit} ms (unseen queries){at}", wbig[k] <= limit)
                if limit
                else None
            )
            row2(
                f"warm query {k}, ms ({len(cqueries)} unseen queries, 10 hits)",
                wbig[k],
                wnbig.get(k),
                ".2f",
                ws[k],
                goal=limit and f"≤ {limit} ms",
                ok=ok,
            )
        for w in COMMON_WORDS:
            row2(
                f"common word {w}, ms (10 hits with snippets, once)",
                wbig["common_ms"][w],
                (wnbig.get("common_ms") or {}).get(w),
                ".1f",
                ws["common_ms"][w],
                goal="≤ 50 ms",
                ok=target(f"{n} copies: {w} ≤ 50 ms{at}", wbig["common_ms"][w] <= 50),
            )
        row2(
            f"cold query {cold_q!r}, s wall (median of {COLD_RUNS})",
            cbig["seconds"],
            None,
            ".3f",
            cs["seconds"],
            floor=crg.get("seconds"),
            goal="≤ 0.45 s",
            ok=target(f"{n} copies: cold query ≤ 0.45 s{at}", cbig["seconds"] <= 0.45),
        )
        row2(
            "cold query, peak RSS MiB",
            cbig["maxrss_mib"],
            None,
            ".0f",
            cs["maxrss_mib"],
            floor=crg.get("maxrss_mib"),
            goal="≤ 150 MiB",
            ok=target(f"{n} copies: cold query ≤ 150 MiB{at}", cbig["maxrss_mib"] <= 150),
        )
        row2(
            f"cold query {cword!r}, s wall / peak RSS MiB",
            cbig_word["seconds"],
            None,
            ".3f",
        )
        t2.rows[-1][1] += f" / {cbig_word['maxrss_mib']:.0f}"
        print(
            f"\n{n} copies of the corpus: {cta:,} articles, {ctb / 1e6:.1f} MB of text, one "
            f"JSONL file per (copy, page) in {copies.dir} ({'written' if wrote else 'reused'}); "
            "floor: `rg -c QUERY` over the copies' plain JSONL. Warm queries: drawn from the "
            f"copies (a random copy of a random article), distinct, each run once after {WARMUP} "
            "others; the last column repeats the corpus figures above (its own query sample)\n"
        )
        print(t2)

        s1 = one["seconds"] / (tb / 1e6)
        sn = big["seconds"] / (ctb / 1e6)
        t3 = Table(["searcher build", "MB of text", "seconds", "s per MB", "target", ""], "lrrrlr")
        t3.add(
            "the corpus (one .jsonl.gz, above)",
            fmt(tb / 1e6, ".2f"),
            fmt(bs["seconds"], ".1f"),
            fmt(bs["seconds"] / (tb / 1e6), ".2f"),
            None,
            None,
        )
        t3.add(
            f"1 copy ({len(copies.pages)} page files)",
            fmt(tb / 1e6, ".2f"),
            fmt(one["seconds"], ".1f"),
            fmt(s1, ".2f"),
            None,
            None,
        )
        t3.add(
            f"{n} copies ({n * len(copies.pages):,} page files)",
            fmt(ctb / 1e6, ".1f"),
            fmt(big["seconds"], ".1f"),
            fmt(sn, ".2f"),
            None,
            None,
        )
        t3.add(
            f"{n} copies / 1 copy",
            f"{n}×",
            ratio(big["seconds"], one["seconds"]),
            f"{sn / s1:.2f}×",
            f"≤ {LINEAR_MAX}× (linear)",
            target(f"build time linear in size (s/MB ratio ≤ {LINEAR_MAX})", sn / s1 <= LINEAR_MAX),
        )
        print("\ntime grows linearly with size: seconds per MB of text at 1 and N copies\n")
        print(t3)

        log("vocabulary of the 1-copy and N-copy indexes…")
        grow = copies.stats["chars_bigrams_after_copy"]
        v1, vn = vocabulary(work / "searcher-copies-1"), vocabulary(big_ix)
        t4 = Table(["the archive grows", "1 copy", f"{n} copies", f"{n} / 1"], "lrrr")
        t4.add("distinct words (index terms, title ∪ body)", f"{v1:,}", f"{vn:,}", ratio(vn, v1))
        t4.add(
            "distinct character bigrams (titles and bodies)",
            f"{grow[0][2]:,}",
            f"{grow[-1][2]:,}",
            ratio(grow[-1][2], grow[0][2]),
        )
        t4.add(
            "distinct characters",
            f"{grow[0][1]:,}",
            f"{grow[-1][1]:,}",
            ratio(grow[-1][1], grow[0][1]),
        )
        t4.add("articles whose text had to be made unique", "", f"{len(copies.fixups):,}", "")
        print(
            f"\nhow the archive grows (each copy after the first maps {Copies.SUBS} of the "
            f"characters ranked {Copies.RANKS[0]}–{Copies.RANKS[1]} to others)\n"
        )
        print(t4)
        figures["copies"] = {
            "n": n,
            "articles": cta,
            "text_bytes": ctb,
            "pages": len(copies.pages),
            "folder": str(copies.dir),
            "written": wrote,
            "searcher_build": big,
            "searcher_build_1_copy": one | {"s_per_mb": s1},
            "s_per_mb": sn,
            "linear_ratio": sn / s1,
            "index_to_text": size_x,
            "naive_build": nb or None,
            "warm_ms": {"searcher": wbig, "naive": wnbig or None},
            "cold": {"searcher": cbig, "searcher_common": cbig_word, "ripgrep": crg or None},
            "growth": {
                "words": [v1, vn],
                "chars_bigrams_after_copy": grow,
                "fixups": len(copies.fixups),
            },
        }

    print("\n| target (issues 4 and 14) | |\n| --- | --- |")
    for label, ok in checks:
        print(f"| {label} | {mark(ok)} |")
    figures["checks"] = {label: ok for label, ok in checks}
    figures["seconds_total"] = time.perf_counter() - t_start
    out = write_json("run.json", figures)
    print(
        f"\nfigures written to {out.relative_to(ROOT)}; the run took "
        f"{figures['seconds_total'] / 60:.1f} min"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
