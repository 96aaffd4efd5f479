"""``python -m infra.local``: the whole portal on http://127.0.0.1:$PORT with demo data (``make dev``)."""

from __future__ import annotations

import faulthandler
import functools
import logging
import os
import signal
import sys
import threading


def main() -> None:
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 <pid>` prints every thread's stack
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the runtime prints its own access lines
    port = int(os.environ.get("PORT", "8000"))
    emulator_port = int(os.environ.get("MOTO_PORT", str(port + 1)))
    sso_port = int(os.environ.get("SSO_PORT", str(port + 2)))

    # The emulator must answer before any AWS client exists: clients read their endpoint once.
    from infra.local.emulator import Emulator, point_aws_clients_at

    emulator = Emulator(emulator_port)
    emulator.start()
    point_aws_clients_at(emulator.url)
    os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

    from werkzeug.serving import make_server

    from infra.local import (
        demo_documents,
        demo_imports,
        demo_lookups,
        demo_requests,
        demo_training,
        resources,
        seed,
        sso_stand_in,
        totp,
    )
    from infra.local.mail_catcher import MailCatcher
    from infra.local.router import HandlerInstances
    from infra.local.schedule import Scheduler
    from infra.local.server import LocalPortal
    from infra.local.streams import StreamFeeder
    from portside.config import settings
    from portside.manifest import WORKERS

    base_url = f"http://127.0.0.1:{port}"
    totp.enable_in_emulator()
    pool = resources.create_all()
    os.environ.update(resources.admin_settings(pool, f"{emulator.url}/{pool['pool_id']}/.well-known/jwks.json"))
    identity_provider = sso_stand_in.StandInProvider(sso_port)
    identity_provider.start()
    os.environ.update(identity_provider.settings())
    settings.cache_clear()
    seed.seed_tenant(base_url)
    seed.seed_deals()
    seed.seed_questions()
    seed.seed_document_spaces()
    demo_documents.seed_documents(seed.TENANT_ID)
    demo_lookups.seed_lookups()
    demo_requests.seed_requests()
    demo_training.seed_training()
    demo_imports.seed_held_import()
    seed.seed_admins(pool["pool_id"], pool["client_id"])
    sso_stand_in.seed_group_roles(seed.TENANT_ID)

    instances = HandlerInstances()
    mail = MailCatcher()
    feeders = [
        StreamFeeder(functools.partial(instances.invoke, worker.handler), mail.collect, worker.item_types)
        for worker in WORKERS
        if worker.source == "table-stream"
    ]
    for feeder in feeders:
        feeder.start()
    scheduler = Scheduler(instances.invoke, mail.collect)
    scheduler.start()
    server = make_server(
        "127.0.0.1", port, LocalPortal(instances, mail, quiet=bool(os.environ.get("QUIET"))), threaded=True
    )

    print(
        f"\nPortside is running at {base_url}  (Ctrl-C stops it)\n"
        f"  partners sign in at {base_url}/partners/login as, for example, principal@acme.example\n"
        f"  admins sign in at {base_url}/admin/login as ops@northwind.example, password {seed.ADMIN_PASSWORD},\n"
        f"    code from an authenticator with secret {totp.LOCAL_TOTP_SECRET} or from {base_url}/_dev/totp\n"
        f"  or with 'Sign in with {sso_stand_in.PROVIDER_NAME}' (a stand-in provider at {identity_provider.url}):\n"
        f"    pick {sso_stand_in.DEMO_USERS[0].email}, an owner by the group portal-owners\n"
        f"  caught mail: printed here, and at {base_url}/_dev/mail and {base_url}/_dev/mail.json\n"
        f"  emulator (moto): {emulator.url}\n",
        flush=True,
    )

    stopping = threading.Event()

    def stop(*_: object) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()
    scheduler.stop()
    for feeder in feeders:
        feeder.stop()
    identity_provider.stop()
    emulator.stop()
    print("Portside stopped.", flush=True)
    # Everything lived in memory: skip the interpreter's final garbage collection of the emulator's
    # state, which takes seconds (and grows with what the session stored) and saves nothing.
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
