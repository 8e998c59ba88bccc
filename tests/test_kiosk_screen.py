"""The kiosk's screen as a visitor sees it: cage, as kiosk-screen.service starts it, runs the
real deploy/kiosk-browser.sh against the real server (`python run.py`) on wlroots' headless
backend, under the kiosk's Chromium policy; grim's picture of the screen must match headless
Chromium's picture of the same page. Then Chromium is killed (a crash) and the script must bring
the start screen back inside the same cage.

What Debian 12's cage 0.1.4 (wlroots 0.15) allows here: the headless output is always
1280 × 720 (WLR_HEADLESS_OUTPUTS is only a count; no output management for wlr-randr), so the
test adds cage's `-r` (rotate 90°) for a 720 × 1280 portrait screen, the kiosk's 9:16 shape.
Unrotated, grim's copy showed no page: all black with Chromium on X11 (whose window xwininfo
reported as the full 1280 × 720), a 532 × 129 white box on Wayland (the field notes' "small
window"); likely cage's direct scan-out of the client's buffer, which a rotated output skips.

cage refuses to run as root, so it runs as `nobody` with a runtime folder of its own. All of it
runs in a PID and mount namespace of its own: nothing (cage, Chromium, Xwayland, crash handlers)
survives the test, even if pytest itself is killed, and the policy is seen by the screen only.
"""

from __future__ import annotations

import json
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS
from devtools.processes import children, running
from devtools.server import start_server, stop_server
from kiosk.settings import PROJECT_ROOT

UNIT = PROJECT_ROOT / "deploy/systemd/kiosk-screen.service"
POLICY = PROJECT_ROOT / "deploy/chromium-policy.json"
CHROMIUM_ETC = Path("/etc/chromium")
SCRIPT = PROJECT_ROOT / "deploy/kiosk-browser.sh"
SCREEN = (720, 1280)  # wlroots 0.15's headless 1280 × 720, turned by cage -r
BACKGROUND = (0xFD, 0xFB, 0xF5)  # --colour-bg in static/css/tokens.css
# As the unit's PrivateTmp=yes: Xwayland's lock files (/tmp/.X<n>-lock, holding a pid of the
# namespace) would otherwise pile up, one display number per run, until none is left.
PRIVATE_TMP = "mount -t tmpfs -o mode=1777 tmpfs /tmp"
# The namespace's first process: private /tmp, the policy over /etc/chromium, then the screen
# as a child (not exec'd: setpriv's change of user would clear unshare's kill-on-exit signal).
NAMESPACE_INIT = f'{PRIVATE_TMP} && mount --bind "$1" /etc/chromium && shift && "$@"; exit $?'
TOOLS = {name: shutil.which(name) for name in ["cage", "Xwayland", "grim", "unshare", "setpriv"]}

pytestmark = [
    pytest.mark.skipif(
        None in TOOLS.values() or not Path(CHROMIUM).exists(),
        reason=f"needs cage, Xwayland, grim and Chromium (./kiosk.sh test installs them): {TOOLS}",
    ),
    pytest.mark.skipif(
        os.geteuid() != 0,
        reason="runs cage as another user (nobody) in a PID namespace, which needs root",
    ),
]


def unit_screen_command() -> tuple[list[str], dict[str, str]]:
    """cage's options and the Environment= of kiosk-screen.service, so the test runs what the
    kiosk runs."""
    lines = UNIT.read_text().splitlines()
    [start] = [line.split("=", 1)[1] for line in lines if line.startswith("ExecStart=")]
    argv = shlex.split(start)
    assert argv[0] == "/usr/bin/cage" and argv[-2:] == ["--", "/opt/kiosk/deploy/kiosk-browser.sh"]
    environment = dict(
        line.split("=", 1)[1].split("=", 1) for line in lines if line.startswith("Environment=")
    )
    return argv[1:-2], environment


