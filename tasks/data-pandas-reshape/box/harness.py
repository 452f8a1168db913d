import csv
import sys

sys.path.insert(0, "/task")

from vetted_harness import run


def load_sales(path):
    with open(path, newline="") as f:
        return [{"date": r["date"], "store": r["store"], "product": r["product"],
                 "units": int(r["units"]), "price": float(r["price"])}
                for r in csv.DictReader(f)]


def evaluate(solution, case):
    args = dict(case["args"])
    if "sales_file" in args:
        args["sales"] = load_sales("/task/data/" + args.pop("sales_file"))
    return getattr(solution, case["function"])(**args)


run(evaluate)
