# One SQL query per question (see the task description). Each must be a single
# SELECT (a WITH ... SELECT is fine); LOYAL_CUSTOMERS uses the :min_orders parameter.

REVENUE_BY_COUNTRY = """
SELECT 'todo'
"""

CUSTOMERS_WITHOUT_ORDERS = """
SELECT 'todo'
"""

TOP_PRODUCT_PER_CATEGORY = """
SELECT 'todo'
"""

MONTHLY_ACTIVITY = """
SELECT 'todo'
"""

LOYAL_CUSTOMERS = """
SELECT 'todo' WHERE :min_orders IS NOT NULL
"""

DAILY_RUNNING_REVENUE = """
SELECT 'todo'
"""
