"""One swap, two freeing states (issue 22, class 2): one outlet tells a swap as a release by state A, another as a
release by state B. Reports written in our own words."""

import polars as pl
import pytest

from flows.extraction.events import extract_event_mentions
from flows.resolution.events import cluster_releases, consolidate_events
from tests.conftest import sentences_of


def _releases(texts: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(events, mentions) of these documents' releases, resolved together."""
    sentences = pl.concat([sentences_of(text, doc_id) for doc_id, text in texts.items()])
    mentions, _ = extract_event_mentions(sentences, {})
    events, mentions, _ = consolidate_events(mentions)
    keep = pl.col("event_type") == "prisoner_release"
    return events.filter(keep), mentions.filter(keep)


def test_a_swap_told_as_freed_by_either_state_is_one_event():
    events, mentions = _releases({
        "a": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.",
        "b": "Peru released four fishermen on Monday, officials in Lima said.",
    })
    assert mentions["event_id"].n_unique() == 1
    assert events.height == 1 and events["prisoner_count"].to_list() == [4] and events["n_sources"].to_list() == [2]
    # a tie between the two states: the event keeps one of them, as any tie of countries (the first in order)
    assert events["country"].to_list() == ["Chile"]


def test_the_event_keeps_the_country_most_reports_give():
    events, _ = _releases({
        "a": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.",
        "b": "Peru released four fishermen on Monday, officials in Lima said.",
        "c": "Peru freed four fishermen on Monday, the ministry in Lima said.",
    })
    assert events.height == 1 and events["country"].to_list() == ["Peru"]


def test_both_reports_told_as_a_swap_with_the_other_are_one_event():
    events, _ = _releases({
        "a": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.",
        "b": "Peru released four Chilean sailors on Monday in an exchange with Chile.",
    })
    assert events.height == 1


@pytest.mark.parametrize("texts", [
    # the other state's release of another count: another release
    {"a": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.",
     "b": "Peru released five fishermen on Monday, officials in Lima said."},
    # the other state's release told as a swap with a third state only: another swap
    {"a": "Chile freed four Peruvian fishermen on Monday in a prisoner swap with Peru.",
     "b": "Peru released four prisoners on Monday in an exchange with Ecuador."},
    # no swap told: two states freeing the same number are two releases
    {"a": "Chile freed four Peruvian fishermen on Monday after a long trial.",
     "b": "Peru released four fishermen on Monday, officials in Lima said."},
])
def test_releases_no_swap_links_stay_apart(texts):
    events, _ = _releases(texts)
    assert events.height == 2


def test_swap_sides_join_transitively_and_by_key_alone():
    """Labels: a swap key joins the other state's key of the same count, whatever its qualifier; joined clusters
    take the least label; a country's other counts are untouched."""
    rel = pl.DataFrame({"country": ["Chile", "Peru", "Peru", "Ecuador", "Chile"],
                        "prisoner_count": [4, 4, 7, 4, 4],
                        "count_qualifier": ["exact", "at_least", "exact", "exact", "exact"],
                        "counterparts": [["Peru"], None, None, ["Peru"], None]},
                       schema_overrides={"counterparts": pl.List(pl.String)})
    labels = cluster_releases(rel).to_list()
    assert labels[0] == labels[1] == labels[3] == labels[4] and labels[2] != labels[0]
    assert labels[0] == min(labels[i] for i in (0, 1, 3, 4))
    # without counterparts (mentions staged before them): clusters by country as before
    assert cluster_releases(rel.drop("counterparts")).n_unique() == 4
