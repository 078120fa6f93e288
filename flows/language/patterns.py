"""Regex helpers shared by the extractors: Python patterns turned into vectorised prefilters.

polars evaluates regexes with Rust's engine, which differs from Python's `re` in small ways (case
folding of the dotted and dotless i, what counts as whitespace and as a word character). A prefilter
runs on every sentence at once and lets only the sentences it matches reach the Python pattern, so it
must never match less than the Python pattern: these helpers widen a pattern until that holds.
"""

from __future__ import annotations


def rust_superset(pattern: str) -> str:
    """A Python case-insensitive word pattern for the Rust engine, never matching less: Python also
    folds the dotted and dotless capital i into 'i', and counts \\x1c-\\x1f as whitespace."""
    return pattern.replace("i", "[iıİ]").replace(r"\s", r"[\s\x1c-\x1f]")


def rust_word_superset(pattern: str) -> str:
    """A Python case-insensitive pattern of ASCII words for the Rust engine (polars), never matching
    less: no word boundaries (Rust counts combining marks as word characters, Python does not), any
    non-space for \\w (Python also counts '½' as one), and the letters Python folds differently."""
    return "(?i)" + rust_superset(pattern.replace(r"\b", "").replace(r"\w", r"\S"))
