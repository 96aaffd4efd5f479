"""What the questions record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "question.answer_updated": "Answer updated",
    "question.answered": "Question answered",
    "question.asked": "Question asked",
}
