"""Text that goes into one-line fields: mail headers and calendar parameters."""


def one_line(text: object) -> str:
    """``text`` on one line: every line break (CR, LF, and the Unicode ones) becomes a space.

    A name typed with a line break would otherwise end a mail header (Django then refuses to send,
    after the change was saved) or start a new calendar property such as ``ORGANIZER:``.
    """
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())
