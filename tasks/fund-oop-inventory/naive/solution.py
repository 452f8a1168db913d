class InventoryError(Exception):
    pass


class UnknownSku(InventoryError):
    pass


class OutOfStock(InventoryError):
    pass


class UnknownReservation(InventoryError):
    pass


class InvalidQuantity(InventoryError):
    pass


class Inventory:
    def __init__(self):
        self.stock = {}
        self.reserved = {}
        self.reservations = {}
        self.counter = 0

    def _check(self, quantity):
        if not isinstance(quantity, int) or quantity <= 0:
            raise InvalidQuantity(quantity)

    def _known(self, sku):
        if sku not in self.stock:
            raise UnknownSku(sku)

    def add_stock(self, sku, quantity):
        self._check(quantity)
        self.stock[sku] = self.stock.get(sku, 0) + quantity
        self.reserved.setdefault(sku, 0)
        return self.stock[sku]

    def remove_stock(self, sku, quantity):
        self._check(quantity)
        self._known(sku)
        if quantity > self.stock[sku]:
            raise OutOfStock(sku)
        self.stock[sku] -= quantity
        return self.stock[sku]

    def on_hand(self, sku):
        self._known(sku)
        return self.stock[sku]

    def available(self, sku):
        self._known(sku)
        return self.stock[sku] - self.reserved[sku]

    def reserve(self, items):
        if not items:
            raise InvalidQuantity("empty")
        self.counter += 1
        rid = "R" + str(self.counter)
        for sku, quantity in items.items():
            self._check(quantity)
            self._known(sku)
            if self.available(sku) < quantity:
                raise OutOfStock(sku)
            self.reserved[sku] += quantity
        self.reservations[rid] = items
        return rid

    def release(self, reservation_id):
        if reservation_id not in self.reservations:
            raise UnknownReservation(reservation_id)
        for sku, quantity in self.reservations.pop(reservation_id).items():
            self.reserved[sku] -= quantity

    def commit(self, reservation_id):
        if reservation_id not in self.reservations:
            raise UnknownReservation(reservation_id)
        for sku, quantity in self.reservations.pop(reservation_id).items():
            self.reserved[sku] -= quantity
            self.stock[sku] -= quantity

    def snapshot(self):
        return {sku: {"on_hand": self.stock[sku], "reserved": self.reserved[sku],
                      "available": self.stock[sku] - self.reserved[sku]} for sku in self.stock}
