import { uuidv7 } from '@gongzhi/eventsourcing';
import { In, type Repository } from 'typeorm';
import type { PrincipalScope, Role } from '../principal';
import { Account } from './account.entity';
import { hashPassword } from './password-hash';

export interface DemoAccount {
  readonly username: string;
  /** Printed at first start; clearly a demo password, never for a real deployment. */
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: PrincipalScope;
}

const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' } as const;
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' } as const;
const hexie = { ...nanjingdong, communityId: 'community-hexie' } as const;

/** One account per role in the demo city (黄浦区 › 南京东路街道 › 和谐社区 › 网格 01). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'resident', displayName: '王秀英', scope: { ...hexie, gridId: 'grid-hexie-01' } },
  { role: 'grid_worker', displayName: '李建国（网格员）', scope: { ...hexie, gridId: 'grid-hexie-01' } },
  { role: 'community_officer', displayName: '陈丽华（和谐社区）', scope: hexie },
  { role: 'street_officer', displayName: '赵志强（南京东路街道）', scope: nanjingdong },
  { role: 'department_staff', displayName: '孙卫东（区城管局）', scope: { ...huangpu, departmentId: 'dept-chengguan' } },
  { role: 'supervisor', displayName: '周敏（区督查室）', scope: huangpu },
  { role: 'admin', displayName: '系统管理员', scope: { cityId: 'city-shanghai' } },
  // A third-party evaluator reaches only the communities an admin grants it (docs/evaluation.md).
  { role: 'evaluator', displayName: '吴静（第三方评估机构）', scope: { cityId: 'city-shanghai' } },
].map(({ role, displayName, scope }) => {
  const slug = role.replaceAll('_', '-');
  return { username: `demo-${slug}`, password: `demo-${slug}-2026`, displayName, role: role as Role, scope };
});

/**
 * Creates the demo accounts that do not exist yet (by username) and returns those it created, so
 * the host can print their credentials at first start and stays quiet afterwards. Demo accounts
 * are verified: they stand for people an officer has already met.
 */
export async function seedDemoAccounts(
  accounts: Repository<Account>,
  demo: readonly DemoAccount[],
  options: { now?: Date } = {},
): Promise<DemoAccount[]> {
  const now = options.now ?? new Date();
  const existing = await accounts.find({ where: { username: In(demo.map((d) => d.username.toLowerCase())) }, select: { username: true } });
  const taken = new Set(existing.map((a) => a.username));
  const created: DemoAccount[] = [];
  // Each hash takes a tenth of a second of scrypt on the thread pool: hashed side by side, a first start waits for
  // the slowest rather than for all of them in turn. The accounts are still written one by one, in order.
  const hashes = await Promise.all(
    demo.map((account) => (taken.has(account.username.toLowerCase()) ? '' : hashPassword(account.password))),
  );
  for (const [index, account] of demo.entries()) {
    const username = account.username.toLowerCase();
    if (taken.has(username)) continue;
    await accounts.insert({
      id: uuidv7(now.getTime()),
      username,
      displayName: account.displayName,
      passwordHash: hashes[index],
      roles: [account.role],
      scope: account.scope,
      verification: 'verified',
      phone: null,
      failedLogins: 0,
      lockedUntil: null,
      verifiedAt: now,
      verifiedBy: 'system',
      createdAt: now,
    });
    taken.add(username);
    created.push(account);
  }
  return created;
}

/** A table of credentials for the console. */
export function formatDemoAccounts(created: readonly DemoAccount[]): string {
  const rows = created.map((a) => `  ${a.role.padEnd(18)} ${a.username.padEnd(26)} ${a.password.padEnd(32)} ${a.displayName}`);
  return [
    `Demo accounts (demo only, change or remove before real use):`,
    `  ${'role'.padEnd(18)} ${'username'.padEnd(26)} ${'password'.padEnd(32)} name`,
    ...rows,
  ].join('\n');
}
