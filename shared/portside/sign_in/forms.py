"""Partner sign-in forms: an address to mail a link to, a code typed on another device, a link pressed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from portside.web.forms.base import PortalForm, WorkEmail
from portside.web.forms.text import SingleLine


class SignInLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"email": "Enter your work email, like name@company.com."}
    email: WorkEmail
    next: SingleLine | None = Field(default=None, max_length=500)


class CodeSignInForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the email the code was sent to.",
        "code": "Type the 6 digits from the mail.",
    }
    email: WorkEmail
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class MagicLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"token": "This sign-in link is incomplete. Open it again from the mail."}
    token: Annotated[str, StringConstraints(min_length=20, max_length=100)]
