"""`run.py sync` against a real bare repository: good commits are taken, everything else is
refused with its reason while the last good version stays served."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.check import check_content
from kiosk.content.readability import Thresholds
from kiosk.content.store import LibraryStore
from kiosk.content.sync import ContentSource, ContentSync
from kiosk.content.sync_state import read_sync_state
from kiosk.settings import Settings, load_config
from tests.content_repository import BROKEN_TOPIC, ContentRepository, topic

THRESHOLDS = Thresholds.from_settings(Settings.from_config(load_config({})))


def content_check(folder: Path) -> list[str]:
    return check_content(folder, THRESHOLDS, name="").reasons()


@pytest.fixture
def repository(tmp_path: Path) -> ContentRepository:
    return ContentRepository(tmp_path / "organisation")


def make_sync(repository: ContentRepository, folder: Path, **source: object) -> ContentSync:
    return ContentSync(ContentSource(str(repository.origin), **source), folder, content_check)


def titles(folder: Path) -> list[str]:
    store = LibraryStore(folder / "current", name="")
    return [t.title for t in store.current.languages["nl"].topics]


def test_the_first_sync_shows_the_repository_and_records_its_version(
    repository: ContentRepository, tmp_path: Path
):
    sync = make_sync(repository, tmp_path / "sync")
    state = sync.run()
    assert state.result == "updated" and state.ok, state.reason
    assert state.version is not None and state.version.commit == repository.head()
    assert state.version.author == "Eva Editor" and state.version.subject == "First topic"
    assert titles(tmp_path / "sync") == ["Een test"]
    assert read_sync_state(tmp_path / "sync/state.json") == state
    assert sync.run().result == "unchanged"


def test_a_good_commit_is_switched_to_and_the_one_before_is_kept(
    repository: ContentRepository, tmp_path: Path
):
    sync = make_sync(repository, tmp_path / "sync")
    first = sync.run().version
    repository.write("nl/nieuw.md", topic("Nieuw onderwerp", order=2))
    second = repository.commit("A new topic")
    state = sync.run()
    assert state.result == "updated" and state.version.commit == second
    assert titles(tmp_path / "sync") == ["Een test", "Nieuw onderwerp"]
    assert os.readlink(tmp_path / "sync/current") == f"versions/{second}"
    kept = sorted(p.name for p in (tmp_path / "sync/versions").iterdir())
    assert kept == sorted([first.commit, second])
    repository.write("nl/nog-een.md", topic("Nog een", order=3))
    third = repository.commit("Another topic")
    sync.run()
    kept = sorted(p.name for p in (tmp_path / "sync/versions").iterdir())
    assert kept == sorted([second, third]), "only the served version and the one before"


def test_a_broken_topic_is_refused_with_file_and_line(
    repository: ContentRepository, tmp_path: Path
):
    sync = make_sync(repository, tmp_path / "sync")
    good = sync.run().version
    repository.write("nl/kapot.md", BROKEN_TOPIC)
    broken = repository.commit("A broken topic")
    state = sync.run()
    assert state.result == "refused" and not state.ok
    assert "nl/kapot.md:5: " in state.reason and "order" in state.reason, state.reason
    assert state.refused_commit == broken
    assert state.version == good and state.last_success is not None
    assert titles(tmp_path / "sync") == ["Een test"]
    assert not (tmp_path / f"sync/versions/{broken}").exists(), "the refused worktree is gone"
    # the editor repairs it on top: taken
    repository.write("nl/kapot.md", topic("Gerepareerd", order=3))
    repository.commit("Repair the topic")
    assert sync.run().result == "updated"
    assert titles(tmp_path / "sync") == ["Een test", "Gerepareerd"]


def test_a_force_push_is_refused(repository: ContentRepository, tmp_path: Path):
    sync = make_sync(repository, tmp_path / "sync")
    repository.write("nl/tweede.md", topic("Tweede", order=2))
    shown = repository.commit("Second")
    sync.run()
    rewritten = repository.rewrite_history("Rewritten")
    state = sync.run()
    assert state.result == "refused" and "fast-forward" in state.reason, state.reason
    assert state.refused_commit == rewritten and state.version.commit == shown
    assert titles(tmp_path / "sync") == ["Een test", "Tweede"]


def test_with_signatures_required_only_commits_by_allowed_keys_are_taken(
    repository: ContentRepository, tmp_path: Path
):
    allowed = repository.signing_key("editor")
    stranger = repository.signing_key("stranger")
    signers = repository.allowed_signers(allowed)
    sync = make_sync(repository, tmp_path / "sync", allowed_signers=signers)
    assert sync.run().result == "refused", "the first commit is not signed"
    repository.write("nl/getekend.md", topic("Getekend", order=2))
    signed = repository.commit("Signed", signed_with=allowed)
    assert sync.run().version.commit == signed
    repository.write("nl/ongetekend.md", topic("Ongetekend", order=3))
    unsigned = repository.commit("Not signed")
    state = sync.run()
    assert state.result == "refused" and "not signed by an allowed key" in state.reason
    assert unsigned[:10] in state.reason
    repository.write("nl/vreemd.md", topic("Vreemd", order=4))
    repository.commit("Signed by a stranger, on top of the unsigned one", signed_with=stranger)
    state = sync.run()
    assert state.result == "refused", "every new commit must be signed, not just the newest"
    assert titles(tmp_path / "sync") == ["Een test", "Getekend"]


def test_an_unreachable_repository_keeps_the_version_and_says_so(
    repository: ContentRepository, tmp_path: Path
):
    sync = make_sync(repository, tmp_path / "sync")
    good = sync.run()
    repository.origin.rename(repository.origin.with_suffix(".moved"))
    state = sync.run()
    assert state.result == "failed" and "could not fetch" in state.reason, state.reason
    assert state.version == good.version and state.last_success == good.last_success
    assert state.last_attempt > good.last_attempt
    assert titles(tmp_path / "sync") == ["Een test"]


def test_the_store_reads_one_version_through_the_switched_link(
    repository: ContentRepository, tmp_path: Path
):
    """The live reload sees the switch as a change and loads the new version whole."""
    sync = make_sync(repository, tmp_path / "sync")
    sync.run()
    store = LibraryStore(tmp_path / "sync/current", name="")
    repository.write("nl/nieuw.md", topic("Nieuw", order=2))
    repository.commit("New")
    sync.run()
    reload = store.reload_if_changed()
    assert reload is not None and reload.changed
    assert [t.title for t in store.current.languages["nl"].topics] == ["Een test", "Nieuw"]
    assert store.current.languages["nl"].topics[1].file == "nl/nieuw.md"
