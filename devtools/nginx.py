"""A private nginx (Debian's nginx-light) serving a folder under a sub-path, as the
organisation's website would serve the public copy: for the export's tests and benchmark."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.cupsd import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

CONFIG = """\
# Runs as the user that started it (the tests' folders are private to it).
{user}
pid {state}/nginx.pid;
error_log {state}/error.log warn;
events {{ worker_connections 64; }}
http {{
    types {{
        text/html html; text/css css; text/javascript js; application/json json;
        audio/ogg ogg; audio/wav wav; application/pdf pdf; image/svg+xml svg;
        font/woff2 woff2; application/xml xml; image/png png; text/plain txt;
    }}
    default_type application/octet-stream;
    access_log {state}/access.log;
    client_body_temp_path {state}/body;
    proxy_temp_path {state}/proxy;
    fastcgi_temp_path {state}/fastcgi;
    uwsgi_temp_path {state}/uwsgi;
    scgi_temp_path {state}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location {sub_path} {{
            alias {folder}/;
            index index.html;
            add_header Content-Security-Policy "{policy}" always;
        }}
    }}
}}
"""


def nginx_available() -> bool:
    return Path(NGINX).is_file()


@contextmanager
def serve_folder(folder: Path, sub_path: str, state: Path, policy: str) -> Iterator[str]:
    """nginx serving `folder` at http://127.0.0.1:PORT`sub_path` with `policy` as its
    Content-Security-Policy header; yields that address, stops nginx after."""
    state.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = state / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    config.write_text(CONFIG.format(user=user, state=state, port=port, sub_path=sub_path,
                                    folder=folder.resolve(), policy=policy))  # fmt: skip
    server = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(state), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}{sub_path}"
    try:
        _wait_until_answering(server, base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()


def _wait_until_answering(server: subprocess.Popen, base: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError as error:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {server.stderr.read()}") from error
            time.sleep(0.1)
