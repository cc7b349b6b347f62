import type { INestApplicationContext } from '@nestjs/common';
import { ACCESS_TOKEN_SIGNER, type AccessTokenSigner, type Principal } from '@gongzhi/identity';
import sharp from 'sharp';
import type { Clock } from '@gongzhi/eventsourcing';
import type { SeededRandom } from './seeded-random';

export interface Answer<T = any> {
  readonly status: number;
  readonly data: T;
}

/**
 * The people of the demo city at the platform's own HTTP API: every action is a real request through the same
 * validation, permission checks, handlers and deciders a person's would go through. Each person signs in once;
 * afterwards the issuer signs them a fresh access token whenever the simulated clock has moved on.
 */
export class DemoClient {
  private readonly principals = new Map<string, Principal>();
  private readonly tokens = new Map<string, { token: string; at: number }>();
  /** Refusals by route and code: the history goes on past one, and says what it met at the end. */
  readonly refusals = new Map<string, number>();
  requests = 0;

  constructor(
    private readonly app: Pick<INestApplicationContext, 'get'>,
    private readonly base: string,
    private readonly clock: Clock,
  ) {}

  /** Knows a person by their account, as the issuer does at login (without the password hash's cost for each). */
  knowAs(username: string, principal: Principal): void {
    this.principals.set(username, principal);
  }

  now(): Date {
    return this.clock.now();
  }

  subjectOf(username: string): string {
    return this.principal(username).subject;
  }

  displayNameOf(username: string): string {
    return this.principal(username).displayName ?? username;
  }

  async call<T = any>(username: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
    this.requests++;
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.tokenOf(username)}`,
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let data: any = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    if (response.status >= 400) {
      const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, ':id')} ${response.status} ${data?.code ?? ''}`;
      this.refusals.set(route, (this.refusals.get(route) ?? 0) + 1);
    }
    return { status: response.status, data };
  }

  /** A phone photo stand-in (a coloured band on grey), uploaded as the person; its id, or none when refused. */
  async photo(username: string, random: SeededRandom): Promise<string[]> {
    const form = new FormData();
    const png = await photoOf(random.integer(0, 5));
    form.append('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
    const uploaded = await this.call<{ photoId: string }>(username, 'POST', '/api/photos', form);
    return uploaded.status === 201 ? [uploaded.data.photoId] : [];
  }

  private principal(username: string): Principal {
    const principal = this.principals.get(username);
    if (!principal) throw new Error(`${username} has not signed in`);
    return principal;
  }

  private async tokenOf(username: string): Promise<string> {
    const now = this.clock.now().getTime();
    const cached = this.tokens.get(username);
    // Access tokens last 15 minutes of the platform's clock: a new one once the simulated time has moved on.
    if (cached && now - cached.at < 10 * 60_000 && now >= cached.at) return cached.token;
    const signer = this.app.get<AccessTokenSigner>(ACCESS_TOKEN_SIGNER, { strict: false });
    const token = (await signer.sign(this.principal(username))).accessToken;
    this.tokens.set(username, { token, at: now });
    return token;
  }
}

const photos = new Map<number, Promise<Buffer>>();

/** One of six small solid-colour PNGs, made once: a phone photo stand-in the media port stores like any other. */
function photoOf(n: number): Promise<Buffer> {
  if (!photos.has(n)) {
    const background = { r: 90 + n * 25, g: 160 - n * 12, b: 120 + ((n * 37) % 100) };
    photos.set(
      n,
      sharp({ create: { width: 64, height: 48, channels: 3, background } })
        .png()
        .toBuffer(),
    );
  }
  return photos.get(n)!;
}
