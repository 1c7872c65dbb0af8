"""Reading one sentence into its parts: triggers, actors, places, dates, counts, speaker.

Offsets of the parts are local to the sentence except the quantities, whose spans are already
offsets into the document (they go straight into the output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from frontline.extract import dates as date_parser
from frontline.extract.abroad import without_group_names
from frontline.extract.attribution import Attribution, certainty_of, find_attribution
from frontline.extract.causes import cause_trigger
from frontline.extract.lexicon import (
    ADJECTIVE,
    actor_lexicon,
    actors,
    speaker_forces,
    trigger_families,
    trigger_lexicon,
)
from frontline.extract.numbers import find_quantities
from frontline.extract.places import DocumentContext, PlaceMention, find_places
from frontline.extract.prefilter import filtered
from frontline.extract.sentences import Sentence
from frontline.records import Document, Quantity

# A trigger preceded by one of these is a plan, a purpose or a failure, not an event.
_NOT_AN_EVENT_BEFORE = re.compile(
    r"(?:\b(?:to|will|would|could|may|might|plans? to|planning to|aims? to|aimed at|bid to|"
    r"seeking to|sought to|attempts? to|attempted to|tried to|trying to|failed to|threatened to|"
    r"aimed to|(?:ease|reduce|end|halt|stop|curb) the|"
    r"vowed to|in order to|not|never|no|(?:freeze|halt|end|cessation|pause|reduction|lull|break) "
    r"(?:on|to|of|in)|stop|stopping|condemning|calls? for|called for|resume|reduced|halted|"
    r"stopped|suspended|ended|curbed|paused|scaled back)\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
# "Those civilians who were not kidnapped have fled": the "not" is the relative clause's.
_NEGATED_RELATIVE = re.compile(
    r"\b(?:who|that)\s+(?:were|was|had|have|has)\s+not\s+(?:been\s+)?[\w-]+ed\s+"
    r"(?:have|has|had|were|was)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:there (?:were|was|have been|has been) no|did not|didn't|was not|were not|no sign of|"
    r"denied|denies|deny|(?:has|have|had) not|hasn't|haven't|hadn't)\b[^.;]*$",
    re.IGNORECASE,
)
# "backed by government shelling", "with the support of Russian jets": support, not an event.
_SUPPORT_BEFORE = re.compile(
    r"\b(?:backed|supported|covered|aided|helped) by\s+(?:\w+\s+){0,2}$"
    r"|\b(?:against|protection from|shelter from)\s+(?:\w+\s+)?$"
    r"|\b(?:cover from|cover of|covering fire from)\s+(?:[\w.-]+\s+){0,3}$"
    r"|\b(?:support of|(?:with|under) the help of|helped by|aided by)\s+(?:[\w.-]+\s+){0,2}$"
    # weapons handed over, not fired: "has received several TOW anti-tank missiles"
    r"|\b(?:receiv(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing|y of|ies of)|"
    r"shipments? of|sen(?:d|ds|t|ding)|deploy(?:s|ed|ing|ment of)?|provid(?:e|es|ed|ing)|"
    r"arm(?:s|ed|ing)? (?:\w+ )?with|"
    r"equipped with|acquir(?:e|es|ed|ing)|obtain(?:s|ed|ing)?)\s+(?:[\w.-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "fighting to oust", "displaced Syrians": a purpose or a description, not an event.
# "left the building 50 percent damaged": a result, not people leaving
_LEFT_AS_RESULT = re.compile(
    r"^\s+(?:[\w-]+\s+){0,5}?(?:damaged|destroyed|in ruins|out of (?:service|action|order)|"
    r"dead|wounded|injured)\b",
    re.IGNORECASE,
)
_NOT_AN_EVENT_AFTER = re.compile(
    r"^\s+(?:to|for)\s+(?:oust|topple|defend|protect|control|free|liberate|retake)\b"
    # a weapon naming a thing: "mortar launchers", "bomb detector", "rocket launching pads"
    r"|^[\s-]+(?:launch(?:ers?|ing)|detectors?|squads?|shelters?|disposal|factor(?:y|ies)|"
    r"workshops?|makers?|making|experts?|systems?|batteries|platforms?|pads?|depots?)\b"
    r"|^\s+(?:people|persons|syrians|civilians|families|population|refugees)\b"
    r"(?!\s+(?:were|have|had|are|fled))",
    re.IGNORECASE,
)
# Chemical weapons held, handed over or destroyed are arms, not an attack ("surrendered its
# cache of chemical weapons", "the declared stockpile of chemical weapons", "chemical weapons
# stocks"); the words before or after the trigger say so.
_HELD_WEAPONS_BEFORE = re.compile(
    r"\b(?:surrender(?:s|ed|ing)?|hand(?:s|ed|ing)? over|destroy(?:s|ed|ing)?|destruction of|"
    r"stockpiles? of|caches? of|arsenals? of|stocks? of|"
    r"remov(?:e|es|ed|ing|al of)|dismantl\w*|g(?:ive|ave|iven|iving) up|ban(?:s|ned)?|"
    r"ridding (?:\w+ )?of|rid (?:\w+ )?of|stor(?:e|es|ed|ing))\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_HELD_WEAPONS_AFTER = re.compile(
    r"^\s+(?:stock(?:pile)?s?|arsenals?|caches?|stores?)\b",
    re.IGNORECASE,
)
_WEAPONS_NOUN = re.compile(r"chemical (?:weapons?|munitions?|agents?)$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_FIGHTING = re.compile(r"fight(?:s|ing)?", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+)?$", re.IGNORECASE)
_FORCED_BEFORE = re.compile(
    r"\b(?:forc(?:e|es|ed|ing)|made|making|prompt(?:ed|ing))\s+(?:\w+\s+){0,3}to\s+$", re.IGNORECASE
)
# Statements about the war as a whole, habits and accusations, not events ("since 2011",
# "more than five years since", "the bombings have intensified", "accused X of").
_BACKGROUND = re.compile(
    r"\b(?:since then|(?:have|has|had) (?:\w+ )?intensified|"
    r"years of (?:\w+ )?(?:siege|bombardment)|"
    r"(?:ongoing|constant|continuous|continuing|relentless|incessant) (?:\w+ )?"
    r"(?:bombardment|bombing|shelling|air ?strikes|air raids)|not uncommon|symptoms|every day|"
    r"so far|previously|"
    # earlier attacks recalled ("including previous attacks on Midan"), blasts over the war
    r"(?:(?:previous|prior) (?:\w+ ){0,2}|past )(?:attacks|strikes|raids|bombings|blasts|"
    r"massacres|assaults|shelling)\b|occasional (?:\w+ )?(?:blasts|attacks|bombings|shelling)|"
    r"throughout the (?:\w+ )?(?:war|conflict)\b|"
    r"in the past\b(?! \d+ hours| (?:few|two|three|four|five|six|seven|eight|nine|ten|\d+) days"
    r"| week| 24)|"
    r"routinely|regularly|daily|kept \w+ing|"
    r"it was the (?:first|second|third|latest)|(?:has|have) (?:\w+ )?been \w+ing|"
    r"since (?:the (?:start|beginning|outbreak|war|conflict|uprising|civil war)|"
    r"(?:(?:early|late|mid)[ -])?(?:19|20)\d\d|"
    r"it began|the conflict began|the war began|march 2011)|years? (?:since|of (?:civil )?war)|"
    r"in the past \w+ years|over the past \w+ years|so far this year|"
    r"(?:over|in|during) the (?:past|last) (?:year|month)\b|"
    r"(?:(?:end of|earlier|late|early|since|in) )?last year\b|\w+ years? ago|months ago|"
    r"(?:the|this|civil|\w+'?s) (?:war|conflict) has (?:killed|displaced|forced|claimed)|"
    r"(?:killed|displaced) in (?:more than |over |nearly |almost |about )?\w+ years of "
    r"(?:civil )?(?:war|conflict|fighting)|"
    r"(?:have|has) been killed .{0,80}\bsince\b|found refuge|"
    # summaries of a group's fate or of the war, months long ("Many of the town's Christians
    # have been abducted or killed or have fled", "have died in Syria's three-year war")
    r"\b(?:many|most|some) of (?:the )?(?:[\w'’-]+ ){0,6}(?:have|has) (?:been |also |either )?"
    r"(?:[\w-]+ )?(?:killed|abducted|kidnapped|displaced|fled|executed|detained|arrested)\b|"
    r"(?:have|has) (?:been )?(?:killed|displaced|died) (?:[\w-]+ ){0,3}(?:in|during|since) "
    r"(?:the|syria'?s|syrias|its|this) (?:[\w-]+ ){0,2}(?:war|conflict)\b|"
    r"\bin recent months\b|\bin the (?:past|last) (?:few |several |couple of )?months\b|"
    # tallies and habits of recent days ("dozens of civilians have been killed in this effort in
    # recent days", "there have been repeated reports of airstrikes", "repeated attacks")
    r"(?:have|has) been (?:killed|wounded|injured|displaced|abducted) (?:[\w-]+ ){0,4}"
    r"in recent (?:days|weeks)\b|\brepeated (?:reports of |[\w-]+ )?(?:air ?strikes|attacks|"
    r"shelling|bombings|raids|bombardments?)\b|"
    r"have been killed in syria|in (?:19|20)\d\d(?! (?-i:[A-Z]))|in the (?:19|20)\d\d\b|"
    # sweeping statements: "recently regained", "the surge in bombing raids",
    # "is under attack in its remaining strongholds", control as a state, the 2011 uprising
    r"\brecently\b|"
    r"(?:surge|escalation|upsurge|wave|spate) (?:in|of) (?:\w+ )?"
    r"(?:bombing|bombings|raids|air ?strikes|attacks|violence|shelling|fighting)|"
    r"(?:is|are) (?:now )?under (?:\w+ )?attack|(?:has|have) not been spared|ongoing attacks|"
    r"\b(?:\w+ )?(?:days?|weeks?) in a row\b|for the \w+ (?:straight|consecutive) (?:day|week)|"
    r"intensif(?:ied|ying|ies|y) (?:its|their|the|a) (?:[\w-]+ )?(?:bombardment|bombing|"
    r"air ?strikes|air raids|shelling|campaign|offensive|attacks)|"
    r"(?:is|are|has been|have been|remains?|remained) (?:now |still |largely |mostly )?"
    r"under (?:the )?(?:\w+ )?control\b|took up arms|crackdown on (?:\w+ ){0,2}protest)",
    re.IGNORECASE,
)
# ... and these whatever the sentence dates: plans, accusations, pictures, page furniture.
_NEVER_AN_EVENT = re.compile(
    r"^tags\b|\b(?:accus(?:ed|es|ing)\b.{0,80}\bof|if genuine|would be|could be|"
    # statements about attacks in general: "any attack on civilians is terrorism", "justify"
    r"any (?:and all )?(?:attacks?|bombings?|strikes?)\b|whether it (?:was|is)\b|"
    r"justif(?:y|ied|ies|ying)\b|warn(?:s|ed|ing)? that\b|"
    r"(?:may|might|could) (?:be|have been) using|suggested that|"
    r"(?:is|are|was|were) (?:set|due|expected|likely|going) to|authori[sz]ation (?:for|to)|"
    r"in an attempt to|described .{0,40}? as|(?:was|is|marks) the first time|"
    r"youtube\b(?!\s+(?-i:[A-Z]))|"  # not a video title run into the next sentence
    r"(?:photo|picture|video|footage|image)s? (?:\w+ ){0,3}(?:showing|shows|purporting)|"
    r"^\W*(?:this|the|a|file) (?:photo|picture|image)\b|"
    r"\((?:file )?photo\)|"
    r"(?:in|according to) a (?:new )?report\b|report (?:issued|published|released)|"
    r"in (?:neighbou?ring )?(?:iraq|lebanon|jordan|turkey|israel|yemen|libya)\b|"
    # a war abroad: "ISIL has been battling Iraqi government forces since June 9"
    r"\b(?:battl|fight)\w* iraqi (?:government |security )?(?:forces|troops|army)\b|"
    r"\b(?:areas|parts|swathes|swaths|territory|territories) (?:of|in|across) (?:both )?"
    r"syria and iraq\b)",
    re.IGNORECASE,
)
_BARE_VERB = re.compile(
    r"(?:re)?captured?|retake|seize|take|storm|liberate|enter|attack|bomb|shell|strike|target",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:plan(?:s|ned)?|aim(?:s|ed)?|tr(?:y|ies|ied|ying)|seek(?:s|ing)?|sought|"
    r"attempt(?:s|ed|ing)?|vow(?:s|ed)?|fail(?:s|ed|ing)?|want(?:s|ed)?|intend(?:s|ed)?|"
    r"threaten(?:s|ed)?|in order) to\b"
    r"[^.;,:]*$",
    re.IGNORECASE,
)
# "claims to have captured", "is believed to have killed": a past event claimed, not a plan.
_PERFECT_INFINITIVE = re.compile(r"\bto have (?:been |already |reportedly |now )?$", re.IGNORECASE)
# "The offensive came a month after al-Nusra expelled Hazm from Regiment 111": what follows
# happened a month or more before the report, background
_MONTHS_AFTER = re.compile(
    r"\b(?:a|one|two|three|four|five|six|several|a few|\d{1,2})\s+(?:months?|years?)\s+after\s+"
    r"(?:[\w'-]+\s+){0,10}$",
    re.IGNORECASE,
)
# What a group does or stands for, told to say who it is: "a local group that supports protest
# and resistance", "a network that documents attacks on hospitals".
_WHAT_A_GROUP_DOES = re.compile(
    r"\b(?:group|organi[sz]ation|committee|network|monitor|body|coalition|agency|charity|ngo)"
    r"\s+(?:that|which|who)\s+(?:supports?|backs?|opposes?|documents?|monitors?|tracks?|"
    r"records?|reports?\s+on|campaigns?\s+(?:for|against))\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "possible U.S. military strikes", "potential air strikes": a strike that may come.
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:possible|potential|eventual|future|threatened)\s+(?:[\w.'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "The attack came as ...", "Wednesday's explosion came a day after ...": the subject is an
# event the article has told; the sentence sets it in time (what follows may be news).
_SUBJECT_START = re.compile(r"\W*(?:[\w'’.-]+\s+){0,4}")
_CAME_AS = re.compile(
    r"\s+(?:came|comes|come|happened|occurred)\s+(?:just\s+|only\s+)?(?:as|after|amid|"
    r"(?:a|one|two|three|four|five|\d+)\s+(?:days?|hours?|weeks?)\s+after)\b",
    re.IGNORECASE,
)
# "people are getting ready to be hit by barrel bombs", "bracing for air strikes": expected.
_EXPECTED = re.compile(
    r"\b(?:ready|prepar(?:e|es|ed|ing)|brac(?:e|es|ed|ing))\s+(?:to|for)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# An aircraft hit, not striking: "shot down a helicopter", "their chopper came under fire".
_CRAFT = re.compile(
    r"(?:helicopters?|choppers?|(?:war|fighter )?planes?|(?:fighter )?jets?|aircraft|drones?)$",
    re.IGNORECASE,
)
_CRAFT_HIT_BEFORE = re.compile(
    r"\b(?:shot down|shoot(?:s|ing)? down|downed|down(?:s|ing)|crash of|wreckage of)\s+"
    r"(?:(?:a|an|the|their|its|his|two|one)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CRAFT_HIT_AFTER = re.compile(
    r"^\s+(?:(?:which|that)\s+)?(?:(?:was|were|had been|has been|have been|being)\s+)?"
    r"(?:came under fire|come under fire|shot(?: down)?|downed|crashed|went down|brought down|"
    r"c[oa]me down|comes down|coming down|"
    r"hit by|ferried|transported|airlifted|carried|flew|landed|delivered)\b",
    re.IGNORECASE,
)
_SPAN_OF_DAYS = re.compile(r"\b(?:past|last|previous)\b.*\b(?:days|weeks|hours)\b", re.IGNORECASE)
_VIDEO_TITLE_AFTER = re.compile(r"\s-\s+youtube\b", re.IGNORECASE)
_NAMED_EVENT = re.compile(r"Massacres?$")
_HYPHEN_COMPOUND = re.compile(
    r"^[-‑](?:held|controlled|besieged|run|linked|backed|led|dominated|aligned|affiliated)"
)
_PRO = re.compile(r"(?:pro|anti)[-‑]$", re.IGNORECASE)
_IS = "Islamic State"
_GENERIC_FIGHTERS = re.compile(
    r"(?:the\s+)?(?:terrorists?|militants|jihadists|extremists|gunmen|terrorist groups)",
    re.IGNORECASE,
)
# "the Syrian government Russia": a lower-case noun, then another party's name: two parties.
_APPOSED_NAME = re.compile(r"[a-z]\s+[A-Z]$")
_ONE_PHRASE = re.compile(r"(?:['’]?s)?\s{1,2}")
# States and habits within one clause ("There is mass displacement", "the shelling does not stop").
_CLAUSE_BACKGROUND = re.compile(
    r"\b(?:there (?:is|are)|(?:does|do) not|(?:has|have) documented|"
    r"(?:is|are) (?:conducting|carrying out|leading|using|waging))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:\"“”()—]|\bwhich\b")
# A "place" followed by these is a person or an organisation ("Jandalai said", "Assi Press").
_NAME_AFTER = re.compile(
    r"^\s+(?:said|says|told|added|press|news|agency|tv|radio|network)\b", re.IGNORECASE
)
# An actor right after these is an object ("a key ally of the Syrian government Russia").
_OBJECT_OF = re.compile(
    r"\b(?:of|against|on|at|with|from|to|into|targeting|fighting)\s+(?:the\s+)?$", re.IGNORECASE
)
# A pronoun for an earlier party, not "it" as an object ("has made it virtually impassable")
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:they|he|she)\b|(?<!\bmade )(?<!\bmake )(?<!\bmakes )(?<!\bleft )(?<!\bkept )"
    r"(?<!\bkeep )(?<!\brendered )(?<!\bturned )(?<!\bput )\bit\b",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|reported|told|announced|added|stated|statement|claimed)\s+(?:\w+\s+){0,3}?(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TriggerHit:
    start: int
    end: int
    text: str
    family: str


@dataclass(frozen=True, slots=True)
class ActorHit:
    start: int
    end: int
    text: str
    name: str
    adjective: bool = False


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    date: date
    precision: int
    reporting: bool


@dataclass(slots=True)
class _Later:
    """What a sentence's parts work out only when first asked: most sentences' claims never
    ask for the counts, whether the sentence is background or how certain it is."""

    attribution: Attribution | None
    quantities: tuple[Quantity, ...] | None = None
    background: bool | None = None
    certainty: str | None = None
    breaks: list[int] | None = None  # where clauses break


@dataclass(frozen=True, slots=True)
class SentenceParts:
    start: int
    end: int
    text: str
    triggers: tuple[TriggerHit, ...]
    actors: tuple[ActorHit, ...]
    places: tuple[PlaceMention, ...]
    dates: tuple[DateHit, ...]
    speaker: str | None
    speaker_is_pronoun: bool
    speaker_forces: str | None
    speaker_actor: str | None
    speaker_span: tuple[int, int] | None
    subject_actor: str | None
    context: DocumentContext
    # places named inside the speaker's words ("a spokesman at the hospital in Kafr Takharim")
    speaker_places: tuple[PlaceMention, ...] = ()
    _later: _Later = field(default_factory=lambda: _Later(None), repr=False, compare=False)

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """The counts of a sentence with a trigger (spans are document offsets)."""
        later = self._later
        if later.quantities is None:
            found = find_quantities(self.text, self.start) if self.triggers else ()
            later.quantities = tuple(found)
        return later.quantities

    @property
    def background(self) -> bool:
        """Never an event, or background without a day of its own (:func:`_is_background`)."""
        later = self._later
        if later.background is None:
            later.background = _is_background(self.text, self.dates)
        return later.background

    @property
    def certainty(self) -> str:
        later = self._later
        if later.certainty is None:
            later.certainty = _certainty(self.text, later.attribution)
        return later.certainty

    def habitual_at(self, position: int) -> bool:
        """Whether the clause around ``position`` states a state or a habit, not an event."""
        breaks = self._later.breaks
        if breaks is None:
            breaks = self._later.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]
        start = max((b for b in breaks if b < position), default=0)
        end = min((b for b in breaks if b >= position), default=len(self.text))
        if not filtered(_CLAUSE_BACKGROUND).possible(self.text):
            return False  # no required word anywhere in the sentence, so none in the clause
        return _CLAUSE_BACKGROUND.search(self.text, start, end) is not None

    def pronoun_before(self, position: int) -> bool:
        """Whether a pronoun before ``position`` may be the subject of what happens there (not
        the speaker's own: "He said that ...")."""
        return any(
            _outside(self.speaker_span, m.start(), m.end())
            for m in _PRONOUN_SUBJECT.finditer(self.text, 0, position)
        )


def _outside(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is None or end <= span[0] or start >= span[1]


def _all_actors(text: str) -> tuple[ActorHit, ...]:
    hits: list[ActorHit] = []
    for m in actor_lexicon().find(text):
        if _HYPHEN_COMPOUND.match(text[m.end : m.end + 12]) or _PRO.search(
            text[max(0, m.start - 4) : m.start]
        ):
            continue
        name, adjective = m.key.removesuffix(ADJECTIVE), m.key.endswith(ADJECTIVE)
        last = hits[-1] if hits else None
        if (
            last
            and not adjective
            and _ONE_PHRASE.fullmatch(text[last.end : m.start])
            and not (last.name != name and _APPOSED_NAME.match(text[last.end - 1 : m.start + 1]))
        ):
            # "ISIS terrorists", "al-Nusra militants": one party, named by the first
            hits[-1] = ActorHit(
                last.start, m.end, text[last.start : m.end], last.name, last.adjective
            )
            continue
        hits.append(ActorHit(m.start, m.end, m.text, name, adjective))
    return tuple(hits)


def _as_is(hit: ActorHit) -> ActorHit:
    """A generic word for armed men ("terrorists", "militants") as the Islamic State."""
    if _GENERIC_FIGHTERS.fullmatch(hit.text):
        return ActorHit(hit.start, hit.end, hit.text, _IS, hit.adjective)
    return hit


def _triggers(text: str, speaker_span: tuple[int, int] | None) -> tuple[TriggerHit, ...]:
    hits: list[TriggerHit] = []
    for m in trigger_lexicon().find(text):
        if not _outside(speaker_span, m.start, m.end) or _NAMED_EVENT.match(m.text):
            continue  # "the Ghouta Massacre": the name of a past event
        window = text[max(0, m.start - 40) : m.start]
        # (the case-insensitive rules run through ``filtered``: case-sensitively over the
        # lower-cased words, several times faster, with the same answers)
        if (
            filtered(_NOT_AN_EVENT_BEFORE).search(window[-30:])
            and not filtered(_FORCED_BEFORE).search(window)
            and not _PERFECT_INFINITIVE.search(window)
        ):
            continue
        if filtered(_EXPECTED).search(window) or cause_trigger(text, m.start, m.end):
            continue  # expected, or the cause of what is told ("in retaliation for the attack")
        before = text[max(0, m.start - 60) : m.start]
        if filtered(_NEGATED).search(before) and not _NEGATED_RELATIVE.search(before):
            continue
        if filtered(_MONTHS_AFTER).search(text[max(0, m.start - 90) : m.start]):
            continue  # told as what came months before ("a month after al-Nusra expelled")
        if filtered(_WHAT_A_GROUP_DOES).search(text[max(0, m.start - 90) : m.start]):
            continue  # "a local group that supports protest and resistance": a description
        if filtered(_HYPOTHETICAL_BEFORE).search(window):
            continue  # "could avert possible U.S. military strikes": not (yet) an event
        if _SUBJECT_START.fullmatch(text, 0, m.start) and _CAME_AS.match(text, m.end):
            continue  # "The blast happened as ...": the event told before, set in time
        if _BARE_VERB.fullmatch(m.text) and filtered(_PLANNED).search(
            text[max(0, m.start - 90) : m.start]
        ):
            continue  # "planned to break the lines and recapture the areas": a plan
        # "forces backed by government shelling took an area": the support's verb is an event
        support = (
            filtered(_SUPPORT_BEFORE).search(window) and not trigger_families()[m.key].territory
        )
        if support or _NOT_AN_EVENT_AFTER.match(text[m.end : m.end + 30]):
            continue
        if m.text.lower().startswith("left") and _LEFT_AS_RESULT.match(text[m.end : m.end + 60]):
            continue
        if _VIDEO_TITLE_AFTER.search(text, m.end, m.end + 150):
            continue  # "Air strikes kill eight White Helmets workers - YouTube": a video's title
        if _held_weapons(text, m.start, m.end) or _craft_hit(text, m.start, m.end):
            continue
        hits.append(TriggerHit(m.start, m.end, m.text, m.key))
    return tuple(hits)


def _craft_hit(text: str, start: int, end: int) -> bool:
    """ "DAESH shot down a helicopter", "their helicopter came under fire": the aircraft is
    what was hit; the event is the ground fire (a clash), not an air strike."""
    if not _CRAFT.search(text[start:end]):
        return False
    before = text[max(0, start - 40) : start]
    return bool(_CRAFT_HIT_BEFORE.search(before) or _CRAFT_HIT_AFTER.match(text[end : end + 30]))


def _held_weapons(text: str, start: int, end: int) -> bool:
    """ "surrendered its cache of chemical weapons": arms held or given up, not an attack."""
    if not _WEAPONS_NOUN.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - 50) : start]
    return bool(
        _HELD_WEAPONS_BEFORE.search(before) or _HELD_WEAPONS_AFTER.match(text[end : end + 20])
    )


