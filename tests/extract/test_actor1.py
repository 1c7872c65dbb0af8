"""Who carried out an event (actor1), read from the sentences of the bundled FA-KES reports.

Each case is a sentence (or a short passage) of a dev report, or one written to its pattern, and
the actor the gold guideline (data/gold/README.md, GUIDELINE_EXTENSIONS.md) gives it.
"""

from __future__ import annotations

from datetime import date

from frontline.extract.events import extract_events
from frontline.records import Event


def _events(text: str) -> list[Event]:
    from frontline.records import Document

    document = Document(doc_id="t", text=text, published=date(2016, 6, 12), source="reuters")
    events, _ = extract_events(document)
    return events


def _actor1(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.location, e.actor1) for e in _events(text)]


def test_warplanes_deployed_are_not_a_strike_and_do_not_name_the_attacker() -> None:
    text = (
        "Air strikes carried out by Syrian or Russian warplanes killed more than 20 people in "
        "the northwestern city of Idlib on Sunday the Syrian Observatory for Human Rights "
        "reported. Russia deployed warplanes to Syria last year to support President Bashar "
        "al-Assad against rebels. Air raids in the town of Maarat al-Numan about 30 km south of "
        "Idlib killed another six people the Observatory said."
    )
    found = _actor1(text)
    assert [actor for _, actor in found] == [None, None]
    assert len(found) == 2


def test_fighting_told_from_the_fallen_side_is_the_other_side_s() -> None:
    with_named_enemy = (
        "Elsewhere on Thursday the observatory said 17 government troops including a commander "
        "were killed in fighting with the Daesh group near the city of Palmyra."
    )
    assert _actor1(with_named_enemy) == [("Palmyra", "Islamic State")]
    enemy_unnamed = (
        "At least 86 members of Syrian government forces and its allies who include members of "
        "the Lebanese group Hizbollah and other Iranian-backed militias were killed in fighting "
        "in the south Aleppo area in the past four days the observatory said."
    )
    assert _actor1(enemy_unnamed) == [("Aleppo", "Syrian rebels")]


def test_a_strike_first_told_as_one_of_two_attackers_stays_unattributed() -> None:
    # GUIDELINE_EXTENSIONS.md, batch B: when a source of the article says "Syrian or Russian",
    # a later source naming one of them does not settle it.
    text = (
        "Dozens of people have been killed in Khan Sheikhoun. Activists said the attack on "
        "Tuesday was caused by an airstrike carried out either by the regime or Russian "
        "warplanes. The Syrian Coalition an opposition group based outside the country said "
        "regime planes carried out the airstrike on Khan Sheikhoun on Tuesday."
    )
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.actor1) for e in strikes] == [("Khan Sheikhoun", None)]


def test_one_of_two_countries_as_attackers_is_nobody_and_no_later_caption_settles_it() -> None:
    # TRT, 26 October 2016 (1924058095): "either Russia or Syrian" leaves the strike open as
    # "Syrian or Russian" does; the group a later sentence names as holding the province is
    # not carried onto a caption of the strike and from there onto the strike
    text = (
        'The Syrian Observatory for Human Rights said "warplanes either Russia or Syrian carried '
        'out six strikes" in the village of Hass on Wednesday killing at least 35 civilians. '
        "Idlib province is controlled by the Army of Conquest an alliance of opposition groups "
        "including the Fateh al-Sham Front. A Syrian man checks the damage at a school after it "
        "was hit in an air strike in the village of Hass on Wednesday."
    )
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.actor1) for e in strikes] == [("Hassef", None)]


def test_a_strike_told_with_no_attacker_takes_the_one_a_later_sentence_names() -> None:
    text = (
        "An airstrike hit Khan Sheikhoun on Tuesday killing 12 people. The Syrian Coalition "
        "said regime planes carried out the airstrike on Khan Sheikhoun on Tuesday."
    )
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.actor1) for e in strikes] == [
        ("Khan Sheikhoun", "Military Forces of Syria")
    ]


