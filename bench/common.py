"""Shared parts of the benchmarks (recall.py, run.py, update.py).

Only the standard library is imported here, so that bench/naive.py can use it
without paying for searcher, whoosh or jieba.

- the corpus: read_corpus, text_bytes, sample_queries, and the N-copy corpus laid
  out as one JSONL file per (copy, page): Copies;
- timing: latency (percentiles of warm in-process queries), run_measured (a
  subprocess's wall time, its peak RSS and the peak RSS of its whole process tree);
- the checkout and the machine: git_state, machine, header;
- the searcher CLI as a subprocess of this checkout: searcher_cmd, bench_env,
  index_flags, index_report, generation_dir.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import platform
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
OUT_DIR = BENCH / "out"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus"
# Kept between runs, so update.py can reuse the N-copy corpus and index run.py built.
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / f"searcher-bench-{os.getuid()}"
MiB = 1024 * 1024
# The checkout whose searcher package is measured: this one, unless use_checkout says otherwise.
PKG_ROOT = ROOT

log = functools.partial(print, file=sys.stderr, flush=True)  # progress, off the report


# ---------------------------------------------------------------- corpus


def corpus_files(folder: Path) -> list[Path]:
    """Every article file under folder: *.jsonl.gz and *.jsonl, recursively, sorted."""
    return sorted(p for pat in ("*.jsonl.gz", "*.jsonl") for p in Path(folder).rglob(pat))


def read_corpus(folder: Path) -> list[dict]:
    arts = []
    for f in corpus_files(folder):
        opener = gzip.open if f.name.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8") as fh:
            arts += [json.loads(line) for line in fh if line.strip()]
    return arts


def text_bytes(arts: Iterable[dict]) -> int:
    """UTF-8 bytes of every title and body: what throughput is measured in."""
    return sum(len((a.get("title") or "").encode()) + len(a["body"].encode()) for a in arts)


def sample_queries(arts: list[dict], n: int, seed: int) -> list[str]:
    """Substrings of 2-4 ideographs of random bodies: words, parts of words and strings
    across word boundaries alike, as users paste them. Duplicates are kept."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        body = rng.choice(arts)["body"]
        k = rng.randint(2, 4)
        if len(body) < k:
            continue
        i = rng.randrange(len(body) - k + 1)
        if all("\u4e00" <= c <= "\u9fff" for c in body[i : i + k]):
            out.append(body[i : i + k])
    return out


COMMON_WORDS = ("经济", "发展", "最近")  # issue 14: common two-character words, ten hits


def sample_distinct(
    body: Callable[[random.Random], str], n: int, seed: int, exclude: Iterable[str] = ()
) -> list[str]:
    """n distinct substrings of 2-4 ideographs of bodies drawn by body(rng), none in exclude:
    queries "not seen before" when each is run once."""
    rng = random.Random(seed)
    seen = set(exclude)
    out: list[str] = []
    while len(out) < n:
        text = body(rng)
        k = rng.randint(2, 4)
        if len(text) < k:
            continue
        i = rng.randrange(len(text) - k + 1)
        q = text[i : i + k]
        if q not in seen and all("\u4e00" <= c <= "\u9fff" for c in q):
            seen.add(q)
            out.append(q)
    return out


_PAGE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\D+?(\d+)\s*版")


def page_key(article: dict) -> str:
    """The printed page an article is on, as a file stem: 19980105-03.

    From its source ("人民日报 1998-01-05 第3版"); else from its date; else "misc".
    """
    m = _PAGE.search(article.get("source") or "")
    if m:
        y, mo, d, page = m.groups()
        return f"{y}{mo}{d}-{int(page):02d}"
    date = (article.get("date") or "").replace("-", "")
    return date or "misc"


def char_ranks(arts: Iterable[dict]) -> list[str]:
    """The corpus's ideographs (U+4E00-U+9FFF), most frequent first (ties by code point)."""
    from collections import Counter

    c: Counter[str] = Counter()
    for a in arts:
        c.update(a.get("title") or "")
        c.update(a["body"])
    return sorted((ch for ch in c if "\u4e00" <= ch <= "\u9fff"), key=lambda ch: (-c[ch], ch))


