"""The layout keeps its promises: the domain packages import no web framework, Flask lives
only in the web layer, and the package root holds only entry points (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from kiosk.settings import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "kiosk"
DOMAIN = ["kiosk.content", "kiosk.speech", "kiosk.leaflets", "kiosk.printing", "kiosk.usage",
          "kiosk.ui", "kiosk.support", "kiosk.export"]  # fmt: skip
WEB_FRAMEWORK = ("flask", "flask_htmx", "flask_wtf", "flask_babel", "werkzeug", "jinja2")
ENTRY_POINTS = {"__init__.py", "app.py", "settings.py", "services.py", "cli.py", "wsgi.py"}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports when it runs, at its top or inside a function (imports
    under `if TYPE_CHECKING:` load nothing and are left out)."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in ast.walk(tree):
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING":
            block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_importing_every_domain_package_loads_no_web_framework():
    script = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in DOMAIN)
        + f"print(' '.join(m for m in {WEB_FRAMEWORK!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"loaded by the domain packages: {result.stdout}"


def test_flask_is_imported_only_in_the_web_layer_and_the_app_factory():
    outside = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        if relative.startswith("kiosk/web/") or relative == "kiosk/app.py":
            continue
        framework = {
            module for module in imported_modules(path) if module.split(".")[0] in WEB_FRAMEWORK
        }
        framework -= {"jinja2"} if relative == "kiosk/leaflets/document.py" else set()
        if framework:
            outside.append(f"{relative}: {sorted(framework)}")
    assert outside == []


def test_the_leaflet_document_loads_jinja_only_when_it_is_built():
    """The leaflet HTML is made with Jinja (plain, without Flask), imported when the services
    are built, so that importing kiosk.leaflets stays light (checked above)."""
    source = (PACKAGE / "leaflets" / "document.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    top_level = {
        node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "jinja2" not in top_level and "jinja2" in imported_modules(
        PACKAGE / "leaflets" / "document.py"
    )


def test_the_package_root_holds_only_entry_points():
    modules = {path.name for path in PACKAGE.glob("*.py")}
    assert modules == ENTRY_POINTS
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert packages == {
        "content",
        "speech",
        "leaflets",
        "printing",
        "usage",
        "ui",
        "support",
        "export",
        "web",
    }


def test_nothing_outside_the_tests_imports_from_them():
    for folder in ("kiosk", "bench", "scripts", "devtools"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            from_tests = [m for m in imported_modules(path) if m.split(".")[0] == "tests"]
            assert from_tests == [], f"{path.relative_to(PROJECT_ROOT)} imports {from_tests}"


def test_the_domain_packages_do_not_reach_into_the_web_layer():
    for name in DOMAIN:
        folder = PACKAGE / name.split(".")[1]
        for path in sorted(folder.rglob("*.py")):
            web = [m for m in imported_modules(path) if m.startswith("kiosk.web")]
            assert web == [], f"{path.relative_to(PROJECT_ROOT)} imports {web}"
