"""Keeping the index current: updating one page of an N-copy index against rebuilding it (issue 3).

Builds (or reuses) the N-copy corpus, one JSONL file per (copy, page), and its
searcher index, then times `searcher index` subprocesses: a no-op update, the
update after one page file changed, after it was deleted, that page alone in an
empty index (the floor), and a full rebuild. Checks the changed page's articles
by searching for strings written into it. Prints Markdown tables and writes the
figures to bench/out/update.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import shutil
import statistics
import sys
import time
from pathlib import Path

from common import (
    DEFAULT_CORPUS,
    DEFAULT_WORKDIR,
    ROOT,
    Copies,
    Table,
    bench_env,
    copies_index,
    fmt,
    header,
    index_cmd,
    index_flags,
    index_report,
    log,
    ratio,
    read_corpus,
    run_measured,
    searcher_cmd,
    use_checkout,
    write_json,
)

CHEAP_S = 30.0  # a step whose first run took less is run 3 times (median reported)
# Written into the changed page: strings found nowhere in the corpus (checked).
NEW_MARK = "齉龘新增{}"
EDIT_MARK = "齉龘修订{}"
ROUND = "甲乙丙丁戊"


class Bench:
    def __init__(self, work: Path, index: Path) -> None:
        self.work, self.index, self.env = work, index, bench_env()
        self.steps: dict[str, dict] = {}

    def run(self, cmd: list[str], ok=(0,)) -> dict:
        log(f"  {shlex.join(['searcher', *cmd[3:]])}")
        r = run_measured(cmd, cwd=self.work, env=self.env, sample=True)
        fig = r.figures() | {"report": index_report(r)}
        if r.returncode not in ok:
            fig["error"] = (r.stderr.strip().splitlines() or ["?"])[-1]
        return fig

    def step(
        self,
        name: str,
        cmd: list[str],
        *,
        prepare=None,
        rounds: int = 3,
        cheap: float = CHEAP_S,
        ok=(0,),
    ) -> dict:
        """Time cmd once; if it was cheap and succeeded, `rounds` times in all.

        prepare(i), if given, runs before round i (untimed): it makes the change
        that round's update is to pick up.
        """
        runs = self.steps[name]["runs"] if name in self.steps else []  # another round
        for i in range(rounds):
            if prepare:
                prepare(i)
            runs.append(self.run(cmd, ok))
            if "error" in runs[-1] or runs[0]["seconds"] >= cheap:
                break
        good = [r for r in runs if "error" not in r]
        fig = {
            "command": shlex.join(["searcher", *cmd[3:]]),
            "runs": runs,
            "seconds": statistics.median(r["seconds"] for r in good) if good else None,
            "report": runs[-1]["report"],
            "error": runs[-1].get("error"),
            "tree_pss_mib": max(r["tree_pss_mib"] for r in runs),
            "tree_rss_mib": max(r["tree_rss_mib"] for r in runs),
        }
        self.steps[name] = fig
        return fig

    def ids(self, query: str) -> set[str] | None:
        """Ids of every article a quoted query finds, through the CLI's JSON output."""
        cmd = searcher_cmd("search", f'"{query}"', "-i", self.index, "-n", "0", "--json")
        r = run_measured(cmd, cwd=self.work, env=self.env)
        if r.returncode not in (0, 1):
            log(f"  search {query!r} failed: {r.stderr.strip()[-300:]}")
            return None
        out = set()
        for line in r.stdout.splitlines():
            obj = json.loads(line)
            if obj.get("type") == "hit":
                out.add(obj["id"])
        return out

    def info(self) -> dict:
        r = run_measured(
            searcher_cmd("info", "-i", self.index, "--json"), cwd=self.work, env=self.env
        )
        try:
            return json.loads(r.stdout) if r.returncode == 0 else {}
        except ValueError:
            return {}


def report_text(report: dict) -> str:
    """The report's keys, compactly: numbers and flags as they are, lists by length."""
    parts = []
    for k, v in report.items():
        if k in ("type", "version", "path"):
            continue
        if isinstance(v, list):
            if v:
                parts.append(f"{k}: {len(v)}")
        elif isinstance(v, float):
            parts.append(f"{k} {v:g}")
        else:
            parts.append(f"{k} {v}")
    return ", ".join(parts) or "–"