class Screen:
    """cage + kiosk-browser.sh as `nobody`, in PID and mount namespaces of their own."""

    def __init__(self, folder: Path, url: str) -> None:
        self.folder = folder
        self.user = pwd.getpwnam("nobody")
        self.runtime = folder / "run"
        self.home = folder / "home"
        for private in (self.runtime, self.home):
            private.mkdir(mode=0o700)
            os.chown(private, self.user.pw_uid, self.user.pw_gid)
        script = folder / "kiosk-browser.sh"  # as /opt/kiosk/deploy: readable by the screen user
        shutil.copy(SCRIPT, script)
        script.chmod(0o755)
        self.etc = folder / "etc-chromium"
        self.install_policy(url.rstrip("/"))
        options, unit_environment = unit_screen_command()
        environment = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "TMPDIR": str(self.home),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "KIOSK_URL": url,
            **unit_environment,
        }
        self.command = [
            *self.as_user(environment),
            TOOLS["cage"], *options, "-r", "--", str(script),
        ]  # fmt: skip
        self.log_path = folder / "screen.log"
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, str] = {}  # every screen process seen while it ran

    def install_policy(self, server: str) -> None:
        """deploy/chromium-policy.json in /etc/chromium/policies/managed as on the kiosk (README),
        allowing the test server instead of :8000, but only in the screen's own mount namespace:
        the rest of the machine never sees it. (Without it Chromium offers to translate.)"""
        shutil.copytree(CHROMIUM_ETC, self.etc, symlinks=True)
        policy = json.loads(POLICY.read_text())
        policy["URLAllowlist"] = [server]
        managed = self.etc / "policies/managed"
        managed.mkdir(parents=True, exist_ok=True)
        (managed / "kiosk.json").write_text(json.dumps(policy))
        for folder in [self.etc, *self.etc.rglob("*")]:
            folder.chmod(0o755 if folder.is_dir() else 0o644)

    def as_user(self, environment: dict[str, str]) -> list[str]:
        return [
            TOOLS["setpriv"], f"--reuid={self.user.pw_uid}", f"--regid={self.user.pw_gid}",
            "--init-groups", "env", "-i", *(f"{key}={value}" for key, value in environment.items()),
        ]  # fmt: skip

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [TOOLS["unshare"], "--mount", "--pid", "--fork", "--kill-child", "--",
                 "/bin/sh", "-c", NAMESPACE_INIT, "sh", str(self.etc), *self.command],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def processes(self) -> dict[int, str]:
        """Every process of the screen, by pid: its command name."""
        assert self.process is not None
        found = {}
        for pid in children(self.process.pid, recursive=True):
            try:
                found[pid] = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:  # ended while we looked
                continue
        self.seen.update(found)
        return found

    def named(self, name: str) -> list[int]:
        return [pid for pid, comm in self.processes().items() if comm == name]

    def browser(self) -> int | None:
        """Chromium's browser process: the one kiosk-browser.sh started."""
        for shell in self.named("kiosk-browser.s"):
            browsers = [pid for pid in children(shell) if running(pid)]
            if browsers:
                return browsers[0]
        return None

    def screenshot(self) -> Image.Image | None:
        """What the screen shows now (None until cage's Wayland socket is there)."""
        picture = self.home / "screen.png"
        environment = {"XDG_RUNTIME_DIR": str(self.runtime), "WAYLAND_DISPLAY": "wayland-0"}
        result = subprocess.run(
            [*self.as_user(environment), TOOLS["grim"], str(picture)],
            capture_output=True, timeout=20,
        )  # fmt: skip
        if result.returncode != 0:
            return None
        with Image.open(picture) as image:
            return image.convert("RGB")

    def close(self) -> None:
        """End the namespace's first process: the kernel then ends every process in it."""
        if self.process is None:
            return
        self.processes()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while [pid for pid in self.seen if running(pid)] and time.monotonic() < deadline:
            time.sleep(0.1)

    def log(self) -> str:
        """What cage, the script and Chromium printed."""
        return self.log_path.read_text(errors="replace")


def differing_share(picture: Image.Image, reference: Image.Image) -> float:
    """The share of pixels that differ clearly (more than 48 of 255 in some colour)."""
    difference = ImageChops.difference(picture, reference).convert("L")
    counts = difference.point(lambda value: 255 if value > 48 else 0).histogram()
    return counts[255] / (picture.width * picture.height)


def share_of(picture: Image.Image, colour: tuple[int, int, int]) -> float:
    counts = {rgb: count for count, rgb in picture.getcolors(picture.width * picture.height)}
    return counts.get(colour, 0) / (picture.width * picture.height)


def wait_for(
    screen: Screen, reference: Image.Image, keep: Path, seconds: float = 30
) -> Image.Image:
    """The screen's picture once it shows the reference (fails with the last picture seen)."""
    deadline = time.monotonic() + seconds
    picture = None
    while time.monotonic() < deadline:
        picture = screen.screenshot()
        same_size = picture is not None and picture.size == reference.size
        if same_size and differing_share(picture, reference) < 0.005:
            return picture
        time.sleep(0.5)
    if picture is not None:
        picture.save(keep)
    raise AssertionError(f"no start screen; last picture in {keep}\n{screen.log()[-4000:]}")


def reference_picture(url: str) -> Image.Image:
    """Headless Chromium's picture of the same page at the screen's size (with scrollbars, as
    on the kiosk). In a thread of its own: in the whole suite, pytest-playwright's event loop
    runs in the test's thread, where Playwright's sync API refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_reference_picture, url).result()


def _reference_picture(url: str) -> Image.Image:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--hide-scrollbars"]
        )
        try:
            page = browser.new_page(viewport={"width": SCREEN[0], "height": SCREEN[1]})
            page.goto(url, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            path = Path(tempfile.mkdtemp()) / "reference.png"
            page.screenshot(path=path)
        finally:
            browser.close()
    with Image.open(path) as image:
        picture = image.convert("RGB")
    shutil.rmtree(path.parent)
    return picture


@pytest.fixture
def screen_folder() -> Iterator[Path]:
    """A folder the screen user can reach (pytest's own temporary folders are 0700, root's),
    outside /tmp, which the screen gets a private one of."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-screen-", dir="/var/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_screen_shows_the_start_page_full_screen_and_comes_back_after_a_crash(
    tmp_path: Path, shared_caches: Path, screen_folder: Path
):
    server, base = start_server(tmp_path, shared_caches)
    screen = Screen(screen_folder, base + "/")
    try:
        reference = reference_picture(base + "/")
        screen.start()
        first = wait_for(screen, reference, keep=tmp_path / "screen-first.png")
        first.save(tmp_path / "screen-first.png")
        assert first.size == SCREEN, "the page fills the whole output"
        assert share_of(first, BACKGROUND) > 0.3 and share_of(first, (0, 0, 0)) < 0.01
        [cage] = screen.named("cage")
        browser = screen.browser()
        assert browser is not None, screen.log()[-4000:]

        os.kill(browser, signal.SIGKILL)  # Chromium crashes
        deadline = time.monotonic() + 20
        while screen.browser() in (None, browser) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert screen.browser() not in (None, browser), "the script started Chromium again"
        again = wait_for(screen, reference, keep=tmp_path / "screen-again.png")
        again.save(tmp_path / "screen-again.png")
        assert screen.named("cage") == [cage], "the screen stayed up: cage was not restarted"
        assert "Chromium stopped" in screen.log()
    finally:
        screen.close()
        stop_server(server)
    assert not [pid for pid in screen.seen if running(pid)], "every screen process ended"
    assert {"cage", "kiosk-browser.s", "chromium"} <= set(screen.seen.values())
