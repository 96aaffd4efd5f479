"""A pytest plugin placeholder: the local runtime fixture for end-to-end and browser tests."""
