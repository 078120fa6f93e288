"""Extract stage: a folder of files -> one `documents` row per file.

One row is one source file. Columns: doc_id (content hash), source_path
(relative to the source folder), content_hash, title, url, source,
published_at, language, n_bytes, n_chars, status ('loaded' | 'rejected' |
'duplicate'), reject_reason, metadata_issue, text (decoded text; null when
rejected), encoding, format ('text' | 'html'), author, site_name,
published_at_source. Bad input never raises: it becomes a row with a reason.

Files are plain text in any text encoding (flows/documents/encoding.py) or HTML pages
(`*.html`, `*.htm`, or HTML inside `.txt`; flows/documents/html.py): a page's article text
is what is stored, and what the page says about itself fills the metadata a
sidecar or the manifest leaves empty.
"""

from __future__ import annotations

import hashlib
import os
import stat as statmod
from pathlib import Path

import polars as pl

from flows.core.config import MAX_BYTES, MAX_DOC_CHARS, MIN_CHARS
from flows.documents.language_id import detect_language
from flows.documents.metadata import read_manifest, read_metadata
from flows.documents.wrap import unwrap
from flows.language.dates import address_date, page_date

SOURCE_SUFFIXES = (".txt", ".html", ".htm")  # what a source folder's files are read from


DOCUMENT_SCHEMA = {
    "doc_id": pl.String,
    "source_path": pl.String,
    "content_hash": pl.String,
    "title": pl.String,
    "url": pl.String,
    "source": pl.String,
    "published_at": pl.Date,
    "language": pl.String,
    "n_bytes": pl.Int64,
    "n_chars": pl.Int64,
    "mtime_ns": pl.Int64,
    "status": pl.String,
    "reject_reason": pl.String,
    "metadata_issue": pl.String,
    "text": pl.String,
    "encoding": pl.String,
    "format": pl.String,
    "author": pl.String,
    "site_name": pl.String,
    "published_at_source": pl.String,
}


def content_hash(data: bytes) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def _walk(root: Path) -> tuple[list[tuple[tuple[str, ...], os.DirEntry]], list[tuple[str, str]]]:
    """Every entry under root that is, or claims to be, a document, sorted by path parts; and the folders
    that could not be listed, with the reason ((relative path, reason)).

    Entries: regular *.txt files; and, so that each gets a row with a reason instead of vanishing, any
    symbolic link named *.txt or pointing at a folder, folders named *.txt (also entered as folders) and
    FIFOs, sockets or devices named *.txt. Links are never followed here (read_one decides). One scandir
    per folder: pathlib stats every match again and sorts Path objects (~3 s per scan at 100k files).
    """
    found: list[tuple[tuple[str, ...], os.DirEntry]] = []
    unreadable: list[tuple[str, str]] = []
    stack: list[tuple[tuple[str, ...], str]] = [((), str(root))]
    while stack:
        parts, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            unreadable.append(("/".join(parts) or ".", exc.strerror or str(exc)))
            continue
        for entry in entries:
            try:
                if entry.is_symlink():
                    if entry.name.endswith(SOURCE_SUFFIXES) or entry.is_dir():
                        found.append((parts + (entry.name,), entry))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((parts + (entry.name,), entry.path))
                    if entry.name.endswith(SOURCE_SUFFIXES):
                        found.append((parts + (entry.name,), entry))
                elif entry.name.endswith(SOURCE_SUFFIXES):
                    found.append((parts + (entry.name,), entry))
            except OSError:
                found.append((parts + (entry.name,), entry))
    found.sort(key=lambda item: item[0])
    return found, unreadable


def _text_file_entries(root: Path) -> list[tuple[tuple[str, ...], os.DirEntry]]:
    return _walk(root)[0]


def list_source_files(source_dir: Path) -> list[Path]:
    """Every entry of the folder that is or claims to be a document (see _walk), sorted, so runs are
    deterministic."""
    root = Path(source_dir)
    return [root.joinpath(*parts) for parts, _ in _text_file_entries(root)]


