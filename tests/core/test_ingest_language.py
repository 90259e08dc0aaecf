"""English check: refuses other languages by name, accepts short English and English full of names."""

from __future__ import annotations

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest.language import check_english

ENGLISH = {
    "short news": "Storm closes schools across the north\n\nSchools in three counties stayed shut on Monday "
    "after heavy snow blocked roads. Officials said they would reopen when the roads were safe.",
    "headline only": "Heavy snow closes schools in three counties",
    "many foreign names": "Volodymyr Zelensky met Kim Jong Un's envoy? No: Sergei Shoigu and Dmitry Peskov "
    "flew to Ulan-Ude, then Pyongyang, said Nguyen Van Thanh of Hanoi University.",
    "names list": "Kim Jong Un, Vladimir Putin, Sergei Shoigu, Dmitry Peskov and Kim Yo Jong met at the "
    "Vostochny Cosmodrome in Amur Oblast.",
    "Indian English": "The state government has sanctioned Rs 2 crore for the new bus depot in "
    "Thiruvananthapuram, "
    "the transport minister told reporters on Tuesday.",
}
FOREIGN = {
    "German": "Die Stadt hat am Montag beschlossen, zwei neue Schulen zu bauen. Viele Eltern sind "
    "darüber sehr froh, aber die Kosten sind hoch.",
    "Spanish": "El ayuntamiento decidió el lunes construir dos escuelas nuevas. Muchos padres están "
    "contentos, pero los costes son altos.",
    "French": "La mairie a décidé lundi de construire deux nouvelles écoles. Beaucoup de parents sont "
    "contents, mais les coûts sont élevés.",
    "Japanese": "市は月曜日、新しい学校を二つ建てることを決めた。多くの親は喜んでいるが、費用は高い。",
    "Russian": "В понедельник город решил построить две новые школы. "
    "Многие родители рады, но расходы высоки.",
}


@pytest.mark.parametrize("text", list(ENGLISH.values()), ids=list(ENGLISH))
def test_english_is_accepted(text: str) -> None:
    check_english(text)


@pytest.mark.parametrize(("language", "text"), list(FOREIGN.items()), ids=list(FOREIGN))
def test_other_languages_are_refused_by_name(language: str, text: str) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        check_english(text)
    assert excinfo.value.message == (
        f"This text does not look like English (detected: {language}). "
        "VocabSphere works with English articles."
    )


def test_short_german_headline_is_refused() -> None:
    with pytest.raises(InvalidInput, match="German"):
        check_english("Neue Regeln für Schulen beschlossen")


def test_german_with_english_names_is_still_german() -> None:
    with pytest.raises(InvalidInput, match="German"):
        check_english("Bundeskanzler Olaf Scholz traf am Dienstag in Washington den Präsidenten Joe Biden.")


def test_too_little_text_is_not_judged() -> None:
    check_english("OK 123")
