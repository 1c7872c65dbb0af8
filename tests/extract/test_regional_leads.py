"""A lead that names no place is the event a later sentence places at a town near the
article's own (frontline/extract/regional.py).

Texts are bundled FA-KES dev articles (samples/fakes_dev.csv), whole or their first sentences.
"""

from __future__ import annotations

from datetime import date

from sentence_events import events_of


def test_a_lead_without_a_place_joins_the_town_the_next_sentence_names() -> None:
    # FA-KES 1923848129 (batch F), after its headline: the lead's toll is the Rashidin bombing's
    text = (
        "At least 43 people were "
        "killed Saturday in a suicide car bomb attack on buses carrying Syrians evacuated from two "
        "besieged government-held towns a monitor said in an updated toll. The Syrian Observatory "
        "for Human Rights said most of the dead were evacuees but they also included several "
        "rebels who had been guarding the buses at a transit point in Rashidin west of Aleppo."
    )
    bombs = [
        e for e in events_of(text, date(2017, 4, 15), "ahram") if e.sub_event_type == "Suicide bomb"
    ]
    assert [(e.location, e.fatalities, e.event_date) for e in bombs] == [
        ("Rashidin", 43, date(2017, 4, 15))
    ]


def test_a_lead_about_the_articles_town_stays_there() -> None:
    # FA-KES 1924058051 (dev): the unnamed "northern town" is Al Bab, the town the article is
    # about; the Kweyris airport named on the way, 20 km off, does not take its barrel bombs
    text = (
        "Barrel bombs dropped from Syrian government helicopters on Thursday killed at least 11 "
        "civilians including three children in raids on a jihadist-held northern town a "
        "monitoring group said. The crudely constructed weapons were used on Al Bab which lies in "
        "Aleppo province and is held by the extremist Daesj group according to the Syrian "
        'Observatory for Human Rights. Observatory head Rami Abdel Rahman said the "intensified '
        "air attacks by regime forces on Al Bab are aimed at foiling Daesh efforts on multiple "
        'fronts" including the nearby Kweyris military airport which Daesh has besieged for more '
        "than a year."
    )
    strikes = [e for e in events_of(text, date(2015, 7, 17), "jordantimes") if e.fatalities == 11]
    assert [(e.sub_event_type, e.location) for e in strikes] == [("Air/drone strike", "Al-Bab")]


def test_a_province_lead_and_the_village_report_with_close_tolls_are_one_bombing() -> None:
    # FA-KES 1962495696 (batch F): the lead's 18 at the province and the activist's 20 at Asheh
    # are one car bomb; it is kept at the village with the lead's toll
    text = (
        "At least 18 militants including a commander have been killed in a car bomb explosion in "
        "Syrias southern province of Quneitra. The so-called Syrian Observatory for Human Rights "
        "said the car bomb went off in the village of Asheh in Quneitra Wednesday afternoon. But "
        "a Quneitra-based opposition activist identified as Abu Omar al-Golani said the blast "
        "killed 20 militants including Capt. Abu Hamza al-Naimi the commander of the Syria "
        "Revolutionaries Front an offshoot of the so-called Free Syrian Army."
    )
    bombs = [
        e for e in events_of(text, date(2016, 3, 2), "alalam") if e.event_type.startswith("Expl")
    ]
    assert [(e.location, e.fatalities) for e in bombs] == [("Al `Ishshah", 18)]  # Asheh


def test_a_suicide_bombing_lead_and_the_blast_at_a_town_are_one_explosion() -> None:
    # FA-KES 1923848128 (ahram): the suicide car bomb of the Aleppo lead is "the blast" that hit
    # buses at Rashidin; one explosion, a suicide bomb, at Rashidin
    text = (
        "Pro-Damascus media outlets said a suicide attacker detonated a car bomb and killed at "
        "least 22 people. Footage on state TV showed bodies lying next to charred buses with "
        "their windows blown out and vehicles in flames. The blast hit buses in the Rashidin "
        "area on Aleppos outskirts."
    )
    bombs = [
        e for e in events_of(text, date(2017, 4, 15), "ahram") if e.event_type.startswith("Expl")
    ]
    assert [(e.sub_event_type, e.location, e.fatalities) for e in bombs] == [
        ("Suicide bomb", "Rashidin", 22)
    ]


