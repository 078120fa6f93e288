"""Text encodings: bytes -> (text, encoding name), or a reason why no text encoding fits.

Order, first that applies: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark
(ASCII-heavy text with every other byte NUL); strict UTF-8; the charset a page or XML prolog
declares in its first bytes (when the bytes decode with it); UTF-8 with a few stray bytes (they
become U+FFFD); charset-normalizer's best guess.
Bytes that no encoding fits (NUL bytes, control characters, or nothing charset-normalizer will
call text) are binary and get a reason. Names are the WHATWG labels users know
(`utf-8`, `utf-16le`, `windows-1251`, `windows-1252`, `iso-8859-5`, ...).
"""

from __future__ import annotations

import codecs
import re

SNIFF_BYTES = 4096  # where a page declares its charset (the HTML standard looks at 1024; pages are sloppy)
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml ... encoding="x"?>
DECLARED_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{2,40})""",
    re.IGNORECASE)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # control characters other than \t \n \f \r
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32le"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32be"),
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16le"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16be"))


def label(codec: str) -> str:
    """The WHATWG-style label of a Python codec name (cp1251 -> windows-1251, latin_1 -> iso-8859-1)."""
    name = codecs.lookup(codec).name  # canonical: 'cp1251', 'iso8859-1', 'utf-16-le', 'koi8-r', 'utf-8'
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name.split("-", 1)[1]
    if name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return name[:6] + name[7:]
    return name


def declared_charset(data: bytes) -> str | None:
    """The Python codec a page's <meta charset> / http-equiv / XML prolog names in its first bytes."""
    m = DECLARED_RE.search(data, 0, SNIFF_BYTES)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # a page that says UTF-16 in its (ASCII-readable) bytes is not UTF-16; browsers read it as UTF-8
    return "utf-8" if codec.startswith("utf-16") or codec.startswith("utf-32") else codec


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for mostly-ASCII text stored in UTF-16 without a byte-order mark."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _binary_reason(text: str) -> str | None:
    controls = len(CONTROL_RE.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        return "binary content (control characters), not a text file"
    return None


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, encoding label, None) or (None, None, reject reason); never raises."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                return None, None, f"starts with a {name} byte-order mark but is not {name} (byte {exc.start})"
            reason = _binary_reason(text)
            return (None, None, reason) if reason else (text, name, None)
    head = data[:8192]
    utf16 = _utf16_without_bom(head) if b"\x00" in head else None
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _binary_reason(text):
            return text, label(utf16), None
    if b"\x00" in head:
        return None, None, "binary content (NUL bytes), not a text file"
    candidates = []
    try:
        candidates.append((data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        declared = declared_charset(data)
        if declared and declared != "utf-8":
            try:
                candidates.append((data.decode(declared), label(declared)))
            except UnicodeDecodeError:
                pass
        if not candidates:
            candidates.extend(_mostly_utf8(data))
        if not candidates:
            guessed = _guess(data)
            if guessed is None:
                return None, None, "binary content: no text encoding fits these bytes"
            candidates.append(guessed)
    text, name = candidates[0]
    reason = _binary_reason(text)
    return (None, None, reason) if reason else (text, name, None)


def _mostly_utf8(data: bytes) -> list[tuple[str, str]]:
    """UTF-8 with a few stray bytes (a page pasted together from two sources): read as UTF-8, the
    stray bytes replaced by U+FFFD, rather than guessed as some other encoding whole."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return [(text, "utf-8")] if bad <= 16 and good >= 10 * bad else []


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading of bytes that are neither UTF-8 nor what they declare."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return str(best), label(best.encoding)
    except LookupError:
        return str(best), best.encoding


__all__ = ["decode_bytes", "declared_charset", "label"]