def pick(copies: Copies, seed: int) -> tuple[str, dict, str, set[str]]:
    """The page to change (in the last copy), its article to edit (as that copy holds it),
    a probe string of that article's body found in no other article of its copy, and the
    ids of every article of the N copies whose text holds the probe (copies differ)."""
    rng = random.Random(seed)
    k = copies.n - 1
    pages = sorted(p for p, arts in copies.pages.items() if len(arts) >= 5)
    page = rng.choice(pages)
    recs = copies.records(k, page)
    mine = [
        (r["id"], (r.get("title") or "") + "\n" + r["body"])
        for p in copies.pages
        for r in copies.records(k, p)
    ]
    for art in rng.sample(recs, len(recs)):
        body = art["body"]
        for _ in range(50):
            if len(body) < 8:
                break
            i = rng.randrange(len(body) - 7)
            probe = body[i : i + 8]
            if not all("\u4e00" <= c <= "\u9fff" for c in probe):
                continue
            where = [i for i, t in mine if probe in t]
            if where == [art["id"]] and body.count(probe) == 1:
                holders = {
                    r["id"]
                    for _, _, rs in copies.iter_records()
                    for r in rs
                    if probe in (r.get("title") or "") + "\n" + r["body"]
                }
                return page, art, probe, holders
    raise SystemExit(f"no article of page {page} has a string of its own")


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, metavar="DIR", default=DEFAULT_CORPUS)
    ap.add_argument("--copies", type=int, metavar="N", default=30)
    ap.add_argument("--seed", type=int, metavar="S", default=1998, help="picks the page")
    ap.add_argument(
        "--workdir",
        type=Path,
        metavar="DIR",
        default=DEFAULT_WORKDIR,
        help=f"corpus copies and index, kept and reused (default {DEFAULT_WORKDIR})",
    )
    ap.add_argument("--fresh", action="store_true", help="build the index even if reusable")
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


def _show(s: set[str]) -> str:
    if len(s) <= 3:
        return ", ".join(sorted(s)) or "none"
    return f"{len(s)} articles: " + ", ".join(sorted(s)[:2]) + ", …"


