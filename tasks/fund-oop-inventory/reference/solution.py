"""Reference solution. Every method validates completely before it changes anything, so a
failed call leaves the inventory as it was."""
from dataclasses import dataclass


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


@dataclass
class StockLevel:
    on_hand: int = 0
    reserved: int = 0

    @property
    def available(self):
        return self.on_hand - self.reserved


def _check_quantity(quantity):
    # bool is a subclass of int, so it has to be refused explicitly
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise InvalidQuantity(f"quantity must be a positive int, got {quantity!r}")


class Inventory:
    def __init__(self):
        self._levels = {}          # sku -> StockLevel
        self._reservations = {}    # open reservation id -> {sku: quantity}
        self._issued = 0           # reservations that succeeded so far

    def _level(self, sku):
        try:
            return self._levels[sku]
        except KeyError:
            raise UnknownSku(sku) from None

    def add_stock(self, sku, quantity):
        _check_quantity(quantity)
        level = self._levels.setdefault(sku, StockLevel())
        level.on_hand += quantity
        return level.on_hand

    def remove_stock(self, sku, quantity):
        _check_quantity(quantity)
        level = self._level(sku)
        if quantity > level.available:
            raise OutOfStock(f"{sku}: {level.available} available, {quantity} to remove")
        level.on_hand -= quantity
        return level.on_hand

    def on_hand(self, sku):
        return self._level(sku).on_hand

    def available(self, sku):
        return self._level(sku).available

    def reserve(self, items):
        if not items:
            raise InvalidQuantity("nothing to reserve")
        # three passes, in the documented order of precedence, before any change
        for quantity in items.values():
            _check_quantity(quantity)
        levels = {sku: self._level(sku) for sku in items}
        for sku, quantity in items.items():
            if quantity > levels[sku].available:
                raise OutOfStock(f"{sku}: {levels[sku].available} available, {quantity} requested")
        for sku, quantity in items.items():
            levels[sku].reserved += quantity
        self._issued += 1
        reservation_id = f"R{self._issued}"
        self._reservations[reservation_id] = dict(items)
        return reservation_id

    def _close(self, reservation_id):
        try:
            return self._reservations.pop(reservation_id)
        except (KeyError, TypeError):  # TypeError: an unhashable id
            raise UnknownReservation(reservation_id) from None

    def release(self, reservation_id):
        for sku, quantity in self._close(reservation_id).items():
            self._levels[sku].reserved -= quantity

    def commit(self, reservation_id):
        for sku, quantity in self._close(reservation_id).items():
            level = self._levels[sku]
            level.reserved -= quantity
            level.on_hand -= quantity

    def snapshot(self):
        return {
            sku: {"on_hand": level.on_hand, "reserved": level.reserved, "available": level.available}
            for sku, level in self._levels.items()
        }
