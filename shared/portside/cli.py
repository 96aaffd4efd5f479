"""``portside``: operator commands that call the same domain services as the admin console.

    portside invite --tenant northwind --partner acme --email new@acme.example --name "New Person" --role technical

Against the local runtime, add ``--local`` (its embedded emulator listens on PORT+1, 8001 by
default); against AWS, the usual credentials and region of the environment are used.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from pydantic import ValidationError

from portside.errors import InvalidInput, NotFound

LOCAL_EMULATOR = "http://127.0.0.1:8001"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portside", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--local", nargs="?", const=LOCAL_EMULATOR, metavar="URL", help=f"use the local emulator ({LOCAL_EMULATOR})"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    invite = commands.add_parser("invite", help="add a contact to a partner and mail them an invite link")
    invite.add_argument("--tenant", required=True, help="tenant id, e.g. northwind")
    invite.add_argument("--partner", required=True, help="partner id, e.g. acme")
    invite.add_argument("--email", required=True)
    invite.add_argument("--name", required=True)
    invite.add_argument("--role", required=True, choices=("principal", "salesperson", "technical"))
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
    # Imported here: the models read their settings, and clients their endpoint, on first use.
    from portside.audit import Client
    from portside.data import reads
    from portside.domain.invites import invite_contact
    from portside.web.forms import InviteForm

    try:
        form = InviteForm(email=arguments.email, name=arguments.name, role=arguments.role)
        tenant = reads.tenant(arguments.tenant)
        if tenant is None:
            raise NotFound(f"tenant {arguments.tenant}")
        contact = invite_contact(
            tenant,
            arguments.partner,
            form.email,
            form.name,
            form.role,
            actor=f"system:cli:{getpass.getuser()}",
            client=Client(ip=None, user_agent="portside-cli"),
        )
    except ValidationError as error:
        print(f"portside: {error.errors()[0]['loc'][0]}: {error.errors()[0]['msg']}", file=sys.stderr)
        return 2
    except InvalidInput as error:
        print(f"portside: {error}", file=sys.stderr)
        return 2
    except NotFound as error:
        print(f"portside: not found: {error}", file=sys.stderr)
        return 1
    print(f"Invited {contact.name} <{contact.email}> as {contact.role} of partner {contact.partner_id}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
