"""Fixed-width paragraphs: a page whose paragraphs were wrapped at a fixed width (a wire service's plain text, a
copied PDF) breaks its lines inside sentences and names ("... the public designation of <A>, as well as\\nof former
Deputy Minister <B C>, former <Agency> Director <D>\\n<E>, ..."). Sentences never cross a line (a line is a heading,
a caption or a list item elsewhere), so such a page would lose every name and clause cut by a break.

`unwrap` reads those breaks as the spaces they stand for: the text keeps its length, so every span stays where it was
(issue 22, class 8: page furniture; session 19).

>>> unwrap("The agency named Pavel Manev, former\\nDeputy Minister of Trade, and Petar\\nVelkov, a former director of the\\n"
...        "state lender, as targets on Friday.")[:61]
'The agency named Pavel Manev, former Deputy Minister of Trade'
>>> unwrap("Photo of the minister. AFP\\nPhoto of the minister. AFP\\nPhoto of the minister. AFP") == \\
...     "Photo of the minister. AFP\\nPhoto of the minister. AFP\\nPhoto of the minister. AFP"
True
"""

from __future__ import annotations

import re

# A paragraph of three lines or more, none longer than WRAP_WIDTH, nearly all but the last close to its longest line,
# at least half of them ending with no end punctuation and some in the middle of a clause (a lower-case word or a
# comma). Repeated captions, a list of headlines or of names end in capitals or in punctuation, and stay lines.
WRAP_WIDTH = 100
_MAYBE_WRAPPED = re.compile(r"[a-z,]\n[^\n]")  # (cheap: no text without one has such a paragraph)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_NO_END = re.compile(r"[^.!?:;\"”’)\s]\s*$")
_MID_CLAUSE = re.compile(r"(?:(?<![\w’'\-])[a-z][\w’'\-]*|,)\s*$")  # a lower-case word or a comma ends the line


def soft_newlines(text: str) -> list[int]:
    """Positions of the line breaks inside the fixed-width paragraphs of a text."""
    if not _MAYBE_WRAPPED.search(text):
        return []
    soft: list[int] = []
    for para in _PARAGRAPH.finditer(text):
        lines = para.group().split("\n")
        if len(lines) < 3:
            continue
        widest = max(len(line) for line in lines)
        inner = lines[:-1]
        if widest > WRAP_WIDTH or sum(len(line) >= 0.7 * widest for line in inner) < 0.8 * len(inner) \
                or sum(bool(_NO_END.search(line)) for line in inner) < 0.5 * len(inner) \
                or sum(bool(_MID_CLAUSE.search(line)) for line in inner) < 0.3 * len(inner):
            continue
        at = para.start()
        for line in inner:
            at += len(line)
            if _NO_END.search(line):
                soft.append(at)
            at += 1
    return soft


def unwrap(text: str) -> str:
    """The text with the line breaks of its fixed-width paragraphs read as spaces (same length)."""
    soft = soft_newlines(text)
    if not soft:
        return text
    chars = list(text)
    for at in soft:
        chars[at] = " "
    return "".join(chars)
