"""POST /admin/imports/keys: a new import key, shown once on the page this answers (the table keeps its hash only)."""

from portside.errors import InvalidInput
from portside.imports.forms import ImportKeyForm
from portside.imports.key_pages import TEMPLATE, keys_context, keys_page
from portside.imports.keys import create_key
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest

# The answer carries the key itself: it is never stored, so this page is shown in place, not by a redirect.
endpoint = Endpoint(
    __name__, error_pages={InvalidInput: TEMPLATE}, error_context=keys_context, shown_in_place=frozenset({TEMPLATE})
)


@endpoint
def create(request: PortalRequest) -> Response:
    form = parse_form(ImportKeyForm, {**request.form, "kinds": request.form_all("kinds")})
    token = create_key(request.tenant, form.name, form.pushes, request.admin.actor, request.client)
    response = keys_page(request, token=token, status=201)
    response.headers["Cache-Control"] = "no-store"
    return response


handler = endpoint.handler
