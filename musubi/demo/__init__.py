"""Demo data for ``musubi demo``: fictional cooperatives, members, workers, talents and logins.

``data`` holds the content as plain frozen dataclasses; ``build`` writes it idempotently.
Every person, business, address, phone number and corporate number here is invented.
"""
