"""Plain text of a page's split, for ``searcher pages`` (a draft, to move into output).

One header line per file, then per article its lines, id, title, byline and length,
its first and last characters, and a ``?`` line for each place the splitter was
unsure of. No colour, no rich: the text is made inert like every printed text.
"""

from __future__ import annotations

from searcher.corpus import PageView
from searcher.output import display_title, inert


def _flat(text: str) -> str:
    return inert(text).replace("\n", " ⏎ ")


def page_lines(view: PageView) -> list[str]:
    where = " ".join(x for x in (view.paper, view.date) if x) or "-"
    out = [f"{inert(view.path)}  {inert(where)}  {len(view.articles)} articles"]
    for a in view.articles:
        title = display_title(a.title, a.first)
        byline = f"  [{a.byline}]" if a.byline else ""
        marker = f"  (@@{a.marker})" if a.marker else ""
        out.append(
            f"  {a.line:>4}-{a.end_line:<4} {a.id or '(not indexed)'}  "
            f"{_flat(title)}{inert(byline)}  {a.length} chars{marker}"
        )
        ends = f"「{_flat(a.first)}」" + (f"…「{_flat(a.last)}」" if a.last else "")
        out.append(f"{'':12}{ends}")
        out += [
            f"{'':12}? line {u.line}: {u.decision} (p {u.p:.2f}: {inert(u.cues)})" for u in a.unsure
        ]
    out += [
        f"{'':12}unknown marker on line {m.line}: {_flat(m.text)}"
        for m in view.markers
        if not m.known
    ]
    return out
