"""What a million views of a page cost on AWS, from the calls the benchmark counted and list prices.

Prices are us-east-1 list prices, written once here with the date they were read; check them
before quoting a figure. Fixed monthly charges (a WAF web ACL and its rules, the table's storage,
CloudWatch) are left out: they do not grow with views.

Lambda's duration is estimated, not measured on Lambda: the portal's own time measured here (one
full core) scaled to the function's share of a core (a full vCPU at 1,769 MB), plus each DynamoDB
round trip at ``ROUND_TRIP_MS``.
"""

from __future__ import annotations

from dataclasses import dataclass

PRICES_READ_ON = "2025-06"
LAMBDA_ARM_PER_GB_SECOND = 0.0000133334
LAMBDA_PER_MILLION_REQUESTS = 0.20
HTTP_API_PER_MILLION = 1.00
DYNAMODB_PER_MILLION_READ_UNITS = 0.125  # on demand
DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625
CLOUDFRONT_PER_MILLION_HTTPS = 1.00  # $0.0100 per 10,000 HTTPS requests, North America and Europe
WAF_PER_MILLION = 0.60

FULL_VCPU_MB = 1769
ROUND_TRIP_MS = 5.0
MEMORY_CHOICES = (512, 1024, 1769)


@dataclass(frozen=True)
class Usage:
    own_ms: float  # the portal's own code, on one full core
    round_trips: int
    read_units: float
    write_units: float


def duration_ms(usage: Usage, memory_mb: int) -> float:
    share = min(1.0, memory_mb / FULL_VCPU_MB)
    return usage.own_ms / share + usage.round_trips * ROUND_TRIP_MS


def per_million(usage: Usage, memory_mb: int) -> dict[str, float]:
    """Dollars per million views, by service."""
    gb_seconds = memory_mb / 1024 * duration_ms(usage, memory_mb) / 1000
    return {
        "lambda": LAMBDA_PER_MILLION_REQUESTS + gb_seconds * LAMBDA_ARM_PER_GB_SECOND * 1_000_000,
        "http api": HTTP_API_PER_MILLION,
        "dynamodb": usage.read_units * DYNAMODB_PER_MILLION_READ_UNITS
        + usage.write_units * DYNAMODB_PER_MILLION_WRITE_UNITS,
        "cloudfront": CLOUDFRONT_PER_MILLION_HTTPS,
        "waf": WAF_PER_MILLION,
    }


def cold_init_seconds(import_seconds: float, memory_mb: int) -> float:
    """Initialisation is CPU: the import measured on one core, at the function's share of a core."""
    return import_seconds / min(1.0, memory_mb / FULL_VCPU_MB)
