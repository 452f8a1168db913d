"""The schema and the data of one case, written to a fresh SQLite file. Small cases list
their rows; large ones give a seed and sizes, and the rows are generated here (the same
code generates them when the expected outputs are computed, outside the box)."""
import random
import sqlite3

SCHEMA = """
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id INTEGER PRIMARY KEY,
                    author_id INTEGER NOT NULL REFERENCES authors(id),
                    title TEXT NOT NULL, year INTEGER NOT NULL);
CREATE TABLE reviews (id INTEGER PRIMARY KEY,
                      book_id INTEGER NOT NULL REFERENCES books(id),
                      rating INTEGER NOT NULL);
CREATE INDEX books_author ON books(author_id);
CREATE INDEX reviews_book ON reviews(book_id);
"""

FIRST = ["Ada", "Ben", "Chloe", "Dmitri", "Eva", "Femi", "Grace", "Hiro", "Ines", "Jon", "Kemal", "Lea"]
LAST = ["Okafor", "Smith", "Novak", "Tanaka", "Silva", "Berg", "Moreau", "Khan", "Rossi", "Ng"]


def rows_of(spec):
    """(authors, books, reviews) as lists of tuples."""
    if "generate" not in spec:
        return ([tuple(r) for r in spec.get("authors", [])], [tuple(r) for r in spec.get("books", [])],
                [tuple(r) for r in spec.get("reviews", [])])
    g = spec["generate"]
    rng = random.Random(g["seed"])
    # names repeat on purpose (same name, different author): ordering falls back to id
    authors = [(i, f"{rng.choice(FIRST)} {rng.choice(LAST)}") for i in range(1, g["authors"] + 1)]
    # some authors get no books, and some books no reviews
    with_books = [a for a, _ in authors if rng.random() < 0.8] or [1]
    books = [(i, rng.choice(with_books), f"Book {i}", rng.randint(1950, 2024))
             for i in range(1, g["books"] + 1)]
    reviewed = [b for b, *_ in books if rng.random() < 0.7] or [1]
    reviews = [(i, rng.choice(reviewed), rng.randint(1, 5)) for i in range(1, g["reviews"] + 1)]
    return authors, books, reviews


def build(path, spec):
    authors, books, reviews = rows_of(spec)
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO authors VALUES (?, ?)", authors)
    conn.executemany("INSERT INTO books VALUES (?, ?, ?, ?)", books)
    conn.executemany("INSERT INTO reviews VALUES (?, ?, ?)", reviews)
    conn.commit()
    conn.close()
