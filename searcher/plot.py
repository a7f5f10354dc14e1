"""Plot: a trend drawn as a figure file (PNG or SVG) fit for a paper, with matplotlib.

matplotlib is an optional extra (``pip install 'searcher[plot]'``), imported
here only, and only when a figure is asked for; without it, one line says how
to install it. matplotlib ships no Chinese font: the queries in the legend need
one from the machine, found by family name in matplotlib's font list, else
through fontconfig (``fc-list :lang=zh``). Without any, a PNG would show empty
boxes, and a note says what to install. An SVG keeps its text as text
(``svg.fonttype = 'none'``), so the viewer's own fonts draw it.
"""

from __future__ import annotations

import contextlib
import math
import subprocess
import warnings
from pathlib import Path

from searcher.errors import SearcherError
from searcher.views import Trend

FORMATS = (".png", ".svg")
# Fonts with Chinese characters, preferred first (simplified Chinese forms first).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
    "Droid Sans Fallback",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
)
INSTALL = "pip install 'searcher[plot]'"
FONT_HINT = (
    "no Chinese font found, so the Chinese in the figure shows as empty boxes; install one"
    " (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts)"
    " or write an SVG, which the viewer's fonts draw"
)
MAX_TICKS = 12


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise SearcherError(f"--plot needs matplotlib: {INSTALL}") from None
    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    return plt


def cjk_font() -> str | None:
    """The family of an installed font that has Chinese characters, or None."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    try:  # a font fontconfig knows for Chinese that matplotlib's list lacks
        found = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in found.splitlines():
        path = line.split(":")[0].strip()
        with contextlib.suppress(Exception):  # a font file matplotlib cannot read
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    return None


def _fonts(plt, needs_cjk: bool) -> str | None:
    """Set the fonts (a Chinese one first when needed); the Chinese font's family."""
    plt.rcParams["svg.fonttype"] = "none"
    family = cjk_font() if needs_cjk else None
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [f for f in (family, "DejaVu Sans") if f]
    return family


def _values(trend: Trend, query: str) -> tuple[list[float], list[float]]:
    """(rates, smoothed) of a query, NaN in the gaps (a break in the line)."""
    nan = math.nan
    points = trend.series(query)
    rates = [nan if p.rate is None else p.rate for p in points]
    smooth = [nan if p.smoothed is None else p.smoothed for p in points]
    return rates, smooth


def _draw(plt, trend: Trend):
    fig, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    xs = list(range(len(trend.periods)))
    for query in trend.queries:
        rates, smooth = _values(trend, query)
        if trend.smooth > 1:
            (line,) = ax.plot(xs, smooth, linewidth=2, label=query)
            ax.plot(xs, rates, "o", markersize=3, alpha=0.35, color=line.get_color())
        else:
            ax.plot(xs, rates, marker="o", markersize=3, linewidth=1.5, label=query)
    step = max(1, math.ceil(len(xs) / MAX_TICKS))
    ax.set_xticks(xs[::step], trend.periods[::step], rotation=45, ha="right")
    ax.set_xlabel(trend.by)
    ax.set_ylabel("matching articles" if trend.per == "none" else trend.unit)
    smooth = f" (moving average of {trend.smooth})" if trend.smooth > 1 else ""
    per = "" if trend.per == "none" else f" {trend.unit}"
    ax.set_title(f"Matching articles{per}, by {trend.by}{smooth}")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend()
    return fig


def figure(trend: Trend, path: str | Path) -> str | None:
    """Draw trend into path (.png or .svg); returns a note for the user, or None."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise SearcherError(f"--plot writes .png or .svg files, not {Path(path).name!r}")
    plt = _pyplot()
    needs_cjk = not all(q.isascii() for q in trend.queries)
    family = _fonts(plt, needs_cjk)
    with warnings.catch_warnings():
        # Without a Chinese font matplotlib warns for every glyph; the note says it once.
        warnings.filterwarnings("ignore", "Glyph .* missing from", UserWarning)
        fig = _draw(plt, trend)
        try:
            fig.savefig(path, dpi=200)
        except OSError as e:
            raise SearcherError(f"cannot write {path} ({e.strerror or e})") from e
        finally:
            plt.close(fig)
    return FONT_HINT if needs_cjk and family is None and suffix == ".png" else None
