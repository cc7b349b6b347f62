import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { IdentityError } from '../errors';
import { errorResponseFor } from './error-response';

type HttpResponse = {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
};

/** Answers this library's errors (401, 403, 400 with field paths, 409, 429, 503 …) in the uniform error body. */
@Catch(IdentityError)
export class IdentityErrorFilter implements ExceptionFilter<IdentityError> {
  catch(error: IdentityError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const { status, body, headers } = errorResponseFor(error);
    const response = host.switchToHttp().getResponse<HttpResponse>();
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
