import { createServer, type Server, type Socket } from 'node:net';
import { StoreUnavailableError } from '@gongzhi/eventsourcing';
import { EventStoreDbEventStore } from './esdb-event-store';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('connecting to an EventStoreDB that is not there', () => {
  it('fails at once with StoreUnavailableError naming the address when nothing listens', async () => {
    const vacant = createServer();
    const port = await listen(vacant);
    await close(vacant);
    const address = `esdb://127.0.0.1:${port}?tls=false`;

    const error = await EventStoreDbEventStore.connect(address).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'EVENTSTORE.UNAVAILABLE', address });
    expect((error as Error).message).toContain(address);
  }, 5_000);

  it('gives up at the deadline when the server accepts the connection but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    const address = `esdb://127.0.0.1:${port}?tls=false`;
    try {
      const error = await EventStoreDbEventStore.connect(address, { connectTimeoutMs: 300 }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/no answer within 300 ms/);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await close(silent);
    }
  }, 3_000);

  it('keeps the password out of the address it names', async () => {
    const vacant = createServer();
    const port = await listen(vacant);
    await close(vacant);

    const error = await EventStoreDbEventStore.connect(`esdb://admin:changeit@127.0.0.1:${port}?tls=false`).catch((e: unknown) => e);

    expect(error).toMatchObject({ address: `esdb://admin:***@127.0.0.1:${port}?tls=false` });
    expect((error as Error).message).not.toContain('changeit');
  });
});
