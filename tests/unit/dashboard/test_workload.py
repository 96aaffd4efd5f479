"""The console home's queues: each counts with a function that exists and links to a page its readers may open."""

from __future__ import annotations

import importlib

import pytest

from portside.auth.matrix import RESOURCES
from portside.dashboard.workload import QUEUES, Queue
from portside.manifest import ROUTES


@pytest.mark.parametrize("queue", QUEUES, ids=[queue.name for queue in QUEUES])
def test_a_queue_counts_with_a_real_function_and_links_to_the_page_its_grant_opens(queue: Queue) -> None:
    module, function = queue.counter.split(":")
    resource, action = queue.grant
    page = next(route for route in ROUTES if route.method == "GET" and route.path == queue.link)

    assert callable(getattr(importlib.import_module(module), function))
    assert action in RESOURCES[resource].actions
    assert page.permission == queue.grant, "whoever sees the count may open what it counts"
