"""SolrCloud beside the local engine, side by side in one run (issue 11, point 8).

On the same corpus (1 copy and N copies of the People's Daily corpus, laid out by
common.Copies), for the local index and a collection on a running SolrCloud cluster
(`scripts/solrcloud start`): build time and throughput (`searcher index --rebuild`, a fresh
process each), the index on disk, in-process query latency p50/p90/p99 over 300 sampled
queries (each once, not seen before, after 100 warm-up ones: as bench/run.py), one cold
terminal query (a fresh process, median of several), the Solr nodes' memory
and, with --recall, exact-string recall and precision on Solr against a plain substring
search (as bench/recall.py does for the local index). Prints Markdown tables with the load
average at each step, writes the figures to bench/out/solr.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

import common as c

sys.path.insert(0, str(c.ROOT))  # this checkout's searcher, not an installed copy

import searcher
from searcher.analysis import fold
from searcher.solr import collection
from searcher.solr.client import SolrClient

SCRIPT = c.ROOT / "scripts" / "solrcloud"
COLD_RUNS = 9
WARMUP = 100  # distinct queries answered before the measured ones (as bench/run.py)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def build(sources: Path, where: str, expect: int, layout: list[str]) -> dict:
    """`searcher index SOURCES -i WHERE --rebuild --json` in a fresh process."""
    cmd = [*c.index_cmd([sources], where, rebuild=True), *layout]  # type: ignore[arg-type]
    before = load()
    run = c.run_measured(cmd, cwd=c.ROOT, env=c.bench_env(), sample=True).check()
    report = c.index_report(run)
    if report.get("articles") != expect:
        raise SystemExit(f"{where}: indexed {report.get('articles')} articles, not {expect}")
    return {**run.figures(), "load_before": before, "load_after": load()}


def cold(where: str, query: str, runs: int = COLD_RUNS) -> dict:
    """One terminal query in a fresh process, `runs` times after an uncounted one."""
    cmd, env = c.searcher_cmd("search", query, "-i", where), c.bench_env()
    c.run_measured(cmd, cwd=c.ROOT, env=env).check((0, 1))  # writes caches, not counted
    walls = [c.run_measured(cmd, cwd=c.ROOT, env=env).check((0, 1)).seconds for _ in range(runs)]
    return {"seconds": statistics.median(walls), "min": min(walls), "max": max(walls)} | {
        "load": load()
    }


def warm(where: str, warmup: list[str], queries: list[str]) -> dict:
    """Each query once, not seen before, after the warm-up ones (as bench/run.py measures)."""
    with searcher.open_index(where) as ix:
        out = c.unseen_latency(lambda q: ix.search(q, limit=10), warmup, queries)
    return {k: v for k, v in out.items() if k != "per_query"} | {"load": load()}


def queries_for(copies: c.Copies, n: int, args) -> tuple[list[str], list[str]]:
    """Warm-up and measured queries drawn from the archive itself (as bench/run.py)."""
    pool = c.sample_distinct(
        lambda rng: copies.make(rng.randrange(n), rng.choice(copies.arts))["body"],
        WARMUP + args.queries,
        args.seed + (n > 1),
        c.COMMON_WORDS,
    )
    return pool[:WARMUP], pool[WARMUP:]


def solr_nodes() -> list[dict]:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "status", "--json"], text=True, capture_output=True
    )
    try:
        return [n for n in json.loads(out.stdout)["nodes"] if n["state"] == "up"]
    except (ValueError, KeyError):
        return []


def rss_mib(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return None


def solr_size(where: str) -> int:
    """Bytes of the collection's index on disk, every replica of every shard."""
    client = SolrClient(where, timeout=120)
    name = client.resolve()
    total = 0
    for node in client.live_nodes():
        host, _, _ = node.partition("_")
        cores = SolrClient(f"solr://{host}/").request("/admin/cores", {"action": "STATUS"})
        for core, status in (cores.get("status") or {}).items():
            if core.startswith(name + "_"):
                total += int((status.get("index") or {}).get("sizeInBytes") or 0)
    return total


def exact_recall(where: str, arts: list[dict], queries: list[str]) -> dict:
    """Quoted queries against a plain substring search of the folded text (every result
    judged); unquoted, the first |truth| results (the exact tier) must be the truth."""
    folded = [(a["id"], fold(a.get("title") or ""), fold(a["body"])) for a in arts]
    counts = {"quoted_missed": 0, "quoted_wrong": 0, "unquoted_missed": 0, "unquoted_wrong": 0}
    tp = truth_n = judged = 0
    with searcher.open_index(where) as ix:
        for q in queries:
            fq = fold(q)
            truth = {i for i, t, b in folded if fq in t or fq in b}
            found = {h.id for h in ix.search(f'"{q}"', limit=0, snippets=False)}
            tp, truth_n, judged = tp + len(found & truth), truth_n + len(truth), judged + len(found)
            counts["quoted_missed"] += bool(truth - found)
            counts["quoted_wrong"] += bool(found - truth)
            ranked = [h.id for h in ix.search(q, limit=0, snippets=False)]
            counts["unquoted_missed"] += bool(truth - set(ranked))
            counts["unquoted_wrong"] += bool(set(ranked[: len(truth)]) - truth)
    return {
        "queries": len(queries),
        "recall": tp / truth_n if truth_n else None,
        "precision": tp / judged if judged else None,
        **counts,
    }


