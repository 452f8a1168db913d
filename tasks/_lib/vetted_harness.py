"""The in-box half of grading: run the candidate's code on each case's input and send
its outputs out, one framed line per case. It never sees expected outputs: those stay
with the grader outside the box, which compares.

Protocol (stdin, one JSON document):
    {"nonce": "<hex>", "entry": "solution.py", "caseSeconds": 10,
     "cases": [{"name": "...", "input": <any JSON>}, ...]}
Frames on the process's original stdout, one per line:
    VETTED <nonce> {"case": name, "output": <JSON>, "error": null|"...", "seconds": s}
    VETTED <nonce> {"done": true}
Anything the candidate prints goes to stderr, so it cannot interleave with frames.
The candidate's code runs in this process and could find the nonce; that buys nothing,
because a forged frame still has to carry the right output, which only the grader knows.
"""
import importlib.util
import json
import math
import os
import signal
import sys
import time
import traceback

TASK_DIR = "/task"


class CaseTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise CaseTimeout("the case ran past its time limit")


def to_json(value):
    """Plain JSON for whatever the candidate returned: tuples, sets, numpy and pandas
    scalars and arrays, NaN and infinities (as strings, so the grader can name them)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [to_json(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return items
    # numpy / pandas without importing them here (importing costs half a second)
    if hasattr(value, "tolist"):
        return to_json(value.tolist())
    if hasattr(value, "item"):
        return to_json(value.item())
    if hasattr(value, "to_dict"):
        return to_json(value.to_dict())
    return repr(value)


def load_module(filename, name="solution"):
    path = os.path.join(TASK_DIR, filename)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def describe(exc):
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    for frame in reversed(frames):
        if frame.filename.endswith(("/solution.py", "/test_solution.py")):
            where = f" (line {frame.lineno})"
            break
    text = f"{type(exc).__name__}: {exc}"
    return (text[:500] + where)


def run(evaluate, load=True):
    """Read the request, import the candidate's entry file (unless load is False: tasks
    such as writing tests handle the file themselves) and call evaluate(module, input)
    for each case. evaluate returns the JSON-able output compared outside."""
    request = json.loads(sys.stdin.read())
    nonce = request["nonce"]
    case_seconds = float(request.get("caseSeconds", 10))
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # the candidate's prints now go to stderr
    sys.stdout = sys.stderr

    def frame(payload):
        out.write(f"VETTED {nonce} {json.dumps(payload, allow_nan=False)}\n")
        out.flush()

    module = None
    if load:
        try:
            module = load_module(request.get("entry", "solution.py"))
        except BaseException as exc:  # SyntaxError, SystemExit, anything at import time
            frame({"fatal": "could not import your code: " + describe(exc)})
            frame({"done": True})
            return
    signal.signal(signal.SIGALRM, _on_alarm)
    for case in request["cases"]:
        started = time.perf_counter()
        output, error = None, None
        try:
            signal.setitimer(signal.ITIMER_REAL, case_seconds)
            output = to_json(evaluate(module, case["input"]))
        except CaseTimeout as exc:
            error = f"timeout: {exc}"
        except BaseException as exc:
            error = describe(exc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        frame({"case": case["name"], "output": output, "error": error,
               "seconds": round(time.perf_counter() - started, 6)})
    frame({"done": True})