def test_a_nationality_word_before_a_place_noun_names_no_attacker() -> None:
    text = (
        "The Britain-based Syrian Observatory for Human Rights said on Tuesday that "
        "pro-government forces had blocked a road north of Aleppo leading towards the Turkish "
        "border as heavy clashes continued there."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [e.actor1 for e in clashes] == ["Military Forces of Syria"]


def test_turkish_aircraft_are_turkey_s() -> None:
    text = (
        "Turkish aircraft carried out three strikes on IS positions in northwestern Aleppo "
        "province on Friday killing nine."
    )
    assert [actor for _, actor in _actor1(text)] == ["Military Forces of Turkey"]


def test_a_shell_belonging_to_a_force_is_that_force_s() -> None:
    text = (
        "In another incident at least five people including children were killed when a shell "
        "belonging to opposition forces struck a school in Deraa on Tuesday."
    )
    shelling = [e for e in _events(text) if e.sub_event_type.startswith("Shelling")]
    assert [(e.location, e.actor1) for e in shelling] == [("Daraa", "Syrian rebels")]


def test_a_government_siege_is_the_government_s() -> None:
    text = (
        "Eastern Ghouta has been under a devastating government siege since 2012 and is "
        "targeted regularly by air strikes and artillery."
    )
    sieges = [e for e in _events(text) if e.sub_event_type == "Siege"]
    assert [(e.location, e.actor1) for e in sieges] == [
        ("Eastern Ghouta", "Military Forces of Syria")
    ]


def test_a_party_named_with_its_members_stands_for_them() -> None:
    text = (
        "Rebel groups including the powerful Ahrar al-Sham faction and former Al-Qaeda affiliate "
        "Fateh al-Sham Front fired waves of rockets into government-held western Aleppo on "
        "Friday killing at least 15 civilians a monitor said."
    )
    assert [actor for _, actor in _actor1(text)] == ["Syrian rebels"]


def test_the_speaker_after_according_to_ends_where_its_name_ends() -> None:
    from frontline.extract.attribution import find_attribution

    sentence = (
        "According to SANA news agency terrorists fired a number of rocket shells on al-Qussour "
        "neighborhood injured three other people."
    )
    attribution = find_attribution(sentence)
    assert attribution is not None
    assert attribution.speaker == "Syrian state media"
    assert sentence[attribution.start : attribution.end] == "SANA news agency"
    # "terrorists" is left to the claim: state media's terrorists are Syrian rebels
    document_text = sentence.replace("neighborhood", "neighborhood in Deir ez-Zor on Thursday")
    shelling = [e for e in _events(document_text) if e.sub_event_type.startswith("Shelling")]
    assert [e.actor1 for e in shelling] == ["Syrian rebels"]


def test_warplanes_of_one_force_or_those_of_another_leave_the_attacker_open() -> None:
    text = (
        "Air strikes killed 12 people in rebel-held Atareb on Monday. The Britain-based Syrian "
        "Observatory for Human Rights said it was not immediately clear whether the strikes on "
        "rebel-held Atareb had been carried out by Syrian warplanes or those of Damascus's ally "
        "Russia."
    )
    assert _actor1(text) == [("Atareb", None)]


def test_a_terrorist_bomb_in_state_media_is_the_rebels() -> None:
    # GUIDELINE_EXTENSIONS.md: state media's unnamed "terrorist" bombing is Syrian rebels
    text = (
        "A terrorist car bomb rocked Masaken Barzeh neighborhood in Damascus city on Tuesday "
        "claiming eight and injuring 14 citizens according to Al-Manar reporter."
    )
    assert [actor for _, actor in _actor1(text)] == ["Syrian rebels"]


def test_terrorist_attacks_alone_name_no_attacker() -> None:
    # "terrorist" labels the attacks; with no weapon it makes no attacker (and no event)
    text = (
        "The terrorist attack killed four civilians and wounded three others causing material "
        "damage to locals houses and properties and infrastructure."
    )
    assert _actor1(text) == []


def test_an_offensive_that_was_repelled_is_its_owners_attack() -> None:
    text = (
        "The ISIL offensive to break through the government forces positions in al-Sinaah "
        "district was repelled by the strong defense of the Syrian soldiers and popular forces "
        "the army said."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [(e.actor1, e.actor2) for e in clashes] == [
        ("Islamic State", "Military Forces of Syria")
    ]


def test_jets_of_one_force_or_its_ally_leave_the_attacker_open() -> None:
    text = (
        "Four children were among the dead in the overnight strikes on the town of Armanaz in "
        "Idlib province near the Turkish border the Syrian Observatory for Human Rights said. "
        "The Observatory said it could not immediately determine whether the strikes had been "
        "carried out by jets of the Syrian regime or its ally Russia."
    )
    assert _actor1(text) == [("Armanaz", None)]


def test_an_offensive_by_fighters_led_by_a_group_is_that_group_s() -> None:
    text = (
        "Russian jets struck Idlib on Saturday. They were triggered by an offensive by jihadist "
        "fighters led by al-Qaedas former Syria affiliate launched against regime-held villages "
        "in neighbouring Hama province on June 9."
    )
    clashes = [e for e in _events(text) if e.event_type == "Battles"]
    assert [e.actor1 for e in clashes] == ["Jabhat Fateh al-Sham"]


def test_missiles_the_united_states_launched_are_the_us_led_coalition_s() -> None:
    # GUIDELINE_EXTENSIONS.md, batch D: the closest canonical name for a US strike
    text = (
        "On Thursday night the United States launched 59 Tomahawk cruise missiles at the Syrian "
        "military airfield in Ash Shairat located about 40 kilometers from the city of Homs."
    )
    assert [actor for _, actor in _actor1(text)] == ["US-led coalition"]


def test_a_party_that_suffered_or_lost_men_is_the_victim() -> None:
    blow = (
        "Syrian army aircraft struck ISIL hideouts in Hama on Tuesday. Jaish al-Fateh terrorists "
        "suffered another blow in similar strikes on their hideouts in the province of Idlib on "
        "Tuesday."
    )
    assert ("Idlib", "Military Forces of Syria") in _actor1(blow)
    losses = (
        "Jaish al-Fatah coalition of terrorist groups has lost over one hundred militants in the "
        "battle against the Syrian Army troops and NDF in al Mallah Farms northwest of Aleppo on "
        "Sunday."
    )
    clashes = [e for e in _events(losses) if e.sub_event_type == "Armed clash"]
    assert [e.actor1 for e in clashes] == ["Military Forces of Syria"]


def test_fighting_in_a_town_between_two_parties_is_the_first_named_s() -> None:
    text = (
        "The sources said on Thursday the fighting in Azaz was between hardline Islamic State "
        "militants and a joint force of al-Nusra and Western-backed rebels."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [(e.location, e.actor1) for e in clashes] == [("Azaz", "Islamic State")]


def test_the_speaker_s_pronoun_is_not_the_one_who_acted() -> None:
    text = (
        "The army shelled rebel positions near Aleppo on Saturday. A family of 6 persons has been "
        "able to get out of eastern Aleppo on Sunday. He said that the locals were able to leave "
        "Aleppo on Sunday."
    )
    displaced = [e for e in _events(text) if e.sub_event_type == "Displacement"]
    assert displaced
    assert {e.actor1 for e in displaced} == {None}


def test_civilians_leaving_while_attacked_were_not_displaced_by_the_attacker() -> None:
    text = (
        "Terrorists on Saturday targeted with shells and gunfire groups of civilians as they "
        "were leaving the eastern neighborhoods of Aleppo city towards safe areas."
    )
    displaced = [e for e in _events(text) if e.sub_event_type == "Displacement"]
    assert [e.actor1 for e in displaced] == [None]
    shelled = [e for e in _events(text) if e.sub_event_type.startswith("Shelling")]
    assert [e.actor1 for e in shelled] == ["Syrian rebels"]


def test_an_ally_named_after_its_partner_is_the_subject_a_pronoun_refers_to() -> None:
    text = (
        "A key ally of the Syrian government Russia began carrying out air strikes in the "
        "country in late September. On Thursday it said it had carried out more than 50 raids "
        "over two days targeting ISIL jihadists near Palmyra."
    )
    assert _actor1(text) == [("Palmyra", "Military Forces of Russia")]


def test_two_names_of_one_party_side_by_side_stay_one_party() -> None:
    from frontline.extract.clauses import _all_actors

    found = _all_actors("former Al-Qaeda affiliate Fateh al-Sham Front fired rockets")
    assert [a.name for a in found] == ["Jabhat Fateh al-Sham"]
    found = _all_actors("A key ally of the Syrian government Russia began")
    assert [a.name for a in found] == ["Military Forces of Syria", "Military Forces of Russia"]


def test_a_battle_with_a_group_is_fought_against_it() -> None:
    text = (
        "An opposition group fighter shoots his weapon in a battle with Daesh as they advance "
        "towards Azaz city northern Aleppo countryside Syria June 11 2016."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [(e.location, e.actor1) for e in clashes] == [("Azaz", "Syrian rebels")]


def test_a_force_named_after_the_day_is_the_subject() -> None:
    text = (
        "On Sunday Turkish forces launched an offensive against areas held by pro-Kurdish "
        "forces close to Jarablus."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [e.actor1 for e in clashes] == ["Military Forces of Turkey"]


def test_terrorists_in_a_story_about_the_islamic_state_are_the_islamic_state() -> None:
    # GUIDELINE_EXTENSIONS.md, batch E: "terrorists" go on about the enemy the story names
    text = (
        "Islamic State militants attacked army positions in Deir ez-Zor on Wednesday. According "
        "to SANA news agency terrorists fired a number of rocket shells on al-Qussour "
        "neighborhood in Deir ez-Zor on Thursday injuring three people."
    )
    shelling = [e for e in _events(text) if e.sub_event_type.startswith("Shelling")]
    assert [e.actor1 for e in shelling] == ["Islamic State"]
    elsewhere = (
        "Army units attacked rebel positions in Daraa on Wednesday. According to SANA news "
        "agency terrorists fired a number of rocket shells on Daraa on Thursday injuring three "
        "people."
    )
    shelling = [e for e in _events(elsewhere) if e.sub_event_type.startswith("Shelling")]
    assert [e.actor1 for e in shelling] == ["Syrian rebels"]


def test_a_group_and_other_groups_acting_together_are_the_group() -> None:
    text = (
        "A source at Aleppo Police Command told SANA reporter that Jabhat an-Nusra terrorists "
        "and other terrorist groups affiliated to it targeted on Saturday with a number of "
        "rocket shells al-Midan neighborhood in Aleppo city."
    )
    shelling = [e for e in _events(text) if e.sub_event_type.startswith("Shelling")]
    assert shelling
    assert {e.actor1 for e in shelling} == {"Jabhat Fateh al-Sham"}


def test_the_party_attacked_is_not_the_attacker() -> None:
    text = (
        "The Observatory said rebels attacked government forces with two suicide car bombs at "
        "Mallah Farms on Thursday."
    )
    bombs = [e for e in _events(text) if e.sub_event_type == "Suicide bomb"]
    assert [e.actor1 for e in bombs] == ["Syrian rebels"]


def test_a_party_right_before_the_weapon_owns_it() -> None:
    text = (
        "The Observatory said two children were killed by regime bombs in a rebel-held area of "
        "Aleppo on Thursday."
    )
    assert [actor for _, actor in _actor1(text)] == ["Military Forces of Syria"]


def test_clashes_that_broke_out_between_two_parties_are_the_first_named_s() -> None:
    text = (
        "East of Damascus fierce clashes broke out early Sunday between rebels from the Army of "
        "Islam and ISIL near the town of Hammuriyeh the Observatory said."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert [e.actor1 for e in clashes] == ["Syrian rebels"]


def test_the_army_of_conquest_is_a_rebel_coalition_and_stands_for_its_members() -> None:
    text = (
        "The Army of Conquest an opposition coalition that includes Al Qaedas Syria affiliate Al "
        "Nusra Front began its assault on Fuaa and Kafraya on Wednesday."
    )
    assert {actor for _, actor in _actor1(text)} == {"Syrian rebels"}


def test_a_nationality_word_joined_to_another_party_is_the_first_named() -> None:
    text = (
        "Moscow had announced on Tuesday that the Russian and Syrian air forces had stopped "
        "bombing Aleppo to pave the way for an eight-hour truce on Thursday."
    )
    assert [actor for _, actor in _actor1(text)] == ["Military Forces of Russia"]


def test_a_facility_hit_takes_the_attacker_of_the_strike_that_hit_it() -> None:
    text = (
        "At least eight Syrian civil defence workers were killed when an air strike hit their "
        "office in the town of Kafr Zeita on Saturday the rescue service said. While we were "
        "coming here to document this bombing a Russian jet targeted the office in Kafr Zeita "
        "on Saturday."
    )
    by_type = {e.sub_event_type: e.actor1 for e in _events(text)}
    assert by_type["Air/drone strike"] == "Military Forces of Russia"
    assert by_type["Infrastructure"] == "Military Forces of Russia"


def test_us_and_coalition_strikes_are_the_us_led_coalition_s() -> None:
    for text in (
        "US air strikes killed 22 people in Raqqa on Saturday.",
        "Coalition forces bombed Raqqa on Saturday killing 22 people.",
    ):
        assert [actor for _, actor in _actor1(text)] == ["US-led coalition"], text


def test_armed_men_suppressing_protests_is_excessive_force_against_protesters() -> None:
    # GUIDELINE_EXTENSIONS.md, batch B: actor1 the perpetrator, actor2 Civilians
    text = (
        "The Russian Defense Ministry spokesman said on Sunday that the gunmen suppressed "
        "protests in which more than 1500 people took part in the neighborhood of Bustan "
        "al-Qasr in Aleppo."
    )
    found = [(e.sub_event_type, e.actor1, e.actor2) for e in _events(text)]
    assert found == [("Excessive force against protesters", "Syrian rebels", "Civilians")]
    peaceful = "Hundreds of families protested in Aleppo on Sunday against the terrorists."
    assert [(e.sub_event_type, e.actor1) for e in _events(peaceful)] == [
        ("Peaceful protest", "Civilians")
    ]


def test_a_quote_closed_by_said_the_statement_keeps_its_actors() -> None:
    from frontline.extract.attribution import find_attribution

    sentence = (
        'Straight after the coalitions strikes IS militants launched an offensive" said the '
        'statement adding that "fierce fighting against the terrorists" ensued nearby.'
    )
    attribution = find_attribution(sentence)
    assert attribution is not None
    assert sentence[attribution.start : attribution.end] == "the statement"


def test_a_killing_with_no_killer_named_is_the_last_named_killer_s() -> None:
    text = (
        "ISIL militants executed eight men in Deir Hafer on Saturday. Also in Aleppo province a "
        "ninth man was executed and crucified in Al-Bab town near the border with Turkey on "
        "Saturday."
    )
    attacks = [(e.location, e.actor1) for e in _events(text) if e.sub_event_type == "Attack"]
    assert ("Al-Bab", "Islamic State") in attacks


def test_fighting_with_no_party_named_is_the_story_s_last_named_fighter_s() -> None:
    text = (
        "Government forces attacked rebel positions in Zabadani on Wednesday. Clashes in "
        "Zabadani raged on Thursday according to the observatory."
    )
    clashes = [(e.event_date, e.actor1) for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert clashes == [
        (date(2016, 6, 8), "Military Forces of Syria"),
        (date(2016, 6, 9), "Military Forces of Syria"),
    ]


def test_after_two_allies_struck_together_another_day_s_strike_may_be_either_s() -> None:
    text = (
        "Activists said that the Assad regime and Russian air forces carried out intense "
        "airstrikes on western Aleppo on Thursday. Six civilians from one family were killed "
        "in airstrikes on the town of Atareb west of Aleppo on Saturday. Warplanes also hit "
        "Aleppo on Thursday."
    )
    strikes = {(e.location, e.event_date): e.actor1 for e in _events(text)}
    assert strikes[("Atareb", date(2016, 6, 11))] is None
    assert strikes[("Aleppo", date(2016, 6, 9))] == "Military Forces of Syria"


def test_moderate_groups_are_syrian_rebels() -> None:
    text = (
        "Turkish jets struck Daesh near Jarablus on Sunday. Meanwhile moderate groups organized "
        "11 airstrike operations against Daish in the area of Ziyadiyah in northern Syria on "
        "Monday."
    )
    strikes = {e.location: e.actor1 for e in _events(text)}
    assert strikes["Az Ziyadiyah"] == "Syrian rebels"


def test_it_as_an_object_does_not_stand_for_the_last_actor() -> None:
    text = (
        "Rebel shelling killed seven people in Aleppo on Saturday. An escalation in air and "
        "artillery strikes around the road has made it virtually impassable putting hundreds "
        "of thousands of people in Aleppo under effective siege."
    )
    sieges = [e for e in _events(text) if e.sub_event_type == "Siege"]
    assert [e.actor1 for e in sieges] == [None]


def test_an_attack_blamed_on_a_party_is_that_party_s() -> None:
    # data/gold/README.md and GUIDELINE_EXTENSIONS.md: the accusation the text reports
    text = (
        "US President Donald Trump said the strike was a response to the alleged chemical "
        "weapon use in Syrias Idlib on Tuesday which Washington blames on the Syrian government."
    )
    chemical = [e for e in _events(text) if e.sub_event_type == "Chemical weapon"]
    assert [e.actor1 for e in chemical] == ["Military Forces of Syria"]


def test_an_islamist_siege_is_the_story_s_jihadists() -> None:
    text = (
        "Islamic State militants attacked army positions in Deir ez-Zor on Wednesday. Its "
        "capital city of Deir ez-Zor held by the Syrian government has been under Islamist "
        "siege since 2014."
    )
    sieges = [e for e in _events(text) if e.sub_event_type == "Siege"]
    assert [e.actor1 for e in sieges] == ["Islamic State"]


def test_a_speaker_named_by_a_longer_party_name_is_that_party() -> None:
    from frontline.extract.attribution import find_attribution

    rebels = find_attribution("The Army of Conquest said Wednesday its attack was a response.")
    assert rebels is not None and rebels.speaker == "Syrian rebels"
    army = find_attribution("The Syrian army said on Monday that it captured the village.")
    assert army is not None and army.speaker == "Syrian army"


def test_a_state_force_s_bombs_are_an_air_strike() -> None:
    regime = (
        "The Observatory said two children were killed by regime bombs in a rebel-held area of "
        "Aleppo on Thursday."
    )
    assert [e.sub_event_type for e in _events(regime)] == ["Air/drone strike"]
    rebels = "Rebel bombs killed two soldiers in Aleppo on Thursday."
    assert [e.sub_event_type for e in _events(rebels)] == ["Remote explosive/landmine/IED"]


def test_terrorists_of_a_roundups_next_area_are_not_the_group_named_before() -> None:
    # GUIDELINE_EXTENSIONS.md, batch C: a roundup's "terrorists" take the group named in the
    # same area; elsewhere they stay Syrian rebels
    text = (
        "A source at Deir Ezzor Governorate told SANA reporter on Wednesday that ISIL terrorists "
        "fired at dawn several rocket shells on al-Qusour and al-Joura neighborhoods in the "
        "city. Aleppo In the same context a woman was killed and 35 others were injured in "
        "terrorist attacks with rocket shells on residential neighborhoods in Aleppo city in a "
        "new breach to the cessation of hostilities."
    )
    actors = dict(_actor1(text))
    assert actors["Aleppo"] == "Syrian rebels"
    assert "Islamic State" in actors.values()
