"""Templates keep to the Content Security Policy: no inline scripts or on…="" handlers (put the
behaviour in static/js/musubi.js behind a data attribute), and <style> blocks carry the nonce."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).parents[2] / "musubi" / "templates"


def _pages() -> list[tuple[str, str]]:
    # PDF templates are rendered by WeasyPrint, never by a browser.
    return [
        (str(p.relative_to(TEMPLATES)), p.read_text(encoding="utf-8"))
        for p in sorted(TEMPLATES.rglob("*.html"))
        if "pdf" not in p.parts
    ]


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    inline = [name for name, text in _pages() if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)]
    handlers = [name for name, text in _pages() if re.search(r"\son[a-z]+\s*=", text)]
    assert not inline, f"inline <script> in {inline}"
    assert not handlers, f"on…= handlers in {handlers}"


def test_every_style_block_carries_the_nonce() -> None:
    bare = [
        name
        for name, text in _pages()
        for tag in re.findall(r"<style[^>]*>", text)
        if 'nonce="{{ csp_nonce }}"' not in tag
    ]
    assert not bare, f"<style> without nonce in {bare}"
