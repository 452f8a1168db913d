REVENUE_BY_COUNTRY = """
SELECT c.country, ROUND(SUM(oi.quantity * oi.unit_price), 2) AS revenue
FROM customers c
JOIN orders o ON o.customer_id = c.id
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status = 'paid'
GROUP BY c.country
ORDER BY revenue DESC, c.country
"""

CUSTOMERS_WITHOUT_ORDERS = """
SELECT id, name FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders)
"""

TOP_PRODUCT_PER_CATEGORY = """
SELECT category, name, MAX(units) FROM (
    SELECT p.category, p.name, SUM(oi.quantity) AS units
    FROM order_items oi
    JOIN orders o ON o.id = oi.order_id
    JOIN products p ON p.id = oi.product_id
    WHERE o.status = 'paid'
    GROUP BY p.id
)
GROUP BY category
ORDER BY category
"""

MONTHLY_ACTIVITY = """
SELECT strftime('%Y-%m', o.ordered_at) AS month,
       COUNT(*) AS paid_orders,
       COUNT(DISTINCT o.customer_id) AS active_customers,
       ROUND(SUM(oi.quantity * oi.unit_price), 2) AS revenue
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status = 'paid'
GROUP BY month
ORDER BY month
"""

LOYAL_CUSTOMERS = """
SELECT c.id, c.name, COUNT(DISTINCT o.id), ROUND(SUM(oi.quantity * oi.unit_price), 2) AS total
FROM customers c
JOIN orders o ON o.customer_id = c.id
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status = 'paid'
GROUP BY c.id
HAVING COUNT(DISTINCT o.id) >= :min_orders
ORDER BY total DESC, c.id
"""

DAILY_RUNNING_REVENUE = """
SELECT day, ROUND(revenue, 2), ROUND(SUM(revenue) OVER (ORDER BY day), 2) FROM (
    SELECT date(o.ordered_at) AS day, SUM(oi.quantity * oi.unit_price) AS revenue
    FROM orders o JOIN order_items oi ON oi.order_id = o.id
    WHERE o.status = 'paid'
    GROUP BY day
)
ORDER BY day
"""
