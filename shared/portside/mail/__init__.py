"""Mail: outbox items written with the change, rendered and sent by the worker through SES."""
