from musubi.engines.rostering.cli import solve_main

from ._engine import EngineCommand


class Command(EngineCommand):
    help = "See `musubi roster-solve --help`."
    entry = staticmethod(solve_main)