_DATE = re.compile(r"\b(\d{4})(-\d{2}-\d{2})\b")
_SENTENCE = re.compile(r"(?<=[。！？\n])")  # a sentence keeps its closing mark


def _year_shift(text: str, k: int) -> str:
    return _DATE.sub(lambda m: f"{int(m.group(1)) + k}{m.group(2)}", text) if k else text


class Copies:
    """An archive of N differing copies of a corpus, one JSONL file per (copy, original page):
    DIR/c07/19980105-03.jsonl.

    Copies differ as a real archive's years differ. Copy k (k >= 1) maps SUBS of the
    characters ranked RANKS (by frequency in the corpus) to other characters of that
    range, a different random choice per copy (seeded): new names and words appear,
    the vocabulary and the character bigrams grow with N, and the text stays Chinese
    that jieba segments as news (a mid-frequency character becomes another one).
    Titles and bodies are mapped; dates and source labels move k years on (copy 7 of
    1998-01-05 is 2005-01-05), ids get the prefix "c07-". Copy 0 is the corpus.
    Recipe 3: a copy's article also differs in length (one seeded sentence of its
    body dropped or repeated), so that the copies of an article do not score alike
    (with recipe 2, most strings' scores tied 100-fold and ranking spent its time
    breaking ties by id).
    No two articles have the same text (title and body): an article that would repeat
    an earlier one (the corpus's own repeated chart captions, short credits such as
    "（关山月）" that no mapping touches) gets ideographs replaced one at a time, at
    seeded positions, until it is new; these fix-ups are recorded in the manifest.

    The files are written once and reused while DIR/MANIFEST says they were made
    from the same corpus files, N and recipe; any page file can be rewritten as it
    was (update.py edits and deletes some). ``stats`` (in the manifest): distinct
    characters and character bigrams of the titles and bodies after each copy.
    """

    RECIPE = 3  # bump when the way copies are made changes: the files are rewritten
    SUBS = 500
    RANKS = (200, 3000)

    def __init__(
        self,
        corpus: Path,
        n: int,
        folder: Path,
        arts: list[dict] | None = None,
        seed: int = 1998,
    ):
        self.corpus, self.n, self.dir = Path(corpus).resolve(), n, Path(folder)
        self.seed = seed
        self.arts = arts if arts is not None else read_corpus(self.corpus)
        self.pages: dict[str, list[dict]] = {}
        for a in self.arts:
            self.pages.setdefault(page_key(a), []).append(a)
        self.width = max(2, len(str(n - 1)))
        self.articles = n * len(self.arts)
        ranked = char_ranks(self.arts)
        self.pool = ranked[self.RANKS[0] : self.RANKS[1]]
        self._tables: dict[int, dict[int, int]] = {}
        self.fixups: dict[str, int] | None = None  # "k:id" -> replacements made
        self.stats: dict = {}
        self._text_bytes: int | None = None

    @property
    def text_bytes(self) -> int:
        """UTF-8 bytes of every title and body of the N copies (mapping changes a few)."""
        if self._text_bytes is None:
            self._load()
        return self._text_bytes

    def copy_name(self, k: int) -> str:
        return f"c{k:0{self.width}d}"

    def copy_dir(self, k: int) -> Path:
        return self.dir / self.copy_name(k)

    def path(self, k: int, page: str) -> Path:
        return self.copy_dir(k) / f"{page}.jsonl"

    def table(self, k: int) -> dict[int, int]:
        """Copy k's character mapping (str.translate table); {} for copy 0."""
        if k not in self._tables:
            if k == 0:
                self._tables[k] = {}
            else:
                rng = random.Random(f"{self.seed}:copy:{k}")
                src = rng.sample(self.pool, min(self.SUBS, len(self.pool) // 2))
                rest = sorted(set(self.pool) - set(src))
                dst = rng.sample(rest, len(src))
                self._tables[k] = {ord(a): ord(b) for a, b in zip(src, dst)}
        return self._tables[k]

    def _fix(self, k: int, a_id: str, title: str, body: str, j: int) -> tuple[str, str]:
        """The text with j ideographs replaced at seeded positions (the body's first)."""
        rng = random.Random(f"{self.seed}:fix:{k}:{a_id}")
        for _ in range(j):
            for name in ("body", "title"):
                text = body if name == "body" else title
                where = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
                if where:
                    i = rng.choice(where)
                    text = text[:i] + rng.choice(self.pool) + text[i + 1 :]
                    if name == "body":
                        body = text
                    else:
                        title = text
                    break
            else:  # no ideograph at all: one is added to the body
                body += rng.choice(self.pool)
        return title, body

    def _vary(self, k: int, a_id: str, body: str) -> str:
        """Recipe 3: one seeded sentence of the body dropped (or repeated, when it is
        the only one, or one time in two)."""
        parts = [p for p in _SENTENCE.split(body) if p]
        if not parts:
            return body
        rng = random.Random(f"{self.seed}:len:{k}:{a_id}")
        i = rng.randrange(len(parts))
        if len(parts) > 1 and rng.random() < 0.5:
            del parts[i]
        else:
            parts.insert(i, parts[i])
        return "".join(parts)

    def make(self, k: int, a: dict, j: int = 0) -> dict:
        """Article a as copy k holds it (j: the fix-up replacements, from the manifest)."""
        t = self.table(k)
        title, body = (a.get("title") or "").translate(t), a["body"].translate(t)
        if k:
            body = self._vary(k, a["id"], body)
        if j:
            title, body = self._fix(k, a["id"], title, body, j)
        out = a | {"id": f"{self.copy_name(k)}-{a['id']}", "title": title, "body": body}
        for key in ("date", "source"):
            if isinstance(a.get(key), str):
                out[key] = _year_shift(a[key], k)
        return out

    def records(self, k: int, page: str) -> list[dict]:
        if self.fixups is None:
            self._load()
        fix = self.fixups or {}
        return [self.make(k, a, fix.get(f"{k}:{a['id']}", 0)) for a in self.pages[page]]

    def iter_records(self) -> Iterable[tuple[int, str, list[dict]]]:
        """(copy, page, records) of every page file, in order."""
        for k in range(self.n):
            for page in self.pages:
                yield k, page, self.records(k, page)

    def write_page(self, k: int, page: str, records: list[dict] | None = None) -> Path:
        """Write one page file: as made (default) or with the given records."""
        p = self.path(k, page)
        p.parent.mkdir(parents=True, exist_ok=True)
        recs = self.records(k, page) if records is None else records
        tmp = p.with_name(p.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        os.replace(tmp, p)  # an index build never reads half a file
        return p

    def _manifest(self) -> dict:
        src = [[str(f), f.stat().st_size, f.stat().st_mtime_ns] for f in corpus_files(self.corpus)]
        return {
            "corpus": src,
            "copies": self.n,
            "pages": len(self.pages),
            "articles": self.articles,
            "recipe": [self.RECIPE, self.seed, self.SUBS, list(self.RANKS)],
        }

    def _load(self) -> bool:
        """Fix-ups and stats from a manifest that matches; else made now (not written)."""
        want = self._manifest()
        try:
            have = json.loads((self.dir / "MANIFEST").read_text("utf-8"))
        except (OSError, ValueError):
            have = {}
        if {k: have.get(k) for k in want} == want:
            self.fixups, self.stats = have["fixups"], have["stats"]
            self._text_bytes = have["text_bytes"]
            return True
        self._plan()
        return False

    def _plan(self) -> None:
        """One pass over every article of every copy: fix-ups (no repeated text) and stats."""
        import hashlib
        from array import array
        from operator import add, mul

        seen: set[bytes] = set()
        fixups: dict[str, int] = {}
        chars: set[str] = set()
        bigrams: set[int] = set()
        grow: list[list[int]] = []
        tb = 0

        def digest(r: dict) -> bytes:
            text = (r["title"] + "\x1e" + r["body"]).encode()
            return hashlib.blake2b(text, digest_size=12).digest()

        for k in range(self.n):
            for page in self.pages:
                for a in self.pages[page]:
                    j = 0
                    r = self.make(k, a)
                    while digest(r) in seen:
                        j += 1
                        r = self.make(k, a, j)
                    if j:
                        fixups[f"{k}:{a['id']}"] = j
                    seen.add(digest(r))
                    for text in (r["title"], r["body"]):
                        tb += len(text.encode())
                        chars.update(text)
                        cps = array("I")
                        cps.frombytes(text.encode("utf-32-le"))
                        bigrams.update(map(add, map(mul, cps, repeat(0x110000)), cps[1:]))
            grow.append([k + 1, len(chars), len(bigrams)])
        self.fixups, self._text_bytes = fixups, tb
        self.stats = {"chars_bigrams_after_copy": grow}

    def ensure(self) -> bool:
        """Write every file unless the manifest shows they are there; True if written."""
        if self._load():
            return False
        import shutil

        shutil.rmtree(self.dir, ignore_errors=True)
        for k, page, recs in self.iter_records():
            self.write_page(k, page, recs)
        manifest = self.dir / "MANIFEST"  # no article-file suffix: not indexed
        full = self._manifest() | {
            "text_bytes": self._text_bytes,
            "fixups": self.fixups,
            "stats": self.stats,
        }
        manifest.write_text(json.dumps(full, indent=1) + "\n", encoding="utf-8")
        return True


def copies_index(work: Path, n: int) -> tuple[Path, Path]:
    """The searcher index of the N-copy corpus in a workdir (run.py builds it, update.py
    reuses it), and the marker update.py leaves while it has the index changed."""
    return work / f"searcher-copies-{n}", work / f"searcher-copies-{n}.updating"


# ---------------------------------------------------------------- timing


def percentiles(ms: list[float]) -> dict:
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return {f"p{p}": cuts[p - 1] for p in (50, 90, 99)}


def latency(run: Callable[[str], object], queries: list[str], passes: int = 3) -> dict:
    """p50/p90/p99 of one pass over the queries, median of `passes` passes (damps noise)."""
    per_pass = []
    for _ in range(passes):
        ms = []
        for q in queries:
            t0 = time.perf_counter()
            run(q)
            ms.append((time.perf_counter() - t0) * 1000)
        per_pass.append(percentiles(ms))
    median = {k: statistics.median(pp[k] for pp in per_pass) for k in per_pass[0]}
    return median | {"passes": per_pass}


def unseen_latency(
    run: Callable[[str], object],
    warmup: list[str],
    queries: list[str],
    common: Iterable[str] = COMMON_WORDS,
) -> dict:
    """Each query measured once, in a process that has answered the warm-up queries first.

    No query is repeated (sample_distinct), so what is measured is answering a query
    not seen before, not a cache of answers. Then each common word, once. Returns
    p50/p90/p99/max over the queries, each query's ms, and each common word's ms.
    """
    for q in warmup:
        run(q)
    ms = []
    for q in queries:
        t0 = time.perf_counter()
        run(q)
        ms.append((time.perf_counter() - t0) * 1000)
    words = {}
    for w in common:
        t0 = time.perf_counter()
        run(w)
        words[w] = (time.perf_counter() - t0) * 1000
    return percentiles(ms) | {
        "max": max(ms),
        "mean": statistics.fmean(ms),
        "common_ms": words,
        "common_max": max(words.values(), default=None),
        "per_query": dict(zip(queries, ms)),
    }


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


@dataclass
class Run:
    """One finished subprocess: wall time, exit status, output and memory."""

    cmd: list[str]
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    maxrss_mib: float  # the largest single process (itself or a waited-for descendant)
    tree_rss_mib: float | None = None  # peak of the summed RSS of the whole tree (sampled)
    tree_pss_mib: float | None = None  # the same in PSS (shared pages split between sharers)
    samples: int = 0

    def figures(self) -> dict:
        out = {k: getattr(self, k) for k in ("seconds", "returncode", "maxrss_mib")}
        if self.samples:
            out |= {
                "tree_rss_mib": self.tree_rss_mib,
                "tree_pss_mib": self.tree_pss_mib,
                "memory_samples": self.samples,
            }
        return out

    def check(self, ok: Iterable[int] = (0,)) -> Run:
        if self.returncode not in ok:
            raise SystemExit(
                f"{shlex.join(self.cmd)} exited {self.returncode}:\n{self.stderr.strip()[-2000:]}"
            )
        return self


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _tree(root: int) -> list[int]:
    """root and all its descendants, from /proc/*/stat (ppid is field 4)."""
    parent: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parent.setdefault(ppid, []).append(int(name))
    out, i = [root], 0
    while i < len(out):
        out += parent.get(out[i], [])
        i += 1
    return out


def _memory(pids: list[int]) -> tuple[int, int]:
    """Summed RSS and PSS in bytes of the pids still alive."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                rss += int(f.read().split()[1]) * _PAGE_SIZE
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            continue
    return rss, pss


TIME = "/usr/bin/time"  # GNU time: the child's peak RSS, not inflated by ours (see below)


def run_measured(
    cmd: list[str],
    *,
    cwd: Path | str | None = None,
    env: dict | None = None,
    sample: bool = False,
    interval: float = 0.1,
) -> Run:
    """Run cmd to the end, stdout and stderr to pipes; time it and measure its memory.

    maxrss_mib is the peak RSS of the largest single process (the command or one of
    its waited-for children), as GNU time reports it (%M). Not from our own wait4:
    on Linux a child's ru_maxrss starts at the RSS of the process that forked it, so
    a child of this (large) benchmark process would report at least our size. GNU
    time is small; without it, wait4 is used and the figure is an upper bound.
    With sample=True, a thread also sums RSS and PSS over the command and all its
    descendants every `interval` seconds and keeps the peak: the whole build's
    memory, worker processes included (a peak shorter than the interval can be missed).
    """
    wrapped = os.access(TIME, os.X_OK)
    fd, tfile = tempfile.mkstemp(prefix="bench-time-")
    os.close(fd)
    full = [TIME, "-f", "%M", "-o", tfile, *map(str, cmd)] if wrapped else list(map(str, cmd))
    t0 = time.perf_counter()
    p = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=n, s=s: out.__setitem__(n, s.read()), daemon=True)
        for n, s in (("stdout", p.stdout), ("stderr", p.stderr))
    ]
    for t in readers:
        t.start()
    sampler = _TreeSampler(p.pid, skip_root=wrapped, interval=interval) if sample else None
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if sampler:
        sampler.stop()
    for t in readers:
        t.join()
    maxrss_kib = usage.ru_maxrss  # Linux: KiB
    if wrapped:
        with contextlib.suppress(OSError, ValueError, IndexError):
            maxrss_kib = int(Path(tfile).read_text().split()[-1])
    os.unlink(tfile)
    return Run(
        cmd=[str(c) for c in cmd],
        seconds=seconds,
        returncode=p.returncode,
        stdout=out.get("stdout", b"").decode("utf-8", "replace"),
        stderr=out.get("stderr", b"").decode("utf-8", "replace"),
        maxrss_mib=maxrss_kib * 1024 / MiB,
        tree_rss_mib=sampler.rss / MiB if sampler else None,
        tree_pss_mib=sampler.pss / MiB if sampler else None,
        samples=sampler.n if sampler else 0,
    )


class _TreeSampler:
    """A thread summing RSS and PSS over a process and its descendants every interval,
    keeping the peaks (skip_root: the root is GNU time, not part of what is measured)."""

    def __init__(self, root: int, *, skip_root: bool, interval: float) -> None:
        self.root, self.skip_root, self.interval = root, skip_root, interval
        self.rss = self.pss = self.n = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.root)
            rss, pss = _memory(pids[1:] if self.skip_root else pids)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.n += 1
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------- checkout and machine


def use_checkout(folder: Path) -> None:
    """Measure the searcher package of another checkout (a worktree, an export of a commit)."""
    global PKG_ROOT
    PKG_ROOT = Path(folder).resolve()
    if not (PKG_ROOT / "searcher" / "__init__.py").is_file():
        raise SystemExit(f"{PKG_ROOT}: no searcher/ package there")
    sys.path.insert(0, str(PKG_ROOT))


def _git(*args: str) -> str:  # --no-optional-locks: never write the index others use
    cmd = ["git", "--no-optional-locks", "-C", str(PKG_ROOT), *args]
    return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()


def git_state() -> tuple[str, bool]:
    """The commit measured, and whether searcher/ differs from it (untracked files too)."""
    sha = _git("rev-parse", "--short", "HEAD")
    if not sha or _git("rev-parse", "--show-toplevel") != str(PKG_ROOT):
        return f"(not a git checkout: {PKG_ROOT})", False
    dirty = _git("status", "--porcelain", "--", "searcher")
    return sha, bool(dirty)


def machine() -> dict:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average": os.getloadavg()[0],
    }


def header(command: str) -> tuple[str, dict]:
    """The report's first lines (command, commit, machine) and the same as data."""
    sha, dirty = git_state()
    m = machine()
    info = {"command": command, "commit": sha + "+dirty" * dirty, "machine": m}
    text = (
        f"$ {command}\n\ncommit {info['commit']} · {m['cores']} cores, {m['cpu']} · "
        f"Python {m['python']} · load average {m['load_average']:.2f} at the start "
        "(timings assume an otherwise idle machine)"
    )
    return text, info


# ---------------------------------------------------------------- the searcher CLI


def bench_env() -> dict:
    """The environment for measured subprocesses: this checkout first on the path, and
    bytecode allowed (this machine sets PYTHONDONTWRITEBYTECODE=1, which would make every
    cold start compile the whole package again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PKG_ROOT), env.get("PYTHONPATH")]))
    env.pop("SEARCHER_INDEX", None)
    return env


NEUTRAL = tempfile.gettempdir()  # a cwd without a searcher/ folder


def searcher_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "searcher", *map(str, args)]


def compile_bytecode(*paths: Path) -> None:
    """Write the .pyc files a cold start would otherwise compile, as an install does."""
    cmd = [sys.executable, "-m", "compileall", "-q", *map(str, paths)]
    subprocess.run(cmd, check=True, env=bench_env())


@functools.cache
def index_flags() -> frozenset[str]:
    """The long options `searcher index` accepts in this checkout (--rebuild is new)."""
    # Not from our cwd: `python -m` puts the cwd first on the path (a checkout's searcher/).
    cmd = searcher_cmd("index", "--help")
    r = subprocess.run(cmd, capture_output=True, text=True, env=bench_env(), cwd=NEUTRAL)
    return frozenset(re.findall(r"(--[a-z][a-z-]*)", r.stdout))


def index_cmd(sources: Iterable[str | Path], index: Path, *, rebuild: bool = False) -> list[str]:
    """`searcher index SOURCES -i INDEX [--rebuild] --json`; --rebuild only if the CLI has it."""
    args = [*map(str, sources), "-i", str(index)]
    if rebuild and "--rebuild" in index_flags():
        args.append("--rebuild")
    return searcher_cmd("index", *args, "--json")


def index_report(run: Run) -> dict:
    """The last JSON object `searcher index --json` printed ({} if none)."""
    for line in reversed(run.stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                continue
    return {}


def generation_dir(index: Path) -> Path:
    """The folder CURRENT points to (the index in force); the index folder if none."""
    link = Path(index) / "CURRENT"
    if link.is_symlink():
        return Path(index) / os.readlink(link)
    if link.is_file():  # a pointer file rather than a link
        name = link.read_text("utf-8").strip()
        if name and (Path(index) / name).is_dir():
            return Path(index) / name
    return Path(index)


@dataclass
class Table:
    """A Markdown table built row by row."""

    head: list[str]
    align: str = ""  # one letter a column: l(eft) or r(ight); default: first left, rest right
    rows: list[list[str]] = field(default_factory=list)

    def add(self, *cells) -> None:
        self.rows.append(["–" if c is None else str(c) for c in cells])

    def __str__(self) -> str:
        spec = self.align or "l" + "r" * (len(self.head) - 1)
        lines = [self.head, ["---:" if a == "r" else "---" for a in spec], *self.rows]
        return "\n".join("| " + " | ".join(r) + " |" for r in lines)


def fmt(v: float | None, spec: str = ".2f") -> str | None:
    return None if v is None else format(v, spec)


def ratio(a: float | None, b: float | None) -> str | None:
    return f"{a / b:.2f}×" if a is not None and b else None


def write_json(name: str, figures: dict) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / name
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out
