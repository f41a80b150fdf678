from musubi.engines.rostering.report import report_main

from ._engine import EngineCommand


class Command(EngineCommand):
    help = "See `musubi roster-report --help`."
    entry = staticmethod(report_main)