class Scenario:
    """One run: the N-copy corpus and its index, the page changed, the steps and checks."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.corpus = args.corpus.resolve()
        self.originals = read_corpus(self.corpus)
        if not self.originals or args.copies < 1:
            args.error(f"no articles under {self.corpus}, or --copies below 1")
        self.work = args.workdir.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        self.n = n = args.copies
        self.copies = Copies(self.corpus, n, self.work / f"copies-{n}", self.originals)
        self.ix, self.dirty = copies_index(self.work, n)
        self.b = Bench(self.work, self.ix)
        self.k = n - 1
        self.page, self.art, self.probe, holders = pick(self.copies, args.seed)
        self.page_file = self.copies.path(self.k, self.page)
        self.a_id = self.art["id"]
        self.others = holders - {self.a_id}
        self.page_arts = len(self.copies.pages[self.page])
        self.checks: list[tuple[str, str, str, bool]] = []
        self.rebuild_flag = "--rebuild" in index_flags()
        self.reuse = False
        self.last = 0
        alltext = "\n".join((a.get("title") or "") + "\n" + a["body"] for a in self.originals)
        for r in ROUND:
            assert NEW_MARK.format(r) not in alltext and EDIT_MARK.format(r) not in alltext

    def check(self, label: str, query: str, want: set[str]) -> None:
        got = self.b.ids(query)
        found = "search failed" if got is None else _show(got)
        self.checks.append((label, _show(want), found, got == want))

    def new_id(self, r: int) -> str:
        return f"{self.copies.copy_name(self.k)}-{self.page}-9{r:02d}"

    def variant(self, r: int) -> list[dict]:
        """The page with article A edited and one new article at the end (round r)."""
        pristine = self.copies.records(self.k, self.page)
        recs = [dict(x) for x in pristine]
        for x in recs:
            if x["id"] == self.a_id:
                x["body"] = x["body"].replace(self.probe, EDIT_MARK.format(ROUND[r]), 1)
        other = self.copies.pages[sorted(self.copies.pages)[0]][0]
        recs.append(
            {
                "id": self.new_id(r),
                "title": f"基准测试新增文章{ROUND[r]}",
                "date": pristine[0].get("date"),
                "source": pristine[0].get("source"),
                "body": f"本文为更新基准所加，标记{NEW_MARK.format(ROUND[r])}。\n" + other["body"],
            }
        )
        return recs

    def full_build(self, name: str) -> dict:
        if not self.rebuild_flag:
            shutil.rmtree(self.ix, ignore_errors=True)
        return self.b.step(name, index_cmd([self.copies.dir], self.ix, rebuild=True), rounds=1)

    def prepare(self) -> None:
        """The copies written, the page as made, and the base index built or reused."""
        copies, ix = self.copies, self.ix
        log(f"{self.n}-copy corpus in {copies.dir}…")
        wrote = copies.ensure()
        copies.write_page(self.k, self.page)  # as made, whatever an interrupted run left
        print(
            f"{self.n} copies of {self.corpus}: {copies.articles:,} articles, "
            f"{copies.text_bytes / 1e6:.1f} MB of text, {self.n * len(copies.pages):,} page files "
            f"in {copies.dir} ({'written' if wrote else 'reused'}); index {ix}; the changed "
            f"page: {self.page_file.relative_to(copies.dir)} ({self.page_arts} articles), edited "
            f"article {self.a_id}\n"
        )
        if not self.rebuild_flag:
            print("note: `searcher index` has no --rebuild; rebuilds start from an empty folder\n")
        # the base index: reused if it holds this corpus and no run left it changed
        have = self.b.info() if ix.exists() else {}
        self.reuse = (
            not self.args.fresh
            and not self.dirty.exists()
            and have.get("articles") == copies.articles
            and have.get("sources") == [str(copies.dir)]
        )
        self.dirty.touch()
        if self.reuse:
            log(f"reusing the index at {ix} ({have['articles']:,} articles)")
            return
        log("building the base index…")
        base = self.full_build("base build")
        if base["error"]:
            sys.exit(f"the base build failed: {base['error']}")

    def noop(self) -> list[str]:
        """No-op updates; the command later updates use (bare when it works)."""
        b, ix = self.b, self.ix
        log("no-op update…")
        bare = b.step("no-op, bare", searcher_cmd("index", "-i", ix, "--json"))
        b.step("no-op, sources given", index_cmd([self.copies.dir], ix))
        if not bare["error"] and bare["report"].get("articles") == self.copies.articles:
            return searcher_cmd("index", "-i", ix, "--json")
        print(
            "note: a bare `searcher index -i IX` did not update this index "
            f"({bare['error'] or report_text(bare['report'])}); the updates below give "
            "the sources explicitly\n"
        )
        return index_cmd([self.copies.dir], ix)

    def changed(self, upd: list[str]) -> None:
        """One page file changed: an article edited, one appended."""
        done = {"rounds": 0}

        def change(r: int) -> None:
            self.copies.write_page(self.k, self.page, self.variant(r))
            done["rounds"] = r + 1

        log("one page file changed…")
        self.b.step("one page changed", upd, prepare=change)
        self.last = last = done["rounds"] - 1
        new, edit = NEW_MARK.format(ROUND[last]), EDIT_MARK.format(ROUND[last])
        self.check("changed: the new article's string finds it alone", new, {self.new_id(last)})
        self.check("changed: the edit's string finds the edited article alone", edit, {self.a_id})
        label = "changed: the replaced string no longer finds the edited article"
        self.check(label, self.probe, self.others)
        if last:
            label = "changed again: the earlier round's new article is gone"
            self.check(label, NEW_MARK.format(ROUND[last - 1]), set())

    def alone(self) -> None:
        """The page alone, into an empty index: the floor."""
        alone_src = self.work / "update-alone"
        shutil.rmtree(alone_src, ignore_errors=True)
        alone_src.mkdir()
        src_file = alone_src / "src" / self.page_file.name
        src_file.parent.mkdir()
        src_file.write_bytes(self.page_file.read_bytes())

        def empty(_: int) -> None:
            shutil.rmtree(alone_src / "index", ignore_errors=True)

        log("the page alone…")
        cmd = index_cmd([src_file], alone_src / "index", rebuild=True)
        self.b.step("the page alone, empty index", cmd, prepare=empty)

    def deleted(self, upd: list[str]) -> None:
        """The page file deleted (and, when cheap, added back and deleted again)."""

        def delete(i: int) -> None:
            if i:
                self.copies.write_page(self.k, self.page, self.variant(self.last))
                self.b.step("one page added (back)", upd, rounds=1)
            self.page_file.unlink()

        log("one page file deleted…")
        self.b.step("one page deleted", upd, prepare=delete)
        self.check("deleted: the new article is gone", NEW_MARK.format(ROUND[self.last]), set())
        label = "deleted: the edited article is gone"
        self.check(label, EDIT_MARK.format(ROUND[self.last]), set())
        got = self.b.info().get("articles")
        want = self.copies.articles - self.page_arts
        found = "?" if got is None else f"{got:,}"
        self.checks.append(("deleted: articles in the index", f"{want:,}", found, got == want))

    def steps(self) -> dict:
        """Every step; the corpus left as made and the index rebuilt from it at the end."""
        try:
            label = "before: the probe string finds every article holding it"
            self.check(label, self.probe, self.others | {self.a_id})
            upd = self.noop()
            self.changed(upd)
            self.alone()
            self.deleted(upd)
        finally:
            self.copies.write_page(self.k, self.page)  # the corpus as made, whatever happened
        log("full rebuild…")
        rebuild = self.full_build("full rebuild")
        if not rebuild["error"]:
            self.dirty.unlink(missing_ok=True)
        return rebuild


def report(sc: Scenario, rebuild: dict) -> None:
    b, work = sc.b, sc.work
    alone = b.steps["the page alone, empty index"]["seconds"]
    full = rebuild["seconds"]
    t = Table(
        ["step", "command", "runs", "seconds", "/ page alone", "/ rebuild", "peak MiB", "report"],
        "llrrrrrl",
    )
    for name, s in b.steps.items():
        secs = s["seconds"]
        t.add(
            name,
            f"`{s['command'].replace(str(work) + '/', '')}`",
            len(s["runs"]),
            fmt(secs, ".2f") if secs is not None else f"failed: {s['error']}",
            ratio(secs, alone) if "alone" not in name else None,
            ratio(secs, full) if name != "full rebuild" else None,
            fmt(s["tree_pss_mib"], ".0f"),
            report_text(s["report"]),
        )
    print(t)
    print(
        f"\nseconds: wall time of a fresh `searcher index` process (median of the runs; a step "
        f"is run 3 times when its first run took under {CHEAP_S:.0f} s). peak MiB: PSS of its "
        "whole process tree (workers included), sampled every 0.1 s. report: the --json report "
        "of the last run. Paths are relative to the workdir.\n"
    )
    c = Table(["check", "expected", "found", ""], "llll")
    for label, want, got, ok in sc.checks:
        c.add(label, want, got, "pass" if ok else "**FAIL**")
    print(c)
    page_s = b.steps["one page changed"]["seconds"]
    if page_s is not None and alone and full:
        print(
            f"\nupdating one changed page: {page_s:.2f} s, {page_s / alone:.1f}× indexing it "
            f"alone ({alone:.2f} s), {page_s / full:.2f}× the full rebuild ({full:.1f} s)"
        )


def main() -> int:
    args = parse_args()
    use_checkout(args.searcher)
    t_start = time.perf_counter()
    sc = Scenario(args)
    head, info = header(f"python {shlex.join(sys.argv)}")
    print(head + "\n")
    sc.prepare()
    rebuild = sc.steps()
    report(sc, rebuild)
    checks = [{"check": lb, "expected": w, "found": g, "ok": ok} for lb, w, g, ok in sc.checks]
    figures = info | {
        "corpus": str(sc.corpus),
        "copies": sc.n,
        "articles": sc.copies.articles,
        "text_bytes": sc.copies.text_bytes,
        "folder": str(sc.copies.dir),
        "index": str(sc.ix),
        "reused_index": sc.reuse,
        "page_file": str(sc.page_file),
        "page_articles": sc.page_arts,
        "edited_article": sc.a_id,
        "probe": sc.probe,
        "steps": sc.b.steps,
        "checks": checks,
        "seconds_total": time.perf_counter() - t_start,
    }
    out = write_json("update.json", figures)
    print(
        f"\nfigures written to {out.relative_to(ROOT)}; the run took "
        f"{figures['seconds_total'] / 60:.1f} min"
    )
    return 0 if all(ok for *_, ok in sc.checks) else 1


if __name__ == "__main__":
    sys.exit(main())
