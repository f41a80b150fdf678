from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fast_matching(settings: Any) -> None:
    # The real sentence encoder takes seconds to load; the hashing fake keeps tests fast.
    settings.MUSUBI_EMBEDDER = "hashing"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
