#!/usr/bin/env python3
"""The baseline for `vetted bench portfolio`: what a Python developer would write first —
walk the tree, parse every .py file with the standard library's `ast`, collect imports,
read requirements files. Prints one JSON line: {"files": n, "imports": n, "ms": t}."""
import ast
import json
import os
import sys
import time

def main(root: str) -> None:
    start = time.perf_counter()
    files = 0
    imports = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", "node_modules", ".venv", "__pycache__")]
        for name in filenames:
            files += 1
            path = os.path.join(dirpath, name)
            if name.endswith(".py"):
                try:
                    with open(path, "rb") as f:
                        tree = ast.parse(f.read())
                except (SyntaxError, ValueError):
                    continue
                for node in ast.walk(tree):
                    if isinstance(node, ast.Import):
                        for alias in node.names:
                            imports.setdefault(alias.name.split(".")[0], []).append((path, node.lineno))
                    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                        imports.setdefault(node.module.split(".")[0], []).append((path, node.lineno))
            elif name.startswith("requirements") and name.endswith(".txt"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        package = line.split("#")[0].strip().split("=")[0].split(">")[0].split("<")[0].split("[")[0].strip()
                        if package and not package.startswith("-"):
                            imports.setdefault(package.lower(), []).append((path, number))
    elapsed = (time.perf_counter() - start) * 1000
    print(json.dumps({"files": files, "imports": len(imports), "ms": round(elapsed, 1)}))

if __name__ == "__main__":
    main(sys.argv[1])
