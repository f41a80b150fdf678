from musubi.engines.matching.cli import eval_main

from ._engine import EngineCommand


class Command(EngineCommand):
    help = "See `musubi match-eval --help`."
    entry = staticmethod(eval_main)
