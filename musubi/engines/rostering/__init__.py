"""Roster engine: CP-SAT based shift rostering for dispatch cooperatives.

Pure Python, no Django. Frozen dataclasses in (``model.Problem``) and out
(``model.Solution``); ``solver.solve`` is the entry point, ``checker.check`` the
independent verifier, ``curtois`` the benchmark reader and ``cli`` the command lines.
"""
