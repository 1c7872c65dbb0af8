"""Document.analysis_text: the ignored ranges blanked, offsets and line breaks kept."""

from __future__ import annotations

import random

from frontline.records import Document


def _blanked(text: str, ignored: tuple[tuple[int, int], ...]) -> str:
    """The rule, one character at a time."""
    chars = list(text)
    for start, end in ignored:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def test_a_caption_line_is_blanked_and_the_offsets_stay() -> None:
    text = "ALEPPO (AFP) - Air strikes hit the city.\nPhoto: AFP\nRebels said 12 were killed."
    caption = text.index("Photo")
    doc = Document(doc_id="d", text=text, ignored=((caption, caption + len("Photo: AFP")),))
    assert len(doc.analysis_text) == len(text)
    assert doc.analysis_text.splitlines()[1].strip() == ""
    assert doc.analysis_text.splitlines()[2] == "Rebels said 12 were killed."


def test_overlapping_unsorted_and_out_of_range_ranges() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab \n\r\u00e9") for _ in range(rng.randrange(0, 40)))
        ignored = tuple(
            (rng.randrange(-5, 45), rng.randrange(-5, 45)) for _ in range(rng.randrange(0, 4))
        )
        doc = Document(doc_id="d", text=text, ignored=ignored)
        assert doc.analysis_text == _blanked(text, ignored)
