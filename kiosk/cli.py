"""Command line: `python run.py` serves the kiosk, `python run.py check` checks the content."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
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
    return serve(args.host, args.port, args.threads)


if __name__ == "__main__":
    sys.exit(main())
