"""The city or governorate a text names constrains which namesake a place name stands for.

Sentences from bundled FA-KES development articles (samples/fakes_dev.csv, batches B and D).
"""

from __future__ import annotations

from frontline.extract.places import DocumentContext, find_places
from frontline.geo.resolve import ResolveContext, resolve
from frontline.records import GeoStatus, Place

_DEIR_EZZOR = DocumentContext(city="Deir ez-Zor", admin1="deir ezzor", default=None)
_ALEPPO = DocumentContext(city="Aleppo", admin1="aleppo", default=None)


def _places(text: str, context: DocumentContext) -> dict[str, Place]:
    return {m.text: m.place for m in find_places(text, 0, context)}


def test_a_quarter_of_the_story_city_is_not_its_namesake_far_away() -> None:
    # Deir ez-Zor's Qusour quarter, not the town of al-Qusayr in Homs 300 km away (quarters the
    # gazetteer lacks stay in their city by name: see the plural-feature-word test below).
    text = (
        "According to SANA news agency terrorists fired a number of rocket shells on al-Qussour "
        "neighborhood injured three other people and caused a material damage to houses."
    )
    place = _places(text, _DEIR_EZZOR)["al-Qussour"]
    assert place.admin1 == "Deir ez-Zor"
    assert place.name == "Qusour"


def test_a_quarter_named_in_an_aleppo_story_is_no_village_near_damascus() -> None:
    text = (
        "The monitor reported fierce clashes on multiple fronts on the western and southern "
        "outskirts of west Aleppo with three suicide car bombs targeting a checkpoint in the "
        "Dahiyet al-Assad neighbourhood."
    )
    place = _places(text, _ALEPPO)["Dahiyet al-Assad"]
    assert place.admin1 == "Aleppo"  # not Qura al Asad in Rural Damascus
    assert place.name == "Dahiyat al-Assad"


def test_a_district_of_deir_ezzor_is_not_a_town_in_hama() -> None:
    text = (
        "The ISIL offensive to break through the government forces positions in al-Sinaah "
        "district was repelled by the strong defense of the Syrian soldiers and popular forces."
    )
    assert _places(text, _DEIR_EZZOR)["al-Sinaah"].admin1 == "Deir ez-Zor"


def test_a_namesake_where_the_article_was_filed_keeps_its_reading() -> None:
    # Filed under Homs: al-Rastan is a Homs town, not a quarter of the story's city.
    place = resolve("al-Rastan neighborhood", ResolveContext(city="Deir ez-Zor", admin1="homs"))
    assert place.admin1 == "Homs"
    # ... and a name next to a town the sentence names is that town's neighbour.
    near = ResolveContext(city="Deir ez-Zor", admin1="deir ezzor", nearby=("Talbiseh",))
    assert resolve("al-Rastan neighborhood", near).admin1 == "Homs"


def test_an_area_may_be_a_village() -> None:
    # "area" names villages as often as quarters: no quarter of the article's city is assumed.
    ctx = ResolveContext(city="Deir ez-Zor", admin1="deir ezzor")
    place = resolve("al-Qusour area", ctx)
    assert place.status is GeoStatus.RESOLVED
    assert place.gazetteer_id is not None and place.name != "al-Qusour"


def test_the_countryside_a_sentence_names_outweighs_the_articles_city() -> None:
    # An article about Aleppo: its city's Jibreen quarter (a loose spelling match) loses to the
    # Hama village the sentence puts in "the northern countryside of Hama".
    text = (
        "Also on Wednesday airstrikes by the Syrian air force targeted gathering centers of "
        "militants of the Jaish al-Fatah in Kafr Zita Jub al-Rayan and Kafr Nabudah in the "
        "northern countryside of Hama."
    )
    places = _places(text, _ALEPPO)
    assert places["Jub al-Rayan"].admin1 == "Hama"
    assert places["Jub al-Rayan"].name == "Jubb ar Rayyan"


