"""Issue 22, class 8 (session 19): a plain text wrapped at a fixed width (a wire service's copy, a copied PDF) breaks its
lines inside sentences and names; the breaks are read as spaces, so the sentence and its names are whole. Written in
our own words."""

from flows.documents.extract import read_bytes
from flows.documents.wrap import soft_newlines, unwrap
from flows.extraction.sanctions import extract_sanction_mentions
from tests.conftest import sentences_of

WIRE = ("Capital City, May 4 (WIRE) - The State Department said here on\n"
        "Wednesday that it is sanctioning a total of four Ruritanians,\n"
        "including the businessman Pavel Dorin, over corruption.\n"
        "The department announced the public designation of Dorin, as well\n"
        "as of former Deputy Trade Minister Pavel Manev, former Export\n"
        "Agency Director Petar Velkov, former Export Agency Chief Secretary\n"
        "Krasen Tomev, and Ilko Varnev, an official of the State Bureau\n"
        "for Customs, because they took part in corrupt acts.\n")


def test_a_fixed_width_paragraph_reads_as_its_sentences():
    text = read_bytes(WIRE.encode())["text"]
    assert len(text) == len(WIRE)  # same length: every span stays where it was
    sentences = sentences_of(text, "d1")["sentence"].to_list()
    assert sentences[1].startswith("The department announced the public designation of Dorin, as well as of former")
    assert "Petar Velkov" in sentences[1] and sentences[1].endswith("because they took part in corrupt acts.")


def test_the_designees_of_a_wrapped_page_are_read():
    text = read_bytes(WIRE.encode())["text"]
    targets = extract_sanction_mentions(sentences_of(text, "d1"), None)["target"].to_list()
    for name in ("Pavel Manev", "Petar Velkov", "Krasen Tomev", "Ilko Varnev"):
        assert name in targets, (name, targets)


def test_lines_that_are_lines_stay_lines():
    # repeated captions, a list of headlines, names one per line, ordinary one-paragraph-per-line text, short lines
    for text in ("Protesters outside the ministry in the capital. AFP\n" * 4,
                 "Watch: Ruritania imposes sanctions on 11 leaders: Velko\n"
                 "Ruritania imposes sanctions on 11 leaders: Velko\n"
                 "WATCH: Ruritania imposes sanctions on 11 leaders – Feb 6, 2024\n",
                 "Pavel Dorin\nPetar Velkov\nKrasen Tomev\nIlko Varnev\n",
                 "The court freed the two activists on Friday, their lawyer said, after a year in custody.\n"
                 "They were met by relatives outside the prison in the capital and went home.\n"
                 "The ministry did not comment on the ruling, which the prosecutors may still appeal.\n",
                 "Related stories\nSanctions on the bank, explained\nWho are the four men, and why now\n"):
        assert soft_newlines(text) == [] and unwrap(text) == text, text
