"""Extract stage: a folder of files -> one `documents` row per file.

One row is one source file. Columns: doc_id (content hash), source_path
(relative to the source folder), content_hash, title, url, source,
published_at, language, n_bytes, n_chars, status ('loaded' | 'rejected' |
'duplicate'), reject_reason, metadata_issue, text (decoded text; null when
rejected). Bad input never raises: it becomes a row with a reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
from itertools import islice
from pathlib import Path

import polars as pl

from flows.dates import page_date

MAX_BYTES = 10 * 1024 * 1024  # news articles are kilobytes; anything this big is not one
MIN_CHARS = 40
LANG_SAMPLE_CHARS = 1000  # enough for a confident guess; 3x cheaper than 3000
METADATA_KEYS = ("published_at", "url", "title", "source")

DOCUMENT_SCHEMA = {
    "doc_id": pl.String,
    "source_path": pl.String,
    "content_hash": pl.String,
    "title": pl.String,
    "url": pl.String,
    "source": pl.String,
    "published_at": pl.Date,
    "published_at_source": pl.String,
    "language": pl.String,
    "n_bytes": pl.Int64,
    "n_chars": pl.Int64,
    "mtime_ns": pl.Int64,
    "status": pl.String,
    "reject_reason": pl.String,
    "metadata_issue": pl.String,
    "text": pl.String,
}


def content_hash(data: bytes) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def _text_file_entries(root: Path) -> list[tuple[tuple[str, ...], os.DirEntry]]:
    """(path parts relative to root, directory entry) of every *.txt file under root, sorted by parts.

    The files and order of `sorted(p for p in root.rglob("*.txt") if p.is_file())` (symlinked files count,
    symlinked folders are not entered, unreadable folders are skipped) from one scandir per folder:
    pathlib stats every match again for is_file and sorts Path objects, ~3 s per scan at 100k files,
    and every run scans its folder (a scheduled no-op rerun does little else)."""
    found = []
    stack: list[tuple[tuple[str, ...], str]] = [((), str(root))]
    while stack:
        parts, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        stack.append((parts + (entry.name,), entry.path))
                elif entry.name.endswith(".txt") and entry.is_file():
                    found.append((parts + (entry.name,), entry))
            except OSError:
                continue
    found.sort(key=lambda item: item[0])
    return found


def list_source_files(source_dir: Path) -> list[Path]:
    """Every *.txt file under the folder, sorted, so runs are deterministic."""
    root = Path(source_dir)
    return [root.joinpath(*parts) for parts, _ in _text_file_entries(root)]


def _parse_date(value: object) -> dt.date | None:
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


def read_metadata(path: Path, manifest: dict[str, dict]) -> tuple[dict, str | None]:
    """Metadata for one text file from its sidecar JSON or the manifest; never raises."""
    meta: dict = {}
    issue = None
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(loaded, dict):
                raise ValueError("not a JSON object")
            meta = loaded
        except (OSError, ValueError) as exc:
            issue = f"sidecar {sidecar.name} ignored: {exc}"
    elif path.name in manifest:
        meta = manifest[path.name]
    out = {k: (str(meta[k]) if meta.get(k) not in (None, "") else None) for k in METADATA_KEYS}
    try:
        out["published_at"] = _parse_date(out["published_at"])
    except ValueError as exc:
        out["published_at"] = None
        issue = f"{issue}; {exc}" if issue else str(exc)
    unknown = sorted(set(meta) - set(METADATA_KEYS) - {"file"})
    if unknown:  # loud about fields we do not consume
        note = f"unused metadata keys: {', '.join(unknown)}"
        issue = f"{issue}; {note}" if issue else note
    return out, issue


LETTER_RE = re.compile(r"[^\W\d_]")
WORD_RE = re.compile(r"[^\W\d_]+")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r
# The commonest English function words make up roughly a third of the words of English prose and
# almost none of other languages' (these spellings are not words in French, German, Spanish...).
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in that is was for with on as by at from has have were are said which".split())
ENGLISH_SHARE = 0.18  # well below English prose, far above any other language


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid), 'und' when undecidable.

    Plain English prose is recognised by its function words without running the
    classifier (4x cheaper per document); anything else goes to py3langid.
    """
    sample = text[:LANG_SAMPLE_CHARS]
    if sum(1 for _ in islice(LETTER_RE.finditer(sample), 20)) < 20:
        return "und"
    words = WORD_RE.findall(sample.lower())
    if len(words) >= 40 and sum(w in ENGLISH_FUNCTION_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    import py3langid

    return py3langid.classify(sample)[0]


def _guess_legacy_encoding(data: bytes) -> str:
    """Name the likely 8-bit encoding so the reject reason helps the user convert the file."""
    high = [b for b in data if b >= 0x80]
    if high and sum(0xC0 <= b <= 0xFF for b in high) / len(high) > 0.6:
        return "windows-1251 or another 8-bit encoding"
    return "latin-1 or another 8-bit encoding"


def classify_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode raw bytes; return (text, None) or (None, reject_reason)."""
    if not data.strip():
        return None, "empty file"
    head = data[:8192]
    if b"\x00" in head:
        return None, "binary content (NUL bytes), not a text file"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"looks like {_guess_legacy_encoding(data)} - convert to UTF-8"
        )
    controls = len(CONTROL_RE.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        return None, "binary content (control characters), not a text file"
    low = text[:4096].lower()
    if "<html" in low or "<!doctype html" in low or low.count("</p>") + low.count("<div") >= 5:
        return None, "HTML markup saved as .txt; save the article text instead"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.strip()) < MIN_CHARS:
        return None, f"too short ({len(text.strip())} characters) to be an article"
    return text, None


def read_one(path: Path, root: Path, manifest: dict[str, dict], manifest_issue: str | None) -> dict:
    """One `documents` row for one file (never raises)."""
    rel = path.relative_to(root).as_posix()
    meta, issue = read_metadata(path, manifest)
    issue = "; ".join(x for x in (manifest_issue, issue) if x) or None
    row = {
        "doc_id": None, "source_path": rel, "content_hash": None, "n_bytes": None,
        "n_chars": None, "mtime_ns": None, "language": None, "status": "rejected", "reject_reason": None,
        "metadata_issue": issue, "text": None, **meta,
    }
    try:
        stat = path.stat()
        size = stat.st_size
        row["mtime_ns"] = stat.st_mtime_ns
        if size > MAX_BYTES:
            row.update(n_bytes=size, reject_reason=(
                f"too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)"))
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            row["doc_id"] = row["content_hash"] = digest.hexdigest()[:16]
            return row
        data = path.read_bytes()
    except OSError as exc:
        row.update(doc_id=content_hash(rel.encode()), reject_reason=f"unreadable: {exc.strerror or exc}")
        return row
    row.update(doc_id=content_hash(data), content_hash=content_hash(data), n_bytes=len(data))
    text, reason = classify_bytes(data)
    if reason:
        row["reject_reason"] = reason
        return row
    lang = detect_language(text)
    row.update(n_chars=len(text), language=lang)
    if lang != "en":
        row["reject_reason"] = f"language '{lang}' is not English; only English is extracted"
        return row
    row.update(status="loaded", text=text)
    # no date in the metadata: the one the page prints, if any (flows.dates.page_date); never a guess
    row["published_at_source"] = "metadata" if row["published_at"] else None
    if row["published_at"] is None:
        row["published_at"] = page_date(text)
        row["published_at_source"] = "text" if row["published_at"] else "none"
    return row


def mark_duplicates(docs: pl.DataFrame) -> pl.DataFrame:
    """Byte-identical loaded files after the first (by path) become status 'duplicate'."""
    first_path = (
        pl.col("source_path").filter(pl.col("status") == "loaded").min().over("doc_id")
    )
    is_dup = (pl.col("status") == "loaded") & (pl.col("source_path") != first_path)
    return docs.with_columns(
        status=pl.when(is_dup).then(pl.lit("duplicate")).otherwise(pl.col("status")),
        reject_reason=pl.when(is_dup)
        .then(pl.lit("byte-identical to ") + first_path)
        .otherwise(pl.col("reject_reason")),
        text=pl.when(is_dup).then(None).otherwise(pl.col("text")),
    )


def extract_documents(source_dir: Path, paths: list[Path] | None = None) -> pl.DataFrame:
    """Read every (or the given) text file of a folder into a `documents` frame."""
    root = Path(source_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"source folder {root} does not exist")
    manifest, manifest_issue = read_manifest(root)
    files = paths if paths is not None else list_source_files(root)
    rows = [read_one(p, root, manifest, manifest_issue) for p in files]
    docs = pl.DataFrame(rows, schema=DOCUMENT_SCHEMA) if rows else pl.DataFrame(schema=DOCUMENT_SCHEMA)
    return mark_duplicates(docs.sort("source_path"))


def scan_source(source_dir: Path) -> pl.DataFrame:
    """Cheap listing for incremental runs: path, size and mtime of every text file."""
    rows = []
    for parts, entry in _text_file_entries(Path(source_dir)):
        try:
            st = entry.stat()  # follows a symlink, as Path.stat does
        except OSError:
            continue
        rows.append(("/".join(parts), st.st_size, st.st_mtime_ns))
    return pl.DataFrame(rows, schema={"source_path": pl.String, "n_bytes": pl.Int64,
                                      "mtime_ns": pl.Int64}, orient="row")


def resolve_inside(root: Path, relative: str) -> Path:
    """Join a path from metadata to the source folder, refusing anything outside it."""
    base = Path(root).resolve()
    target = (base / relative).resolve()
    if base != target and base not in target.parents:
        raise ValueError(f"path {relative!r} escapes the source folder")
    return target


__all__ = ["extract_documents", "content_hash", "classify_bytes", "detect_language",
           "scan_source", "resolve_inside", "DOCUMENT_SCHEMA"]
