import math


class TokenBucketLimiter:
    def __init__(self, capacity, refill_per_second, clock):
        if capacity < 1 or refill_per_second < 0:
            raise ValueError("bad limiter settings")
        self.capacity = capacity
        self.rate = refill_per_second
        self.clock = clock
        self.tokens = {}
        self.last = {}

    def _refill(self, key):
        now = self.clock()
        if key not in self.tokens:
            self.tokens[key] = float(self.capacity)
        else:
            elapsed = (now - self.last[key]) / 1000
            self.tokens[key] = min(self.capacity, self.tokens[key] + elapsed * self.rate)
        self.last[key] = now

    def allow(self, key, cost=1):
        if cost < 1:
            raise ValueError("cost must be positive")
        self._refill(key)
        if self.tokens[key] >= cost:
            self.tokens[key] -= cost
            return True
        return False

    def retry_after_ms(self, key, cost=1):
        if cost < 1:
            raise ValueError("cost must be positive")
        self._refill(key)
        if self.tokens[key] >= cost:
            return 0
        if self.rate == 0 or cost > self.capacity:
            return None
        return math.ceil((cost - self.tokens[key]) / self.rate * 1000)
