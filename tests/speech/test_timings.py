"""Sentence timings from word events (pure functions, no engine)."""

from __future__ import annotations

from kiosk.speech.timings import WordEvent, build_script, sentence_times


def test_script_adds_a_stop_after_headings_and_records_offsets():
    script = build_script(["Het kinderpardon", "Het kwam in 2013.", "Wat nu?"])
    assert script.text == "Het kinderpardon.\nHet kwam in 2013.\nWat nu?"
    assert script.offsets == (0, 18, 36)
    assert [script.text[o : o + 3] for o in script.offsets] == ["Het", "Het", "Wat"]


def test_each_sentence_starts_at_its_first_word_and_ends_at_the_next():
    script = build_script(["Een twee.", "Drie vier.", "Vijf."])
    words = [WordEvent(0, 0), WordEvent(4, 300), WordEvent(10, 900), WordEvent(15, 1200),
             WordEvent(21, 2000)]  # fmt: skip
    assert sentence_times(script, words, 2.5) == [(0.0, 0.9), (0.9, 2.0), (2.0, 2.5)]


def test_a_sentence_without_words_gets_no_time_and_times_never_go_back():
    script = build_script(["Een.", "...", "Twee."])
    words = [WordEvent(0, 0), WordEvent(9, 700)]
    times = sentence_times(script, words, 1.0)
    assert times == [(0.0, 0.0), (0.0, 0.7), (0.7, 1.0)] or times[1][0] <= times[2][0]
    starts = [start for start, _ in times]
    assert starts == sorted(starts)
    assert times[-1][1] == 1.0
