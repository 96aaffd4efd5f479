"""The access review's form: an owner or auditor confirms they reviewed who has access."""

from __future__ import annotations

from typing import ClassVar

from portside.web.forms.base import OptionalNote, PortalForm


class AccessReviewForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"note": "Keep the note under 1,000 characters."}
    note: OptionalNote = None
