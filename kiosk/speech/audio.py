"""Audio files: WAV from the engine, Ogg Opus for the cache (about 180 KB per minute)."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

from kiosk.support.worker_process import at_render_priority

FFMPEG = "ffmpeg"
OPUS_ARGUMENTS = [
    "-c:a",
    "libopus",
    "-b:a",
    "24k",
    "-application",
    "voip",
    "-compression_level",
    "5",
]


class EncoderError(RuntimeError):
    """The audio could not be compressed."""


def wav_duration(path: Path) -> float:
    """Length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as audio:
        return audio.getnframes() / audio.getframerate()


def encoder_available() -> bool:
    """Whether ffmpeg (with libopus) can be called."""
    return shutil.which(FFMPEG) is not None


def encode_opus(wav_path: Path, ogg_path: Path, timeout: float = 60.0) -> None:
    """Compress `wav_path` into Ogg Opus at `ogg_path` with ffmpeg's libopus.

    ffmpeg runs in a session of its own: the server's stop signal goes to its whole process
    group, and an ffmpeg that gets it half-way was seen to hang until the timeout, holding up
    the server's exit (which waits for the compression thread) by a minute."""
    command = [FFMPEG, "-nostdin", "-loglevel", "error", "-y", "-i", str(wav_path),
               *OPUS_ARGUMENTS, "-f", "ogg", str(ogg_path)]  # fmt: skip
    try:
        subprocess.run(at_render_priority(command), check=True, capture_output=True,
                       timeout=timeout, start_new_session=True)  # fmt: skip
    except FileNotFoundError as error:
        raise EncoderError("ffmpeg is not installed") from error
    except subprocess.CalledProcessError as error:
        raise EncoderError(
            f"ffmpeg failed: {error.stderr.decode(errors='replace')[-300:]}"
        ) from error
    except subprocess.TimeoutExpired as error:
        raise EncoderError(f"ffmpeg took longer than {timeout:g} s") from error
