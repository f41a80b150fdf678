"""The ``musubi`` console script: Django's ``manage.py`` under the project's name.

Command names may be typed with hyphens (``musubi roster-bench``); they map onto the
underscore module names Django requires.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "musubi.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "musubi"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
