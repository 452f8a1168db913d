def author_report(conn):
    report = []
    authors = conn.execute("SELECT id, name FROM authors ORDER BY name, id").fetchall()
    for author_id, name in authors:
        # one query per author instead of one per book
        books, reviews, avg_rating, latest_year = conn.execute(
            """SELECT COUNT(DISTINCT b.id), COUNT(r.id), AVG(r.rating), MAX(b.year)
               FROM books b LEFT JOIN reviews r ON r.book_id = b.id
               WHERE b.author_id = ?""",
            (author_id,),
        ).fetchone()
        report.append({
            "author_id": author_id,
            "name": name,
            "books": books,
            "reviews": reviews,
            "avg_rating": avg_rating,
            "latest_year": latest_year,
        })
    return report
