"""Background tasks of dispatch (Django's tasks framework; the database backend runs them).

The roster task is defined beside the run it performs (``solving.py``); it is named here too so
the app's tasks are found in one place.
"""

from musubi.dispatch.solving import roster_run_task

__all__ = ["roster_run_task"]
