from fastapi import FastAPI

app = FastAPI(title="Orders")

# price in cents per SKU
CATALOG = {"MUG-001": 1250, "TEE-010": 1999, "CAP-100": 1500, "PEN-005": 250, "BAG-020": 4500}

# shipping in cents per destination country
SHIPPING = {"DE": 499, "FR": 899, "NL": 899, "AT": 899}

# SPRING10: 10% off the subtotal (rounded down to the cent)
# WELCOME5: 500 cents off, never more than the subtotal
# BIG20:    20% off (rounded down), only when the subtotal is at least 10000 cents
COUPONS = {"SPRING10", "WELCOME5", "BIG20"}


@app.post("/orders", status_code=201)
def create_order(body: dict):
    raise NotImplementedError
