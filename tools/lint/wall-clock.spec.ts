import { errorsOfRule } from './lint-as-workspace-files';

// Proves the rule that keeps specs off the machine's clock (eslint.config.mjs, tools/lint/rules/no-wall-clock.mjs)
// with deliberate violations, linted as if they were files of the workspace.

const rule = 'gongzhi/no-wall-clock';
const inSpec = (code: string) => ({ filePath: 'services/co-building/src/domain/space-day/a-time-bomb.spec.ts', code });

const snippets = {
  newDate: inSpec('export const now = new Date();\n'),
  dateCall: inSpec('export const today = Date();\n'),
  dateNow: inSpec('export const started = Date.now();\n'),
  performanceNow: inSpec('export const started = performance.now();\n'),
  inAnE2eSpec: { filePath: 'services/dashboards/src/a-time-bomb.e2e.spec.ts', code: 'export const deadline = Date.now() + 5_000;\n' },
  fixedInstant: inSpec(
    "export const at = new Date('2026-11-26T09:00:00.000Z');\nexport const copy = new Date(at);\nexport const ms = at.getTime();\n",
  ),
  ownClockNamedNow: inSpec("const clock = { now: () => new Date('2026-11-26T09:00:00.000Z') };\nexport const at = clock.now();\n"),
  productionCode: { filePath: 'libs/eventsourcing/src/system-clock-example.ts', code: 'export const now = () => new Date();\n' },
};

describe('specs never read the wall clock', () => {
  let errors: Record<keyof typeof snippets, string[]>;

  beforeAll(async () => {
    errors = await errorsOfRule(rule, snippets);
  }, 60_000);

  it('refuses new Date() without an argument, and Date()', () => {
    expect(errors.newDate).toEqual([expect.stringContaining('new Date() without an argument reads the wall clock')]);
    expect(errors.dateCall).toEqual([expect.stringContaining('Date() reads the wall clock')]);
  });

  it('refuses Date.now() and performance.now(), in every spec tier', () => {
    expect(errors.dateNow).toEqual([expect.stringContaining('Date.now() reads the wall clock')]);
    expect(errors.performanceNow).toEqual([expect.stringContaining('performance.now() reads the wall clock')]);
    expect(errors.inAnE2eSpec).toEqual([expect.stringContaining('Date.now() reads the wall clock')]);
  });

  it('lets a spec use fixed instants and an injected clock', () => {
    expect(errors.fixedInstant).toEqual([]);
    expect(errors.ownClockNamedNow).toEqual([]);
  });

  it('leaves production code alone: the system clock lives there, injected', () => {
    expect(errors.productionCode).toEqual([]);
  });
});
