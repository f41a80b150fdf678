"""Input errors that the CLI reports without a traceback."""


class ProblemError(ValueError):
    """Bad input; ``where`` names the file and line, or the JSON field."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
