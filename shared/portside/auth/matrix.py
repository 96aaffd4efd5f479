"""The permission matrix: role -> resource -> actions (and the fields partners never see).

This module is the only thing that decides access. The guard reads it, the navigation
reads it, and the admin help page renders its role table from it. Resources of features
not built yet are here too: the matrix is the contract those features are built to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARTNER_ROLES = ("principal", "salesperson", "technical")
# What a partner role is called on pages and in mail.
PARTNER_ROLE_LABELS = {"principal": "Principal", "salesperson": "Salesperson", "technical": "Technical contact"}
ADMIN_ROLES = ("owner", "ops", "finance", "auditor")


@dataclass(frozen=True)
class Grant:
    actions: frozenset[str]
    note: str = ""  # the scope in words, for the role table (e.g. "only their own deals where the tenant says so")


def _grant(*actions: str, note: str = "") -> Grant:
    return Grant(frozenset(actions), note)


@dataclass(frozen=True)
class Resource:
    name: str
    label: str
    audience: str  # "partner" or "admin"
    actions: tuple[str, ...]
    killed_fields: frozenset[str] = field(default_factory=frozenset)


# Fields a partner must never see, whatever the role. A partner's own credit limit is shown to its
# principal only, so it is killed for every other partner role (see ``killed_fields``).
KILL_LIST = frozenset({"unit_cost", "margin", "supplier", "internal_notes", "cost_price", "supplier_sku"})
PRINCIPAL_ONLY_FIELDS = frozenset({"credit_limit"})

RESOURCES: dict[str, Resource] = {
    r.name: r
    for r in (
        # Partner-facing resources.
        Resource("dashboard", "Dashboard", "partner", ("view",)),
        Resource("deals", "Deals", "partner", ("view", "submit"), KILL_LIST),
        Resource("documents", "Documents", "partner", ("view", "download")),
        Resource("questions", "Questions", "partner", ("view", "ask")),
        Resource("training", "Training", "partner", ("view", "take_quiz")),
        Resource("orders", "Orders", "partner", ("view",), KILL_LIST),
        Resource("prices", "Prices", "partner", ("view", "export"), KILL_LIST),
        Resource("stock", "Stock", "partner", ("view",), KILL_LIST),
        Resource("pricing_requests", "Pricing and credit requests", "partner", ("view", "submit")),
        Resource("account", "Account", "partner", ("view",), KILL_LIST),
        # Admin resources.
        Resource("admin_dashboard", "Overview", "admin", ("view",)),
        Resource("partners", "Partners", "admin", ("view", "manage")),
        Resource("contacts", "Contacts", "admin", ("view", "manage", "invite", "end_sessions")),
        Resource("deal_reviews", "Deal approvals", "admin", ("view", "decide")),
        Resource("approvals", "Pricing and credit approvals", "admin", ("view", "decide")),
        Resource("answers", "Questions", "admin", ("view", "answer")),
        Resource("document_spaces", "Documents", "admin", ("view", "manage")),
        Resource("training_authoring", "Training", "admin", ("view", "manage")),
        # "manage" starts an import of some kind; which kinds, the kind's own action says (IMPORT_ACTIONS).
        Resource("imports", "Data imports", "admin", ("view", "manage", "orders_stock", "prices_accounts", "keys")),
        Resource("order_data", "Orders", "admin", ("view",)),
        Resource("engagement", "Engagement", "admin", ("view", "nudge")),
        Resource("audit_log", "Audit log", "admin", ("view", "export")),
        Resource("access_review", "Access review", "admin", ("view", "review")),
        Resource("admins", "Admins", "admin", ("view", "manage")),
        Resource("outbox", "Mail delivery", "admin", ("view", "retry")),
        Resource("branding", "Branding", "admin", ("view", "manage")),
        Resource("settings", "Settings", "admin", ("view", "manage")),
        Resource("role_help", "Roles", "admin", ("view",)),
    )
}

_ALL_ADMIN = [name for name, r in RESOURCES.items() if r.audience == "admin"]

MATRIX: dict[str, dict[str, Grant]] = {
    "principal": {
        "dashboard": _grant("view"),
        "deals": _grant("view", "submit", note="all of the partner's deals"),
        "documents": _grant("view", "download", note="spaces open to the partner and to principals"),
        "questions": _grant("view", "ask"),
        "training": _grant("view", "take_quiz", note="every module"),
        "orders": _grant("view"),
        "prices": _grant("view", "export"),
        "stock": _grant("view"),
        "pricing_requests": _grant("view", "submit"),
        "account": _grant("view", note="including the partner's credit limit"),
    },
    "salesperson": {
        "dashboard": _grant("view"),
        "deals": _grant(
            "view", "submit", note="all of the partner's deals, or only their own where the tenant turns that on"
        ),
        "documents": _grant("view", "download", note="spaces open to the partner and to salespeople"),
        "questions": _grant("view", note="read-only"),
        "training": _grant("view", "take_quiz", note="modules for salespeople or both"),
        "orders": _grant("view"),
        "prices": _grant("view", "export"),
        "stock": _grant("view"),
    },
    "technical": {
        "dashboard": _grant("view"),
        "deals": _grant("view", note="read-only"),
        "documents": _grant("view", "download", note="spaces open to the partner and to technical contacts"),
        "questions": _grant("view", "ask"),
        "training": _grant("view", "take_quiz", note="modules for technical contacts or both"),
        "stock": _grant("view"),
    },
    "owner": {name: Grant(frozenset(RESOURCES[name].actions), "everything") for name in _ALL_ADMIN},
    "ops": {
        "admin_dashboard": _grant("view"),
        "partners": _grant("view", "manage"),
        "contacts": _grant("view", "manage", "invite", "end_sessions"),
        "deal_reviews": _grant("view", "decide"),
        "answers": _grant("view", "answer"),
        "document_spaces": _grant("view", "manage"),
        "training_authoring": _grant("view", "manage"),
        "imports": _grant("view", "manage", "orders_stock", note="orders and stock; prices and accounts are finance's"),
        "order_data": _grant("view", note="read-only, to check what an import brought"),
        "engagement": _grant("view", "nudge"),
        "outbox": _grant("view", "retry"),
        "role_help": _grant("view"),
    },
    "finance": {
        "admin_dashboard": _grant("view"),
        "partners": _grant("view"),
        "approvals": _grant("view", "decide", note="pricing and credit requests"),
        "imports": _grant("view", "manage", "prices_accounts", note="prices and accounts only"),
        "training_authoring": _grant("view", note="read-only: the modules and the training report"),
        "deal_reviews": _grant("view", "decide"),
        "order_data": _grant("view"),
        "role_help": _grant("view"),
    },
    "auditor": {
        **{name: _grant("view", note="read-only") for name in _ALL_ADMIN if name not in ("branding", "settings")},
        "audit_log": _grant("view", "export"),
        "access_review": _grant("view", "review"),
    },
}


# Who may import what: prices and accounts change what partners pay and owe, so they are finance's,
# as pricing and credit requests are; orders and stock are ops'.
IMPORT_ACTIONS = {
    "orders": "orders_stock",
    "stock": "orders_stock",
    "prices": "prices_accounts",
    "accounts": "prices_accounts",
}


def allows(role: str, resource: str, action: str) -> bool:
    grant = MATRIX.get(role, {}).get(resource)
    return grant is not None and action in grant.actions


def hidden_fields(role: str, resource: str) -> frozenset[str]:
    """The fields of ``resource`` that ``role`` must never receive."""
    definition = RESOURCES[resource]
    if definition.audience != "partner":
        return frozenset()
    killed = set(definition.killed_fields)
    if role != "principal":
        killed |= PRINCIPAL_ONLY_FIELDS
    return frozenset(killed)
