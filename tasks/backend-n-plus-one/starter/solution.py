def author_report(conn):
    """One row per author, ordered by name, then id:

    {"author_id": int, "name": str,
     "books": number of their books,
     "reviews": number of reviews of their books,
     "avg_rating": mean rating over those reviews (float), or None without reviews,
     "latest_year": the latest year among their books, or None without books}
    """
    report = []
    authors = conn.execute("SELECT id, name FROM authors ORDER BY name, id").fetchall()
    for author_id, name in authors:
        books = conn.execute(
            "SELECT id, year FROM books WHERE author_id = ?", (author_id,)
        ).fetchall()
        ratings = []
        for book_id, _year in books:
            rows = conn.execute(
                "SELECT rating FROM reviews WHERE book_id = ?", (book_id,)
            ).fetchall()
            ratings.extend(rating for (rating,) in rows)
        report.append({
            "author_id": author_id,
            "name": name,
            "books": len(books),
            "reviews": len(ratings),
            "avg_rating": sum(ratings) / len(ratings) if ratings else None,
            "latest_year": max((year for _id, year in books), default=None),
        })
    return report
