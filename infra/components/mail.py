"""SES: the sender domain's identity and a configuration set that records bounces and complaints.

Bounces, complaints and rejects become CloudWatch metrics (by event type) through the
configuration set; the account's reputation metrics feed the bounce-rate alarm.
"""

from __future__ import annotations

from aws_cdk import aws_ses as ses
from constructs import Construct

from infra.config import DeploymentConfig


class Mail(Construct):
    def __init__(self, scope: Construct, construct_id: str, config: DeploymentConfig) -> None:
        super().__init__(scope, construct_id)
        self.identity = ses.EmailIdentity(self, "Domain", identity=ses.Identity.domain(config.mail_domain))
        self.configuration_set = ses.ConfigurationSet(self, "ConfigurationSet", reputation_metrics=True)
        self.configuration_set.add_event_destination(
            "BouncesAndComplaints",
            destination=ses.EventDestination.cloud_watch_dimensions(
                [
                    ses.CloudWatchDimension(
                        name="ses:configuration-set",
                        source=ses.CloudWatchDimensionSource.MESSAGE_TAG,
                        default_value="portside",
                    )
                ]
            ),
            events=[ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
        )
        self.sender = config.mail_sender
