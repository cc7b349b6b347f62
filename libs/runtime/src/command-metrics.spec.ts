import { commandName } from './command-metrics';

class ReportCase {
  constructor(readonly description: string) {}
}
class ExecuteCaseCommand {
  constructor(
    readonly caseId: string,
    readonly command: { readonly type: string },
  ) {}
}

class ExecuteWhistleCommand {
  readonly type = 'ExecuteWhistleCommand';
  constructor(readonly data: { readonly whistleId: string; readonly command: { readonly type: string } }) {}
}

describe('the name a command is counted under', () => {
  it('is the class of a command the bus runs as it is', () => expect(commandName(new ReportCase('人行道砖块松动'))).toBe('ReportCase'));

  it('is the domain command a wrapper carries, so every case command is told apart', () =>
    expect(commandName(new ExecuteCaseCommand('case-1', { type: 'AcknowledgeCase' }))).toBe('AcknowledgeCase'));

  it('is the domain command a `{ type, data }` wrapper carries in its data', () =>
    expect(commandName(new ExecuteWhistleCommand({ whistleId: 'whistle-1', command: { type: 'MissCheckIn' } }))).toBe('MissCheckIn'));
});
