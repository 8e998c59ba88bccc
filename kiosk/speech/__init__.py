"""Speech service: pyttsx3 + espeak-ng in a worker process, cached audio with timings (no Flask)."""

from kiosk.speech.cache import Sentence, SpeechResult
from kiosk.speech.service import SpeechRequest, SpeechService, SpeechUnavailable

__all__ = ["Sentence", "SpeechRequest", "SpeechResult", "SpeechService", "SpeechUnavailable"]
