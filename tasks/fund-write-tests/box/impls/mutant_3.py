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
    total, pos = 0, 0
    seen = set()
    while pos < len(text):
        match = _PART.match(text, pos)
        if not match:
            raise ValueError(f"cannot parse {text[pos:]!r}")
        unit = match.group(2).lower()
        if unit in seen:
            raise ValueError("units must appear once each")
        seen.add(unit)
        total += int(match.group(1)) * _SECONDS[unit]
        pos = match.end()
    return total
