"""What a document's sidecar (`x.json` beside `x.txt`) or the folder's manifest says about it: typed, checked values."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

METADATA_KEYS = ("published_at", "url", "title", "source")


def parse_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published_at {text!r} is not an ISO date") from None


def read_manifest(source_dir: Path) -> tuple[dict[str, dict], str | None]:
    """Rows of `manifest.csv` keyed by file name, plus a problem description if it is malformed."""
    path = Path(source_dir) / "manifest.csv"
    if not path.exists():
        return {}, None
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        if rows and "file" not in rows[0]:
            return {}, "manifest.csv has no 'file' column"
        return {Path(r["file"]).name: r for r in rows if r.get("file")}, None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, f"manifest.csv unreadable: {exc}"


URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


def typed_metadata(meta: dict) -> tuple[dict, list[str]]:
    """Metadata values as the documents table takes them, never coerced: each must be a string (a list
    or a number is refused with the reason, not stored as its repr) and a url an http(s) address."""
    out: dict = {}
    problems = []
    for key in METADATA_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            out[key] = None
        elif not isinstance(value, str):
            out[key] = None
            problems.append(f"{key} ignored: a {type(value).__name__}, not a string")
        elif key == "url" and not URL_RE.fullmatch(value.strip()):
            out[key] = None
            problems.append(f"url ignored: {value[:60]!r} is not an http(s) address")
        else:
            out[key] = value.strip() if key == "url" else value
    return out, problems


def read_metadata(path: Path, manifest: dict[str, dict]) -> tuple[dict, str | None]:
    """Metadata for one text file from its sidecar JSON or the manifest; never raises."""
    meta: dict = {}
    issue = None
    sidecar = path.with_suffix(".json")
    if sidecar.is_symlink():
        issue = f"sidecar {sidecar.name} ignored: a symbolic link, not followed"
    elif sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(loaded, dict):
                raise ValueError("not a JSON object")
            meta = loaded
        except (OSError, ValueError) as exc:
            issue = f"sidecar {sidecar.name} ignored: {exc}"
    elif path.name in manifest:
        meta = manifest[path.name]
    out, problems = typed_metadata(meta)
    try:
        out["published_at"] = parse_date(out["published_at"])
    except ValueError as exc:
        out["published_at"] = None
        problems.append(str(exc))
    if problems:
        issue = "; ".join([issue, *problems] if issue else problems)
    unknown = sorted(set(meta) - set(METADATA_KEYS) - {"file"})
    if unknown:  # loud about fields we do not consume
        note = f"unused metadata keys: {', '.join(unknown)}"
        issue = f"{issue}; {note}" if issue else note
    return out, issue
