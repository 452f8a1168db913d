import pandas as pd  # noqa: F401


def monthly_units(sales):
    """One record per (store, month) with units per product and a total. See the task."""
    raise NotImplementedError


def budget_long(rows, id_columns):
    """Wide budget sheet -> long records (id columns, month, budget). See the task."""
    raise NotImplementedError


def top_products(sales, n):
    """Top n products by revenue per (store, quarter). See the task."""
    raise NotImplementedError
