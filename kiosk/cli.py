"""Command line: `python run.py` serves the kiosk, `python run.py check` checks the content."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from kiosk.settings import DefaultConfig


def _port(value: str) -> int:
    port = int(value)
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return port


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="run.py", description="The information kiosk.")
    commands = parser.add_subparsers(dest="command")
    serve = commands.add_parser("serve", help="serve the kiosk (the default)")
    for target in (parser, serve):
        target.add_argument(
            "--host",
            default=os.environ.get("KIOSK_HOST", DefaultConfig.HOST),
            help="address to listen on (default: KIOSK_HOST or %(default)s)",
        )
        target.add_argument(
            "--port",
            type=_port,
            default=_port(os.environ.get("KIOSK_PORT", str(DefaultConfig.PORT))),
            help="port to listen on (default: KIOSK_PORT or %(default)s)",
        )
        target.add_argument("--threads", type=int, default=8, help="worker threads (default: 8)")
    commands.add_parser("prerender", help="render all speech now, with a progress bar")
    commands.add_parser("set-password", help="set the password of the staff page (/staff)")
    commands.add_parser(
        "sync", help="update the content from its git repository (KIOSK_CONTENT_REPOSITORY)"
    )
    export = commands.add_parser(
        "export", help="write the public copy (pages, speech, leaflets) as a static website"
    )
    export.add_argument("folder", type=Path, help="where to write it (empty, or an earlier export)")
    export.add_argument(
        "--base-url",
        help="where the website serves it, e.g. https://example.org/informatie/ "
        "(default: KIOSK_PUBLIC_URL): canonical and language links, sitemap.xml, QR codes",
    )
    check = commands.add_parser("check", help="check all content files and list every problem")
    check.add_argument("--content", type=Path, help="content folder (default: the configured one)")
    check.add_argument("--json", action="store_true", help="the report as JSON, for machines")
    return parser


def serve(host: str, port: int, threads: int) -> int:
    """Serve the kiosk with granian, a production HTTP server (HTTP in Rust, the app in
    one worker process that granian restarts if it dies)."""
    from granian import Granian
    from granian.constants import Interfaces

    print(f"Kiosk: http://{host}:{port}/", flush=True)
    Granian(
        "kiosk.wsgi:create_served_app",
        factory=True,
        interface=Interfaces.WSGI,
        address=host,
        port=port,
        workers=1,  # one process: the speech and leaflet helpers and caches are shared
        blocking_threads=threads,
        respawn_failed_workers=True,
        log_access=False,
    ).serve()
    return 0


def prerender() -> int:
    """Render all speech and leaflets that are not cached yet, showing progress; 1 on failure."""
    from concurrent.futures import as_completed

    from tqdm import tqdm

    from kiosk.leaflets import LeafletUnavailable
    from kiosk.services import build_services
    from kiosk.settings import Settings
    from kiosk.speech.spoken_content import all_speech_requests

    services = build_services(Settings.load())
    failed = 0
    futures = services.speech.prerender(all_speech_requests(services.library.current))
    with tqdm(total=len(futures), unit="text", desc="Speech  ") as bar:
        for future in as_completed(futures):
            if future.exception() is not None:
                failed += 1
                bar.write(f"speech failed: {future.exception()}")
            bar.update()
    leaflets = services.all_leaflets()
    for topic, content in tqdm(leaflets, unit="leaflet", desc="Leaflets"):
        try:
            services.leaflets.get(topic, content)
        except LeafletUnavailable as error:
            failed += 1
            print(f"leaflet {content.language.code}/{topic.slug} failed: {error}")
    services.close()
    total = len(futures) + len(leaflets)
    print(f"{total - failed} of {total} ready.")
    return 1 if failed else 0


def set_password() -> int:
    """Ask for the staff password twice and save its hash in instance/staff_password."""
    from getpass import getpass

    from kiosk.settings import Settings
    from kiosk.web.staff.password import MIN_LENGTH, save_password_hash

    password = getpass(f"New staff password (at least {MIN_LENGTH} characters): ")
    if password != getpass("The same password again: "):
        print("The two passwords differ; nothing was changed.", file=sys.stderr)
        return 1
    try:
        save_password_hash(Settings.load().staff_password_file, password)
    except ValueError as error:
        print(f"{error}; nothing was changed.", file=sys.stderr)
        return 1
    print("Saved. Log in at /staff (a running kiosk needs a restart to use it).")
    return 0


def check(content_dir: Path | None, as_json: bool = False) -> int:
    """Print every content problem and the readability report; 1 when anything fails."""
    import json

    from kiosk.content.check import check_content
    from kiosk.content.readability import Thresholds
    from kiosk.content.report import format_report
    from kiosk.settings import Settings

    settings = Settings.load()
    result = check_content(
        content_dir or settings.served_content_dir, Thresholds.from_settings(settings)
    )
    library, report, failed = result.library, result.report, result.failed
    if as_json:
        data = {"ok": not failed, "problems": [p.as_dict() for p in library.problems]}
        data.update(report.as_dict())
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(library, report))
    return 1 if failed else 0


def sync() -> int:
    """Fetch, verify and check the content repository's branch; switch when it passes. 0 when
    the kiosk shows the newest good version, 1 when an update was refused or failed."""
    from kiosk.content.check import check_content
    from kiosk.content.readability import Thresholds
    from kiosk.content.sync import ContentSource, ContentSync
    from kiosk.settings import Settings

    settings = Settings.load()
    if not settings.content_repository:
        print("No content repository is configured (KIOSK_CONTENT_REPOSITORY).", file=sys.stderr)
        return 2
    thresholds = Thresholds.from_settings(settings)
    source = ContentSource(
        settings.content_repository, settings.content_branch, settings.content_allowed_signers
    )
    state = ContentSync(
        source,
        settings.content_sync_dir,
        lambda folder: check_content(folder, thresholds, name="").reasons(),
    ).run()
    shown = (
        f"{state.version.short} ({state.version.date}, {state.version.author})"
        if state.version
        else "nothing yet"
    )
    print(f"{state.result}: {state.reason}\nShowing: {shown}")
    return 0 if state.ok else 1


def export(folder: Path, base_url: str | None) -> int:
    """Write the public copy into `folder` (only what changed); 0 when done, 1 when a page or
    file could not be made (nothing of the earlier copy is lost), 2 for a wrong address."""
    import tempfile

    from kiosk.export.addresses import normalised_base
    from kiosk.export.writer import ExportFolderError, ExportWriter
    from kiosk.services import services_of
    from kiosk.web.export import ExportError, SiteExport

    try:
        base = normalised_base(base_url) if base_url else None
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kiosk-export-") as scratch:
        app = _export_app(Path(scratch), base)
        try:
            with _progress_bar("page", "Export") as progress:
                report = SiteExport(app, ExportWriter(folder), progress).run()
        except (ExportError, ExportFolderError) as error:
            print(f"Export stopped: {error}", file=sys.stderr)
            return 1
        finally:
            services_of(app).close()
    print(f"{folder}: {len(report.written)} files written, {len(report.unchanged)} unchanged, "
          f"{len(report.removed)} removed.")  # fmt: skip
    if not services_of(app).settings.public_url:
        print("No --base-url (or KIOSK_PUBLIC_URL): no sitemap.xml, canonical or language links.")
    return 0


def _export_app(scratch: Path, base: str | None):
    """An app that renders the public copy, with the kiosk's settings and caches; its usage
    database and printer are throw-away (the export is nobody's visit)."""
    import secrets

    from kiosk.app import create_app
    from kiosk.settings import load_config

    config = load_config()
    config.update(
        PUBLIC_SITE=True, SECRET_KEY=secrets.token_hex(16), DATABASE=str(scratch / "usage.db"),
        PRINTER="folder", PRINT_FOLDER=str(scratch), CONTENT_WATCH_SECONDS=0,
    )  # fmt: skip
    if base:
        config["PUBLIC_URL"] = base
    return create_app(config)


@contextmanager
def _progress_bar(unit: str, description: str):
    """A progress callback (done, total, what) drawing a tqdm bar on the terminal."""
    from tqdm import tqdm

    with tqdm(unit=unit, desc=description) as bar:

        def progress(done: int, total: int, what: str) -> None:
            bar.total = total
            bar.set_postfix_str(what, refresh=False)
            bar.update(done - bar.n)

        yield progress


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command named on the command line."""
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return check(args.content, args.json)
    if args.command == "prerender":
        return prerender()
    if args.command == "set-password":
        return set_password()
    if args.command == "sync":
        return sync()
    if args.command == "export":
        return export(args.folder, args.base_url)
    return serve(args.host, args.port, args.threads)


if __name__ == "__main__":
    sys.exit(main())