def read_bytes(data: bytes, html: bool = False) -> dict:
    """Decode raw bytes, and read an HTML page's article out of them.

    Keys: text (None when rejected), reason, encoding, format ('text' | 'html'), and for pages what
    the page says about itself (flows.documents.html.read_page). `html`: the file is named as a page (.html);
    a .txt whose text is HTML is read as a page too.
    """
    from flows.documents.encoding import decode_bytes
    from flows.documents.html import looks_like_html, read_page

    out = {"text": None, "reason": None, "encoding": None, "format": None}
    if not data.strip():
        return {**out, "reason": "empty file"}
    text, encoding, reason = decode_bytes(data)
    if reason:
        return {**out, "reason": reason}
    out["encoding"] = encoding
    if html or looks_like_html(text):
        page = read_page(text)
        out.update(page, format="html")
        if page["text"] is None:
            return {**out, "reason": "HTML page with no article text found (navigation, links or scripts only)"}
        text = page["text"]
    else:
        out["format"] = "text"
        # (a plain text wrapped at a fixed width: its breaks inside sentences read as spaces; flows/documents/wrap.py)
        text = unwrap(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if len(text.strip()) < MIN_CHARS:
        what = "HTML page's article text" if out["format"] == "html" else "text"
        return {**out, "text": None,
                "reason": f"too short ({len(text.strip())} characters of {what}) to be an article"}
    out["text"] = text
    return out


def classify_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode raw bytes; return (text, None) or (None, reject_reason)."""
    read = read_bytes(data)
    return read["text"], read["reason"]


def _fill_from_page(row: dict, read: dict) -> None:
    """The reading's encoding and format, and a page's metadata where the sidecar or manifest gave none."""
    row.update(encoding=read["encoding"], format=read["format"],
               author=read.get("author"), site_name=read.get("site_name"))
    for column, key in (("title", "title"), ("url", "url"), ("source", "site_name")):
        if row.get(column) is None and read.get(key):
            row[column] = read[key]
    if row.get("published_at") is None and read.get("published_at"):
        row.update(published_at=read["published_at"], published_at_source=read["published_at_source"])


def _what_to_read(path: Path, root: Path) -> tuple[Path | None, str | None, os.stat_result]:
    """(file to read, None, stat) for a regular file or a link to one inside the source folder;
    (None, reason, stat) for anything else, which is never opened: links out of the folder, links that
    lead nowhere, folders, FIFOs (opening one would wait forever), sockets and devices. The stat is what
    a scan and a read both record (so an unchanged entry is skipped by the next incremental run): the
    target's for a link that is read, else the entry's own."""
    own = os.lstat(path)
    if statmod.S_ISLNK(own.st_mode):
        try:
            target = Path(os.path.realpath(path, strict=True))
            st = os.stat(target)
        except (OSError, RuntimeError):
            return None, "symbolic link that leads nowhere (missing target or a loop); not followed", own
        base = Path(root).resolve()
        if statmod.S_ISDIR(st.st_mode):
            return None, "symbolic link to a folder; not followed (its files are read where they are)", own
        if base not in target.parents:
            return None, "symbolic link to a file outside the source folder; not followed", own
        if not statmod.S_ISREG(st.st_mode):
            return None, "symbolic link to a special file (FIFO, socket or device); not read", own
        return target, None, st
    if statmod.S_ISDIR(own.st_mode):
        return None, "a folder named like a text file, not a document (the files in it are read)", own
    if not statmod.S_ISREG(own.st_mode):
        kind = "a FIFO" if statmod.S_ISFIFO(own.st_mode) else "a socket" if statmod.S_ISSOCK(own.st_mode) \
            else "a device"
        return None, f"{kind}, not a regular file; not read", own
    return path, None, own


def _open_regular(path: Path):
    """Open a regular file for reading without following a link swapped in meanwhile and without
    waiting on a FIFO swapped in meanwhile; anything but a regular file is an OSError."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    if not statmod.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{path} is no longer a regular file")
    return os.fdopen(fd, "rb")


def read_one(path: Path, root: Path, manifest: dict[str, dict], manifest_issue: str | None) -> dict:
    """One `documents` row for one file (never raises)."""
    rel = path.relative_to(root).as_posix()
    meta, issue = read_metadata(path, manifest)
    issue = "; ".join(x for x in (manifest_issue, issue) if x) or None
    row = {
        "doc_id": None, "source_path": rel, "content_hash": None, "n_bytes": None,
        "n_chars": None, "mtime_ns": None, "language": None, "status": "rejected", "reject_reason": None,
        "metadata_issue": issue, "text": None, **meta,
        "published_at_source": None if meta.get("published_at") is None else (
            "sidecar" if path.with_suffix(".json").exists() else "manifest"),
    }
    try:
        target, reason, stat = _what_to_read(path, root)
        row["mtime_ns"], row["n_bytes"] = stat.st_mtime_ns, stat.st_size
        if reason:
            row.update(doc_id=content_hash(rel.encode()), reject_reason=reason)
            return row
        size = stat.st_size
        if size > MAX_BYTES:
            row.update(n_bytes=size, reject_reason=(
                f"too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)"))
            digest = hashlib.sha256()
            with _open_regular(target) as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            row["doc_id"] = row["content_hash"] = digest.hexdigest()[:16]
            return row
        with _open_regular(target) as fh:
            data = fh.read()
    except OSError as exc:
        row.update(doc_id=content_hash(rel.encode()), reject_reason=f"unreadable: {exc.strerror or exc}")
        return row
    row.update(doc_id=content_hash(data), content_hash=content_hash(data), n_bytes=len(data))
    read = read_bytes(data, html=path.suffix.lower() in (".html", ".htm"))
    _fill_from_page(row, read)
    text = read["text"]
    if read["reason"]:
        row["reject_reason"] = read["reason"]
        return row
    if len(text) > MAX_DOC_CHARS:
        row.update(n_chars=len(text), reject_reason=(
            f"too long for one article ({len(text):,} characters > the {MAX_DOC_CHARS:,}-character extraction "
            "budget; split it into articles, or raise DOSSIER_MAX_DOC_CHARS)"))
        return row
    lang = detect_language(text)
    row.update(n_chars=len(text), language=lang)
    if lang != "en":
        row["reject_reason"] = f"language '{lang}' is not English; only English is extracted"
        return row
    row.update(status="loaded", text=text)
    # no date in the metadata or the page's markup: the one the page prints near its top, if any
    # (flows.language.dates.page_date: a dateline, 'Published 13 Dec 2025'); never a guess
    if row["published_at"] is None:
        row["published_at"] = page_date(text)
        row["published_at_source"] = "page text" if row["published_at"] else "none"
    # ... else the day the page's address files it under ("/2023/10/19/": flows.language.dates.address_date)
    filed = address_date(row.get("url")) if row["published_at"] is None else None
    if filed:
        row.update(published_at=filed, published_at_source="address")
    return row


