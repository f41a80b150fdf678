"""The Japanese catalogue is complete: Japanese is the default language, not a translation."""

import re
from pathlib import Path

CATALOGUE = Path(__file__).parents[2] / "musubi" / "locale" / "ja" / "LC_MESSAGES" / "django.po"


def entries() -> list[str]:
    return CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]  # the first block is the header


def test_no_japanese_message_is_empty() -> None:
    empty = [e for e in entries() if re.search(r'^msgstr(\[0\])? ""\n?$', e, re.M) and
             not re.search(r'^msgstr(\[0\])? ""\n"', e, re.M)]  # fmt: skip
    assert not empty, "untranslated:\n" + "\n---\n".join(empty[:5])


def test_no_japanese_message_is_a_fuzzy_guess() -> None:
    fuzzy = [e for e in entries() if "#, fuzzy" in e]
    assert not fuzzy, "fuzzy:\n" + "\n---\n".join(fuzzy[:5])
