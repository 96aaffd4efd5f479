"""Consumers of the table stream and schedules."""
