import sys

sys.path.insert(0, "/task")
from vetted_harness import run

METHODS = {"add_stock", "remove_stock", "on_hand", "available", "reserve", "release",
           "commit", "snapshot"}


def evaluate(solution, case):
    """Replay the case's operations on a fresh Inventory. Each result is the return value,
    or the class name of the InventoryError raised; any other exception is recorded as
    'unexpected <name>' so it never matches an expected error name."""
    base = solution.InventoryError
    inventory = solution.Inventory()
    results = []
    for op in case["ops"]:
        name, args = op[0], op[1:]
        if name not in METHODS:
            raise KeyError(name)
        try:
            results.append(getattr(inventory, name)(*args))
        except base as exc:
            results.append(type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 -- reported, not fatal, so later ops still run
            results.append(f"unexpected {type(exc).__name__}")
    return results


run(evaluate)
