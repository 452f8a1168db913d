"""Reference solution: in-memory to-do API."""
from itertools import count
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Response
from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

app = FastAPI(title="To-do API")

# strip_whitespace runs before the length check, so "   " is too short
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Priority = Annotated[int, Field(ge=1, le=5)]


def _unique(tags):
    return list(dict.fromkeys(tags))  # dicts keep insertion order: first occurrence wins


class TodoCreate(BaseModel):
    title: Title
    priority: Priority = 3
    tags: list[str] = []

    @field_validator("tags")
    @classmethod
    def dedupe_tags(cls, tags):
        return _unique(tags)


class TodoPatch(BaseModel):
    title: Title | None = None
    priority: Priority | None = None
    tags: list[str] | None = None
    done: bool | None = None

    @field_validator("tags")
    @classmethod
    def dedupe_tags(cls, tags):
        return None if tags is None else _unique(tags)

    @model_validator(mode="after")
    def no_nulls(self):
        # None is only the "not given" default; an explicit null is invalid
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} may not be null")
        return self


_todos: dict[int, dict] = {}
_ids = count(1)  # a counter, not len(_todos) + 1: ids are never reused after a delete


def _find(todo_id):
    try:
        return _todos[todo_id]
    except KeyError:
        raise HTTPException(404, "todo not found") from None


@app.post("/todos", status_code=201)
def create_todo(body: TodoCreate):
    todo = {"id": next(_ids), **body.model_dump(), "done": False}
    _todos[todo["id"]] = todo
    return todo


@app.get("/todos/{todo_id}")
def get_todo(todo_id: int):
    return _find(todo_id)


@app.get("/todos")
def list_todos(
    done: bool | None = None,
    tag: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    matching = [
        t for t in _todos.values()
        if (done is None or t["done"] == done) and (tag is None or tag in t["tags"])
    ]
    matching.sort(key=lambda t: (-t["priority"], t["id"]))
    return {"items": matching[offset:offset + limit], "total": len(matching)}


@app.patch("/todos/{todo_id}")
def update_todo(todo_id: int, body: TodoPatch):
    todo = _find(todo_id)
    todo.update(body.model_dump(exclude_unset=True))  # only the fields the client sent
    return todo


@app.delete("/todos/{todo_id}", status_code=204)
def delete_todo(todo_id: int):
    _find(todo_id)
    del _todos[todo_id]
    return Response(status_code=204)
