"""The answers to the challenge Cognito sets after the password: a code, or a new password."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from portside.web.forms.base import PortalForm, WorkEmail
from portside.web.forms.text import SingleLine


class AdminChallengeForm(PortalForm):
    """One answer to a Cognito challenge: what every step carries back."""

    messages: ClassVar[dict[str, str]] = {
        "code": "Type the 6 digits your authenticator app shows now.",
        "new_password": "Choose a password of at least 14 characters with upper and lower case, a digit and a symbol.",
        "session": "This sign-in took too long. Start again.",
        "email": "This sign-in took too long. Start again.",
    }
    email: WorkEmail
    # Cognito's own bounds for a challenge session: anything else never came from it.
    session: Annotated[str, StringConstraints(min_length=20, max_length=2048, pattern=r"^[\x21-\x7e]+$")]
    next: SingleLine | None = Field(default=None, max_length=500)


class AdminCodeAnswer(AdminChallengeForm):
    """SOFTWARE_TOKEN_MFA and MFA_SETUP: the authenticator's current code."""

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class AdminNewPasswordAnswer(AdminChallengeForm):
    """NEW_PASSWORD_REQUIRED: the password that replaces the temporary one (Cognito applies its policy too)."""

    new_password: Annotated[str, StringConstraints(min_length=14, max_length=256, strip_whitespace=False)]
