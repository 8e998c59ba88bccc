"""Faults made for real: a full disk under the caches, a read-only database, content files
that become unreadable while the kiosk runs. Each test shows what the visitor sees, what the
staff are told, that nothing half-written is left, and that the kiosk recovers."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.content.library_loader import load_library
from kiosk.services import services_of
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter


@contextmanager
def small_disk(path: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `path` (needs root; the test is skipped otherwise)."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def fill(disk: Path, leave_bytes: int = 4096) -> Path:
    """Fill the disk until only about `leave_bytes` are free; returns the filler file."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(free - leave_bytes, 0))
    return filler


def leftovers(folder: Path) -> list[str]:
    """Files in a cache folder other than the filler: half-written files would show here."""
    return sorted(path.name for path in folder.iterdir() if path.name != "filler")


def test_disk_full_while_writing_speech(make_app: AppMaker, tmp_path: Path):
    with small_disk(tmp_path / "speech") as disk:
        app = make_app(BUNDLED_CONTENT, SPEECH_CACHE_DIR=str(disk))
        client = app.test_client()
        filler = fill(disk)
        response = client.get("/nl/kinderpardon/speech.json")
        assert response.status_code == 503
        assert response.json["message"].startswith("Voorlezen lukt nu niet")
        health = client.get("/healthz").json
        assert "No space left on device" in (health["speech"]["reason"] or ""), health["speech"]
        assert leftovers(disk) == []  # no half-written audio or timing files
        filler.unlink()  # the staff make room
        response = client.get("/nl/kinderpardon/speech.json")
        assert response.status_code == 200
        audio = client.get(response.json["audio"])
        assert audio.status_code == 200 and len(audio.get_data()) > 10_000
        audio.close()
        assert client.get("/healthz").json["speech"]["status"] == "ok"
        services_of(app).close()


def test_disk_full_while_writing_a_leaflet(make_app: AppMaker, tmp_path: Path):
    with small_disk(tmp_path / "leaflets") as disk:
        app = make_app(BUNDLED_CONTENT, LEAFLET_CACHE_DIR=str(disk))
        client = app.test_client()
        filler = fill(disk)
        page = client.get("/nl/kinderpardon/print")
        assert page.status_code == 503
        assert "Dit lukt nu niet." in page.get_data(as_text=True)  # calm, in plain words
        assert "No space left on device" in (
            client.get("/healthz").json["leaflets"]["reason"] or ""
        )
        assert leftovers(disk) == []
        filler.unlink()
        with client.get("/nl/kinderpardon/leaflet.pdf") as pdf:
            assert pdf.status_code == 200 and pdf.get_data().startswith(b"%PDF")
        assert client.get("/nl/kinderpardon/print").status_code == 200
        services_of(app).close()


def test_read_only_database_keeps_counts_and_refuses_prints_plainly(
    make_app: AppMaker, tmp_path: Path
):
    with small_disk(tmp_path / "db") as disk:
        app = make_app(BUNDLED_CONTENT, DATABASE=str(disk / "kiosk.sqlite3"))
        client = app.test_client()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        try:
            assert client.get("/nl/kinderpardon").status_code == 200  # the visitor sees no fault
            usage = services_of(app).usage
            assert usage.flush() is False and "OperationalError" in usage.last_error
            confirm = client.get("/nl/kinderpardon/print").get_data(as_text=True)
            token = confirm.split('name="csrf_token" value="')[1].split('"')[0]
            refused = client.post("/nl/kinderpardon/print", data={"csrf_token": token})
            html = refused.get_data(as_text=True)
            assert refused.status_code == 200 and "Printen lukt nu niet" in html
            printing = client.get("/healthz").json["printing"]
            assert printing["status"] == "degraded"
            assert printing["reason"].startswith("print job database: OperationalError")
            printed = Path(app.config["PRINT_FOLDER"])
            assert list(printed.glob("*.pdf")) == []  # nothing printed that is not recorded
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert usage.flush() is True
        assert usage.per_topic()[0]["view"] == 1  # the view made while read-only was kept
        confirm = client.get("/nl/kinderpardon/print").get_data(as_text=True)
        token = confirm.split('name="csrf_token" value="')[1].split('"')[0]
        assert client.post("/nl/kinderpardon/print", data={"csrf_token": token}).status_code == 303
        assert client.get("/healthz").json["printing"]["status"] == "ok"
        assert len(list(printed.glob("*.pdf"))) == 1
        usage.close()
        assert usage.per_topic()[0]["print"] == 1


@pytest.mark.parametrize("fault", ["dangling link", "not utf-8", "deleted"])
def test_content_file_that_becomes_unreadable_while_running(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, fault: str
):
    path = write("nl/een-test.md", VALID_TOPIC)
    write("nl/andere.md", VALID_TOPIC.replace("title: Een test", "title: Een ander"))
    app = make_app(content_dir)
    client = app.test_client()
    assert "Een test" in client.get("/nl/een-test").get_data(as_text=True)
    path.unlink()
    if fault == "dangling link":  # an editor saving through a link that now points nowhere
        path.symlink_to(content_dir / "nl" / "weg.md")
    elif fault == "not utf-8":
        path.write_bytes(VALID_TOPIC.encode("utf-16"))
    store = services_of(app).library
    reload = store.reload()
    page = client.get("/nl/een-test")
    assert "Een ander" in client.get("/nl/andere").get_data(as_text=True)  # the rest works
    if fault == "deleted":  # a deleted topic is gone: a calm "page does not exist"
        assert page.status_code == 404 and reload.kept_old == ()
        return
    # unreadable: the last good version stays on screen, and the staff see why
    assert page.status_code == 200 and "Een test" in page.get_data(as_text=True)
    assert reload.kept_old == ("nl/een-test",) or "een-test" in " ".join(reload.kept_old)
    [problem] = [p for p in store.current.problems if p.file.endswith("nl/een-test.md")]
    assert problem.message, problem
    health = client.get("/healthz").json
    assert health["content"]["status"] == "degraded"
    assert any(p["file"].endswith("nl/een-test.md") for p in health["content"]["problems"])
    path.unlink()
    path.write_text(VALID_TOPIC.replace("Een zin met", "Een nieuwe zin met"), encoding="utf-8")
    store.reload()
    assert "Een nieuwe zin met" in client.get("/nl/een-test").get_data(as_text=True)
    assert client.get("/healthz").json["content"]["status"] == "ok"


def _load_as_nobody(folder: str, results) -> None:  # in a forked child
    os.setgid(65534)
    os.setuid(65534)
    library = load_library(Path(folder))
    results.put([(p.file, p.line, p.message) for p in library.problems])


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_a_file_the_kiosk_may_not_read_is_named_with_the_reason():
    folder = Path(tempfile.mkdtemp(prefix="kiosk-unreadable-"))
    try:
        (folder / "nl").mkdir()
        (folder / "nl" / "geheim.md").write_text(VALID_TOPIC)
        for path in (folder, folder / "nl"):
            path.chmod(0o755)
        (folder / "nl" / "geheim.md").chmod(0o000)  # the kiosk's user may not read it
        context = multiprocessing.get_context("fork")
        results = context.Queue()
        child = context.Process(target=_load_as_nobody, args=(str(folder), results))
        child.start()
        problems = results.get(timeout=30)
        child.join(timeout=30)
        [(file, line, message)] = problems
        assert file.endswith("nl/geheim.md") and line is None
        assert message == "cannot read the file: Permission denied"
    finally:
        shutil.rmtree(folder)