def test_a_strike_on_a_village_near_a_city_is_the_strike_on_the_village_named_later() -> None:
    # FA-KES 1924058204 (batch F): "a village near ... Aleppo" is Khan Tuman, named in the
    # next sentence; one strike and one damaged clinic, at Khan Tuman, with the lead's toll
    text = (
        "Five medics were killed and a nurse critically wounded when an air strike hit a clinic "
        "in a village near Syrias second city Aleppo late Tuesday the aid group that supports it "
        "said. The clinic in the village of Khan Tuman was completely levelled in the 1100 pm "
        "(2000 GMT) strike and more dead were feared to be buried under the rubble the group "
        "added."
    )
    events = events_of(text, date(2016, 9, 20), "yahoo")
    assert {e.location for e in events} == {"Khan Tuman"}
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.fatalities for e in strikes] == [5]


def test_a_province_toll_that_adds_up_the_village_tolls_is_not_another_raid() -> None:
    # FA-KES 1923848187 (batch C): thirteen dead in the province are the five of Taduf and the
    # eight of Daret Izza; the province's report is not a third raid
    text = (
        "AFP Wednesday 15 Jul 2015 Thirteen civilians among them seven children were killed in "
        "aerial attacks by Syrias government Wednesday on the northern province of Aleppo a "
        'monitoring group said. "A woman and her three children as well as another child were '
        'killed when helicopters dropped a barrel bomb on the village of Taduf" said the Syrian '
        "Observatory for Human Rights. Taduf which lies in the northeast of Syrias Aleppo "
        'province is controlled by the Islamic State group. In the provinces west "eight '
        "civilians including three children were killed when regime warplanes struck the "
        'village of Daret Izza" held by Islamist fighters and other rebels.'
    )
    strikes = [
        e
        for e in events_of(text, date(2015, 7, 15), "ahram")
        if e.sub_event_type == "Air/drone strike"
    ]
    assert sorted((e.location, e.fatalities) for e in strikes) == [
        ("Darat Izza", 8),
        ("Tedef", 5),
    ]


def test_an_area_near_damascus_is_the_suburb_the_next_sentence_names() -> None:
    # FA-KES 1923848235 (batch D): "a rebel-held area near Damascus" is Douma, which lies in
    # Rural Damascus, not in the capital's own governorate: one raid, at Douma
    text = (
        "AFP Friday 12 Sep 2014 Syrian government air raids on a rebel-held area near Damascus "
        "killed 42 people including seven children a monitoring group said Friday giving an "
        "updated toll. Thursdays air strikes were carried out in Douma a satellite suburb "
        'northeast of the capital that has been under siege for more than a year "The toll from '
        'regime air raids on Douma has risen to 42 dead including seven children and two women" '
        "said the Syrian Observatory for Human Rights."
    )
    strikes = [
        e
        for e in events_of(text, date(2014, 9, 12), "ahram")
        if e.sub_event_type == "Air/drone strike"
    ]
    assert [(e.location, e.fatalities) for e in strikes] == [("Douma", 42)]


def test_a_city_toll_that_is_a_neighbourhoods_toll_is_one_attack() -> None:
    # FA-KES 1926478942 (batch F): the eight killed "in Aleppo city" are the eight killed in
    # al-Jamilia; one shelling, at the neighbourhood
    text = (
        "Terrorist organizations fired tens of shells on the residential neighborhoods in Aleppo "
        "city claiming the lives of 8 persons and injuring more than 58 others. A source at "
        "Aleppo Police Command said that terrorist organizations located in the eastern "
        "neighborhoods of Aleppo city targeted al-Jamilia neighborhood in Aleppo city with 4 "
        "rocket shells killing 8 persons injuring more than 55 persons most of them are children "
        "and women and causing material damage to private and public properties."
    )
    shelling = [e for e in events_of(text, date(2016, 10, 6), "sana") if e.fatalities]
    assert [(e.location, e.fatalities) for e in shelling] == [("Jamiliyeh", 8)]


def test_a_city_toll_of_its_own_is_not_folded_into_a_neighbourhood() -> None:
    # FA-KES 1923848315 (batch D): two killed at the Opera House "in the capital", three
    # wounded in Abbasiyin: two mortar attacks
    text = (
        "In the capital meanwhile two people were killed when mortar fire struck the Damascus "
        "Opera House. Mortar fire also wounded three people in the Abbasids neighbourhood of "
        "northeast Damascus SANA said."
    )
    shelling = events_of(text, date(2014, 4, 6), "ahram")
    assert len(shelling) == 2
    assert ("Damascus", 2) in [(e.location, e.fatalities) for e in shelling]


