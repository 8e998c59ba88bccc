"""Copy the front-end assets the kiosk uses from node_modules/ into static/vendor/.

Only the files that are served are copied (htmx, two font weights, the curated icons),
together with their licences. The new folder is built beside the old one and swapped in
with a rename, so an interrupted run never leaves a half-filled static/vendor/.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.ui.icons import ALL_ICONS  # noqa: E402

NODE = ROOT / "node_modules"
VENDOR = ROOT / "static" / "vendor"
FONT_PACKAGE = NODE / "@fontsource" / "atkinson-hyperlegible-next"
FONT_FILES = [
    f"atkinson-hyperlegible-next-{subset}-{weight}-normal.woff2"
    for subset in ("latin", "latin-ext")
    for weight in (400, 700)
]

EXTRA_FONTS = [
    (package, f"{package}-{subset}-{weight}-normal.woff2")
    for package, subset in (("noto-sans-arabic", "arabic"), ("noto-sans", "cyrillic"))
    for weight in (400, 700)
]


def copy_assets(target: Path) -> None:
    """Fill `target` with every vendored file."""
    (target / "js").mkdir(parents=True)
    (target / "fonts").mkdir()
    (target / "icons").mkdir()
    (target / "licences").mkdir()
    shutil.copy2(NODE / "htmx.org" / "dist" / "htmx.min.js", target / "js" / "htmx.min.js")
    shutil.copy2(NODE / "htmx.org" / "LICENSE", target / "licences" / "htmx.org.txt")
    for name in FONT_FILES:
        shutil.copy2(FONT_PACKAGE / "files" / name, target / "fonts" / name)
    shutil.copy2(FONT_PACKAGE / "LICENSE", target / "licences" / "atkinson-hyperlegible-next.txt")
    # Scripts Atkinson Hyperlegible Next does not have: Arabic and Cyrillic, from Noto Sans.
    for package, name in EXTRA_FONTS:
        source = NODE / "@fontsource" / package
        shutil.copy2(source / "files" / name, target / "fonts" / name)
        shutil.copy2(source / "LICENSE", target / "licences" / f"{package}.txt")
    for name in sorted(ALL_ICONS):
        shutil.copy2(NODE / "lucide-static" / "icons" / f"{name}.svg", target / "icons")
    shutil.copy2(NODE / "lucide-static" / "LICENSE", target / "licences" / "lucide-static.txt")


def main() -> int:
    """Rebuild static/vendor/ from node_modules/."""
    if not NODE.is_dir():
        print("node_modules/ is missing: run `npm ci` first", file=sys.stderr)
        return 1
    VENDOR.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".vendor-", dir=VENDOR.parent))
    try:
        copy_assets(staging / "vendor")
        old = VENDOR.with_name(".vendor-old")
        shutil.rmtree(old, ignore_errors=True)
        if VENDOR.exists():
            VENDOR.rename(old)
        (staging / "vendor").rename(VENDOR)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    count = sum(1 for path in VENDOR.rglob("*") if path.is_file())
    print(f"static/vendor/: {count} files copied from node_modules/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
