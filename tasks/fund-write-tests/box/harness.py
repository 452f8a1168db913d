"""Run the candidate's pytest file against one implementation of parse_duration per case.

Each case's input names an implementation in /task/impls/ ("correct" or "mutant_N").
Output is "passed" when pytest exits 0 and "failed" when the tests fail. A test file
that does not pass on the correct implementation cannot kill anything, so a mutant case
then reports that instead of "failed" (otherwise `assert False` would kill every mutant).
"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, "/task")
from vetted_harness import TASK_DIR, run

MODULE = "durations"          # the module name the prompt gives
TEST_FILE = "test_solution.py"
PYTEST_SECONDS = 8            # under half the task's caseSeconds: a case may run pytest twice
NOT_SOUND = "not graded: your tests do not pass on the correct implementation"

_runs = 0
_verdicts = {}                # implementation -> verdict, so "correct" runs once per box


def pytest_verdict(impl):
    global _runs
    if impl in _verdicts:
        return _verdicts[impl]
    if not impl.replace("_", "").isalnum():
        raise ValueError(f"bad implementation name {impl!r}")
    _runs += 1
    folder = f"/work/run{_runs}"  # a fresh folder: nothing left over from an earlier run
    os.makedirs(folder)
    shutil.copy(os.path.join(TASK_DIR, "impls", f"{impl}.py"), os.path.join(folder, f"{MODULE}.py"))
    shutil.copy(os.path.join(TASK_DIR, TEST_FILE), os.path.join(folder, TEST_FILE))
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    try:
        proc = subprocess.run(
            ["/venv/bin/python", "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=folder, env=env, capture_output=True, text=True, timeout=PYTEST_SECONDS,
            check=False)
        # 0: all passed; 1: some failed; 2-5: interrupted, internal or usage error, or no
        # tests collected. Only 0 counts as passing.
        verdict = "passed" if proc.returncode == 0 else "failed"
    except subprocess.TimeoutExpired:
        verdict = "failed"  # a test that hangs on an implementation has caught it
    _verdicts[impl] = verdict
    return verdict


def evaluate(_module, case):
    impl = case["impl"]
    if impl != "correct" and pytest_verdict("correct") != "passed":
        return NOT_SOUND
    return pytest_verdict(impl)


run(evaluate, load=False)
