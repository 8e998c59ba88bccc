"""Speech service: pyttsx3 + espeak-ng in a worker process, cached audio with timings (no Flask)."""

from kiosk.speech.cache import Sentence, SpeechResult
from kiosk.speech.service import (
    SpeechBusy,
    SpeechLimits,
    SpeechRefused,
    SpeechRequest,
    SpeechService,
    SpeechUnavailable,
)

__all__ = [
    "Sentence",
    "SpeechBusy",
    "SpeechLimits",
    "SpeechRefused",
    "SpeechRequest",
    "SpeechResult",
    "SpeechService",
    "SpeechUnavailable",
]
