"""A document's main country (issue 22, class 3), in our own words, places invented where they can be."""

from flows.extraction.places import doc_main_countries, subdivision_countries_in
from tests.conftest import sentences_of


def test_a_document_naming_no_country_takes_the_country_of_the_district_it_names():
    """A report that names no country but a district by its kind ("arrested in Kalangala district") is that
    district's country's; a country the text names still wins; a kind with no known name before it gives none."""
    bare = ("A military court on Tuesday granted bail to 17 supporters of the opposition singer.\n\n"
            "They were arrested in December in Kalangala district while on the campaign trail.")
    assert doc_main_countries(sentences_of(bare)) == {"d1": "Uganda"}
    named = bare + "\n\nKenya's observers said the trial was unfair."
    assert doc_main_countries(sentences_of(named)) == {"d1": "Kenya"}
    assert doc_main_countries(sentences_of("The Northern district court sat on Tuesday.\n\nNo one was freed.")) == {}


def test_subdivisions_one_country_alone_has():
    assert subdivision_countries_in("Fighting went on in Idlib province.") == ["Syria"]
    assert subdivision_countries_in("the governorate of Idlib") == ["Syria"]
    assert subdivision_countries_in("a lawyer from the Central Region") == []  # many countries have one
