class TokenBucketLimiter:
    def __init__(self, capacity, refill_per_second, clock):
        """clock() returns the current time in integer milliseconds."""
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self.clock = clock

    def allow(self, key, cost=1):
        raise NotImplementedError

    def retry_after_ms(self, key, cost=1):
        raise NotImplementedError
