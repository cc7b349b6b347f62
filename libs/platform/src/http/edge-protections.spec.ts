import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { CONTENT_SECURITY_POLICY, headerChangesOf } from './edge-protections';

function response(): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()));
}

describe('the security headers, set from a list', () => {
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    crossOriginResourcePolicy: { policy: 'cross-origin' as const },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };

  it('are the headers helmet itself sets, with the same values, and X-Powered-By still taken off', () => {
    const byHelmet = response();
    byHelmet.setHeader('X-Powered-By', 'Express');
    helmet(options)(byHelmet.req as never, byHelmet as never, () => undefined);

    const fromList = response();
    fromList.setHeader('X-Powered-By', 'Express');
    for (const [name, value] of headerChangesOf(helmet(options))) {
      if (value === undefined) fromList.removeHeader(name);
      else fromList.setHeader(name, value);
    }

    expect(fromList.getHeaders()).toEqual(byHelmet.getHeaders());
    expect(fromList.getHeaderNames()).toEqual(byHelmet.getHeaderNames());
    expect(fromList.getHeaders()).toMatchObject({
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(fromList.hasHeader('x-powered-by')).toBe(false);
  });

  it('refuses a middleware that does not finish at once or fails', () => {
    expect(() => headerChangesOf(() => undefined)).toThrow(/did not finish/);
    expect(() => headerChangesOf((_request, _response, next) => next(new Error('bad directive')))).toThrow('bad directive');
  });
});
