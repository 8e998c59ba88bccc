"""HTTP headers that lock the pages down: a strict Content-Security-Policy and friends."""

from __future__ import annotations

from flask import Flask, Response, abort, current_app, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def add_security_headers(response: Response) -> Response:
    """Set the security headers on every response, Vary: HX-Request for htmx fragments, and
    keep pages out of the browser's cache: every page carries the visitor's own CSRF token,
    and back/forward must never show a previous visitor's page or a staff page after logout."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    response.vary.add("HX-Request")
    if response.mimetype == "text/html" or request.path.startswith("/staff"):
        response.headers["Cache-Control"] = "no-store"
    return response


def refuse_long_addresses() -> None:
    """414 before any work for an address longer than any the kiosk makes."""
    limit = current_app.config["MAX_URL_LENGTH"]
    if len(request.environ.get("PATH_INFO", "")) + len(request.query_string) > limit:
        abort(414)


def init_app(app: Flask) -> None:
    """Register the hooks (Flask itself refuses hosts outside TRUSTED_HOSTS)."""
    app.before_request(refuse_long_addresses)
    app.after_request(add_security_headers)
