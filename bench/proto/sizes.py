"""Index composition and the size of compact alternatives (phase 1, issue 14).
python sizes.py PKG GEN_DIR TEXT_BYTES [COPIES_DIR ONE_COPY_INDEX_GEN]"""

import collections
import glob
import json
import os
import sys
import zlib

sys.path.insert(0, sys.argv[1])
gen, tb = sys.argv[2], int(sys.argv[3])
kinds = collections.Counter()
nfiles = collections.Counter()
for f in os.listdir(gen):
    n = os.path.getsize(os.path.join(gen, f))
    if f.startswith("seg-"):
        k = "text store " + os.path.splitext(f)[1]
    elif f.startswith("MAIN_") or f.startswith("_MAIN"):
        k = "whoosh " + f.split(".", 1)[1] if "." in f else f
    else:
        k = f
    kinds[k] += n
    nfiles[k] += 1
tot = sum(kinds.values())
print(f"generation {gen}: {tot / 1e6:.1f} MB = {tot / tb:.2f}x the text ({tb / 1e6:.1f} MB)")
for k, v in kinds.most_common():
    print(f"  {v / 1e6:9.1f} MB  {v / tb:5.2f}x  {nfiles[k]:3d} files  {k}")
if len(sys.argv) < 5:
    sys.exit()
from searcher import analysis


def varint(n):
    b = 1
    while n >= 128:
        n >>= 7
        b += 1
    return b


copies = sys.argv[4]
arts = []
for c in ("c00", "c01"):
    for f in sorted(glob.glob(f"{copies}/{c}/*.jsonl")):
        arts += [json.loads(l) for l in open(f, encoding="utf-8")]
text = sum(len(a["title"].encode()) + len(a["body"].encode()) for a in arts)
# exact bigram table over these two copies taken as one segment (6,296 documents)
post = collections.defaultdict(list)
for d, a in enumerate(arts):
    t, b = analysis.fold(a["title"]), analysis.fold(a["body"])
    ct = collections.Counter(zip(t, t[1:]))
    cb = collections.Counter(zip(b, b[1:]))
    for g in set(ct) | set(cb):
        post[g].append((d, ct.get(g, 0), cb.get(g, 0)))
pairs = sum(len(v) for v in post.values())
size_docs = size_tf = 0
for v in post.values():
    last = 0
    for d, x, y in v:
        size_docs += varint(d - last)
        last = d
        size_tf += varint(x) + varint(y)
dic = len(post) * (6 + 4)
print(
    f"\nexact bigram table, 2 copies as one segment ({len(arts)} docs, {text / 1e6:.1f} MB text): "
    f"{len(post):,} bigrams, {pairs:,} postings; docs {size_docs / 1e6:.2f} MB + tf {size_tf / 1e6:.2f} MB "
    f"+ dictionary {dic / 1e6:.2f} MB = {(size_docs + size_tf + dic) / text:.2f}x the text "
    f"(docs only: {(size_docs + dic) / text:.2f}x)"
)
# stored text: raw, zlib per block of 16 documents, and folded text + patch
raw = z1 = z6 = patch = 0
for i in range(0, len(arts), 16):
    blk = "".join(a["title"] + "\x1e" + a["body"] + "\x00" for a in arts[i : i + 16]).encode()
    raw += len(blk)
    z1 += len(zlib.compress(blk, 1))
    z6 += len(zlib.compress(blk, 6))
for a in arts:
    for s in (a["title"], a["body"]):
        f = analysis.fold(s)
        last = 0
        if len(f) != len(s):
            patch += len(s.encode())
            continue
        for i, (x, y) in enumerate(zip(s, f)):
            if x != y:
                patch += varint(i - last) + 1
                last = i
print(
    f"original text (stored fields' content): raw {raw / text:.2f}x, zlib-1 per 16 docs {z1 / text:.2f}x, "
    f"zlib-6 {z6 / text:.2f}x; folded text + patch to the original: patch {patch / text:.3f}x"
)
# word postings of the 1-copy index: Whoosh's terms+postings against varint postings
from whoosh import index as windex

ix = windex.open_dir(sys.argv[5])
r = ix.reader()
nterms = npost = vsize = keys = 0
for field in ("title", "body"):
    for t in r.lexicon(field):
        m = r.postings(field, t.decode())
        last = 0
        nterms += 1
        keys += len(t) + 4
        while m.is_active():
            d = m.id()
            vsize += varint(d - last) + varint(int(m.weight()))
            last = d
            npost += 1
            m.next()
w = sum(
    os.path.getsize(p)
    for p in glob.glob(sys.argv[5] + "/*.trm") + glob.glob(sys.argv[5] + "/*.pst")
)
t1 = sum(len(a["title"].encode()) + len(a["body"].encode()) for a in arts[: len(arts) // 2])
print(
    f"word postings, 1-copy index: {nterms:,} terms, {npost:,} postings; Whoosh .trm+.pst "
    f"{w / 1e6:.1f} MB ({w / t1:.2f}x its text) against varint postings + keys {(vsize + keys) / 1e6:.1f} MB "
    f"({(vsize + keys) / t1:.2f}x)"
)