def mark_duplicates(docs: pl.DataFrame, originals: list[str] | None = None) -> pl.DataFrame:
    """Byte-identical loaded files after the first become status 'duplicate'.

    The first is the copy loaded earliest: a path in `originals` (the warehouse's loaded rows) before any
    other, then by path. A copy added later whose name sorts first stays the duplicate, in the run that
    adds it and in any full refresh after.
    """
    loaded = pl.col("status") == "loaded"
    # "0<path>" for an original, "1<path>" otherwise: the least of a doc_id's loaded rows is its first copy
    rank = pl.when(pl.col("source_path").is_in(pl.Series(originals or [], dtype=pl.String).implode()))\
        .then(pl.lit("0")).otherwise(pl.lit("1")) + pl.col("source_path")
    # the rank is a column before the window: inside `over`, the membership test ran once per doc_id group
    # against the whole list of originals (10k groups x 20k paths: 7 GB for a daily run into 10k documents)
    docs = docs.with_columns(_rank=rank)
    first_path = pl.col("_rank").filter(loaded).min().over("doc_id").str.slice(1)
    is_dup = (pl.col("status") == "loaded") & (pl.col("source_path") != first_path)
    return docs.with_columns(
        status=pl.when(is_dup).then(pl.lit("duplicate")).otherwise(pl.col("status")),
        reject_reason=pl.when(is_dup)
        .then(pl.lit("byte-identical to ") + first_path)
        .otherwise(pl.col("reject_reason")),
        text=pl.when(is_dup).then(None).otherwise(pl.col("text")),
    ).drop("_rank")


def extract_documents(source_dir: Path, paths: list[Path] | None = None,
                      originals: list[str] | None = None) -> pl.DataFrame:
    """Read every (or the given) text file of a folder into a `documents` frame; `originals`: paths loaded
    before, which stay the original of any byte-identical copy (mark_duplicates)."""
    root = Path(source_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"source folder {root} does not exist")
    manifest, manifest_issue = read_manifest(root)
    files = paths if paths is not None else list_source_files(root)
    rows = [read_one(p, root, manifest, manifest_issue) for p in files]
    docs = pl.DataFrame(rows, schema=DOCUMENT_SCHEMA) if rows else pl.DataFrame(schema=DOCUMENT_SCHEMA)
    return mark_duplicates(docs.sort("source_path"), originals)


SCAN_SCHEMA = {"source_path": pl.String, "n_bytes": pl.Int64, "mtime_ns": pl.Int64}


def scan_folder(source_dir: Path) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Cheap listing for incremental runs: path, size and mtime of every entry (a link's or special
    file's own, never what it points at); and the folders that could not be listed, with the reason."""
    rows = []
    found, unreadable = _walk(Path(source_dir))
    for parts, entry in found:
        try:
            st = _what_to_read(Path(entry.path), source_dir)[2] if entry.is_symlink() \
                else entry.stat(follow_symlinks=False)
        except OSError:
            rows.append(("/".join(parts), 0, 0))
            continue
        rows.append(("/".join(parts), st.st_size, st.st_mtime_ns))
    return pl.DataFrame(rows, schema=SCAN_SCHEMA, orient="row"), unreadable


def scan_source(source_dir: Path) -> pl.DataFrame:
    """scan_folder's listing alone."""
    return scan_folder(source_dir)[0]


def resolve_inside(root: Path, relative: str) -> Path:
    """Join a path from metadata to the source folder, refusing anything outside it."""
    base = Path(root).resolve()
    target = (base / relative).resolve()
    if base != target and base not in target.parents:
        raise ValueError(f"path {relative!r} escapes the source folder")
    return target


__all__ = ["extract_documents", "content_hash", "classify_bytes", "detect_language",
           "scan_source", "resolve_inside", "DOCUMENT_SCHEMA"]
