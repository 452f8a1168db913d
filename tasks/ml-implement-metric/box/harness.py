import random
import sys

sys.path.insert(0, "/task")

from vetted_harness import run


def generated(spec):
    """Large inputs are described by a seed and built here, so the case file stays small.
    The grader builds the same arrays to compute the expected value."""
    rng = random.Random(spec["seed"])
    n = spec["n"]
    if spec["kind"] == "labels":
        k = spec["classes"]
        y_true = [rng.randrange(k) for _ in range(n)]
        y_pred = [t if rng.random() < spec["accuracy"] else rng.randrange(k + spec.get("extra", 0))
                  for t in y_true]
        return {"y_true": y_true, "y_pred": y_pred}
    levels = spec["levels"]
    y_true = [1 if rng.random() < spec["positive_rate"] else 0 for _ in range(n)]
    y_score = [min(levels - 1, max(0, int((rng.gauss(0, 1) + spec["shift"] * t + 3) / 6 * levels)))
               / levels for t in y_true]
    return {"y_true": y_true, "y_score": y_score}


def evaluate(solution, case):
    args = generated(case["generate"]) if "generate" in case else case["args"]
    try:
        return getattr(solution, case["function"])(**args)
    except ValueError:
        return {"raised": "ValueError"}


run(evaluate)
