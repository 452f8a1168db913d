import csv  # noqa: F401


def clean_orders(path):
    """Read the raw CSV at `path` and return the cleaned orders (see the task)."""
    raise NotImplementedError


def summarize(path):
    """Summary dict of the cleaned orders in the raw CSV at `path` (see the task)."""
    raise NotImplementedError
