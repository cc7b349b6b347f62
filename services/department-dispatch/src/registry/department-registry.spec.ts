import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@gongzhi/platform';
import { departmentDispatchSettingsSchema } from '../department-dispatch.settings';
import { DepartmentRegistry } from './department-registry';

describe('department registry', () => {
  const demo = DepartmentRegistry.demoCity();

  it('seeds the demo city’s departments: 城管, 交警, 住建, 环保, 市场监管, 公安 …', () => {
    expect(demo.list().map((d) => d.name.zh)).toEqual(
      expect.arrayContaining(['区城管执法局', '区交警支队', '区住房和城乡建设管理委员会', '区生态环境局', '区市场监督管理局', '区公安分局']),
    );
    expect(demo.whistleDefaults).toEqual({ checkInWithinMinutes: 30, escalationDelaysMinutes: { district: 30, city: 60 } });
  });

  it('routes a category to its lead and co-departments, by rule or else by the categories departments handle', () => {
    expect(demo.route('order.street-vending')).toEqual({
      categoryCode: 'order.street-vending',
      leadDepartmentId: 'dept-chengguan',
      coDepartmentIds: ['dept-jiaojing', 'dept-shichang'],
    });
    expect(demo.route('environment.noise')).toEqual({ categoryCode: 'environment.noise', leadDepartmentId: 'dept-huanbao', coDepartmentIds: [] });
    expect(demo.route('no.such.category')).toBeUndefined();
  });

  it('tells who is on duty by the roster in Shanghai time', () => {
    // Thursday 2026-11-26 09:00 in Shanghai is 01:00 UTC.
    expect(demo.onDuty('dept-chengguan', new Date('2026-11-26T01:00:00Z')).map((s) => s.name)).toEqual(['孙卫东', '城管值班室']);
    // Thursday 23:00 in Shanghai: only the duty room.
    expect(demo.onDuty('dept-chengguan', new Date('2026-11-26T15:00:00Z')).map((s) => s.name)).toEqual(['城管值班室']);
  });

  it('loads a registry from the file the variable names, with defaults filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-registry-'));
    const path = join(dir, 'departments.json');
    writeFileSync(path, JSON.stringify({ departments: [{ id: 'dept-a', name: { zh: '甲', en: 'A' }, categories: ['x'] }] }));
    const { registry } = loadConfig(departmentDispatchSettingsSchema, { GONGZHI_DEPARTMENTS_FILE: path });
    expect(registry.department('dept-a')).toMatchObject({ taskWithinHours: 48, dutyRoster: [] });
    expect(registry.whistleDefaults.checkInWithinMinutes).toBe(30);
  });

  it('refuses a broken registry, naming the variable and each field at fault', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-registry-'));
    const path = join(dir, 'departments.json');
    writeFileSync(
      path,
      JSON.stringify({
        departments: [{ id: 'dept-a', name: { zh: '甲', en: 'A' }, categories: [] }],
        routing: [{ categoryCode: 'x', leadDepartmentId: 'dept-b' }],
      }),
    );
    expect(() => loadConfig(departmentDispatchSettingsSchema, { GONGZHI_DEPARTMENTS_FILE: path })).toThrow(
      `GONGZHI_DEPARTMENTS_FILE: Invalid department registry ${path}: routing.0.leadDepartmentId: unknown department dept-b`,
    );
    expect(() => loadConfig(departmentDispatchSettingsSchema, { GONGZHI_DEPARTMENTS_FILE: join(dir, 'missing.json') })).toThrow(
      /GONGZHI_DEPARTMENTS_FILE: .*missing\.json cannot be read as JSON/,
    );
  });
});
