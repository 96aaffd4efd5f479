"""What a million views of a page cost on AWS, from the calls the benchmark counted and list prices.

Prices are us-east-1 list prices, written once here with the date they were read; check them
before quoting a figure. Free tiers are left out (they matter only to the smallest portals).

Measured per page: the portal's own time, the DynamoDB round trips and capacity, the bytes of the
answer. Assumed, and written here beside their reasons (docs/benchmark.md repeats them):

- Lambda's duration: the own time measured on one full core scaled to the function's share of a
  core (a full vCPU at 1,769 MB), plus each DynamoDB round trip at ``ROUND_TRIP_MS``.
- Cold starts: ``COLD_SHARE`` of views land on a new container, whose initialisation (the cold
  import measured, at the function's share of a core) Lambda bills as duration.
- Tracing: X-Ray's default rule records the first request each second and 5% of the rest, so at a
  portal's traffic (under a request a second per function) nearly every request: ``TRACED_SHARE``.
- Logs: ``LOG_BYTES_PER_VIEW`` reach CloudWatch Logs per view (Lambda's START, END and REPORT lines
  and the portal's request line in JSON, and the API's access-log line), kept ``LOG_MONTHS``.
- CloudFront sends the answer as the portal wrote it (caching is off, so is compression).
- A document download's file (``DOWNLOAD_BYTES``) leaves S3 directly, through the presigned link.
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
CLOUDFRONT_PER_GB = 0.085  # to the internet, the first 10 TB a month, North America and Europe
WAF_PER_MILLION = 0.60
XRAY_PER_MILLION_TRACES = 5.00  # recorded
LOGS_PER_GB_INGESTED = 0.50
LOGS_PER_GB_MONTH = 0.03
S3_PER_MILLION_GETS = 0.40
S3_TRANSFER_PER_GB = 0.09
# Fixed monthly charges, whatever the views.
WAF_WEB_ACL_MONTHLY = 5.00
WAF_RULE_MONTHLY = 1.00  # each rule or managed rule group
WAF_RULES = 3  # the two managed groups and the sign-in rate limit (infra/components/firewall.py)
SECRET_MONTHLY = 0.40  # the edge secret
ALARM_MONTHLY = 0.10  # a standard-resolution alarm; one of several metrics costs one per metric
DASHBOARD_MONTHLY = 3.00

FULL_VCPU_MB = 1769
ROUND_TRIP_MS = 5.0
MEMORY_CHOICES = (512, 1024, 1769)
COLD_SHARE = 0.05
TRACED_SHARE = 1.0
LOG_BYTES_PER_VIEW = 1500
LOG_MONTHS = 3  # the stack's default log retention, 90 days
DOWNLOAD_BYTES = 1_000_000
GB = 1_000_000_000


@dataclass(frozen=True)
class Usage:
    own_ms: float  # the portal's own code, on one full core
    round_trips: int
    read_units: float
    write_units: float
    response_bytes: int = 0
    cold_import_s: float = 0.0
    downloads_a_file: bool = False


def share_of_core(memory_mb: int) -> float:
    return min(1.0, memory_mb / FULL_VCPU_MB)


def duration_ms(usage: Usage, memory_mb: int) -> float:
    return usage.own_ms / share_of_core(memory_mb) + usage.round_trips * ROUND_TRIP_MS


def cold_init_seconds(import_seconds: float, memory_mb: int) -> float:
    """Initialisation is CPU: the import measured on one core, at the function's share of a core."""
    return import_seconds / share_of_core(memory_mb)


def per_million(usage: Usage, memory_mb: int) -> dict[str, float]:
    """Dollars per million views, by line item."""
    gigabytes = memory_mb / 1024
    run_seconds = duration_ms(usage, memory_mb) / 1000 * 1_000_000
    init_seconds = cold_init_seconds(usage.cold_import_s, memory_mb) * COLD_SHARE * 1_000_000
    logged_gb = LOG_BYTES_PER_VIEW * 1_000_000 / GB
    return {
        "lambda requests": LAMBDA_PER_MILLION_REQUESTS,
        "lambda duration": gigabytes * run_seconds * LAMBDA_ARM_PER_GB_SECOND,
        "lambda init": gigabytes * init_seconds * LAMBDA_ARM_PER_GB_SECOND,
        "http api": HTTP_API_PER_MILLION,
        "dynamodb": usage.read_units * DYNAMODB_PER_MILLION_READ_UNITS
        + usage.write_units * DYNAMODB_PER_MILLION_WRITE_UNITS,
        "cloudfront requests": CLOUDFRONT_PER_MILLION_HTTPS,
        "cloudfront transfer": usage.response_bytes * 1_000_000 / GB * CLOUDFRONT_PER_GB,
        "waf": WAF_PER_MILLION,
        "x-ray": TRACED_SHARE * XRAY_PER_MILLION_TRACES,
        "logs": logged_gb * (LOGS_PER_GB_INGESTED + LOGS_PER_GB_MONTH * LOG_MONTHS),
        "s3": (S3_PER_MILLION_GETS + DOWNLOAD_BYTES * 1_000_000 / GB * S3_TRANSFER_PER_GB)
        if usage.downloads_a_file
        else 0.0,
    }


def fixed_monthly(alarm_metrics: int) -> dict[str, float]:
    """Dollars a month that do not grow with views (table and bucket storage aside: they grow with data)."""
    return {
        "waf web acl and rules": WAF_WEB_ACL_MONTHLY + WAF_RULES * WAF_RULE_MONTHLY,
        "edge secret": SECRET_MONTHLY,
        "alarms": alarm_metrics * ALARM_MONTHLY,
        "dashboard": DASHBOARD_MONTHLY,
    }


def alarm_metrics(functions: int, stream_workers: int) -> int:
    """The metrics the stack's alarms watch (infra/components/monitoring.py; tests/infra checks the count):
    each function's errors and throttles, the API's requests and errors, each stream's age, the table's two
    throttle counts and nine operations' errors, the dead letters, SES bounces, CloudFront's 5xx rate and the
    WAF's blocked and allowed requests."""
    return 2 * functions + 2 + stream_workers + 2 + 9 + 1 + 1 + 1 + 2
