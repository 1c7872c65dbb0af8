"""resolve(): the example article, the classic traps, the gold canonical names."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.geo.normalize import fold
from frontline.geo.resolve import ResolveContext, article_context, resolve, resolve_facility
from frontline.records import GeoStatus, Span

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "aleppo_2016-11-28_trt.txt"
ALEPPO = ResolveContext(city="Aleppo")


def _in_aleppo_city(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and 36.1 <= lat <= 36.3 and 37.05 <= lon <= 37.25


@pytest.fixture(scope="module")
def article_ctx() -> ResolveContext:
    return article_context(ARTICLE.read_text(encoding="utf-8"))


def test_resolve_article_context_is_aleppo(article_ctx: ResolveContext) -> None:
    assert article_ctx.city == "Aleppo"
    assert "Hanano" in article_ctx.nearby


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Hanano", "Hanano"),
        ("the Hanano housing district", "Hanano"),
        ("Jabal Badro", "Jabal Badro"),
        ("the neighbouring Jabal Badro district", "Jabal Badro"),
        ("Holok", "Holok"),
        ("Sakhour", "Sakhour"),
        ("Haydariya", "Haydariya"),
        ("al-Qaterji", "Qaterji"),
        ("the besieged rebel-held al-Qaterji neighbourhood", "Qaterji"),
        ("Ansari", "Ansari"),
        ("the Ansari neighbourhood", "Ansari"),
        ("Suleiman al-Halabi", "Suleiman al-Halabi"),
    ],
)
def test_resolve_article_neighbourhoods_inside_aleppo(
    article_ctx: ResolveContext, text: str, canonical: str
) -> None:
    place = resolve(text, article_ctx)
    assert place.status is GeoStatus.RESOLVED
    assert place.name == canonical
    assert place.feature == "neighbourhood"
    assert place.geo_precision == 1
    assert place.admin1 == "Aleppo"
    assert _in_aleppo_city(place.latitude, place.longitude)


def test_resolve_pumping_station_at_its_neighbourhood(article_ctx: ResolveContext) -> None:
    text = "the key Suleiman al-Halabi water pumping station"
    place = resolve(text, article_ctx, Span(10, 10 + len(text), text))
    assert place.name == "Suleiman al-Halabi"
    assert place.geo_precision == 2
    assert place.feature == "facility"
    assert place.span is not None and place.span.start == 10
    assert (place.latitude, place.longitude) == pytest.approx((36.218, 37.1725), abs=1e-3)


def test_resolve_aleppo_city_versus_province() -> None:
    city = resolve("Aleppo")
    assert (city.feature, city.geo_precision, city.status) == ("city", 1, GeoStatus.RESOLVED)
    assert _in_aleppo_city(city.latitude, city.longitude)
    province = resolve("Aleppo province")
    assert (province.name, province.feature, province.geo_precision) == ("Aleppo", "governorate", 3)
    east = resolve("east Aleppo")
    assert (east.name, east.geo_precision, east.gazetteer_id) == ("Aleppo", 2, city.gazetteer_id)
    for text in ("eastern neighborhoods of Aleppo", "outside Aleppo", "western Aleppo"):
        assert resolve(text).geo_precision == 2


def test_resolve_damascus_province_is_rural_damascus() -> None:
    place = resolve("Damascus province")
    assert (place.name, place.admin1, place.geo_precision) == (
        "Rural Damascus",
        "Rural Damascus",
        3,
    )
    assert resolve("Damascus").feature == "city"


def test_resolve_idlib_city_versus_province() -> None:
    assert resolve("Idlib").feature == "city"
    assert resolve("the city of Idlib").geo_precision == 1
    province = resolve("Idlib province")
    assert (province.feature, province.geo_precision, province.admin1) == (
        "governorate",
        3,
        "Idlib",
    )
    assert resolve("Idlib countryside").geo_precision == 2


def test_resolve_same_name_in_two_governorates_by_admin1_hint() -> None:
    aleppo = resolve("al-Midan", ResolveContext(admin1="aleppo"))
    damascus = resolve("al-Midan", ResolveContext(admin1="damascus"))
    assert aleppo.admin1 == "Aleppo" and _in_aleppo_city(aleppo.latitude, aleppo.longitude)
    assert damascus.admin1 == "Damascus"
    assert resolve("al-Midan").status is GeoStatus.AMBIGUOUS


def test_resolve_ansari_in_context_of_aleppo() -> None:
    place = resolve("Ansari", ALEPPO)
    assert place.feature == "neighbourhood" and _in_aleppo_city(place.latitude, place.longitude)


@pytest.mark.parametrize(
    ("text", "hint", "admin1", "lat", "lon"),
    [
        ("Deir Ezzor", "deir ezzor", "Deir ez-Zor", 35.34, 40.14),
        ("Hasakeh", "hasakeh", "Al-Hasakah", 36.50, 40.75),
        ("Qardaha", "lattakia", "Latakia", 35.46, 36.06),
        ("Douma", "damascus", "Rural Damascus", 33.57, 36.40),
    ],
)
def test_resolve_uses_fakes_location_hint(
    text: str, hint: str, admin1: str, lat: float, lon: float
) -> None:
    place = resolve(text, ResolveContext(admin1=hint))
    assert place.admin1 == admin1
    assert (place.latitude, place.longitude) == pytest.approx((lat, lon), abs=0.05)


def test_resolve_unknown_facility_falls_back_to_city() -> None:
    place = resolve("near the Shqeif Road", ALEPPO)
    assert place.status is GeoStatus.UNRESOLVED
    assert place.geo_precision == 2 and _in_aleppo_city(place.latitude, place.longitude)
    assert place.admin1 == "Aleppo"
    alone = resolve_facility("the Shqeif Road", "Aleppo")
    assert alone.geo_precision == 2 and alone.latitude == place.latitude


def test_resolve_unknown_place_with_only_governorate() -> None:
    place = resolve("Wadi al-Mesk", ResolveContext(admin1="homs"))
    assert place.status is GeoStatus.UNRESOLVED
    assert (place.admin1, place.geo_precision) == ("Homs", 3)


def test_resolve_unknown_place_without_context_is_kept() -> None:
    place = resolve("Xyzzyville")
    assert (place.status, place.name, place.latitude) == (GeoStatus.UNRESOLVED, "Xyzzyville", None)


def test_resolve_arabic_script() -> None:
    place = resolve("الحيدرية", ALEPPO)
    assert place.name == "Haydariya"
    assert resolve("حلب").gazetteer_id == "gn:170063"


# The gold canonical-location table (data/gold/README.md): spelling in the text, the
# article's context, the canonical name and governorate expected.
GOLD = [
    ("Hanano", ALEPPO, "Hanano", "Aleppo"),
    ("Jabal Badro", ALEPPO, "Jabal Badro", "Aleppo"),
    ("Hulluk", ALEPPO, "Holok", "Aleppo"),
    ("Al Sakhour", ALEPPO, "Sakhour", "Aleppo"),
    ("al-Haidariye", ALEPPO, "Haydariya", "Aleppo"),
    ("al-Qaterji", ALEPPO, "Qaterji", "Aleppo"),
    ("al-Midan", ALEPPO, "Midan", "Aleppo"),
    ("Seif al-Dawla", ALEPPO, "Saif al-Dawla", "Aleppo"),
    ("Sulaymaniyah", ALEPPO, "Sulaymaniyah", "Aleppo"),
    ("Salaheddin", ALEPPO, "Salaheddin", "Aleppo"),
    ("Jamiyat al-Zahra", ALEPPO, "Jamiyat al-Zahra", "Aleppo"),
    ("Hassajik", ResolveContext(admin1="aleppo"), "Hassajik", "Aleppo"),
    ("Mallah Farms", ResolveContext(admin1="aleppo"), "Mallah Farms", "Aleppo"),
    ("Rityan", ResolveContext(admin1="aleppo"), "Rityan", "Aleppo"),
    ("Al Bab", ResolveContext(admin1="aleppo"), "Al-Bab", "Aleppo"),
    ("Kweyris military airport", ResolveContext(admin1="aleppo"), "Kuweires airbase", "Aleppo"),
    ("Atareb", ResolveContext(admin1="aleppo"), "Atareb", "Aleppo"),
    ("Azaz", ResolveContext(admin1="aleppo"), "Azaz", "Aleppo"),
    ("Manbij", ResolveContext(admin1="hasakeh"), "Manbij", "Aleppo"),
    ("Kobani", ResolveContext(admin1="daraa"), "Kobani", "Aleppo"),
    ("al-Fouaa", ResolveContext(admin1="aleppo"), "Foua", "Idlib"),
    ("Kafraya", ResolveContext(admin1="aleppo", nearby=("Fuaa",)), "Kefraya", "Idlib"),
    ("Turmanin", ResolveContext(admin1="idlib"), "Turmanin", "Idlib"),
    ("Khan Sheikhun", ResolveContext(admin1="daraa"), "Khan Sheikhoun", "Idlib"),
    ("al-Rastan", ResolveContext(admin1="homs"), "Rastan", "Homs"),
    ("Unq al-Hawa", ResolveContext(admin1="homs"), "Unq al-Hawa", "Homs"),
    ("Palmyra", ResolveContext(admin1="aleppo"), "Palmyra", "Homs"),
    ("Kafr Zeita", ResolveContext(admin1="hama"), "Kafr Zeita", "Hama"),
    ("Jassem", ResolveContext(admin1="daraa"), "Jassem", "Daraa"),
    ("Busra Al Sham", ResolveContext(admin1="daraa"), "Bosra", "Daraa"),
    ("Douma", ResolveContext(admin1="daraa"), "Douma", "Rural Damascus"),
    ("Madaya", ResolveContext(admin1="damascus"), "Madaya", "Rural Damascus"),
    ("al-Zabadani", ResolveContext(admin1="aleppo"), "Zabadani", "Rural Damascus"),
    ("Wadi Barada", ResolveContext(admin1="aleppo"), "Wadi Barada", "Rural Damascus"),
    ("Sayyeda Zainab", ResolveContext(admin1="damascus"), "Sayyida Zaynab", "Rural Damascus"),
    ("Qardaha", ResolveContext(admin1="lattakia"), "Qardaha", "Latakia"),
    ("Deir Ezzor", ResolveContext(admin1="daraa"), "Deir ez-Zor", "Deir ez-Zor"),
    ("Raqqa", ResolveContext(admin1="raqqa"), "Raqqa", "Raqqa"),
    ("Tabqa", ResolveContext(admin1="raqqa"), "Tabqa", "Raqqa"),
    ("Qamishli", ResolveContext(admin1="hasakeh"), "Qamishli", "Al-Hasakah"),
    ("Golan Heights", ResolveContext(admin1="quneitra"), "Golan Heights", "Quneitra"),
]


@pytest.mark.parametrize(("text", "ctx", "canonical", "admin1"), GOLD)
def test_resolve_gold_canonical_names(
    text: str, ctx: ResolveContext, canonical: str, admin1: str
) -> None:
    place = resolve(text, ctx)
    # a misleading governorate hint (the article is filed elsewhere) may leave a rival
    assert place.status is not GeoStatus.UNRESOLVED, place
    assert fold(place.name) == fold(canonical)
    assert place.admin1 == admin1
