import re

_SECONDS = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}
_ORDER = "dhms"
_PART = re.compile(r"\s*([0-9]+)([dhms])", re.IGNORECASE)


def parse_duration(text):
    if not isinstance(text, str):
        raise TypeError(f"expected a string, got {type(text).__name__}")
    text = text.strip()
    if not text:
        raise ValueError("empty duration")
    total, pos, previous_rank = 0, 0, -1
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match:
            raise ValueError(f"cannot parse {text[pos:]!r}")
        unit = match.group(2).lower()
        rank = _ORDER.index(unit)
        if rank < previous_rank:
            raise ValueError("units must appear once each, in the order d, h, m, s")
        previous_rank = rank
        total += int(match.group(1)) * _SECONDS[unit]
        pos = match.end()
    return total
