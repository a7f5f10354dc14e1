import collections
import re
import sys

roles = collections.defaultdict(collections.Counter)
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    fr = [re.sub(r" \(.*", "", f) for f in stack.split(";")[1:]]
    names = set(fr)
    if "_build_words" in names:
        role = "word workers"
        sub = next(
            (
                k
                for k in (
                    "SegmentBuilder.finish",
                    "SegmentBuilder.add",
                    "words",
                    "_fast_cut.<locals>.cut",
                    "fold",
                )
                if k in names
            ),
            fr[-1],
        )
        if "SegmentBuilder.finish" in names:
            sub = "SegmentBuilder.finish > " + next(
                (
                    k
                    for k in ("_add_inlined", "_write_block", "close", "finish_term", "start_term")
                    if k in names
                ),
                fr[-1],
            )
    elif "_build_texts" in names:
        role = "text worker"
        sub = next(
            (
                k
                for k in ("_write_grams", "SegmentWriter.finish", "SegmentWriter.add", "fold")
                if k in names
            ),
            fr[-1],
        )
    elif "_process_worker" in names:
        role = "workers idle (waiting for a batch)"
        sub = "wait"
    elif "_Build.run" in names or "build" in names:
        role = "main"
        order = [
            "_merge_small",
            "commit",
            "_drop_unused_texts",
            "_write_meta",
            "_Batches.finish",
            "_Batches._submit",
            "_Batches.add",
            "parse_file",
            "find_files",
            "_link_generation",
        ]
        sub = next((k for k in order if k in names), fr[-1])
        if sub == "_merge_small":
            sub += " > " + next(
                (
                    k
                    for k in (
                        "merge",
                        "copy_segment",
                        "commit",
                        "TextStore.__init__",
                        "Reader.__init__",
                    )
                    if k in names
                ),
                fr[-1],
            )
            if "merge" in names:
                sub += " > " + next(
                    (
                        k
                        for k in (
                            "SegmentBuilder.finish",
                            "_add_doc",
                            "_append",
                            "stored_fields",
                            "postings",
                            "all_terms",
                        )
                        if k in names
                    ),
                    fr[-1],
                )
            if "copy_segment" in names:
                sub += " > " + next(
                    (
                        k
                        for k in ("_write_grams", "SegmentWriter.add", "texts", "ids")
                        if k in names
                    ),
                    fr[-1],
                )
        if sub in ("_Batches.finish", "_Batches._submit") and (
            "wait" in names or "Condition.wait" in names or "Future.result" in names
        ):
            sub += " (waiting for workers)"
    else:
        role = "other threads (pool management, idle)"
        sub = fr[-1] if fr else "?"
    roles[role][sub] += n
for role, c in roles.items():
    t = sum(c.values())
    print(f"{role}: {t / 10:.0f} s of samples")
    for k, v in c.most_common(12):
        print(f"  {v / 10:8.1f} s  {100 * v / t:5.1f}%  {k}")
