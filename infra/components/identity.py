"""The admins' Cognito user pool: MFA (TOTP) required, no self sign-up, no groups.

The pool says who an admin is; their role in a tenant is that tenant's membership item, because one
pool serves every tenant (docs/admin-roles.md).

With an ``identity_provider``, the pool federates it and gets a hosted domain; the console's app
client then also runs the OAuth code flow (PKCE, no secret) back to ``/admin/login/sso/callback``
on the portal's hosts, and the provider's groups arrive in the ID token as ``custom:groups``.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, Aws, Duration, RemovalPolicy, SecretValue, Stack, Validations
from aws_cdk import aws_cognito as cognito
from constructs import Construct

from infra.config import DeploymentConfig
from infra.definitions import ADMIN_APP_CLIENT, ADMIN_PASSWORD_POLICY, ADMIN_POOL_NAME


class Identity(Construct):
    def __init__(self, scope: Construct, construct_id: str, config: DeploymentConfig) -> None:
        super().__init__(scope, construct_id)
        policy = ADMIN_PASSWORD_POLICY
        self.pool = cognito.UserPool(
            self,
            "AdminPool",
            user_pool_name=f"{ADMIN_POOL_NAME}-{config.stage}",
            self_sign_up_enabled=False,
            sign_in_aliases=cognito.SignInAliases(email=True),
            mfa=cognito.Mfa.REQUIRED,
            mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False),
            password_policy=cognito.PasswordPolicy(
                min_length=int(policy["MinimumLength"]),
                require_uppercase=bool(policy["RequireUppercase"]),
                require_lowercase=bool(policy["RequireLowercase"]),
                require_digits=bool(policy["RequireNumbers"]),
                require_symbols=bool(policy["RequireSymbols"]),
                temp_password_validity=Duration.days(int(policy["TemporaryPasswordValidityDays"])),
            ),
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            # A federated user's groups at the company's provider, copied at each sign-in
            # (docs/single-sign-on.md). Custom attributes can be added to a pool later, never removed.
            custom_attributes={"groups": cognito.StringAttribute(mutable=True, max_len=2048)},
            deletion_protection=config.protect_data,
            removal_policy=RemovalPolicy.RETAIN if config.protect_data else RemovalPolicy.DESTROY,
        )
        Validations.of(self.pool).acknowledge(
            Acknowledgment(
                id="AwsSolutions-COG8",
                reason="Threat protection needs the Cognito Plus plan; admin sign-in is guarded by required TOTP "
                "MFA and the portal's own slowed retries. Turn it on per environment if the plan is bought.",
            )
        )
        providers = [cognito.UserPoolClientIdentityProvider.COGNITO]
        self.sso_environment: dict[str, str] = {}
        oauth: cognito.OAuthSettings | None = None
        if config.identity_provider is not None:
            providers.append(self._federate(config))
            oauth = self._hosted_sign_in(config)
        self.client = self.pool.add_client(
            "AdminConsole",
            user_pool_client_name=ADMIN_APP_CLIENT,
            auth_flows=cognito.AuthFlow(user_password=True),
            generate_secret=False,
            prevent_user_existence_errors=True,
            supported_identity_providers=providers,
            id_token_validity=Duration.hours(1),
            access_token_validity=Duration.hours(1),
            o_auth=oauth,
            disable_o_auth=oauth is None,
        )

    def _hosted_sign_in(self, config: DeploymentConfig) -> cognito.OAuthSettings:
        """The pool's hosted domain, the functions' settings for it, and the app client's OAuth flow."""
        provider = config.identity_provider
        assert provider is not None
        hosts = [*([config.domain_name] if config.domain_name else []), *provider.callback_hosts]
        if not hosts:
            raise ValueError(
                "identity_provider needs domain_name (or identity_provider.callback_hosts): the provider sends admins"
                " back to https://<host>/admin/login/sso/callback"
            )
        prefix = provider.domain_prefix or f"portside-admin-{config.stage}-{Aws.ACCOUNT_ID}"
        self.pool.add_domain("HostedDomain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix=prefix))
        self.sso_environment = {
            "PORTSIDE_ADMIN_SSO_NAME": provider.display_name or provider.name,
            "PORTSIDE_ADMIN_SSO_DOMAIN": f"{prefix}.auth.{Stack.of(self).region}.amazoncognito.com",
            "PORTSIDE_ADMIN_SSO_PROVIDER": provider.name,
            "PORTSIDE_ADMIN_SSO_GROUPS_CLAIM": "custom:groups",
        }
        return cognito.OAuthSettings(
            flows=cognito.OAuthFlows(authorization_code_grant=True),
            scopes=[cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
            callback_urls=[f"https://{host}/admin/login/sso/callback" for host in hosts],
        )

    def _federate(self, config: DeploymentConfig) -> cognito.UserPoolClientIdentityProvider:
        provider = config.identity_provider
        assert provider is not None
        if provider.kind == "oidc":
            cognito.UserPoolIdentityProviderOidc(
                self,
                "Oidc",
                user_pool=self.pool,
                name=provider.name,
                issuer_url=str(provider.issuer_url),
                client_id=str(provider.client_id),
                # A {{resolve:secretsmanager:...}} reference: CloudFormation reads it at deploy time, and the
                # secret itself never appears in the template.
                client_secret=SecretValue.secrets_manager(str(provider.client_secret_name)).unsafe_unwrap(),
                scopes=["openid", "email", "profile"],
                attribute_mapping=cognito.AttributeMapping(
                    email=cognito.ProviderAttribute.other("email"),
                    custom={"custom:groups": cognito.ProviderAttribute.other(provider.groups_claim)},
                ),
            )
        elif provider.kind == "saml":
            cognito.UserPoolIdentityProviderSaml(
                self,
                "Saml",
                user_pool=self.pool,
                name=provider.name,
                metadata=cognito.UserPoolIdentityProviderSamlMetadata.url(str(provider.metadata_url)),
                attribute_mapping=cognito.AttributeMapping(
                    email=cognito.ProviderAttribute.other(
                        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
                    ),
                    custom={"custom:groups": cognito.ProviderAttribute.other(provider.groups_claim)},
                ),
            )
        else:
            raise ValueError(f"identity_provider.kind must be 'oidc' or 'saml', not {provider.kind!r}")
        return cognito.UserPoolClientIdentityProvider.custom(provider.name)
