import type { Targets } from '../simulate-targets';
import { byStatus, bump, failures } from './tally';

export class Actor {
  private token = '';
  subject = '';
  constructor(
    readonly base: Targets,
    readonly username: string,
    readonly password: string,
  ) {}

  async login(): Promise<this> {
    const response = await fetch(this.base.urlFor('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    if (!response.ok) throw new Error(`cannot log in as ${this.username}: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string; principal: { subject: string } };
    this.token = body.accessToken;
    this.subject = body.principal.subject;
    return this;
  }

  /** One call; counts its status; logs in again once when the 15-minute token has run out. */
  async call<T = any>(method: string, path: string, body?: unknown, retried = false): Promise<{ status: number; data: T }> {
    const isForm = body instanceof FormData;
    const response = await fetch(this.base.urlFor(path), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      await this.login();
      return this.call(method, path, body, true);
    }
    const text = await response.text();
    let data: any = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, ':id').replace(/\?.*$/, '')}`;
    bump(byStatus, String(response.status));
    if (response.status >= 400)
      failures.set(`${route} ${response.status}`, typeof data === 'object' ? (data?.message ?? data?.code ?? text) : text);
    return { status: response.status, data };
  }
}
