import sys

sys.path.insert(0, "/task")

from vetted_harness import run


def evaluate(solution, case):
    """A case names a shipped file under /task/data or carries a small CSV inline,
    written to /work/case.csv; the candidate's function gets the path."""
    if "csv" in case:
        path = "/work/case.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(case["csv"])
    else:
        path = "/task/data/" + case["file"]
    return getattr(solution, case["function"])(path)


run(evaluate)
