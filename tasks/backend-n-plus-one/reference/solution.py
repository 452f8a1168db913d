def author_report(conn):
    """One row per author, ordered by name, then id:

    {"author_id": int, "name": str,
     "books": number of their books,
     "reviews": number of reviews of their books,
     "avg_rating": mean rating over those reviews (float), or None without reviews,
     "latest_year": the latest year among their books, or None without books}

    One statement. LEFT JOINs keep authors without books and books without reviews.
    Joining reviews repeats each book once per review, so books are counted DISTINCT;
    each review still appears exactly once, so COUNT and AVG over reviews are exact, and
    MAX(year) is unaffected by repeats.
    """
    rows = conn.execute(
        """
        SELECT a.id, a.name,
               COUNT(DISTINCT b.id), COUNT(r.id), AVG(r.rating), MAX(b.year)
        FROM authors AS a
        LEFT JOIN books AS b ON b.author_id = a.id
        LEFT JOIN reviews AS r ON r.book_id = b.id
        GROUP BY a.id
        ORDER BY a.name, a.id
        """
    ).fetchall()
    return [
        {"author_id": author_id, "name": name, "books": books, "reviews": reviews,
         "avg_rating": avg_rating, "latest_year": latest_year}
        for author_id, name, books, reviews, avg_rating, latest_year in rows
    ]
