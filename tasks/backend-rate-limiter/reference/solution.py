"""Reference solution. Tokens are kept in thousandths (milli-tokens) so every quantity is
an int: over d ms a bucket gains exactly d * refill_per_second milli-tokens."""

SCALE = 1000  # milli-tokens per token, and milliseconds per second


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


class TokenBucketLimiter:
    def __init__(self, capacity, refill_per_second, clock):
        """clock() returns the current time in integer milliseconds."""
        if not _is_int(capacity) or capacity < 1:
            raise ValueError("capacity must be an int >= 1")
        if not _is_int(refill_per_second) or refill_per_second < 0:
            raise ValueError("refill_per_second must be an int >= 0")
        self._capacity = capacity * SCALE
        self._rate = refill_per_second  # milli-tokens gained per millisecond
        self._clock = clock
        self._buckets = {}  # key -> [milli-tokens, time of the last refill in ms]

    def _refilled(self, key):
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = [self._capacity, now]
        elif now > bucket[1]:
            # a clock that went backwards gains nothing and keeps the later refill time
            bucket[0] = min(self._capacity, bucket[0] + (now - bucket[1]) * self._rate)
            bucket[1] = now
        return bucket

    @staticmethod
    def _cost(cost):
        if not _is_int(cost) or cost < 1:
            raise ValueError("cost must be an int >= 1")
        return cost * SCALE

    def allow(self, key, cost=1):
        needed = self._cost(cost)
        bucket = self._refilled(key)
        if bucket[0] >= needed:
            bucket[0] -= needed
            return True
        return False

    def retry_after_ms(self, key, cost=1):
        needed = self._cost(cost)
        if needed > self._capacity:
            return None
        # refilling is safe here: with exact arithmetic, refilling twice in steps gives
        # the same tokens as refilling once over the whole interval
        tokens, refilled_at = self._refilled(key)
        missing = needed - tokens
        if missing <= 0:
            return 0
        if self._rate == 0:
            return None
        # after a backwards clock jump nothing accrues until the clock is back at
        # refilled_at, so that gap is part of the wait
        gap = max(0, refilled_at - self._clock())
        return gap + -(-missing // self._rate)  # ceiling division
