"""The export writes only what changed, removes only what it made, and never half a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.export.writer import MANIFEST, ExportFolderError, ExportWriter


def export(folder: Path, files: dict[str, bytes]):
    writer = ExportWriter(folder)
    for name, data in files.items():
        writer.write(name, data)
    return writer.finish()


def test_unchanged_files_are_not_touched_and_gone_ones_are_removed(tmp_path: Path):
    site = tmp_path / "site"
    first = export(site, {"index.html": b"start", "nl/a/index.html": b"a", "nl/b/index.html": b"b"})
    assert sorted(first.written) == ["index.html", "nl/a/index.html", "nl/b/index.html"]
    kept = (site / "index.html").stat()
    manifest = (site / MANIFEST).stat()
    again = export(site, {"index.html": b"start", "nl/a/index.html": b"a", "nl/b/index.html": b"b"})
    assert again.written == [] and len(again.unchanged) == 3 and again.removed == []
    assert (site / "index.html").stat().st_ino == kept.st_ino, "not rewritten"
    assert (site / MANIFEST).stat().st_mtime_ns == manifest.st_mtime_ns
    changed = export(site, {"index.html": b"start", "nl/a/index.html": b"A"})
    assert changed.written == ["nl/a/index.html"] and changed.removed == ["nl/b/index.html"]
    assert (site / "nl/a/index.html").read_bytes() == b"A"
    assert not (site / "nl/b").exists(), "an emptied folder goes too"


def test_files_it_did_not_make_are_left_alone(tmp_path: Path):
    site = tmp_path / "site"
    export(site, {"index.html": b"start"})
    (site / "robots.txt").write_text("the website's own")
    export(site, {"nl/index.html": b"nl"})
    assert (site / "robots.txt").read_text() == "the website's own"
    assert not (site / "index.html").exists()


def test_a_folder_with_other_files_is_refused(tmp_path: Path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site/important.txt").write_text("keep me")
    with pytest.raises(ExportFolderError, match="not empty"):
        ExportWriter(tmp_path / "site")
    assert (tmp_path / "site/important.txt").read_text() == "keep me"


@pytest.mark.parametrize("name", ["../outside.html", "/etc/x", ""])
def test_names_outside_the_folder_are_refused(tmp_path: Path, name: str):
    with pytest.raises(ExportFolderError, match="unsafe"):
        ExportWriter(tmp_path / "site").write(name, b"x")
