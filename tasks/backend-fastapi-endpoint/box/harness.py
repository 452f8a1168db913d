"""Send each case's requests to a freshly imported app through TestClient and return
every response's status and JSON body (the body of a 422 is left out: the prompt
promises only the status code is compared for validation errors)."""
import sys

from fastapi.testclient import TestClient

sys.path.insert(0, "/task")
from vetted_harness import load_module, run


def body_of(response):
    if response.status_code == 422 or not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return {"notJson": response.text[:200]}


def evaluate(_first_import, case):
    # a fresh module per case, so in-memory state never leaks from one case to the next
    module = load_module("solution.py")
    results = []
    # raise_server_exceptions=False: a crash in a handler is a 500 response, and the
    # rest of the case's requests still run
    with TestClient(module.app, raise_server_exceptions=False) as client:
        for request in case["requests"]:
            kwargs = {}
            if "json" in request:
                kwargs["json"] = request["json"]
            if "params" in request:
                kwargs["params"] = request["params"]
            response = client.request(request["method"], request["path"], **kwargs)
            results.append({"status": response.status_code, "json": body_of(response)})
    return results


run(evaluate)
