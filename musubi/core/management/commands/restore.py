"""``musubi restore FILE [--replace --yes]``: load a backup written by ``musubi backup``."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from musubi.core.backup import RestoreError, restore


class Command(BaseCommand):
    help = "Restore one cooperative from a backup file, in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--replace", action="store_true", help="delete the existing cooperative first"
        )
        parser.add_argument("--yes", action="store_true", help="do not ask before --replace")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], encoding="utf-8") as src:
                data = json.load(src)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        if options["replace"] and not options["yes"]:
            answer = input(
                f"This deletes the current data of {data.get('cooperative')!r} and loads the "
                "backup. Type yes to continue: "
            )
            if answer.strip() != "yes":
                raise CommandError("Nothing was changed.")
        try:
            count = restore(data, replace=options["replace"])
        except RestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {count} rows of {data['cooperative']}.")
