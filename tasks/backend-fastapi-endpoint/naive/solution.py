from typing import List, Optional

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field

app = FastAPI()

todos = {}


class TodoIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    priority: int = Field(3, ge=1, le=5)
    tags: List[str] = []


class TodoUpdate(BaseModel):
    title: Optional[str] = None
    priority: Optional[int] = Field(None, ge=1, le=5)
    tags: Optional[List[str]] = None
    done: Optional[bool] = None


@app.post("/todos", status_code=201)
def create(todo: TodoIn):
    new_id = len(todos) + 1
    item = {"id": new_id, "title": todo.title.strip(), "priority": todo.priority,
            "tags": list(dict.fromkeys(todo.tags)), "done": False}
    todos[new_id] = item
    return item


@app.get("/todos/{todo_id}")
def get(todo_id: int):
    if todo_id not in todos:
        raise HTTPException(status_code=404, detail="todo not found")
    return todos[todo_id]


@app.get("/todos")
def list_all(done: Optional[bool] = None, tag: Optional[str] = None, limit: int = 20, offset: int = 0):
    items = list(todos.values())
    if done:
        items = [t for t in items if t["done"]]
    if tag:
        items = [t for t in items if tag in t["tags"]]
    items.sort(key=lambda t: (-t["priority"], t["id"]))
    page = items[offset:offset + limit]
    return {"items": page, "total": len(page)}


@app.patch("/todos/{todo_id}")
def update(todo_id: int, changes: TodoUpdate):
    if todo_id not in todos:
        raise HTTPException(status_code=404, detail="todo not found")
    for key, value in changes.model_dump().items():
        if value:
            todos[todo_id][key] = value
    return todos[todo_id]


@app.delete("/todos/{todo_id}")
def delete(todo_id: int):
    if todo_id not in todos:
        raise HTTPException(status_code=404, detail="todo not found")
    del todos[todo_id]
    return Response(status_code=204)
