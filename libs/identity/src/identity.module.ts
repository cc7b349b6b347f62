import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { AuthGuard } from './access/auth.guard';
import { CLOCK, systemClock, type Clock } from './clock';
import { IdentityErrorFilter } from './http/identity-error.filter';
import { AccessTokenSigner, ACCESS_TOKEN_SIGNER } from './issuer/access-token-signer';
import { LoginHandler } from './issuer/commands/login/login.handler';
import { LoginHttpController } from './issuer/commands/login/login.http.controller';
import { ChangePasswordHandler } from './issuer/commands/change-password/change-password.handler';
import { ChangePasswordHttpController } from './issuer/commands/change-password/change-password.http.controller';
import { SetAccountDisabledHandler } from './issuer/commands/disable-account/disable-account.handler';
import { DisableAccountHttpController } from './issuer/commands/disable-account/disable-account.http.controller';
import { LogoutHandler } from './issuer/commands/logout/logout.handler';
import { LogoutHttpController } from './issuer/commands/logout/logout.http.controller';
import { RefreshSessionHandler } from './issuer/commands/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './issuer/commands/refresh-session/refresh-session.http.controller';
import { RegisterResidentHandler } from './issuer/commands/register-resident/register-resident.handler';
import { RegisterResidentHttpController } from './issuer/commands/register-resident/register-resident.http.controller';
import { VerifyAccountHandler } from './issuer/commands/verify-account/verify-account.handler';
import { VerifyAccountHttpController } from './issuer/commands/verify-account/verify-account.http.controller';
import { ClientCredentialsTokenHandler } from './issuer/commands/client-credentials-token/client-credentials-token.handler';
import { ClientCredentialsTokenHttpController } from './issuer/commands/client-credentials-token/client-credentials-token.http.controller';
import { ManageClientsHandler } from './issuer/commands/manage-clients/manage-clients.handler';
import { ManageClientsHttpController } from './issuer/commands/manage-clients/manage-clients.http.controller';
import { DEMO_CLIENT_SEEDING, DemoClientSeeder, type DemoClientSeeding } from './issuer/clients/demo-client-seeder';
import type { DemoClient } from './issuer/clients/demo-clients';
import { ClientAwareVerifier, LIVE_CLIENT_SECRETS, LiveClientSecrets, LiveClientSecretsLoader } from './issuer/clients/live-client-secrets';
import { COMMUNITY_DIRECTORY, OPEN_COMMUNITY_DIRECTORY, type CommunityDirectory } from './issuer/community-directory';
import { DEMO_ACCOUNT_SEEDING, DemoAccountSeeder, type DemoAccountSeeding } from './issuer/demo-account-seeder';
import type { DemoAccount } from './issuer/demo-accounts';
import { IdentityDataSourceCloser, openIdentityDataSource, OWNS_IDENTITY_DATA_SOURCE } from './issuer/identity-data-source';
import { DEFAULT_ISSUER_SETTINGS, IDENTITY_DATA_SOURCE, ISSUER_SETTINGS, type IssuerSettings } from './issuer/issuer-settings';
import { HashingGate } from './issuer/hashing/hashing-gate';
import { LOGIN_DELAYS, LoginDelays } from './issuer/login-delays';
import { ADDRESS_LOGIN_THROTTLE, LOGIN_THROTTLE, LoginThrottle } from './issuer/login-throttle';
import { PASSWORD_HASHER, PasswordHasher } from './issuer/password-hash';
import { RevocationAwareVerifier, SESSION_REVOCATIONS, SessionRevocations, SessionRevocationsLoader } from './issuer/session-revocations';
import { SessionIssuer } from './issuer/session-issuer';
import { GetMeHttpController } from './issuer/queries/get-me/get-me.http.controller';
import { PendingResidentsHttpController } from './issuer/queries/pending-residents/pending-residents.http.controller';
import { FindPeopleHttpController } from './issuer/queries/find-people/find-people.http.controller';
import { MyAccountHttpController } from './issuer/queries/my-account/my-account.http.controller';
import { RefuseAccountHandler } from './issuer/commands/refuse-account/refuse-account.handler';
import { RefuseAccountHttpController } from './issuer/commands/refuse-account/refuse-account.http.controller';
import { BrowserSessionHttpController } from './issuer/browser-session/browser-session.http.controller';
import { SIGN_IN_CONFIG, type ExternalSignInOptions } from './browser-sign-in/sign-in-config';
import { ExternalSessionHttpController } from './browser-sign-in/external-session.http.controller';
import { OIDC_PROVIDER, OidcProvider } from './browser-sign-in/oidc-provider';
import { SignInConfigHttpController } from './browser-sign-in/sign-in-config.http.controller';
import { Hs256TokenVerifier, JwksTokenVerifier, TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

export interface EmbeddedIdentityOptions {
  /** HS256 signing secret, at least 32 bytes. */
  readonly secret: string;
  /** The host's data source (listing `IDENTITY_ENTITIES`) … */
  readonly dataSource?: DataSource;
  /** … or options for one the module opens, creates its tables in, and closes. */
  readonly database?: DataSourceOptions;
  /** Created when missing, at start-up. */
  readonly demoAccounts?: readonly DemoAccount[];
  readonly onDemoAccountsCreated?: DemoAccountSeeding['onCreated'];
  /** Machine clients created when missing, at start-up. */
  readonly demoClients?: readonly DemoClient[];
  readonly onDemoClientsCreated?: DemoClientSeeding['onCreated'];
  /** Checks the community and grid a resident registers for; by default any ids are taken as given. */
  readonly communities?: CommunityDirectory;
  readonly clock?: Clock;
  readonly settings?: Partial<IssuerSettings>;
  /** Whether the demo accounts exist, so the sign-in page may offer them (GET /api/auth/config). */
  readonly demo?: boolean;
}

export interface JwksIdentityOptions {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  readonly clock?: Clock;
  /** The web app signs people in through the provider (OIDC code with PKCE) as this client. */
  readonly browserSignIn?: ExternalSignInOptions;
}

/**
 * Authentication and access for the whole app: importing it guards every HTTP route (`AuthGuard`
 * as APP_GUARD; opt out per route with `@Public()`) and answers identity errors in the uniform error
 * body (`IdentityErrorFilter` as APP_FILTER).
 *
 * - `forEmbedded`: the built-in issuer of the embedded default (accounts, /api/auth/*, HS256).
 * - `forJwks`: production; tokens of an external identity provider checked against its JWKS.
 */
@Module({})
export class IdentityModule {
  static forEmbedded(options: EmbeddedIdentityOptions): DynamicModule {
    if (Boolean(options.dataSource) === Boolean(options.database)) {
      throw new Error('IdentityModule.forEmbedded needs exactly one of `dataSource` or `database`');
    }
    const clock = options.clock ?? systemClock;
    const settings: IssuerSettings = { ...DEFAULT_ISSUER_SETTINGS, ...options.settings };
    const revocations = new SessionRevocations(settings.accessTokenTtlSeconds, clock);
    const clientSecrets = new LiveClientSecrets();
    const verifier = new ClientAwareVerifier(
      new RevocationAwareVerifier(
        new Hs256TokenVerifier(options.secret, { issuer: settings.issuer, audience: settings.audience, clock }),
        revocations,
      ),
      clientSecrets,
    );
    const source = options.dataSource ? { dataSource: options.dataSource } : { database: options.database as DataSourceOptions };
    return {
      module: IdentityModule,
      global: true,
      controllers: [
        LoginHttpController,
        RefreshSessionHttpController,
        LogoutHttpController,
        RegisterResidentHttpController,
        VerifyAccountHttpController,
        GetMeHttpController,
        ChangePasswordHttpController,
        DisableAccountHttpController,
        ClientCredentialsTokenHttpController,
        ManageClientsHttpController,
        BrowserSessionHttpController,
        PendingResidentsHttpController,
        FindPeopleHttpController,
        MyAccountHttpController,
        RefuseAccountHttpController,
        SignInConfigHttpController,
      ],
      providers: [
        ...accessProviders(verifier, clock),
        { provide: ISSUER_SETTINGS, useValue: settings },
        { provide: IDENTITY_DATA_SOURCE, useFactory: () => openIdentityDataSource(source) },
        { provide: OWNS_IDENTITY_DATA_SOURCE, useValue: !options.dataSource },
        IdentityDataSourceCloser,
        { provide: ACCESS_TOKEN_SIGNER, useValue: new AccessTokenSigner(options.secret, settings, clock) },
        { provide: LOGIN_THROTTLE, useValue: new LoginThrottle(settings.loginAttemptsPerMinute, clock) },
        { provide: ADDRESS_LOGIN_THROTTLE, useValue: new LoginThrottle(settings.loginFailuresPerAddressPerMinute, clock) },
        {
          provide: LOGIN_DELAYS,
          useValue: new LoginDelays(
            {
              freeFailures: settings.freeLoginFailures,
              firstDelaySeconds: settings.firstLoginDelaySeconds,
              maxDelaySeconds: settings.maxLoginDelaySeconds,
            },
            clock,
          ),
        },
        {
          provide: PASSWORD_HASHER,
          useValue: new PasswordHasher(new HashingGate(settings.passwordHashConcurrency, settings.passwordHashQueue)),
        },
        { provide: SESSION_REVOCATIONS, useValue: revocations },
        SessionRevocationsLoader,
        { provide: COMMUNITY_DIRECTORY, useValue: options.communities ?? OPEN_COMMUNITY_DIRECTORY },
        {
          provide: DEMO_ACCOUNT_SEEDING,
          useValue: { accounts: options.demoAccounts ?? [], onCreated: options.onDemoAccountsCreated } satisfies DemoAccountSeeding,
        },
        DemoAccountSeeder,
        { provide: LIVE_CLIENT_SECRETS, useValue: clientSecrets },
        LiveClientSecretsLoader,
        {
          provide: DEMO_CLIENT_SEEDING,
          useValue: { clients: options.demoClients ?? [], onCreated: options.onDemoClientsCreated } satisfies DemoClientSeeding,
        },
        DemoClientSeeder,
        ClientCredentialsTokenHandler,
        ManageClientsHandler,
        SessionIssuer,
        LoginHandler,
        RefreshSessionHandler,
        LogoutHandler,
        RegisterResidentHandler,
        VerifyAccountHandler,
        ChangePasswordHandler,
        SetAccountDisabledHandler,
        RefuseAccountHandler,
        { provide: SIGN_IN_CONFIG, useValue: { signInConfig: async () => ({ provider: 'built-in', demo: options.demo ?? false }) } },
      ],
      exports: [TOKEN_VERIFIER, CLOCK, IDENTITY_DATA_SOURCE, PASSWORD_HASHER],
    };
  }

  static forJwks(options: JwksIdentityOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    const verifier = new JwksTokenVerifier(options.jwksUrl, { issuer: options.issuer, audience: options.audience, clock });
    const browser = options.browserSignIn;
    const provider = browser ? new OidcProvider(options.issuer, browser, clock) : undefined;
    return {
      module: IdentityModule,
      global: true,
      controllers: provider ? [SignInConfigHttpController, ExternalSessionHttpController] : [],
      providers: [
        ...accessProviders(verifier, clock),
        ...(provider
          ? [
              { provide: OIDC_PROVIDER, useValue: provider },
              { provide: SIGN_IN_CONFIG, useValue: provider },
            ]
          : []),
      ],
      exports: [TOKEN_VERIFIER, CLOCK],
    };
  }
}

function accessProviders(verifier: TokenVerifier, clock: Clock): Provider[] {
  return [
    { provide: TOKEN_VERIFIER, useValue: verifier },
    { provide: CLOCK, useValue: clock },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: IdentityErrorFilter },
  ];
}
