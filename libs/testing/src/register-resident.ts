import { randomBytes } from 'node:crypto';

/**
 * A new resident signs up at `baseUrl`'s issuer (POST /api/auth/register) for a community and grid, under a fresh
 * username; the answer's status and body, whatever they are.
 */
export async function registerResident(
  baseUrl: string,
  place: { communityId: string; gridId: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: `r${randomBytes(6).toString('hex')}`,
      password: 'long-enough-1',
      displayName: '新居民',
      ...place,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
