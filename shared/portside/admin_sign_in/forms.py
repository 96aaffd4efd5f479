"""The admin sign-in's first form: address and password. The challenge's are in ``challenge_forms``, so that
each step's function builds only its own (a pydantic class costs about 2.5 ms of a cold start)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from portside.web.forms.base import PortalForm, WorkEmail
from portside.web.forms.text import SingleLine


class AdminSignInForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the email you sign in with, like name@company.com.",
        "password": "Enter your password.",
    }
    email: WorkEmail
    password: Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=False)]
    next: SingleLine | None = Field(default=None, max_length=500)
