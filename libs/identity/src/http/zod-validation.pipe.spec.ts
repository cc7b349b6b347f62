import { z } from 'zod';
import { ValidationFailedError } from '../errors';
import { errorResponseFor } from './error-response';
import { ZodValidationPipe } from './zod-validation.pipe';

const schema = z.object({
  title: z.string().min(1, 'required'),
  options: z.array(z.object({ label: z.string().min(1, 'required') })).min(2, 'at least 2 options'),
  windowDays: z.number().int().min(3, 'at least 3 days').max(7, 'at most 7 days'),
});

const rejectionOf = (value: unknown): ValidationFailedError => {
  try {
    new ZodValidationPipe(schema).transform(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return error as ValidationFailedError;
  }
  throw new Error('expected the pipe to reject the value');
};

describe('ZodValidationPipe', () => {
  it('passes the parsed value through', () => {
    const value = { title: '加装电梯', options: [{ label: '同意' }, { label: '反对' }], windowDays: 5, extra: 1 };

    expect(new ZodValidationPipe(schema).transform(value)).toEqual({ title: '加装电梯', options: value.options, windowDays: 5 });
  });

  it('answers 400 VALIDATION.FAILED listing each field at fault by its path', () => {
    const error = rejectionOf({ title: '', options: [{ label: '' }], windowDays: 10 });

    expect(errorResponseFor(error)).toEqual({
      status: 400,
      headers: {},
      body: {
        statusCode: 400,
        code: 'VALIDATION.FAILED',
        message: 'invalid request: title, options.0.label, options, windowDays',
        errors: [
          { path: 'title', message: 'required' },
          { path: 'options.0.label', message: 'required' },
          { path: 'options', message: 'at least 2 options' },
          { path: 'windowDays', message: 'at most 7 days' },
        ],
      },
    });
  });

  it('reports a body that is not an object at all as the body at fault', () => {
    expect(rejectionOf('加装电梯').errors).toEqual([{ path: '(body)', message: 'must be an object' }]);
  });

  it('reads a missing body as an empty one, naming each required field in plain words', () => {
    expect(rejectionOf(undefined).errors).toEqual([
      { path: 'title', message: 'required' },
      { path: 'options', message: 'required' },
      { path: 'windowDays', message: 'required' },
    ]);
  });

  it("names the rule in plain words where the schema gives none, and keeps the schema's own", () => {
    const strict = z
      .object({
        reason: z.string().trim().min(1, 'a rejection needs a reason'),
        score: z.number().int().min(1).max(5),
        kind: z.enum(['spam', 'offensive']),
        on: z.iso.date(),
        hours: z.number().multipleOf(0.25),
        note: z.string().max(3),
      })
      .strict();
    const pipe = new ZodValidationPipe(strict);
    const errorsOf = (value: unknown) => {
      try {
        pipe.transform(value);
      } catch (error) {
        return (error as ValidationFailedError).errors;
      }
      throw new Error('expected the pipe to reject the value');
    };
    expect(errorsOf({ reason: '  ', score: 2.5, kind: 'rude', on: '04/12/2026', hours: 0.3, note: '太长了吧', extra: 1 })).toEqual([
      { path: 'reason', message: 'a rejection needs a reason' },
      { path: 'score', message: 'must be a whole number' },
      { path: 'kind', message: 'must be one of: spam, offensive' },
      { path: 'on', message: 'must be a date such as 2026-12-04' },
      { path: 'hours', message: 'must be a multiple of 0.25' },
      { path: 'note', message: 'at most 3 characters' },
      { path: '(body)', message: 'not a field of this request: extra' },
    ]);
    expect(errorsOf({ reason: 'x', score: 9, kind: 'spam', on: '2026-12-04', hours: 1, note: '' })).toEqual([
      { path: 'score', message: 'at most 5' },
    ]);
    for (const { message } of errorsOf({})) expect(message).not.toMatch(/expected|received|Invalid/);
  });
});