def test_a_village_in_a_province_is_the_village_named_next() -> None:
    # FA-KES 1923848296 (batch B): the headline's "Syrias Hama" put the lead at the city; the
    # lead's "government-controlled village in the central Syrian province of Hama" is Al-Horra,
    # named next, and the village's report takes the lead's dead
    text = (
        "Car bomb kills at least 34 in Syrias Hama State media AFP Friday 20 Jun 2014 A car bomb "
        "killed at least 34 people on Friday in a government-controlled village in the central "
        "Syrian province of Hama state news agency SANA reported. More than 50 people were "
        "wounded in the attack in Al-Horra which was blamed on rebels fighting to overthrow "
        "President Bashar al-Assad."
    )
    bombs = events_of(text, date(2014, 6, 20), "ahram", "hama")
    assert [(e.location, e.fatalities) for e in bombs] == [("Harran", 34)]


def test_a_witness_telling_the_explosion_retells_the_suicide_bombing() -> None:
    # FA-KES 1924058103 (batch B): the witness's "enormous explosion" is the wedding bombing
    text = (
        '"A suicide bomber blew himself up inside a hall in Tall Tawil village during the '
        'wedding of a member of the Syrian Democratic Forces killing at least 22 civilians" '
        "Observatory chief Rami Abdel Rahman told AFP. A witness named Ahmad who suffered a head "
        'wound due to the blast described the moment the bomber struck. "As the bride and groom '
        "were exchanging their vows I saw a man wearing a thick black jacket pass beside me. "
        '"I thought he looked strange and a few seconds later there was an enormous explosion.'
    )
    blasts = events_of(text, date(2016, 10, 3), "x", "hasakah")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in blasts] == [
        ("Suicide bomb", "Tall Tawil", 22)
    ]


def test_a_placeless_lead_toll_that_adds_up_the_named_tolls_is_not_a_third() -> None:
    # FA-KES 1923848291 (batch F): nine crucified = eight in Deir Hafer + one in Al-Bab
    text = (
        "AFP Sunday 29 Jun 2014 A jihadist group in Syria has publicly executed and crucified "
        "nine men eight of them rebels fighting both President Bashar al-Assads regime and the "
        "jihadists a monitor said on Sunday. The report comes amid fierce clashes on the "
        "outskirts of Damascus between the Islamic State of Iraq and the Levant which is "
        "spearheading a major offensive in Iraq and rebels the Syrian Observatory for Human "
        'Rights said. "ISIL executed eight men in Deir Hafer in the east of Aleppo province" on '
        "Saturday because they belonged to rebel groups that had fought against the jihadists "
        "as well as Assads forces it said. Also in Aleppo province a ninth man was executed and "
        "crucified in Al-Bab town near the border with Turkey."
    )
    executions = [
        e
        for e in events_of(text, date(2014, 6, 29), "ahram", "aleppo")
        if e.sub_event_type == "Attack"
    ]
    assert sorted((e.location, e.fatalities) for e in executions) == [
        ("Al-Bab", 1),
        ("Dayr Hafir", 8),
    ]


def test_a_claim_of_responsibility_is_the_bombing_the_article_tells() -> None:
    # FA-KES 1962495724 (batch B): IS "on Monday claimed responsibility for a suicide bombing";
    # the bombing itself struck the Atme crossing on Sunday night: one event, at Atme, Sunday
    text = (
        "The Islamic State (ISIS Daesh ISIL IS) terrorist group on Monday claimed responsibility "
        "for a suicide bombing that killed more than 30 Syrian rebel fighters in a blast near the "
        "Turkish border. The blast on Sunday night struck the Atme border crossing between "
        "Turkey and the northern Syrian province of Idlib according to the Syrian Observatory "
        "for Human Rights. The monitoring group said the anti-regime terrorists were travelling "
        "by bus to Turkey then back into Syria towards the rebel bastion of Azaz in Aleppo "
        "province. The attack killed 32 rebels as they were entering Turkey the Britain-based "
        "Observatory said updating an earlier toll on Sunday evening of 15."
    )
    blasts = [
        e
        for e in events_of(text, date(2016, 8, 15), "alalam", "idlib")
        if e.event_type == "Explosions/Remote violence"
    ]
    assert [(e.location, e.event_date) for e in blasts] == [("Atmah", date(2016, 8, 14))]
