"""GET /admin/engagement: contacts invited but never signed in, those not seen for 90 days (or 30, with
``?unseen=30``), and certificates expiring within 30 days."""

from portside.engagement.nudging import UNSEEN_FOR, Audience, engagement_list
from portside.training.nudges import expiring_certificates
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_engagement(request: PortalRequest) -> Response:
    invited, invited_more = engagement_list(request.tenant, Audience.NEVER_SIGNED_IN, request.query("invited_cursor"))
    unseen = Audience.QUIET if request.query("unseen") == "30" else Audience.DORMANT
    dormant, dormant_more = engagement_list(request.tenant, unseen, request.query("dormant_cursor"))
    expiring, expiring_more = expiring_certificates(request.tenant, request.query("expiring_cursor"))
    sent = request.query("nudged")
    return page(
        request,
        "engagement/admin_engagement.html",
        invited=invited,
        invited_more=invited_more,
        dormant=dormant,
        dormant_more=dormant_more,
        unseen=unseen.value,
        unseen_days=UNSEEN_FOR[unseen].days,
        expiring=expiring,
        expiring_more=expiring_more,
        nudged=int(sent) if sent and sent.isdigit() else None,
        can_nudge=request.admin.may("engagement", "nudge"),
    )


handler = endpoint.handler
