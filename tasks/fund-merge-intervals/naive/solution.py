def merge_bookings(bookings):
    if not bookings:
        return []
    bookings = sorted(bookings)
    merged = [list(bookings[0])]
    for start, end in bookings[1:]:
        if start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def free_windows(bookings, open_at, close_at, min_minutes=1):
    free = []
    cursor = open_at
    for start, end in merge_bookings(bookings):
        if start > cursor:
            free.append([cursor, min(start, close_at)])
        cursor = max(cursor, end)
    if cursor < close_at:
        free.append([cursor, close_at])
    return [w for w in free if w[1] - w[0] >= min_minutes]
