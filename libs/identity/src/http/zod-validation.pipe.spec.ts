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
    expect(rejectionOf(undefined).errors).toEqual([{ path: '(body)', message: expect.any(String) }]);
  });
});
