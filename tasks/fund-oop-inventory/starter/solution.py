class InventoryError(Exception):
    """Base class of every error the inventory raises on purpose."""


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
        pass

    def add_stock(self, sku, quantity):
        raise NotImplementedError

    def remove_stock(self, sku, quantity):
        raise NotImplementedError

    def on_hand(self, sku):
        raise NotImplementedError

    def available(self, sku):
        raise NotImplementedError

    def reserve(self, items):
        raise NotImplementedError

    def release(self, reservation_id):
        raise NotImplementedError

    def commit(self, reservation_id):
        raise NotImplementedError

    def snapshot(self):
        raise NotImplementedError
