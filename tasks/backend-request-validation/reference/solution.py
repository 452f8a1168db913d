"""Reference solution: strict Pydantic models describe the shape; one exception handler
turns Pydantic's errors into {"errors": [{"field", "message"}]}; business rules run in
the endpoint once the shape is valid."""
import re
from typing import Annotated, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

app = FastAPI(title="Orders")

# price in cents per SKU
CATALOG = {"MUG-001": 1250, "TEE-010": 1999, "CAP-100": 1500, "PEN-005": 250, "BAG-020": 4500}

# shipping in cents per destination country
SHIPPING = {"DE": 499, "FR": 899, "NL": 899, "AT": 899}

# SPRING10: 10% off the subtotal (rounded down to the cent)
# WELCOME5: 500 cents off, never more than the subtotal
# BIG20:    20% off (rounded down), only when the subtotal is at least 10000 cents
COUPONS = {"SPRING10", "WELCOME5", "BIG20"}

EMAIL = r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$"
POSTCODES = {"DE": r"[0-9]{5}", "FR": r"[0-9]{5}", "AT": r"[0-9]{4}", "NL": r"[0-9]{4} ?[A-Z]{2}"}

# strict: a JSON "2", 2.0 or true is not an integer; forbid: unknown fields are errors
STRICT = ConfigDict(extra="forbid", strict=True)


class Line(BaseModel):
    model_config = STRICT
    sku: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}-[0-9]{3}$")]
    quantity: Annotated[int, Field(ge=1, le=99)]


class Shipping(BaseModel):
    model_config = STRICT
    country: Literal["DE", "FR", "NL", "AT"]
    postcode: str

    @field_validator("postcode")
    @classmethod
    def postcode_matches_country(cls, postcode, info: ValidationInfo):
        # country is validated first (field order); when it failed it is absent from
        # info.data, and the postcode is not judged against an unknown country
        country = info.data.get("country")
        if country is not None and not re.fullmatch(POSTCODES[country], postcode):
            raise PydanticCustomError("postcode", "not a valid postcode for {country}",
                                      {"country": country})
        return postcode


class Order(BaseModel):
    model_config = STRICT
    customer_email: Annotated[str, StringConstraints(max_length=254, pattern=EMAIL)]
    items: Annotated[list[Line], Field(min_length=1, max_length=20)]
    coupon: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{4,12}$")] | None = None
    shipping: Shipping


# Pydantic's wording for the common error types is fine for a form, except for
# patterns, which would show our regular expressions to customers.
MESSAGES = {
    "string_pattern_mismatch": "has the wrong format",
    "extra_forbidden": "is not a known field",
    "missing": "is required",
}


@app.exception_handler(RequestValidationError)
async def validation_errors(request: Request, exc: RequestValidationError):
    errors = exc.errors()
    if any(e["type"] == "json_invalid" for e in errors):
        return JSONResponse(status_code=400,
                            content={"code": "malformed_json", "message": "the body is not valid JSON"})
    by_field = {}
    for e in errors:
        # loc starts with "body"; the rest is the path inside the body
        field = ".".join(str(part) for part in e["loc"][1:]) or "body"
        by_field.setdefault(field, MESSAGES.get(e["type"], e["msg"]))
    return JSONResponse(status_code=422, content={
        "errors": [{"field": f, "message": m} for f, m in by_field.items()]})


def rejected(code, message):
    return JSONResponse(status_code=400, content={"code": code, "message": message})


def discount_for(coupon, subtotal):
    if coupon == "SPRING10":
        return subtotal * 10 // 100
    if coupon == "WELCOME5":
        return min(500, subtotal)
    if coupon == "BIG20":
        return subtotal * 20 // 100
    return 0


@app.post("/orders", status_code=201)
def create_order(order: Order):
    skus = [line.sku for line in order.items]
    unknown = [sku for sku in skus if sku not in CATALOG]
    if unknown:
        return rejected("unknown_sku", f"not in the catalog: {', '.join(unknown)}")
    if len(set(skus)) != len(skus):
        return rejected("duplicate_sku", "each SKU may appear on one line only")
    lines = [{"sku": line.sku, "quantity": line.quantity,
              "line_cents": CATALOG[line.sku] * line.quantity} for line in order.items]
    subtotal = sum(line["line_cents"] for line in lines)
    if order.coupon is not None and order.coupon not in COUPONS:
        return rejected("unknown_coupon", f"no such coupon: {order.coupon}")
    if order.coupon == "BIG20" and subtotal < 10000:
        return rejected("coupon_not_applicable", "BIG20 needs a subtotal of at least 100.00")
    discount = discount_for(order.coupon, subtotal)
    shipping = SHIPPING[order.shipping.country]
    return {"lines": lines, "subtotal_cents": subtotal, "discount_cents": discount,
            "shipping_cents": shipping, "total_cents": subtotal - discount + shipping}
