from collections import defaultdict


def _session(user, start, end, count):
    return {"user": user, "start": start, "end": end, "events": count}


def sessionize(events, timeout=1800):
    """Group click events into per-user sessions.

    events: list of {"user": str, "ts": int} (ts in seconds), in any order. The event
    queue delivers at least once, so the same event (same user, same ts) may appear
    more than once; it counts once.

    A user's session continues while the gap between their consecutive events is at
    most `timeout` seconds; a longer gap starts a new session.

    Returns a list of {"user", "start", "end", "events"} dicts (start and end are the
    first and last event's ts, events the number of distinct events), sorted by start,
    then by user.
    """
    seen = set()
    by_user = defaultdict(list)
    for event in sorted(events, key=lambda e: e["ts"]):
        if event["ts"] in seen:
            continue
        seen.add(event["ts"])
        by_user[event["user"]].append(event["ts"])

    sessions = []
    for user, stamps in by_user.items():
        start = prev = stamps[0]
        count = 1
        for ts in stamps[1:]:
            if ts - prev > timeout:
                sessions.append(_session(user, start, prev, count))
                start, count = ts, 0
            count += 1
            prev = ts
        sessions.append(_session(user, start, prev, count))

    sessions.sort(key=lambda s: s["start"])
    return sessions
