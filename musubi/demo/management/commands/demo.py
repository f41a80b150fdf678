"""``musubi demo``: load the fictional demo cooperatives, members, workers, talents and logins."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from musubi.demo.build import build_demo
from musubi.demo.logins import render_login_table


class Command(BaseCommand):
    help = (
        "Create or refresh the demo data (cooperatives やまびこ and かわせみ, members, sites, "
        "workers, 40 city talents and demo logins). Safe to run repeatedly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet", action="store_true", help="Do not print the table of demo logins."
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set the demo password again on every demo login (slow: one argon2 hash each).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = build_demo(reset_passwords=options["reset_passwords"])
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"デモデータ (Demo data): 作成 {report.created} 件 (created), "
                    f"更新 {report.updated} 件 (updated), "
                    f"変更なし {report.unchanged} 件 (unchanged), "
                    f"パスワード設定 {report.passwords_set} 件 (passwords set)"
                )
            )
        if not options["quiet"]:
            self.stdout.write("")
            self.stdout.write(render_login_table(report.logins))
