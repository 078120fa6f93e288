"""The real-news sets (issue 22): gold only, each page rebuildable from its address and query, every
set disjoint from the others. The pages themselves are third parties' text and live in a git-ignored cache."""

import json
from pathlib import Path

import pytest

from flows.warehouse.evaluate import load_gold

REAL = Path(__file__).parent / "data" / "real"
SETS = {"dev": REAL, "heldout": REAL / "heldout", "heldout2": REAL / "heldout2", "dev2": REAL / "dev2",
        "dev3": REAL / "dev3", "heldout3": REAL / "heldout3", "heldout4": REAL / "heldout4",
        "heldout5": REAL / "heldout5", "heldout6": REAL / "heldout6", "dev4": REAL / "dev4",
        "dev5": REAL / "dev5", "dev6": REAL / "dev6", "dev7": REAL / "dev7"}


def _pages(folder: Path) -> list[dict]:
    return [p for f in sorted(folder.glob("gold_*.json")) for p in json.loads(f.read_text())["pages"]]


@pytest.mark.parametrize("name", list(SETS))
def test_every_page_of_a_real_set_can_be_rebuilt_and_is_scored_by_the_evaluator(name):
    pages = _pages(SETS[name])
    assert pages
    for page in pages:
        assert page["url"].startswith("http") and page["query"].strip() and page["doc"], page
    assert len({p["doc"] for p in pages}) == len(pages)  # one key per page
    gold = load_gold(sorted(SETS[name].glob("gold_*.json")))
    docs = {p["doc"] for p in pages}
    for release in gold["prisoner_releases"]:
        assert set(release["docs"]) <= docs, release["key"]  # every fact names pages of its own set
    for sanction in gold["sanctions"]:
        assert set(sanction.get("docs", [sanction.get("doc")])) - {None} <= docs, sanction


def test_the_real_sets_share_no_page_and_no_story():
    """The held-out sets measure how far the development figures generalise: no page, key or story of
    one is in another."""
    seen_urls, seen_docs, seen_stories = {}, {}, {}
    for name, folder in SETS.items():
        for page in _pages(folder):
            for seen, value in ((seen_urls, page["url"]), (seen_docs, page["doc"]), (seen_stories, page.get("story"))):
                if value is None:
                    continue
                assert seen.get(value, name) == name, (value, seen.get(value), name)
                seen[value] = name


def test_no_page_text_is_committed():
    """Only gold: no cached page (`<key>_<slug>.txt`) under the committed real-set folders."""
    assert not [p for p in REAL.rglob("*.txt")]
