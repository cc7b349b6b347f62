import { HashingGate, PasswordHashingBusyError } from './hashing-gate';

describe('HashingGate', () => {
  it('runs at most `concurrency` tasks, queues up to `queueLimit` in order, and refuses the rest at once', async () => {
    const gate = new HashingGate(1, 2);
    const started: string[] = [];
    const finish: Record<string, () => void> = {};
    const task = (name: string) => () =>
      new Promise<string>((done) => {
        started.push(name);
        finish[name] = () => done(name);
      });

    const first = gate.run(task('first'));
    const second = gate.run(task('second'));
    const third = gate.run(task('third'));
    const refused = gate.run(task('fourth'));

    await expect(refused).rejects.toBeInstanceOf(PasswordHashingBusyError);
    await expect(refused).rejects.toMatchObject({ code: 'AUTH.BUSY', details: { retryAfterSeconds: 1 } });
    expect(started).toEqual(['first']);
    finish.first();
    await expect(first).resolves.toBe('first');
    await Promise.resolve();
    expect(started).toEqual(['first', 'second']);
    finish.second();
    await second;
    await Promise.resolve();
    finish.third();
    await expect(third).resolves.toBe('third');
    expect(started).toEqual(['first', 'second', 'third']);
  });

  it('frees the slot when a task fails', async () => {
    const gate = new HashingGate(1, 0);

    await expect(gate.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
