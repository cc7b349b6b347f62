import { z } from 'zod';

/** How people sign in to the web app, as `GET /api/auth/config` tells it (and the OpenAPI document describes it). */
export const signInConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('built-in'), demo: z.boolean().describe('Whether the demo accounts are offered.') }),
  z.object({
    provider: z.literal('external'),
    demo: z.literal(false),
    authorizationEndpoint: z.string().describe('Where the browser is sent to sign in (OIDC authorization code with PKCE).'),
    clientId: z.string(),
    scope: z.string(),
    redirectPath: z
      .string()
      .describe("The app's path the provider sends the browser back to; registered with the provider as origin + path."),
    endSessionEndpoint: z
      .string()
      .optional()
      .describe("Where signing out also ends the person's sign-in at the provider (RP-initiated logout), when its discovery names one."),
  }),
]);
export type SignInConfig = Readonly<z.output<typeof signInConfigSchema>>;

export const SIGN_IN_CONFIG = Symbol('SIGN_IN_CONFIG');

/** The app's page that takes the provider's answer. */
export const OIDC_REDIRECT_PATH = '/sign-in/callback';

/** The external provider as the browser flow needs it: a public client of the provider (PKCE instead of a secret). */
export interface ExternalSignInOptions {
  readonly clientId: string;
  /** Only for a provider that insists on a confidential client for the code exchange. */
  readonly clientSecret?: string;
  /** Space-separated; `openid` is always asked for. */
  readonly scope?: string;
}
