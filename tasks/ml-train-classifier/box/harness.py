import sys

sys.path.insert(0, "/task")

from vetted_harness import run

run(lambda solution, case: solution.train_and_predict(
    case["train"], case["test"], case["target"], case["metric"]))
