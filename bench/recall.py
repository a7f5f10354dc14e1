"""Recall, precision, build cost and latency: searcher against the naive jieba + Whoosh recipe.

Prints a Markdown table, writes the figures to bench/out/recall.json (see bench/README.md)
and exits 1 if a quoted searcher query misses an article or returns a wrong one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, dir_bytes, git_state, latency, log, read_corpus, sample_queries

# Measure the checkout this file lives in, not a copy pip installed earlier.
sys.path.insert(0, str(ROOT))

import naive

import searcher
from searcher import analysis
from searcher.analysis import fold
from searcher.local import store

OUT = ROOT / "bench" / "out" / "recall.json"
LEGEND = """`"q"`: searcher's quoted query; naive: Whoosh phrase query. `q`: as typed; searcher's
precision counts its first |truth| results (the exact tier), naive's all of them.
latency: 10 hits, searcher with snippets, naive with Whoosh body highlights."""
UNQUOTED = ("searcher_unquoted", "naive_unquoted")


class Score:
    """Per-query recall and precision, summed up micro (pooled) and macro (averaged)."""

    def __init__(self) -> None:
        self.tp = self.truth = self.judged_tp = self.judged = 0
        self.recalls: list[float] = []
        self.precisions: list[float] = []
        self.missed: list[dict] = []
        self.wrong: list[dict] = []

    def add(self, q: str, truth: set[str], found: set[str], judged: list[str] | None = None):
        """judged: the results whose precision counts (default: all of found)."""
        js = found if judged is None else set(judged)
        tp, jtp = len(found & truth), len(js & truth)
        self.tp, self.truth = self.tp + tp, self.truth + len(truth)
        self.judged_tp, self.judged = self.judged_tp + jtp, self.judged + len(js)
        self.recalls.append(tp / len(truth))
        if js:  # the precision of nothing is undefined, neither 0 nor 1
            self.precisions.append(jtp / len(js))
        if tp < len(truth):
            self.missed.append({"query": q, "truth": len(truth), "missing": sorted(truth - found)})
        if jtp < len(js):
            self.wrong.append({"query": q, "truth": len(truth), "wrong": sorted(js - truth)})

    def summary(self) -> dict:
        return {
            "recall_micro": self.tp / self.truth,
            "recall_macro": statistics.fmean(self.recalls),
            "precision_micro": self.judged_tp / self.judged if self.judged else None,
            "precision_macro": statistics.fmean(self.precisions) if self.precisions else None,
            "queries_with_miss": len(self.missed),
            "queries_with_wrong_hit": len(self.wrong),
            "queries_with_no_hit": len(self.recalls) - len(self.precisions),
            "examples_missed": [m | {"missing": m["missing"][:5]} for m in self.missed[:10]],
            "examples_wrong": [w | {"wrong": w["wrong"][:5]} for w in self.wrong[:10]],
        }


def git_label() -> str:
    """The commit measured, and whether the package differs from it."""
    sha, dirty = git_state()
    return sha + " (searcher/ modified)" * dirty


def table(build: dict, recall: dict, lat: dict) -> str:
    """Markdown: one row per figure, searcher / naive ratio (none for counts)."""
    bs, bn = build["searcher"], build["naive"]
    rows = [
        ("build time, s", ".1f", bs["seconds"], bn["seconds"]),
        ("build speed, MB/s of text", ".3f", bs["mb_per_s"], bn["mb_per_s"]),
        ("index size, MB", ".1f", bs["index_bytes"] / 1e6, bn["index_bytes"] / 1e6),
    ]
    for label, mode in (('`"q"`', ("searcher_quoted", "naive_phrase")), ("`q`", UNQUOTED)):
        s, n = recall[mode[0]], recall[mode[1]]
        for m, k in itertools.product(("recall", "precision"), ("micro", "macro")):
            rows.append((f"{label} {m}, {k}", ".4f", s[f"{m}_{k}"], n[f"{m}_{k}"]))
        for what in ("a miss", "a wrong hit", "no hit"):
            key = "queries_with_" + what.removeprefix("a ").replace(" ", "_")
            rows.append((f"{label} queries with {what}", ",d", s[key], n[key]))
    for k in ("p50", "p90", "p99"):
        rows.append((f"latency {k}, ms", ".1f", lat["searcher"][k], lat["naive"][k]))
    lines = ["| | searcher | naive | searcher / naive |", "| --- | ---: | ---: | ---: |"]
    for label, spec, a, b in rows:
        cells = [format(v, spec) if v is not None else "–" for v in (a, b)]
        ratio = f"{a / b:.2f}×" if spec != ",d" and a is not None and b else "–"
        lines.append(f"| {label} | {cells[0]} | {cells[1]} | {ratio} |")
    return "\n".join(lines)


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, metavar="DIR", default=ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--queries", type=int, metavar="N", default=1000)
    ap.add_argument("--seed", type=int, metavar="S", default=1998)
    ap.add_argument("--workdir", type=Path, metavar="DIR", help="for the indexes (default: temp)")
    args = ap.parse_args()
    args.corpus = args.corpus.resolve()
    return args


def _builds(corpus: Path, arts: list[dict], work: Path, text_bytes: int) -> dict:
    """Both indexes built, each timed: seconds, MB/s and size on disk."""
    analysis.words(fold("预热"))  # load jieba's dictionary before timing either build
    log("building the searcher index…")
    t0 = time.perf_counter()
    report = searcher.build_index([corpus], work / "searcher")
    s_secs = time.perf_counter() - t0
    if report.problems or report.articles != len(arts):
        sys.exit(f"searcher indexed {report.articles} of {len(arts)} articles: {report.problems}")
    s_size = dir_bytes(store.current_generation(work / "searcher"))
    log("building the naive index…")
    nix, n_secs, _ = naive.build(corpus, work / "naive")
    nix.close()
    n_size = dir_bytes(work / "naive")
    return {
        name: {"seconds": secs, "mb_per_s": text_bytes / 1e6 / secs, "index_bytes": size}
        for name, secs, size in (("searcher", s_secs, s_size), ("naive", n_secs, n_size))
    }


def _recall(arts: list[dict], queries: list[str], ix, nv) -> dict[str, Score]:
    """Every query judged against a plain substring search, on both indexes."""
    # Truth: a plain substring search, folded on both sides as searcher folds.
    folded = [(a["id"], fold(a.get("title") or ""), fold(a["body"])) for a in arts]
    ns, parser = nv.searcher, nv.parser
    ids = [ns.stored_fields(d)["id"] for d in range(ns.doc_count_all())]
    scores = {k: Score() for k in ("searcher_quoted", "naive_phrase", *UNQUOTED)}
    log(f"recall and precision over {len(queries)} queries…")
    for q in queries:
        fq = fold(q)
        truth = {i for i, t, b in folded if fq in t or fq in b}
        hits = ix.search(f'"{q}"', limit=0, snippets=False).hits
        scores["searcher_quoted"].add(q, truth, {h.id for h in hits})
        ranked = [h.id for h in ix.search(q, limit=0, snippets=False).hits]
        # The exact tier must come first: precision counts the first |truth| results.
        scores["searcher_unquoted"].add(q, truth, set(ranked), ranked[: len(truth)])
        for key, text in (("naive_unquoted", q), ("naive_phrase", f'"{q}"')):
            found = {ids[d] for d in ns.search(parser.parse(text), limit=None).docs()}
            scores[key].add(q, truth, found)
    return scores


def main() -> int:
    args = _arguments()
    corpus = args.corpus
    arts = read_corpus(corpus)
    if not arts:
        sys.exit(f"no *.jsonl.gz articles under {corpus}")
    text_bytes = sum(len((a.get("title") or "").encode()) + len(a["body"].encode()) for a in arts)
    command, code = f"python {shlex.join(sys.argv)}", git_label()
    print(f"$ {command}\n")
    print(
        f"corpus {corpus}: {len(arts):,} articles, {text_bytes / 1e6:.2f} MB of text; "
        f"{args.queries} queries, seed {args.seed}; searcher {code}; "
        f"load average {os.getloadavg()[0]:.2f} (timings assume an idle machine)\n"
    )
    tmp = None if args.workdir else tempfile.TemporaryDirectory(prefix="searcher-bench-")
    work = args.workdir or Path(tmp.name)
    build = _builds(corpus, arts, work, text_bytes)
    queries = sample_queries(arts, args.queries, args.seed)
    ix, nv = searcher.open_index(work / "searcher"), naive.Searcher(work / "naive")
    scores = _recall(arts, queries, ix, nv)
    # Warm: the recall pass above has already run every query once on both indexes.
    log("latency (3 passes each)…")
    lat = {"searcher": latency(lambda q: ix.search(q, limit=10), queries)}
    lat["naive"] = latency(nv.top10, queries)
    for closable in (ix, nv):
        closable.close()
    if tmp:
        tmp.cleanup()

    recall = {k: score.summary() for k, score in scores.items()}
    print(table(build, recall, lat) + "\n\n" + LEGEND)
    quoted = scores["searcher_quoted"]
    exact = not quoted.missed and not quoted.wrong
    print(f"\nsearcher quoted recall and precision exactly 1.0: {'yes' if exact else 'NO'}")
    for failure in quoted.missed + quoted.wrong:
        print(f"  quoted failure: {json.dumps(failure, ensure_ascii=False)}")

    figures = {"command": command, "corpus": str(corpus), "articles": len(arts)}
    figures |= {"text_bytes": text_bytes, "queries": len(queries), "seed": args.seed}
    figures |= {"searcher": code, "build": build, "recall": recall, "latency_ms": lat}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {OUT.relative_to(ROOT)}")
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
