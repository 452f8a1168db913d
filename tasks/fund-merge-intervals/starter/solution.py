def merge_bookings(bookings):
    """Return the merged busy intervals, sorted, non-overlapping and non-touching."""
    raise NotImplementedError


def free_windows(bookings, open_at, close_at, min_minutes=1):
    """Return the free intervals within [open_at, close_at) at least min_minutes long."""
    raise NotImplementedError
