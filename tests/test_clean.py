"""Clean stage: furniture is blanked in place; sentences keep exact spans."""

from flows.extraction.clean import furniture_spans, mask_spans
from tests.conftest import sentences_of

PAGE = """Envoy Visits Capital as Detainees Are Freed
The authorities released 30 detainees on Monday, officials said.
Mr. Ortega's government gave no reason. U.S. officials welcomed it.
Sign up for our newsletter to get the latest updates!
Comments
You must be logged in to post a comment.
Read also:
- Minister Carla Mendes resigns over budget row
- Weekly roundup from the Senate
"""


def test_furniture_is_blanked_and_offsets_kept():
    body = mask_spans(PAGE, furniture_spans(PAGE))
    assert len(body) == len(PAGE)
    assert "newsletter" not in body and "Carla Mendes" not in body and "Comments" not in body
    assert "released 30 detainees" in body


def test_sentences_split_after_abbreviations_only_at_real_ends():
    s = sentences_of(PAGE)
    texts = s["sentence"].to_list()
    assert "Mr. Ortega's government gave no reason." in texts
    assert "U.S. officials welcomed it." in texts
    assert not any("Mendes" in t for t in texts)
    for row in s.iter_rows(named=True):
        assert PAGE[row["char_start"]:row["char_end"]] == row["sentence"]


def test_headline_is_flagged():
    s = sentences_of(PAGE)
    assert s.row(0, named=True)["is_headline"] is True
    assert s.row(1, named=True)["is_headline"] is False
