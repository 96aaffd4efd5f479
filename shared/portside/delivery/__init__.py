"""Mail delivery: the mail worker sends what the outbox holds (woken by the table's stream), the sweeper
retries what the stream missed or a send failed, and the console shows the mail that failed for good
("parked") and sends it again. Rendering and sending are the mail layer's (``portside/mail/``).

``routes`` (with the stream's item types), ``parked`` (the parked mail and its retry), ``audit_actions``.
"""
