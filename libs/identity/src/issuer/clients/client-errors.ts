import { IdentityError } from '../../errors';

export class ClientNotFoundError extends IdentityError {
  constructor(clientId: string) {
    super('AUTH.CLIENT_NOT_FOUND', `no client ${clientId}`, { clientId });
  }
}

/** Client ids are never reused, not even a revoked one's: an old token or log line must name one machine only. */
export class ClientIdTakenError extends IdentityError {
  constructor(clientId: string) {
    super('AUTH.CLIENT_ID_TAKEN', `the client id ${clientId} is taken`, { clientId });
  }
}

export class ClientRevokedError extends IdentityError {
  constructor(clientId: string) {
    super('AUTH.CLIENT_REVOKED', `the client ${clientId} is revoked; register a new one`, { clientId });
  }
}

/**
 * A refusal at the token endpoint, in the shape of RFC 6749 §5.2 (`{ error, error_description }`)
 * that every OAuth client library reads, rather than this API's uniform error body.
 */
export class OAuthTokenError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
  }

  /** RFC 6749 §5.2: a failed client authentication is 401, every other refusal 400. */
  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}
