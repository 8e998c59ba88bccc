"""The word being spoken: words as shown, carried back through the pronunciation rewrites,
timed by espeak-ng's own word events (real espeak-ng in the last tests)."""

from __future__ import annotations

import pytest

from kiosk.content.pronunciation import Pronunciation
from kiosk.speech import SpeechRequest, SpeechService
from kiosk.speech.words import timed_words, words_of

EXPANDS = Pronunciation(
    words=(("PvdA", "Partij van de Arbeid"), ("azc", "aa zee cee")),
    patterns=((r"€\s*([0-9]+(?:[.,][0-9]+)*)(\s+(?:miljoen|miljard))?", r"\1\2 euro"),),
)


def test_words_keep_numbers_and_joined_words_whole_in_every_script():
    assert words_of("In 2013 kregen 27.000 mensen een azc-plek (PvdA).") == [
        "In", "2013", "kregen", "27.000", "mensen", "een", "azc-plek", "PvdA",
    ]  # fmt: skip
    assert words_of("يقول حزب العمل (PvdA) إنّ 900 طفل") == [
        "يقول", "حزب", "العمل", "PvdA", "إنّ", "900", "طفل",
    ]  # fmt: skip
    assert words_of("Партія хоче допомогти у 2013 році.") == [
        "Партія", "хоче", "допомогти", "у", "2013", "році",
    ]  # fmt: skip


def test_each_spoken_character_knows_the_character_it_was_made_from():
    shown = "De PvdA  wil € 1 miljard voor het azc."
    spoken, origin = EXPANDS.apply_mapped(shown)
    assert spoken == "De Partij van de Arbeid wil 1 miljard euro voor het aa zee cee."
    assert len(origin) == len(spoken)
    made_from = "".join(shown[position] for position in origin)
    assert made_from[spoken.index("Partij") : spoken.index(" wil")].strip("PvdA") == ""
    assert made_from[spoken.index("aa zee cee") : -1].strip("azc") == ""
    # a spoken word may start from the space before its word: the next word is the one meant
    assert shown[origin[spoken.index("miljard")] :].lstrip().startswith("miljard")


def test_a_word_said_in_several_events_is_one_word_and_events_never_go_back():
    shown = "De PvdA zegt dat."
    spoken, origin = EXPANDS.apply_mapped(shown)
    events = [(spoken.index(word), at) for word, at in
              (("De", 0.0), ("Partij", 0.2), ("van", 0.6), ("de", 0.8), ("Arbeid", 0.9),
               ("zegt", 1.4), ("dat", 1.8))]  # fmt: skip
    events.append((spoken.index("zegt"), 2.3))  # espeak reports a position once more
    words = timed_words(shown, origin, events, end=2.5)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("De", 0.0, 0.2), ("PvdA", 0.2, 1.4), ("zegt", 1.4, 1.8), ("dat", 1.8, 2.5),
    ]  # fmt: skip


def test_a_word_the_voice_skipped_shares_the_time_before_it():
    shown = "een twee drie"
    origin = list(range(len(shown)))
    words = timed_words(shown, origin, [(0, 0.0), (9, 1.0)], end=1.5)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("een", 0.0, 0.5), ("twee", 0.5, 1.0), ("drie", 1.0, 1.5),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("voice", "sentences"),
    [
        ("nl", ("Kinderpardon", "De PvdA zegt dat er in 2013 een kinderpardon kwam.",
                "Ongeveer 27.000 mensen kregen € 1 miljard in het azc.")),
        ("ar", ("عفو الأطفال", "يقول حزب العمل (PvdA) إن عفو الأطفال جاء في سنة 2013.")),
        ("uk", ("Дитяча амністія", "Партія праці (PvdA) каже, що у 2013 році прийшла амністія.")),
        ("en", ("Children's pardon", "The PvdA says that 27,000 people got a pardon in 2007.")),
    ],
)  # fmt: skip
def test_real_speech_times_every_word_as_shown_in_order(
    speech: SpeechService, voice: str, sentences: tuple[str, ...]
):
    result = speech.get(SpeechRequest(sentences, voice, EXPANDS), timeout=60)
    for sentence in result.sentences:
        assert [word.text for word in sentence.words] == words_of(sentence.text)
        times = [time for word in sentence.words for time in (word.start, word.end)]
        assert times == sorted(times), sentence
        assert sentence.start <= times[0] and times[-1] <= sentence.end + 0.001
        assert all(word.end > word.start for word in sentence.words), sentence


def test_an_expanded_abbreviation_is_marked_for_the_whole_expansion(speech: SpeechService):
    plain = speech.get(SpeechRequest(("De PvdA zegt dat.",), "nl"), timeout=60)
    expanded = speech.get(SpeechRequest(("De PvdA zegt dat.",), "nl", EXPANDS), timeout=60)
    length = {r: next(w.end - w.start for w in r.sentences[0].words if w.text == "PvdA")
              for r in (plain, expanded)}  # fmt: skip
    assert length[expanded] > length[plain] + 0.3, "'Partij van de Arbeid' takes longer to say"
