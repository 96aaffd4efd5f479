"""AWS resources described once, for the CDK stack and the local runtime alike."""

from __future__ import annotations

ADMIN_POOL_NAME = "portside-admins"
ADMIN_PASSWORD_POLICY = {
    "MinimumLength": 14,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
    "TemporaryPasswordValidityDays": 3,
}
ADMIN_APP_CLIENT = "portside-admin-console"
