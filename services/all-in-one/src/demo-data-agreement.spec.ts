import { DepartmentRegistry } from '@gongzhi/department-dispatch';
import { loadReferenceData } from '@gongzhi/grid-events';

// grid-events owns the service catalogue (category codes, lead departments); department-dispatch's registry
// names the departments a whistle may summon and routes categories to them. The demo city's two files must
// agree, or a case dispatched or escalated in one service names a department the other does not know.
describe("the demo city's catalogue (grid-events) and department registry (department-dispatch)", () => {
  const reference = loadReferenceData();
  const registry = DepartmentRegistry.demoCity();

  it('know the same departments', () => {
    expect(
      reference
        .allDepartments()
        .map((d) => d.id)
        .sort(),
    ).toEqual(
      registry
        .list()
        .map((d) => d.id)
        .sort(),
    );
  });

  it('route every catalogue category to its lead department, and handle no category outside the catalogue', () => {
    for (const category of reference.allCategories()) {
      expect({ code: category.code, lead: registry.route(category.code)?.leadDepartmentId }).toEqual({
        code: category.code,
        lead: category.leadDepartmentId,
      });
    }
    const codes = new Set(reference.allCategories().map((c) => c.code));
    const handled = registry.list().flatMap((d) => d.categories);
    expect(handled.filter((code) => !codes.has(code))).toEqual([]);
  });
});