def measure(copies: c.Copies, n: int, args) -> dict:
    """Both engines on the n-copy corpus: build, size, warm and cold queries."""
    sources, expect = copies.dir, copies.articles
    local = args.workdir / f"local-{n}"
    where = f"{args.address.rstrip('/')}/bench{n}"
    layout = ["--shards", str(args.shards), "--replicas", str(args.replicas)]
    out: dict = {"copies": n, "articles": expect, "text_bytes": copies.text_bytes}
    c.log(f"{n}×: local build…")
    out["local_build"] = build(sources, str(local), expect, [])
    out["local_bytes"] = c.dir_bytes(c.generation_dir(local))
    c.log(f"{n}×: Solr build ({args.shards} shards × {args.replicas} replicas)…")
    out["solr_build"] = build(sources, where, expect, layout)
    out["solr_bytes"] = solr_size(where)
    out["solr_rss_mib"] = [rss_mib(node["pid"]) for node in solr_nodes()]
    warmup, queries = queries_for(copies, n, args)
    for name, place in (("local", str(local)), ("solr", where)):
        c.log(f"{n}×: {name}: {len(queries)} unseen queries after {WARMUP}, a cold one…")
        out[f"{name}_warm"] = warm(place, warmup, queries)
        out[f"{name}_cold"] = cold(place, args.cold_query or queries[0])
    return out


def table(m: dict) -> str:
    mb = m["text_bytes"] / 1e6
    lb, sb = m["local_build"], m["solr_build"]
    t = c.Table(["figure", "local", "Solr", "Solr / local"])
    t.add(
        "build, s (whole process)",
        c.fmt(lb["seconds"], ".1f"),
        c.fmt(sb["seconds"], ".1f"),
        c.ratio(sb["seconds"], lb["seconds"]),
    )
    t.add(
        "build, MB/s of text",
        c.fmt(mb / lb["seconds"], ".3f"),
        c.fmt(mb / sb["seconds"], ".3f"),
        c.ratio(lb["seconds"], sb["seconds"]),
    )
    t.add(
        "build, peak PSS of the searcher process tree, MiB",
        c.fmt(lb["tree_pss_mib"], ".0f"),
        c.fmt(sb["tree_pss_mib"], ".0f"),
        None,
    )
    t.add(
        "index on disk, MB (Solr: every replica)",
        c.fmt(m["local_bytes"] / 1e6, ".1f"),
        c.fmt(m["solr_bytes"] / 1e6, ".1f"),
        c.ratio(m["solr_bytes"], m["local_bytes"]),
    )
    for p in ("p50", "p90", "p99"):
        lw, sw = m["local_warm"][p], m["solr_warm"][p]
        t.add(
            f"query {p}, ms (unseen, 10 hits)", c.fmt(lw, ".1f"), c.fmt(sw, ".1f"), c.ratio(sw, lw)
        )
    lc, sc = m["local_cold"], m["solr_cold"]
    t.add(
        "cold terminal query, s (median)",
        c.fmt(lc["seconds"], ".3f"),
        c.fmt(sc["seconds"], ".3f"),
        c.ratio(sc["seconds"], lc["seconds"]),
    )
    loads = [lb["load_before"], lb["load_after"], sb["load_before"], sb["load_after"]]
    loads += [m["local_warm"]["load"], m["solr_warm"]["load"], lc["load"], sc["load"]]
    t.add("load average during the steps", "", f"{min(loads):.1f}–{max(loads):.1f}", None)
    return f"{m['copies']}× ({m['articles']:,} articles, {mb:.1f} MB of text)\n\n{t}"


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, metavar="DIR", default=c.DEFAULT_CORPUS)
    ap.add_argument(
        "--address",
        default=os.environ.get("SEARCHER_SOLR_BENCH", "solr://127.0.0.1:8983/"),
        help="the cluster (default $SEARCHER_SOLR_BENCH or solr://127.0.0.1:8983/)",
    )
    ap.add_argument("--copies", default="1,30", help="corpus sizes, comma-separated (1,30)")
    ap.add_argument("--shards", type=int, default=2)
    ap.add_argument("--replicas", type=int, default=1)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--cold-query", metavar="Q", help="default: the first sampled query")
    ap.add_argument(
        "--recall", type=int, metavar="N", default=0, help="also: Solr's exact-string recall (1×)"
    )
    ap.add_argument("--workdir", type=Path, default=c.DEFAULT_WORKDIR / "solr")
    ap.add_argument("--keep", action="store_true", help="keep the benchmark's collections")
    return ap.parse_args()


def main() -> int:
    args = arguments()
    text, info = c.header(f"python {shlex.join(sys.argv)}")
    print(text + "\n")
    arts = c.read_corpus(args.corpus.resolve())
    if not arts:
        raise SystemExit(f"no *.jsonl.gz or *.jsonl articles under {args.corpus} (see --corpus)")
    c.compile_bytecode(c.ROOT / "searcher")
    figures: dict = {**info, "corpus_articles": len(arts), "corpus_text_bytes": c.text_bytes(arts)}
    figures["runs"] = []
    for n in (int(x) for x in args.copies.split(",")):
        copies = c.Copies(args.corpus, n, args.workdir / f"copies-{n}", arts)
        copies.ensure()
        m = measure(copies, n, args)
        where = f"{args.address.rstrip('/')}/bench{n}"
        if args.recall and n == 1:
            c.log(f"1×: exact-string recall on Solr, {args.recall} queries…")
            indexed = c.read_corpus(copies.dir)  # the articles as written, ids and all
            recall_queries = c.sample_queries(arts, args.recall, args.seed + 2)
            m["solr_recall"] = exact_recall(where, indexed, recall_queries)
            print(f"Solr exact-string recall and precision: {json.dumps(m['solr_recall'])}\n")
        figures["runs"].append(m)
        print(table(m) + "\n")
        if not args.keep:
            collection.remove(SolrClient(where, timeout=600))
    figures["load_average_at_the_end"] = load()
    out = c.write_json("solr.json", figures)
    print(f"figures written to {out.relative_to(c.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
