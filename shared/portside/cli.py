"""``portside``: operator commands that call the same domain services as the admin console.

    portside tenant  --id northwind --name "Northwind Distribution" --base-url https://partners.northwind.example
    portside partner --tenant northwind --id acme --name "Acme Resellers"
    portside invite  --tenant northwind --partner acme --email new@acme.example --name "New Person" --role technical
    portside admin   --tenant northwind --email ops@northwind.example --role ops [--pool <AdminUserPoolId>]

Against the local runtime, add ``--local`` (its embedded emulator listens on PORT+1, 8001 by
default); against AWS, the environment's credentials and region are used, and
``PORTSIDE_TABLE_NAME`` names the stack's table (the ``TableName`` output).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from urllib.parse import urlsplit

from pydantic import ValidationError

from portside.auth.matrix import ADMIN_ROLES
from portside.errors import InvalidInput, NotFound

LOCAL_EMULATOR = "http://127.0.0.1:8001"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portside", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--local", nargs="?", const=LOCAL_EMULATOR, metavar="URL", help=f"use the local emulator ({LOCAL_EMULATOR})"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    tenant = commands.add_parser("tenant", help="create a tenant and the hostnames that lead to it")
    tenant.add_argument("--id", required=True, help="e.g. northwind")
    tenant.add_argument("--name", required=True, help="shown on every page and mail")
    tenant.add_argument("--base-url", required=True, help="links in mail start with this")
    tenant.add_argument("--host", action="append", help="a hostname that leads to the tenant (default: the base URL's)")
    partner = commands.add_parser("partner", help="add a partner to a tenant")
    partner.add_argument("--tenant", required=True)
    partner.add_argument("--id", required=True, help="e.g. acme")
    partner.add_argument("--name", required=True)
    invite = commands.add_parser("invite", help="add a contact to a partner and mail them an invite link")
    invite.add_argument("--tenant", required=True, help="tenant id, e.g. northwind")
    invite.add_argument("--partner", required=True, help="partner id, e.g. acme")
    invite.add_argument("--email", required=True)
    invite.add_argument("--name", required=True)
    invite.add_argument("--role", required=True, choices=("principal", "salesperson", "technical"))
    admin = commands.add_parser("admin", help="give someone a tenant's admin console (Cognito mails a password)")
    admin.add_argument("--tenant", required=True)
    admin.add_argument("--email", required=True)
    admin.add_argument("--role", required=True, choices=ADMIN_ROLES)
    admin.add_argument("--pool", help="the stack's AdminUserPoolId (default: PORTSIDE_ADMIN_POOL_ID, or the only pool)")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    if arguments.local:
        os.environ.update(
            {
                "AWS_ENDPOINT_URL": arguments.local,
                "AWS_ACCESS_KEY_ID": "local",
                "AWS_SECRET_ACCESS_KEY": "local",
                "AWS_DEFAULT_REGION": "us-east-1",
            }
        )
    try:
        print(_run(arguments))
    except ValidationError as error:
        problem = error.errors()[0]
        print(f"portside: {problem['loc'][0] if problem['loc'] else 'input'}: {problem['msg']}", file=sys.stderr)
        return 2
    except InvalidInput as error:
        print(f"portside: {error}", file=sys.stderr)
        return 2
    except NotFound as error:
        print(f"portside: not found: {error}", file=sys.stderr)
        return 1
    return 0


def _run(arguments: argparse.Namespace) -> str:
    # Imported here: the models read their settings, and clients their endpoint, on first use.
    from portside.admins.forms import AdminMemberForm
    from portside.admins.membership import add_admin
    from portside.audit import Client
    from portside.data import reads
    from portside.partners.directory import PartnerFields, create_partner
    from portside.partners.forms import InviteForm, PartnerForm
    from portside.partners.invites import invite_contact
    from portside.web.forms.tenant import TenantForm
    from portside.web.tenants import create_tenant

    actor, client = f"system:cli:{getpass.getuser()}", Client(ip=None, user_agent="portside-cli")
    if arguments.command == "tenant":
        hosts = arguments.host or [urlsplit(arguments.base_url).hostname or ""]
        form = TenantForm(tenant_id=arguments.id, name=arguments.name, base_url=arguments.base_url, hostnames=hosts)
        created = create_tenant(form.tenant_id, form.name, form.base_url, form.hostnames, actor, client)
        return f"Created tenant {created.tenant_id} at {created.base_url} for {', '.join(form.hostnames)}."
    tenant = reads.tenant(arguments.tenant)
    if tenant is None:
        raise NotFound(f"tenant {arguments.tenant}")
    if arguments.command == "partner":
        partner_form = PartnerForm(partner_id=arguments.id, name=arguments.name)
        partner = create_partner(tenant, partner_form.partner_id, PartnerFields(partner_form.name), actor, client)
        return f"Created partner {partner.partner_id} ({partner.name})."
    if arguments.command == "admin":
        member = AdminMemberForm(email=arguments.email, role=arguments.role)
        new_user = add_admin(tenant, arguments.pool or _admin_pool(), member.email, member.role, actor, client)
        how = "Cognito mails a temporary password" if new_user else "their password is unchanged"
        return f"{member.email} is now {member.role} of {tenant.tenant_id}; {how}."
    invite_form = InviteForm(email=arguments.email, name=arguments.name, role=arguments.role)
    contact = invite_contact(
        tenant, arguments.partner, invite_form.email, invite_form.name, invite_form.role, actor=actor, client=client
    )
    return f"Invited {contact.name} <{contact.email}> as {contact.role} of partner {contact.partner_id}."


def _admin_pool() -> str:
    from portside.aws import client
    from portside.config import settings

    if settings().admin_pool_id:
        return settings().admin_pool_id
    pools = client("cognito-idp").list_user_pools(MaxResults=10)["UserPools"]
    if len(pools) != 1:
        raise InvalidInput({"pool": "Name the admin pool with --pool (the stack's AdminUserPoolId output)."})
    return str(pools[0]["Id"])


if __name__ == "__main__":
    sys.exit(main())
