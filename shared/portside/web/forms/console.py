"""The console's own forms of the features not yet moved: tenants, partners, contacts, admins, nudges,
reviews."""

from __future__ import annotations

from typing import ClassVar

from portside.web.forms.base import (
    OptionalNote,
    PortalForm,
)


class AccessReviewForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"note": "Keep the note under 1,000 characters."}
    note: OptionalNote = None
