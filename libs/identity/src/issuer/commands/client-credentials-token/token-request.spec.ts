import { OAuthTokenError } from '../../clients/client-errors';
import { readTokenRequest } from './token-request';

const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

function refusal(headers: Record<string, string>, body: unknown): { error: string; status: number } {
  try {
    readTokenRequest(headers, body);
  } catch (error) {
    if (error instanceof OAuthTokenError) return { error: error.error, status: error.status };
    throw error;
  }
  throw new Error('the request was read, not refused');
}

describe('readTokenRequest (RFC 6749 §4.4.2, §2.3.1)', () => {
  it('reads the credentials from the body or from HTTP Basic, form-urlencoded before base64', () => {
    expect(readTokenRequest({}, { grant_type: 'client_credentials', client_id: 'a', client_secret: 's' })).toEqual({
      clientId: 'a',
      clientSecret: 's',
      viaBasic: false,
    });
    expect(readTokenRequest(basic('dept%3Ax', 'p%40ss+word'), { grant_type: 'client_credentials', scope: 'read  cases:report' })).toEqual({
      clientId: 'dept:x',
      clientSecret: 'p@ss word',
      scope: ['read', 'cases:report'],
      viaBasic: true,
    });
  });

  it('refuses a missing or other grant, a repeated parameter, two ways of authenticating, and no authentication', () => {
    expect(refusal({}, { client_id: 'a', client_secret: 's' })).toEqual({ error: 'invalid_request', status: 400 });
    expect(refusal({}, { grant_type: 'password', client_id: 'a', client_secret: 's' })).toEqual({
      error: 'unsupported_grant_type',
      status: 400,
    });
    expect(refusal({}, { grant_type: ['client_credentials', 'client_credentials'], client_id: 'a', client_secret: 's' })).toEqual({
      error: 'invalid_request',
      status: 400,
    });
    expect(refusal(basic('a', 's'), { grant_type: 'client_credentials', client_secret: 's' })).toEqual({
      error: 'invalid_request',
      status: 400,
    });
    expect(refusal(basic('a', 's'), { grant_type: 'client_credentials', client_id: 'b' })).toEqual({
      error: 'invalid_request',
      status: 400,
    });
    expect(refusal({}, { grant_type: 'client_credentials', client_id: 'a' })).toEqual({ error: 'invalid_client', status: 401 });
    expect(refusal({ authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` }, { grant_type: 'client_credentials' })).toEqual(
      { error: 'invalid_client', status: 401 },
    );
  });
});
