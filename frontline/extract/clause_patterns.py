"""The patterns a sentence is read with: what makes a trigger no event (a plan, a denial, a
failure, background, a held weapon, a video title), and the cues around actors and clauses.

Pure data for ``frontline.extract.clauses``; compiled once at import.
"""

from __future__ import annotations

import re

# A trigger preceded by one of these is a plan, a purpose or a failure, not an event.
_NOT_AN_EVENT_BEFORE = re.compile(
    r"(?:\b(?:to|will|would|could|may|might|plans? to|planning to|aims? to|aimed at|bid to|"
    r"consider(?:s|ed|ing)?|weigh(?:s|ed|ing)|mull(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|"
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
    r"\b(?:backed|supported|covered|aided|helped) by\s+(?:\w+\s+(?:and\s+)?){0,2}$"
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
    # arms taken, not fired: "rocket-propelled grenades were confiscated"
    r"|^[\s-]*(?:[\w-]+\s+){0,2}?(?:were|was|had been|have been)\s+"
    r"(?:confiscated|seized|found|recovered|smuggled)\b"
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
    r"\brecent (?:[\w-]+ )?(?:clashes|fighting|attacks|strikes|air ?strikes|raids|bombings|"
    r"shelling)\b|"
    r"\b(?:many|most|some) of (?:the )?(?:[\w'’-]+ ){0,6}(?:have|has) (?:been |also |either )?"
    r"(?:[\w-]+ )?(?:killed|abducted|kidnapped|displaced|fled|executed|detained|arrested)\b|"
    r"(?:have|has) (?:been )?(?:killed|displaced|died) (?:[\w-]+ ){0,3}(?:in|during|since) "
    r"(?:the|syria'?s|syrias|its|this) (?:[\w-]+ ){0,2}(?:war|conflict|rebellion|uprising|"
    r"revolt|revolution|crisis|insurgency)\b|"
    # the war's age or a span of it: "the three-year-old rebellion", "a month of infighting
    # ... has killed nearly 300 fighters"
    r"\b[\w-]+-year-old (?:civil )?(?:war|conflict|rebellion|uprising|revolt|crisis)\b|"
    r"\b(?:weeks?|months?|years?) of (?:[\w-]+ )?(?:fighting|infighting|clashes|war|conflict|"
    r"violence|bombardment|bombing|shelling)\b.{0,60}\b(?:has|have) (?:killed|displaced|left)\b|"
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
    # "the intensified air attacks by regime forces on Al Bab are aimed at", "is also active in
    # the south and has clashed with western-backed rebels": what a party does, told undated
    r"\bintensified (?:air attacks|air ?strikes|air raids|bombardment|bombing|shelling|raids)\b|"
    r"\b(?:is|are) (?:also )?active in\b|"
    r"\b(?:has|have) (?:also |repeatedly |frequently |often )?(?:clashed|fought)\b|"
    r"intensif(?:ied|ying|ies|y) (?:its|their|the|a) (?:[\w-]+ )?(?:bombardment|bombing|"
    r"air ?strikes|air raids|shelling|campaign|offensive|attacks)|"
    r"(?:is|are|has been|have been|remains?|remained) (?:now |still |largely |mostly )?"
    r"under (?:the )?(?:\w+ )?control\b|took up arms|crackdown on (?:\w+ ){0,2}protest)",
    re.IGNORECASE,
)
# ... and these whatever the sentence dates: plans, accusations, pictures, page furniture.
_NEVER_AN_EVENT = re.compile(
    r"^tags\b|\b(?:accus(?:ed|es|ing)\b.{0,80}\bof|if genuine|would be|could be|"
    r"repeated reports of|"
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
    r"^\s+(?:said|says|told|added|press|news|agency|tv|radio|network|"
    # the capital for its government: "Damascus lost more than 40 troops", "Damascus denied"
    r"lost|accuse[sd]|denie[sd]|blamed|warned|rejected|welcomed)\b",
    re.IGNORECASE,
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
