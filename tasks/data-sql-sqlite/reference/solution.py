# One SQL query per question; the grader runs each against a fresh read-only SQLite
# database (schema in the task description).

REVENUE_BY_COUNTRY = """
SELECT c.country,
       ROUND(COALESCE(SUM(oi.quantity * oi.unit_price), 0), 2) AS revenue
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id AND o.status = 'paid'
LEFT JOIN order_items AS oi ON oi.order_id = o.id
WHERE c.country IS NOT NULL
GROUP BY c.country
ORDER BY revenue DESC, c.country
"""

CUSTOMERS_WITHOUT_ORDERS = """
SELECT c.id, c.name
FROM customers AS c
WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = c.id)
"""

TOP_PRODUCT_PER_CATEGORY = """
WITH units AS (
    SELECT p.category, p.name, SUM(oi.quantity) AS units
    FROM order_items AS oi
    JOIN orders AS o ON o.id = oi.order_id AND o.status = 'paid'
    JOIN products AS p ON p.id = oi.product_id
    GROUP BY p.id
),
ranked AS (
    SELECT category, name, units,
           RANK() OVER (PARTITION BY category ORDER BY units DESC) AS place
    FROM units
)
SELECT category, name, units
FROM ranked
WHERE place = 1
ORDER BY category, name
"""

MONTHLY_ACTIVITY = """
SELECT strftime('%Y-%m', o.ordered_at) AS month,
       COUNT(DISTINCT o.id) AS paid_orders,
       COUNT(DISTINCT o.customer_id) AS active_customers,
       ROUND(COALESCE(SUM(oi.quantity * oi.unit_price), 0), 2) AS revenue
FROM orders AS o
LEFT JOIN order_items AS oi ON oi.order_id = o.id
WHERE o.status = 'paid'
GROUP BY month
ORDER BY month
"""

LOYAL_CUSTOMERS = """
SELECT c.id, c.name,
       COUNT(DISTINCT o.id) AS paid_orders,
       ROUND(COALESCE(SUM(oi.quantity * oi.unit_price), 0), 2) AS total_spent
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id AND o.status = 'paid'
LEFT JOIN order_items AS oi ON oi.order_id = o.id
GROUP BY c.id
HAVING COUNT(DISTINCT o.id) >= :min_orders
ORDER BY total_spent DESC, c.id
"""

DAILY_RUNNING_REVENUE = """
WITH daily AS (
    SELECT date(o.ordered_at) AS day,
           COALESCE(SUM(oi.quantity * oi.unit_price), 0) AS revenue
    FROM orders AS o
    LEFT JOIN order_items AS oi ON oi.order_id = o.id
    WHERE o.status = 'paid'
    GROUP BY day
)
SELECT day,
       ROUND(revenue, 2) AS revenue,
       ROUND(SUM(revenue) OVER (ORDER BY day), 2) AS running_revenue
FROM daily
ORDER BY day
"""
