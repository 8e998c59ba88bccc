"""What the kiosk can read aloud: the speech requests for topics, glossary words and messages."""

from __future__ import annotations

from kiosk.content import LanguageContent, Library
from kiosk.speech import SpeechRequest
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
