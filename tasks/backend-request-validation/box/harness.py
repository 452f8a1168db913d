"""Post each case's requests to the candidate's app and return status and body. Error
messages are free text, so each "message" is reduced to whether it is a non-empty string,
and a 422's entries to the sorted set of their fields."""
import sys

from fastapi.testclient import TestClient

sys.path.insert(0, "/task")
from vetted_harness import run


def has_message(entry):
    return isinstance(entry.get("message"), str) and entry["message"].strip() != ""


def normalised(status, body):
    if status == 422 and isinstance(body, dict) and isinstance(body.get("errors"), list) \
            and all(isinstance(e, dict) and isinstance(e.get("field"), str) for e in body["errors"]):
        return {"fields": sorted({e["field"] for e in body["errors"]}),
                "messages": all(has_message(e) for e in body["errors"])}
    if status == 400 and isinstance(body, dict) and set(body) == {"code", "message"}:
        return {"code": body["code"], "message": has_message(body)}
    return body


def evaluate(solution, case):
    results = []
    with TestClient(solution.app, raise_server_exceptions=False) as client:
        for request in case["requests"]:
            if "raw" in request:  # a body that is deliberately not valid JSON
                response = client.post(request["path"], content=request["raw"].encode(),
                                       headers={"content-type": "application/json"})
            else:
                response = client.post(request["path"], json=request["json"])
            try:
                body = response.json() if response.content else None
            except ValueError:
                body = {"notJson": response.text[:200]}
            results.append({"status": response.status_code,
                            "json": normalised(response.status_code, body)})
    return results


run(evaluate)
