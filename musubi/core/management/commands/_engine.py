"""Base for commands that hand their whole argument list to a pure-Python engine CLI."""

import sys
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand


class EngineCommand(BaseCommand):
    """Passes argv untouched to ``entry`` so the engine owns parsing, messages and exit codes."""

    entry: Callable[[list[str]], int]

    def run_from_argv(self, argv: list[str]) -> None:
        code = type(self).entry(argv[2:])
        sys.stdout.flush()
        if code:
            sys.exit(code)

    def handle(self, *args: Any, **options: Any) -> None:  # pragma: no cover - via call_command
        code = type(self).entry(list(args))
        if code:
            raise SystemExit(code)