def test_the_city_the_sentence_names_holds_its_quarter() -> None:
    # Batch F: an article filed under Aleppo; this sentence's quarter is in Deir Ezzor.
    text = (
        "Meanwhile SANAs correspondent in Deir Ezzor reported that two civilians were killed and "
        "nine others were injured by 6 explosive shells fired by ISIS terrorists on al-Qusour "
        "neighborhood in Deir Ezzor city."
    )
    place = _places(text, _ALEPPO)["al-Qusour"]
    assert place.admin1 == "Deir ez-Zor"  # not al-Qusayr in Homs
    assert place.name == "Qusour"


def test_quarters_of_aleppo_named_in_a_deir_ezzor_story() -> None:
    text = (
        "Meanwhile over 10 civilians were also killed and 18 more wounded in Russian airstrikes "
        "and barrel bomb attacks on the neighborhoods of Karam Alnozha and Tal Alzarazir in "
        "Aleppo on Tuesday."
    )
    places = _places(text, DocumentContext(city="Muhaymidah", admin1="deir ezzor", default=None))
    assert places["Karam Alnozha"].admin1 == "Aleppo"
    assert places["Tal Alzarazir"].admin1 == "Aleppo"


def test_a_city_named_only_as_nearby_holds_no_quarter() -> None:
    # "near Damascus" says where the highway runs, not which city's quarter a name is.
    text = (
        "Twin suicide blasts targeted al-Mustaqbal checkpoint on Sayyeda Zainab (AS) Highway "
        "near Damascus claiming 4 martyrs and 13 injured."
    )
    context = DocumentContext(city="Sayyida Zaynab", admin1="damascus", default=None)
    places = _places(text, context)
    assert places["al-Mustaqbal"].admin1 == "Rural Damascus"  # at the article's town
    assert places["Sayyeda Zainab"].name == "Sayyida Zaynab"


def test_a_plural_feature_word_names_both_places_before_it() -> None:
    # Batch B, an article filed under Hama: both quarters are Deir Ezzor's, not Hama villages.
    text = (
        "Deir Ezzor Army units targeted ISIL positions in al-Sinaa and al-Ummal neighborhoods "
        "in Deir Ezzor city destroying them along with the weapons and equipment inside."
    )
    places = _places(text, DocumentContext(city="Deir ez-Zor", admin1="hama", default=None))
    for name in ("al-Sinaa", "al-Ummal"):
        assert places[name].admin1 == "Deir ez-Zor"
        assert places[name].status is GeoStatus.UNRESOLVED


def test_names_listed_among_a_citys_quarters_are_its_quarters() -> None:
    # Batch F, an Aleppo article: Bab al-Faraj is also a Hasakah village and al-Martini an Idlib
    # hamlet, but here they are listed among Aleppo's quarters.
    text = (
        "On Friday 16 civilians were killed and scores others were injured most of whom are women "
        "and children when Jabhat al-Nusra terrorists and other terrorist groups targeted with "
        "dozens of rocket shells Ifreen area Bab al-Faraj al-Midan al-Muhafaza Saif al-Dawleh "
        "al-Izaa al-Martini and al-Neel Street while worshipers were leaving the mosques after "
        "prayers."
    )
    places = _places(text, _ALEPPO)
    for name in ("Bab al-Faraj", "al-Martini"):
        assert places[name].admin1 == "Aleppo"
        assert places[name].name == name
    assert places["al-Martini"].status is GeoStatus.UNRESOLVED  # a quarter the gazetteer lacks
    assert places["al-Midan"].status is not GeoStatus.UNRESOLVED  # the known quarters stay


def test_a_village_beside_a_quarter_in_the_articles_own_governorate_stays() -> None:
    # Filed under Hasakah, the village of Bab al Khayr keeps its reading.
    text = "Shells hit Bab al Khayr al-Midan and nearby farms."
    places = _places(text, DocumentContext(city="Aleppo", admin1="hasakeh", default=None))
    assert places["al-Midan"].feature == "neighbourhood"
    assert places["Bab al Khayr"].admin1 == "Al-Hasakah"
