"""Fuzzing the language and slug resolver: any path is a page or a calm 404, never a crash,
never a file from outside the content."""

from __future__ import annotations

from urllib.parse import quote, unquote

from flask import Flask
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from kiosk.services import services_of

SHAPES = [
    "/{lang}/", "/{lang}/{slug}", "/{lang}/{slug}/speech.json", "/{lang}/{slug}/leaflet.pdf",
    "/{lang}/{slug}/print", "/{lang}/theme/{slug}", "/{lang}/words/{slug}/speech.json",
    "/{lang}/messages/{slug}/speech.json", "/{lang}/help", "/speech/{slug}",
]  # fmt: skip
EXAMPLES = 400

#: Mostly text that looks like paths, plus any text at all.
path_text = st.one_of(
    st.text(),
    st.text(alphabet="./\\%:~-_ab0\x00", max_size=12),
    st.sampled_from(["nl", "en", "ar", "uk", "kinderpardon", "..", "", "nl\x00", "NL"]),
)


@settings(max_examples=EXAMPLES)
@given(shape=st.sampled_from(SHAPES), lang=path_text, slug=path_text, raw=st.booleans())
@example(shape="/{lang}/{slug}", lang="nl", slug="kinderpardon", raw=False)
@example(shape="/{lang}/", lang="/", slug="", raw=False)  # "/%2F/": found in a CI run
def test_any_path_is_a_page_or_a_calm_not_found(
    bundled_app: Flask, shape: str, lang: str, slug: str, raw: bool
):
    """`raw`: the text is put in the path as it is (slashes and dots included), else quoted."""
    # A path starting "//" would name a host, not a page; '#' and '?' are URL syntax.
    assume(lang and not (raw and (lang.startswith("/") or set(lang + slug) & set("#?"))))
    encode = (lambda text: text) if raw else (lambda text: quote(text, safe=""))
    path = shape.format(lang=encode(lang), slug=encode(slug))
    with bundled_app.test_client().get(path) as response:
        body = response.get_data()
        assert response.status_code in (200, 308, 404), (path, response.status_code)
        if response.status_code == 200:
            known = services_of(bundled_app).library.current.languages
            # only real languages and their pages answer, and the start page, which is what
            # an address of only slashes ("/%2F/" is "//" once decoded) comes to
            assert lang in known or not unquote(path).strip("/"), path
        assert b"root:x:0:0" not in body and b"Traceback" not in body