def _describes_a_party(hit: TriggerHit, text: str, parties: tuple[ActorHit, ...]) -> bool:
    """ "the coalition fighting IS", "Hezbollah, which is fighting alongside ...": what a party
    does in general, not a battle."""
    if not _FIGHTING.fullmatch(hit.text):
        return False
    before = text[max(0, hit.start - 20) : hit.start]
    if _PROGRESSIVE.search(before):
        return True
    return any(0 <= hit.start - a.end <= 2 for a in parties)


def _dates(
    text: str, published: date | None, speaker_span: tuple[int, int] | None
) -> tuple[DateHit, ...]:
    if published is None:
        return ()
    hits: list[DateHit] = []
    for expr in date_parser.find_date_expressions(text):
        resolved, precision = date_parser.resolve(expr, published)
        reporting = bool(_SPEECH_BEFORE.search(text[max(0, expr.start - 40) : expr.start]))
        near_speaker = speaker_span and speaker_span[0] <= expr.start <= speaker_span[1] + 25
        if near_speaker and not _SPAN_OF_DAYS.search(text[expr.start : expr.end]):
            reporting = True  # "in the past four days the observatory said": the events' span
        hits.append(DateHit(expr.start, expr.end, resolved, precision, reporting))
    return tuple(hits)


# Prose, not a headline: someone "said" in lower case, a day told "on Friday"
_PROSE = re.compile(
    r"\b(?:said|told|added)\b|"
    r"\b(?:on|late|early) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _is_headline(text: str) -> bool:
    """A headline run into the text ("Several Syrians Killed Injured in Homs Suicide Blasts");
    a sentence whose names someone "said" in lower case is prose ("Al-Nusra captured Base 46"
    said Rami Abdel Rahman director of the Britain-based Observatory), and so is one that
    tells its day ("Khan Touman fell to Nusra Front fighters on Friday")."""
    if _PROSE.search(text):
        return False
    words = [w for w in _WORDS.findall(text) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised >= 0.7 * len(words)


def _is_background(text: str, dates: tuple[DateHit, ...]) -> bool:
    """Never an event (plans, accusations, pictures, headlines), or background unless it has
    its own day."""
    if filtered(_NEVER_AN_EVENT).search(without_group_names(text)) or _is_headline(text):
        return True
    own_day = any(not d.reporting and d.precision == 1 for d in dates)
    return bool(filtered(_BACKGROUND).search(text)) and not own_day


def _certainty(text: str, attribution: Attribution | None) -> str:
    """As :func:`certainty_of`, and a party to the war speaking of the war is "claimed"."""
    certainty = certainty_of(text, attribution)
    if certainty == "reported" and attribution is not None and attribution.speaker is not None:
        parties = {a.speaker for a in actors().values()} | set(speaker_forces())
        if attribution.speaker in parties:
            return "claimed"
    return certainty


def read_sentence(
    sentence: Sentence,
    document: Document,
    context: DocumentContext,
    last_actor: str | None,
    last_speaker: str | None,
) -> SentenceParts:
    """Everything the event rules need to know about one sentence."""
    text = sentence.text
    actor_speaker = actors()[last_actor].speaker if last_actor in actors() else None
    attribution = find_attribution(text, last_speaker, actor_speaker)
    speaker_span = (attribution.start, attribution.end) if attribution else None
    every_actor = _all_actors(text)
    triggers = tuple(
        t for t in _triggers(text, speaker_span) if not _describes_a_party(t, text, every_actor)
    )
    if last_actor == _IS:  # "terrorists" in a story about IS are IS (GUIDELINE_EXTENSIONS, E)
        every_actor = tuple(_as_is(a) for a in every_actor)
    actor_hits = tuple(a for a in every_actor if _outside(speaker_span, a.start, a.end))
    speaker_actor = next(
        (
            a.name
            for a in every_actor
            if not _outside(speaker_span, a.start, a.end) and not a.adjective
        ),
        None,
    )
    first_trigger = triggers[0].start if triggers else len(text)
    subject = next(
        (
            a.name
            for a in actor_hits
            if a.start < first_trigger
            and a.name != "Civilians"
            and not _OBJECT_OF.search(text, max(0, a.start - 20), a.start)
        ),
        None,
    )
    # dates and counts only matter where a trigger stands; the rest feeds the discourse memory
    dates = _dates(text, document.published, speaker_span) if triggers else ()
    named = tuple(
        p
        for p in find_places(text, sentence.start, context)
        if all(_outside((a.start, a.end), p.start, p.end) for a in every_actor if not a.adjective)
        and not _NAME_AFTER.match(text[p.end : p.end + 12])
    )
    places = tuple(p for p in named if _outside(speaker_span, p.start, p.end))
    return SentenceParts(
        start=sentence.start,
        end=sentence.end,
        text=text,
        triggers=triggers,
        actors=actor_hits,
        places=places,
        dates=dates,
        speaker=attribution.speaker if attribution else None,
        speaker_is_pronoun=attribution.pronoun if attribution else False,
        speaker_forces=speaker_forces().get(attribution.speaker or "") if attribution else None,
        speaker_actor=speaker_actor,
        speaker_span=speaker_span,
        subject_actor=subject,
        context=context,
        speaker_places=tuple(p for p in named if not _outside(speaker_span, p.start, p.end)),
        _later=_Later(attribution),
    )
