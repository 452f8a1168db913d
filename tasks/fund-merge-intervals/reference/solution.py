"""Reference solution: sort once, sweep once."""


def _validated(bookings):
    """Copy the bookings into (start, end) tuples, refusing reversed intervals."""
    checked = []
    for booking in bookings:
        start, end = booking
        if start > end:
            raise ValueError(f"booking {booking!r} ends before it starts")
        checked.append((start, end))
    return checked


def merge_bookings(bookings):
    """Return the merged busy intervals, sorted, non-overlapping and non-touching."""
    merged = []
    for start, end in sorted(_validated(bookings)):
        if start == end:
            continue  # a zero-length booking occupies no time
        # <= rather than <: back-to-back bookings form one busy stretch
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def free_windows(bookings, open_at, close_at, min_minutes=1):
    """Return the free intervals within [open_at, close_at) at least min_minutes long."""
    if open_at > close_at:
        raise ValueError("open_at is after close_at")
    if min_minutes < 1:
        raise ValueError("min_minutes must be at least 1")
    windows = []
    cursor = open_at  # everything before cursor is either booked or already emitted
    for start, end in merge_bookings(bookings):
        if start >= close_at:
            break
        if start > cursor:
            windows.append([cursor, start])
        cursor = max(cursor, end)
    if cursor < close_at:
        windows.append([cursor, close_at])
    return [w for w in windows if w[1] - w[0] >= min_minutes]
