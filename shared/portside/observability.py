"""Powertools Logger and Metrics: built once, shared by every handler.

No tracer in the code: every function runs with Lambda's active tracing, which records each
invocation (initialisation, invocation, overhead) in X-Ray without an SDK. The X-Ray SDK would
add per-call subsegments, at about 120 ms of import on every cold start (docs/benchmark.md, "Cold starts").
"""

from __future__ import annotations

import warnings

from aws_lambda_powertools import Logger, Metrics

SERVICE = "portside"

logger = Logger(service=SERVICE)
metrics = Metrics(namespace="Portside", service=SERVICE)

# Most requests add no metric of their own; Powertools warns about each such flush.
warnings.filterwarnings("ignore", message="No application metrics to publish")
