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
    latency,
    log,
    ratio,
    read_corpus,
    run_measured,
    sample_queries,
    searcher_cmd,
    text_bytes,
    use_checkout,
    write_json,
)

COLD_RUNS = 9
GIB_MIB = 1024
LINEAR_MAX = 1.25  # seconds per MB at N copies / at 1 copy: "grows linearly" (our threshold)


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


def warm_searcher(index: Path, queries: list[str]) -> dict:
    import searcher

    with searcher.open_index(index) as ix:
        for q in queries:  # warm-up pass: caches filled, every code path loaded
            ix.search(q, limit=10)
        return latency(lambda q: ix.search(q, limit=10), queries)


def warm_naive(index: Path, queries: list[str]) -> dict:
    nv = naive.Searcher(index)
    try:
        for q in queries:
            nv.top10(q)
        return latency(nv.top10, queries)
    finally:
        nv.close()


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
    queries = sample_queries(arts, args.queries, args.seed)
    cold_q = args.cold_query or queries[0]

    head, info = header(f"python {shlex.join(sys.argv)}")
    print(head + "\n")
    print(
        f"corpus {corpus}: {len(arts):,} articles, {tb / 1e6:.2f} MB of text (UTF-8 titles and "
        f"bodies); {len(queries)} warm queries, seed {args.seed}; cold query {cold_q!r}; "
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
    log(f"warm queries: {len(queries)} × (1 warm-up + 3 passes) each…")
    warm = {"searcher": warm_searcher(s_ix, queries), "naive": warm_naive(n_ix, queries)}

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
        goal="≥ 5× naive",
        ok=target("build throughput ≥ 5× naive", bs["mb_per_s"] >= 5 * bn["mb_per_s"]),
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
            f"warm query {k}, ms ({len(queries)} queries, 10 hits)",
            ws[k],
            wn[k],
            ".2f",
            goal=limit and f"≤ {limit} ms",
            ok=ok,
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
        copies = Copies(corpus, n, work / f"copies-{n}", arts)
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
        log(f"{n} copies: warm and cold queries…")
        wbig = warm_searcher(big_ix, queries)
        wnbig = warm_naive(nbig_ix, queries) if nb else {}
        cbig = cold(searcher_cmd("search", cold_q, "-i", big_ix), work)
        rgc = rg_cmd(cold_q, copies.dir, gz=False)
        crg = cold(rgc, work) if rgc else {}

        at = "" if n == 30 else f" (set for 30 copies; here {n})"
        t2 = Table(
            [
                f"{n} copies",
                "searcher",
                "naive" if nb else "naive (not built)",
                "searcher / naive",
                "floor",
                "target",
                "",
            ],
            "lrrrrlr",
        )
        row(t2, "build time, s (whole process, once)", big["seconds"], nb.get("seconds"), ".1f")
        row(t2, "build throughput, MB/s of text", big["mb_per_s"], nb.get("mb_per_s"), ".3f")
        row(
            t2,
            "build peak memory, MiB (process tree PSS)",
            big["tree_pss_mib"],
            nb.get("tree_pss_mib"),
            ".0f",
            goal="< 1024 MiB",
            ok=target(f"{n} copies: build peak < 1 GiB (PSS)", big["tree_pss_mib"] < GIB_MIB),
        )
        row(
            t2,
            "build peak memory, MiB (process tree RSS)",
            big["tree_rss_mib"],
            nb.get("tree_rss_mib"),
            ".0f",
        )
        row(
            t2,
            "build peak memory, MiB (largest process RSS)",
            big["maxrss_mib"],
            nb.get("maxrss_mib"),
            ".0f",
        )
        row(
            t2,
            "index size on disk, MB",
            big["index_bytes"],
            nb.get("index_bytes"),
            ".1f",
            scale=1e6,
        )
        for k, limit in (("p50", 30), ("p90", None), ("p99", 300)):
            ok = (
                target(f"{n} copies: warm {k} ≤ {limit} ms{at}", wbig[k] <= limit)
                if limit
                else None
            )
            row(
                t2,
                f"warm query {k}, ms",
                wbig[k],
                wnbig.get(k),
                ".2f",
                goal=limit and f"≤ {limit} ms{at}",
                ok=ok,
            )
        row(
            t2,
            f"cold query, s wall (median of {COLD_RUNS})",
            cbig["seconds"],
            None,
            ".3f",
            floor=crg.get("seconds"),
        )
        row(
            t2,
            "cold query, peak RSS MiB",
            cbig["maxrss_mib"],
            None,
            ".0f",
            floor=crg.get("maxrss_mib"),
        )
        print(
            f"\n{n} copies of the corpus: {cta:,} articles, {ctb / 1e6:.1f} MB of text, one "
            f"JSONL file per (copy, page) in {copies.dir} ({'written' if wrote else 'reused'}); "
            "floor: `rg -c QUERY` over the copies' plain JSONL\n"
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
            "naive_build": nb or None,
            "warm_ms": {"searcher": wbig, "naive": wnbig or None},
            "cold": {"searcher": cbig, "ripgrep": crg or None},
        }

    print("\n| target (issue 4) | |\n| --- | --- |")
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
