"""POST /admin/engagement/certificates: mail one contact to renew a certificate about to expire (once a day)."""

from portside.engagement.forms import CertificateNudgeForm
from portside.training.nudges import nudge_certificate
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def nudge(request: PortalRequest) -> Response:
    form = parse_form(CertificateNudgeForm, request.form)
    sent = nudge_certificate(request.tenant, form.contact_id, form.module_id, request.admin.actor, request.client)
    return redirect(f"/admin/engagement?nudged={int(sent)}")


handler = endpoint.handler
