"""The documents bucket: private, encrypted, versioned, TLS only, logged, old versions expired."""

from __future__ import annotations

from typing import Any

from aws_cdk import Acknowledgment, Duration, RemovalPolicy, Validations
from aws_cdk import aws_s3 as s3
from constructs import Construct

from infra.components import checkov
from infra.config import DeploymentConfig
from portside.storage.logos import UPLOADS_PREFIX

# Every bucket of the stack: no public access, encrypted at rest, reachable over TLS only.
PRIVATE: dict[str, Any] = {
    "block_public_access": s3.BlockPublicAccess.BLOCK_ALL,
    "encryption": s3.BucketEncryption.S3_MANAGED,
    "enforce_ssl": True,
}


class Storage(Construct):
    def __init__(self, scope: Construct, construct_id: str, config: DeploymentConfig) -> None:
        super().__init__(scope, construct_id)
        removal = RemovalPolicy.RETAIN if config.protect_data else RemovalPolicy.DESTROY
        self.log_bucket = s3.Bucket(
            self,
            "AccessLogs",
            **PRIVATE,
            # CloudFront standard logs are delivered with object ACLs.
            object_ownership=s3.ObjectOwnership.OBJECT_WRITER,
            lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(config.log_retention_days))],
            removal_policy=removal,
            auto_delete_objects=not config.protect_data,
        )
        checkov.acknowledge(self.log_bucket, "CKV_AWS_18", "This is the access-log bucket: it cannot log to itself.")
        checkov.acknowledge(
            self.log_bucket,
            "CKV_AWS_21",
            "Logs are written once and expire after log_retention_days; a second version of a log holds nothing.",
        )
        Validations.of(self.log_bucket).acknowledge(
            Acknowledgment(
                id="AwsSolutions-S1",
                reason="This is the access-log bucket itself; logging it into itself would loop.",
            ),
            Acknowledgment(
                id="W3045",
                reason="CloudFront standard logs are delivered with object ACLs, so this bucket keeps ObjectWriter "
                "ownership (S3's own access logs arrive through its bucket policy); it is private and TLS-only.",
            ),
        )
        self.documents = s3.Bucket(
            self,
            "Documents",
            **PRIVATE,
            versioned=True,
            server_access_logs_bucket=self.log_bucket,
            server_access_logs_prefix="documents/",
            lifecycle_rules=[
                s3.LifecycleRule(
                    noncurrent_version_expiration=Duration.days(90),
                    abort_incomplete_multipart_upload_after=Duration.days(2),
                ),
                # Browser uploads wait here until the portal has checked them; the unused ones go after a day.
                s3.LifecycleRule(
                    id="UncheckedUploads",
                    prefix=UPLOADS_PREFIX,
                    expiration=Duration.days(1),
                    noncurrent_version_expiration=Duration.days(1),
                ),
            ],
            cors=[
                s3.CorsRule(
                    allowed_methods=[s3.HttpMethods.POST],
                    allowed_origins=list(config.cors_origins) or ["https://localhost"],
                    allowed_headers=["*"],
                    max_age=3000,
                )
            ],
            removal_policy=removal,
            auto_delete_objects=not config.protect_data,
        )
