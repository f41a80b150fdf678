from musubi.engines.labour.cli import main

from ._engine import EngineCommand


class Command(EngineCommand):
    help = "See `musubi labour-check --help`."
    entry = staticmethod(main)
