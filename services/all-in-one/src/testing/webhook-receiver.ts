import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** What the receiver answered. */
  readonly status: number;
}

/** A real HTTP receiver on a free loopback port; each path answers what the test sets for it (200 by default). */
export class TestReceiver {
  readonly received: ReceivedRequest[] = [];
  readonly answers = new Map<string, number | { redirectTo: string }>();
  private constructor(private readonly server: Server, readonly port: number) {}

  /** Listens on a port the kernel picks (no race with another test taking it between a probe and the listen). */
  static async start(): Promise<TestReceiver> {
    let port = 0;
    let receiver: TestReceiver | undefined = undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const answer = receiver!.answers.get(path) ?? 200;
        const status = typeof answer === 'number' ? answer : 302;
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
        receiver!.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8'), status });
        if (typeof answer === 'number') response.writeHead(status).end();
        else response.writeHead(302, { location: `http://127.0.0.1:${port}${answer.redirectTo}` }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    receiver = new TestReceiver(server, port);
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The requests to `path` that the receiver accepted (answered 2xx). */
  accepted(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path && r.status >= 200 && r.status < 300);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
