import copy
import sys

sys.path.insert(0, "/task")
from vetted_harness import run, to_json

FUNCTIONS = ("merge_bookings", "free_windows")


def evaluate(solution, case):
    """Call one function with a private copy of the arguments. A ValueError is an
    answer (some cases expect it); modifying the arguments is reported as a wrong answer."""
    name = case["fn"]
    if name not in FUNCTIONS:
        raise KeyError(name)
    args = copy.deepcopy(case["args"])
    before = copy.deepcopy(args)
    try:
        result = getattr(solution, name)(*args)
    except ValueError:
        return {"raised": "ValueError"}
    if args != before:
        return {"result": to_json(result), "problem": "the function modified its arguments"}
    return result


run(evaluate)
