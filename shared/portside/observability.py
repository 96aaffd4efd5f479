"""Powertools Logger, Tracer and Metrics: built once, shared by every handler."""

from __future__ import annotations

import warnings

from aws_lambda_powertools import Logger, Metrics, Tracer

SERVICE = "portside"

logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE)
metrics = Metrics(namespace="Portside", service=SERVICE)

# Most requests add no metric of their own; Powertools warns about each such flush.
warnings.filterwarnings("ignore", message="No application metrics to publish")
