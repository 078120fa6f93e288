"""The extractor's version without importing the extractors.

`flows.extraction.facts` compiles some hundreds of patterns when imported (~0.5 s): a run that finds nothing new
in its folder (the no-op rerun, `pipeline.run_if_unchanged`) needs only the version string to plan, so it is
read from the module's source, where `EXTRACTOR_VERSION = "..."` stands as one literal line. Anything else
there (a computed value, two assignments, a file that cannot be read) imports the module as before; a test
checks that both give the same string.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FACTS_SOURCE = Path(__file__).resolve().parent.parent / "extraction" / "facts.py"
_LINE = re.compile(r'^EXTRACTOR_VERSION\s*=\s*"([^"\\\n]+)"[ \t]*(?:#.*)?$', re.MULTILINE)
_ANY = re.compile(r"^EXTRACTOR_VERSION\b", re.MULTILINE)


def read_extractor_version(source: str) -> str | None:
    """The version a module's source assigns as one plain string literal, else None."""
    found = _LINE.findall(source)
    return found[0] if len(found) == 1 and len(_ANY.findall(source)) == 1 else None


def extractor_version() -> str:
    loaded = sys.modules.get("flows.extraction.facts")
    if loaded is not None:
        return loaded.EXTRACTOR_VERSION
    try:
        version = read_extractor_version(FACTS_SOURCE.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        version = None
    if version is None:
        from flows.extraction.facts import EXTRACTOR_VERSION

        version = EXTRACTOR_VERSION
    return version


EXTRACTOR_VERSION = extractor_version()
