import sys

sys.path.insert(0, "/task")
from vetted_harness import run


def evaluate(solution, case):
    if "timeout" in case:
        return solution.sessionize(case["events"], case["timeout"])
    return solution.sessionize(case["events"])


run(evaluate)
