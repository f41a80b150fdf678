from musubi.engines.rostering.cli import bench_main

from ._engine import EngineCommand


class Command(EngineCommand):
    help = "See `musubi roster-bench --help`."
    entry = staticmethod(bench_main)
