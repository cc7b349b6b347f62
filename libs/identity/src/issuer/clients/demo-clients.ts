import { uuidv7 } from '@gongzhi/eventsourcing';
import { In, type Repository } from 'typeorm';
import type { ClientKind } from './client-kinds';
import { ServiceClient } from './service-client.entity';

export interface DemoClient {
  readonly clientId: string;
  /** Printed at first start; clearly a demo secret, never for a real deployment. */
  readonly secret: string;
  readonly displayName: string;
  readonly kind: ClientKind;
  readonly departmentId?: string;
}

/** One client per kind in the demo city; the department system works for 区城管局, like the demo staff account. */
export const DEMO_CLIENTS: readonly DemoClient[] = [
  { clientId: 'demo-department-system', kind: 'department_system' as const, departmentId: 'dept-chengguan', displayName: '区城管局业务系统' },
  { clientId: 'demo-hotline-12345', kind: 'hotline' as const, displayName: '12345 市民服务热线' },
  { clientId: 'demo-analytics', kind: 'analytics' as const, displayName: '数据分析（只读）' },
].map((client) => ({ ...client, secret: `${client.clientId}-2026` }));

/** Creates the demo clients that do not exist yet and returns those it created (printed at first start only). */
export async function seedDemoClients(
  clients: Repository<ServiceClient>,
  demo: readonly DemoClient[],
  options: { now: Date; hash: (secret: string) => Promise<string> },
): Promise<DemoClient[]> {
  const existing = await clients.find({ where: { id: In(demo.map((d) => d.clientId)) }, select: { id: true } });
  const taken = new Set(existing.map((c) => c.id));
  const created: DemoClient[] = [];
  for (const client of demo) {
    if (taken.has(client.clientId)) continue;
    await clients.insert({
      id: client.clientId,
      displayName: client.displayName,
      kind: client.kind,
      departmentId: client.departmentId ?? null,
      secretHash: await options.hash(client.secret),
      secretId: uuidv7(options.now.getTime()),
      secretIssuedAt: options.now,
      createdAt: options.now,
      createdBy: 'system',
      revokedAt: null,
      revokedBy: null,
    });
    created.push(client);
  }
  return created;
}

/** A table of client credentials for the console. */
export function formatDemoClients(created: readonly DemoClient[]): string {
  const rows = created.map((c) => `  ${c.kind.padEnd(18)} ${c.clientId.padEnd(26)} ${c.secret.padEnd(32)} ${c.displayName}`);
  return [
    'Demo clients for POST /api/auth/token (grant_type=client_credentials; demo only, revoke before real use):',
    `  ${'kind'.padEnd(18)} ${'client_id'.padEnd(26)} ${'client_secret'.padEnd(32)} name`,
    ...rows,
  ].join('\n');
}
