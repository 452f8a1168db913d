"""Replay a case's calls against one limiter driven by a fake clock. The results are the
return values, or "ValueError" where the call raised one (some cases expect that)."""
import sys

sys.path.insert(0, "/task")
from vetted_harness import run


class FakeClock:
    def __init__(self):
        self.now = 0

    def __call__(self):
        return self.now


def evaluate(solution, case):
    clock = FakeClock()
    try:
        limiter = solution.TokenBucketLimiter(case["capacity"], case["refill_per_second"], clock)
    except ValueError:
        return "ValueError"
    methods = {"allow": limiter.allow, "retry": limiter.retry_after_ms}
    results = []
    for name, at, key, *cost in case["calls"]:
        clock.now = at
        try:
            results.append(methods[name](key, *cost))
        except ValueError:
            results.append("ValueError")
    return results


run(evaluate)
