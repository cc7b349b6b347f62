import { readFileSync } from 'node:fs';
import demoCity from './demo-city.departments.json';
import { registryFileSchema, type Department, type DutyShift, type RegistryFile, type RoutingRule } from './department-registry.schema';

/** The variable naming a JSON registry file; without it the demo city's departments are used. */
export const DEPARTMENTS_FILE_VARIABLE = 'GONGZHI_DEPARTMENTS_FILE';
const CITY_UTC_OFFSET_MS = 8 * 36e5; // Asia/Shanghai has no daylight saving time

/** Departments (categories handled, duty roster), routing rules and the whistle's defaults. */
export class DepartmentRegistry {
  private readonly byId: ReadonlyMap<string, Department>;

  constructor(private readonly file: RegistryFile) {
    this.byId = new Map(file.departments.map((d) => [d.id, d]));
  }

  /** Validates a registry; the error names each field at fault and where the registry came from. */
  static parse(raw: unknown, source: string): DepartmentRegistry {
    const parsed = registryFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
      throw new Error(`Invalid department registry ${source}: ${issues}`);
    }
    return new DepartmentRegistry(parsed.data);
  }

  static demoCity(): DepartmentRegistry {
    return DepartmentRegistry.parse(demoCity, '(demo city)');
  }

  /** From a JSON file (the one `GONGZHI_DEPARTMENTS_FILE` names: see department-dispatch.settings.ts). */
  static fromFile(path: string): DepartmentRegistry {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path} cannot be read as JSON: ${(error as Error).message}`);
    }
    return DepartmentRegistry.parse(raw, path);
  }

  get whistleDefaults(): RegistryFile['whistle'] {
    return this.file.whistle;
  }

  list(): readonly Department[] {
    return this.file.departments;
  }

  has(departmentId: string): boolean {
    return this.byId.has(departmentId);
  }

  department(departmentId: string): Department | undefined {
    return this.byId.get(departmentId);
  }

  /** The lead and co-departments of a category: its rule, else the departments that list the category. */
  route(categoryCode: string): RoutingRule | undefined {
    const rule = this.file.routing.find((r) => r.categoryCode === categoryCode);
    if (rule) return rule;
    const handling = this.file.departments.filter((d) => d.categories.includes(categoryCode)).map((d) => d.id);
    if (handling.length === 0) return undefined;
    return { categoryCode, leadDepartmentId: handling[0], coDepartmentIds: handling.slice(1) };
  }

  /** Who is on duty for a department at a moment, by the roster in the city's local time. */
  onDuty(departmentId: string, at: Date): readonly DutyShift[] {
    const local = new Date(at.getTime() + CITY_UTC_OFFSET_MS);
    const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    return (this.department(departmentId)?.dutyRoster ?? []).filter(
      (shift) => shift.weekdays.includes(weekday) && toMinutes(shift.from) <= minutes && minutes < toMinutes(shift.to),
    );
  }
}
