CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT,                 -- ISO code; NULL when unknown
    signup_date TEXT NOT NULL         -- 'YYYY-MM-DD'
);
CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,
    price    REAL NOT NULL            -- current list price
);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id),  -- NULL for a guest checkout
    ordered_at  TEXT NOT NULL,        -- 'YYYY-MM-DD HH:MM:SS'
    status      TEXT NOT NULL         -- 'paid', 'refunded' or 'cancelled'
);
CREATE TABLE order_items (
    order_id   INTEGER NOT NULL REFERENCES orders(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity   INTEGER NOT NULL,
    unit_price REAL NOT NULL          -- price actually charged per unit
);
