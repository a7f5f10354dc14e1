"""JSON article files: JSON Lines, or one JSON array or object, one article each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from searcher.corpus.meta import find_date
from searcher.corpus.model import MAX_ARTICLE_CHARS, SourceArticle, too_long
from searcher.errors import CorpusError

# ---------------------------------------------------------------- JSON articles

_ITEM_GAP = re.compile(r"[\s,]*")
_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


_TOO_DEEP = "JSON nested too deeply to be an article (an article is one object of fields)"


def _json_items(text: str, whole: bool) -> Iterable[tuple[int, object]]:
    """(line, value) pairs; a bad line yields (line, ValueError)."""
    start = text.lstrip()[:1]
    if whole and start in ("[", "{"):
        try:
            value = json.loads(text)
        except RecursionError:
            yield 1, ValueError(_TOO_DEEP)
            return
        except ValueError as e:
            if start == "[":  # an array is one document: its damage is one error
                yield e.lineno, ValueError(f"file is not a valid JSON array ({_json_why(e)})")
                return
            value = None  # not one object: read it as JSON Lines
        if isinstance(value, dict):
            yield text[: len(text) - len(text.lstrip())].count("\n") + 1, value
            return
        if isinstance(value, list):
            # Walk the array again to learn each item's line, for messages and ids.
            dec, pos, line, counted = json.JSONDecoder(), text.index("[") + 1, 1, 0
            for _ in value:
                pos = _ITEM_GAP.match(text, pos).end()
                line, counted = line + text.count("\n", counted, pos), pos
                item, pos = dec.raw_decode(text, pos)
                yield line, item
            return
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                value = json.loads(line)
            except RecursionError:
                value = ValueError(_TOO_DEEP)
            except ValueError as e:
                value = ValueError(f"line is not valid JSON ({_json_why(e)})")
            yield n, value


def _json_why(e: ValueError) -> str:
    """What is wrong, and where on its line: 'Expecting ',' delimiter: column 12'."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg}: column {e.colno}"
    if "Exceeds the limit" in str(e):  # Python's guard against huge integers
        return "a number of thousands of digits"
    return str(e)


def json_articles(path: Path, stem: str, text: str, whole: bool):
    articles: list[SourceArticle] = []
    errors: list[CorpusError] = []
    first_line: dict[str, int] = {}
    for n, obj in _json_items(text, whole):
        try:
            fields = _json_fields(obj)
        except ValueError as e:
            errors.append(CorpusError(str(path), str(e), line=n))
            continue
        aid = fields.pop("id") or f"{stem}-L{n}"
        if aid in first_line:
            errors.append(
                CorpusError(
                    str(path),
                    f"duplicate id {aid!r} (first seen on line {first_line[aid]})",
                    line=n,
                )
            )
            continue
        if len(fields["title"]) + len(fields["body"]) > MAX_ARTICLE_CHARS:
            chars = len(fields["title"]) + len(fields["body"])
            errors.append(too_long(path, n, chars, "one JSON object each"))
            continue
        first_line[aid] = n
        articles.append(SourceArticle(id=aid, origin=f"{path}:{n}", **fields))
    return articles, errors


def _json_fields(obj: object) -> dict[str, str]:
    if isinstance(obj, ValueError):
        raise obj
    if not isinstance(obj, dict):
        raise ValueError(f"line is not a JSON object (it is a JSON {_JSON_TYPES[type(obj)]})")
    if "body" not in obj:
        raise ValueError("field 'body' is missing")
    out = {}
    for key in ("id", "title", "body", "date", "source", "author"):
        value = obj.get(key, "")
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is None and key != "body":
            value = ""
        if not isinstance(value, str):
            kind = _JSON_TYPES[type(value)]
            raise ValueError(f"field {key!r} must be a string, not a JSON {kind}")
        out[key] = value
    if out["date"]:
        # Other spellings of a day (1998/01/05, 19980105, 1998年1月5日, an ISO
        # timestamp) are normalised; anything else is an error on its line.
        date, m = find_date(out["date"])
        rest = out["date"][m.end() :].strip() if m else ""
        if not m or out["date"][: m.start()].strip() or (rest and not rest.startswith("T")):
            raise ValueError(f"field 'date' must be a date YYYY-MM-DD, not {out['date']!r}")
        out["date"] = date
    return out
