"""Pydantic models for every form, one module per area, and the one function that turns a bad form into InvalidInput.

Handlers import from here; the areas are ``base``, ``sign_in``, ``console``, ``deals`` and ``questions``.
"""

from __future__ import annotations

from portside.errors import InvalidInput
from portside.web.forms.base import (
    ONE_THING,
    RESERVED_IDS,
    Name,
    OptionalNote,
    OptionalShortText,
    OptionalText200,
    PortalForm,
    ShortText,
    Slug,
    VersionForm,
    WorkEmail,
    blank_is_none,
    parse_form,
)
from portside.web.forms.console import (
    AccessReviewForm,
    AdminMemberForm,
    AuditFilterForm,
    BrandForm,
    ContactRoleForm,
    ContactStatusForm,
    InviteForm,
    LogDay,
    NudgeForm,
    PartnerDetailsForm,
    PartnerForm,
    TenantForm,
    TenantSettingsForm,
)
from portside.web.forms.deals import MAX_DEAL_CENTS, DealDecisionForm, DealForm, DealListFilter
from portside.web.forms.questions import AnswerForm, QuestionForm
from portside.web.forms.sign_in import (
    AdminChallengeForm,
    AdminCodeAnswer,
    AdminNewPasswordAnswer,
    AdminSignInForm,
    CodeSignInForm,
    MagicLinkForm,
    SignInLinkForm,
)

__all__ = [
    "MAX_DEAL_CENTS",
    "ONE_THING",
    "RESERVED_IDS",
    "AccessReviewForm",
    "AdminChallengeForm",
    "AdminCodeAnswer",
    "AdminMemberForm",
    "AdminNewPasswordAnswer",
    "AdminSignInForm",
    "AnswerForm",
    "AuditFilterForm",
    "BrandForm",
    "CodeSignInForm",
    "ContactRoleForm",
    "ContactStatusForm",
    "DealDecisionForm",
    "DealForm",
    "DealListFilter",
    "InvalidInput",
    "InviteForm",
    "LogDay",
    "MagicLinkForm",
    "Name",
    "NudgeForm",
    "OptionalNote",
    "OptionalShortText",
    "OptionalText200",
    "PartnerDetailsForm",
    "PartnerForm",
    "PortalForm",
    "QuestionForm",
    "ShortText",
    "SignInLinkForm",
    "Slug",
    "TenantForm",
    "TenantSettingsForm",
    "VersionForm",
    "WorkEmail",
    "blank_is_none",
    "parse_form",
]
