"""What the kiosk can read aloud: the speech requests for topics, glossary words and messages."""

from __future__ import annotations

from kiosk.content import LanguageContent, Library, Topic
from kiosk.speech import SpeechRequest
from kiosk.speech.words import words_of
from kiosk.ui.messages import message, spoken_message_names


def speech_request(content: LanguageContent, sentences: tuple[str, ...]) -> SpeechRequest:
    """Sentences in the language's voice, with its pronunciation list."""
    return SpeechRequest(sentences, content.language.voice, content.pronunciation)


def all_speech_requests(library: Library) -> list[SpeechRequest]:
    """Everything that can be read aloud; topic summaries first (the most used)."""
    summaries, rest = [], []
    for lang, content in library.languages.items():
        if not content.language.voice:
            continue
        for topic in content.topics:
            summaries.append(speech_request(content, topic.spoken_summary))
            rest.append(speech_request(content, topic.spoken_full))
        rest += [speech_request(content, entry.spoken) for entry in content.glossary.values()]
        for name in spoken_message_names():
            sentences = message(lang, name)
            if sentences:
                rest.append(speech_request(content, sentences))
    return summaries + rest


def topic_words(topic: Topic) -> list[list[str]]:
    """The words of each sentence of the whole topic, as the screen shows them ("Woord voor
    woord": only these can be asked for one by one)."""
    return [words_of(sentence) for sentence in topic.spoken_full]


def word_requests(content: LanguageContent, topic: Topic) -> list[SpeechRequest]:
    """Each word of the topic said on its own, once."""
    unique = dict.fromkeys(word for sentence in topic_words(topic) for word in sentence)
    return [speech_request(content, (word,)) for word in unique]
