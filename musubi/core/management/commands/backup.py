"""``musubi backup SLUG [-o FILE]``: one cooperative's data as JSON (see musubi.core.backup)."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from musubi.core.backup import backup, dumps
from musubi.core.models import Cooperative


class Command(BaseCommand):
    help = "Write one cooperative's data (and the accounts it refers to) as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cooperative", help="the cooperative's slug")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            cooperative = Cooperative.objects.filter(slug=options["cooperative"]).first()
        if cooperative is None:
            raise CommandError(f"No cooperative {options['cooperative']!r}.")
        text = dumps(backup(cooperative))
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                out.write(text)
        else:
            sys.stdout.write(text)
