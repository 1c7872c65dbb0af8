"""The scorer's report: matched events whose fields disagree with gold are listed under --errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontline.evaluation import GoldDocument, GoldEvent, format_report, score
from frontline.records import Event, Place, Provenance, Span

SENTENCE = (
    "Six civilians from one family were killed in airstrikes on the town of Atareb west of "
    "Aleppo on Saturday."
)


def _found(actor1: str | None, fatalities: int | None) -> Event:
    evidence = Span(0, len(SENTENCE), SENTENCE)
    return Event(
        event_id="e1",
        doc_id="1926479162",
        source=None,
        event_date=date(2016, 12, 24),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=actor1,
        actor2=None,
        place=Place(text="Atareb", name="Atareb", admin1="Aleppo"),
        fatalities=fatalities,
        quantities=(),
        attributed_to=None,
        evidence=evidence,
        territory=None,
        provenance=Provenance("1926479162", evidence),
    )


def _gold(actor1: str | None, fatalities: int | None) -> GoldDocument:
    event = GoldEvent(
        doc_id="1926479162",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        event_date=date(2016, 12, 24),
        time_precision=1,
        actor1=actor1,
        actor2=None,
        location="Atareb",
        admin1="Aleppo",
        fatalities=fatalities,
        evidence=SENTENCE,
    )
    return GoldDocument("1926479162", date(2016, 12, 24), None, (event,), ())


def test_a_matched_event_with_a_wrong_actor_and_toll_is_listed_under_both_fields() -> None:
    report = score([_gold(None, 6)], {"1926479162": [_found("Military Forces of Syria", 1)]})
    assert report.matched == 1
    assert report.accuracy("actor1") == 0.0
    assert report.accuracy("location") == 1.0
    assert sorted(report.disagreements) == ["actor1", "fatalities"]

    text = format_report(report, errors=True)
    lines = text.splitlines()
    actor_at = lines.index("actor1 disagrees (1 of 1 matched):")
    assert lines[actor_at + 1] == (
        "  ~ 1926479162 2016-12-24 Air/drone strike @ Atareb: "
        f"gold None, found Military Forces of Syria: {SENTENCE}"
    )
    toll_at = lines.index("fatalities disagrees (1 of 1 matched):")
    assert lines[toll_at + 1].startswith("  ~ 1926479162 2016-12-24 Air/drone strike @ Atareb: ")
    assert "gold 6, found 1: Six civilians" in lines[toll_at + 1]
    assert "location disagrees (0 of 1 matched):" in lines
    # The field sections come after the missed and spurious lists.
    assert lines.index("spurious (found, not in gold):") < actor_at


def test_the_report_without_errors_lists_no_disagreements() -> None:
    report = score([_gold(None, 6)], {"1926479162": [_found("Military Forces of Syria", 1)]})
    text = format_report(report)
    assert "disagrees" not in text
    assert "  actor1           0.000" in text.splitlines()


def test_an_event_that_agrees_everywhere_is_listed_nowhere() -> None:
    report = score([_gold(None, 6)], {"1926479162": [_found(None, 6)]})
    assert report.disagreements == {}
    text = format_report(report, errors=True)
    assert "  ~ " not in text
    assert "actor1 disagrees (0 of 1 matched):" in text.splitlines()


def test_events_are_paired_by_their_sentence_before_their_date() -> None:
    # Two strikes on Atareb told in two sentences a day apart; the extractor dated the first
    # sentence's strike a day late. Pairing by nearest date would give each found event the
    # other sentence's gold event and hide the wrong date; pairing by sentence shows it.
    second = "Another air strike hit Atareb on Sunday killing two people."
    text = SENTENCE + " " + second
    late = _found(None, 6)
    late = replace(late, event_date=date(2016, 12, 25))
    sunday_span = Span(len(SENTENCE) + 1, len(text), second)
    sunday = replace(
        _found(None, 2), event_id="e2", event_date=date(2016, 12, 25), evidence=sunday_span
    )
    gold = _gold(None, 6)
    sunday_gold = replace(
        gold.events[0], event_date=date(2016, 12, 25), fatalities=2, evidence=second
    )
    doc = replace(gold, events=(gold.events[0], sunday_gold))
    report = score([doc], {"1926479162": [sunday, late]})
    assert report.matched == 2
    assert report.accuracy("event_date") == 0.5
    assert report.accuracy("fatalities") == 1.0


def test_errors_list_missed_and_spurious_territory_changes() -> None:
    # A capture of Atareb found with the wrong taker: the gold change is missed and the found
    # one is spurious, each listed with place, taker and sentence after the field sections.
    from frontline.evaluation import GoldChange
    from frontline.records import TerritoryChange

    said = "Rebels captured the town of Atareb on Saturday."
    found = replace(
        _found("Syrian rebels", None),
        sub_event_type="Non-state actor overtakes territory",
        evidence=Span(0, len(said), said),
        territory=TerritoryChange(loser="Syrian rebels", taker="Military Forces of Syria"),
    )
    change = GoldChange("1926479162", "Atareb", "Syrian rebels", date(2016, 12, 24), said)
    doc = replace(_gold(None, None), events=(), changes=(change,))
    report = score([doc], {"1926479162": [found]})
    assert (report.territory.tp, report.territory.fp, report.territory.fn) == (0, 1, 1)
    lines = format_report(report, errors=True).splitlines()
    missed_at = lines.index("territory changes missed (in gold, not found):")
    assert lines[missed_at + 1] == f"  - 1926479162 2016-12-24 Atareb to Syrian rebels: {said}"
    spurious_at = lines.index("territory changes spurious (found, not in gold):")
    assert lines[spurious_at + 1] == (
        f"  + 1926479162 2016-12-24 Atareb to Military Forces of Syria: {said}"
    )
    assert lines.index("fatalities disagrees (0 of 0 matched):") < missed_at
    assert "territory changes missed" not in format_report(report)
