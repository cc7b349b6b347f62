import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import { ValidationFailedError } from '../errors';
import { principalOf } from '../access/request-principal';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from './idempotency-errors';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_STORE, type IdempotencyStore, type IdempotentAnswer } from './idempotency-store';

export type IdempotentRequest = {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
};
type IdempotentResponse = {
  statusCode: number;
  status(code: number): IdempotentResponse;
  setHeader(name: string, value: string): void;
  getHeader(name: string): unknown;
  send(body?: unknown): unknown;
};

export interface IdempotentOptions {
  /**
   * Who the key belongs to when the route has no signed-in principal (Open311's `api_key`): a repeat is
   * answered only to the same caller. Without it the principal is the caller.
   */
  readonly callerOf?: (request: IdempotentRequest) => string | undefined;
}

export const IDEMPOTENT_OPTIONS = Symbol('gongzhi:idempotent');

/** A device-made id: a UUID fits; long enough not to collide by chance, short and plain enough to store. */
const KEY = /^[A-Za-z0-9_.:-]{16,128}$/;

/**
 * Runs a command once per `Idempotency-Key` of a caller: claims the key before the command runs, keeps the
 * answer (2xx only) and gives it back to a repeat without running the command again. A refused or failed
 * command releases its key: it changed nothing, so the repeat runs it anew. A request without the header
 * runs as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const response = context.switchToHttp().getResponse<IdempotentResponse>();
    const key = keyOf(request);
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS, context.getHandler()) ?? {};
    const caller = options.callerOf ? options.callerOf(request) : callerOfPrincipal(request);
    if (key === undefined || caller === undefined) return next.handle();

    const answersItself = sendsItsOwnResponse(context);
    const claim = await this.store.claim(caller, key, fingerprintOf(request));
    if (claim.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'in-progress') throw new IdempotentRequestInProgressError();
    if (claim.kind === 'replay') return of(replay(claim.answer, response, answersItself));

    const { token } = claim;
    let sent: IdempotentAnswer | undefined;
    if (answersItself) captureSend(response, (answer) => (sent = answer));
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(
          this.store.release(caller, key, token).then(
            () => Promise.reject(error),
            () => Promise.reject(error),
          ),
        ),
      ),
      mergeMap(async (value) => {
        const answer = sent ?? { status: response.statusCode, contentType: 'application/json', body: JSON.stringify(value ?? null) };
        if (answer.status < 300) {
          // The command ran: its key stays claimed even if keeping the answer fails, so no repeat runs it again.
          await this.store
            .complete(caller, key, token, answer)
            .catch((error: Error) => this.logger.error(`could not keep the answer of an idempotent request: ${error.message}`));
        } else await this.store.release(caller, key, token);
        return value;
      }),
    );
  }
}

function keyOf(request: IdempotentRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new ValidationFailedError([
      {
        path: IDEMPOTENCY_KEY_HEADER,
        message:
          'must be one id of 16 to 128 letters, digits, "-", "_", "." or ":", made once for each request on the device (a UUID fits)',
      },
    ]);
  }
  return header;
}

function callerOfPrincipal(request: IdempotentRequest): string | undefined {
  const principal = principalOf(request);
  return principal ? `${principal.kind ?? 'user'}:${principal.subject}` : undefined;
}

/** The route and body: the same key with another body (or on another case) is another request. */
function fingerprintOf(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl.split('?')[0]}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A handler taking `@Res()` writes its answer itself; Nest will not reply for it. */
function sendsItsOwnResponse(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  return Object.entries(args).some(([name, arg]) => {
    const type = Number(name.split(':')[0]);
    const passthrough = (arg.data as { passthrough?: boolean } | undefined)?.passthrough === true;
    return (type === RouteParamtypes.RESPONSE || type === RouteParamtypes.NEXT) && !passthrough;
  });
}

function captureSend(response: IdempotentResponse, onSent: (answer: IdempotentAnswer) => void): void {
  const send = response.send.bind(response);
  response.send = (body?: unknown) => {
    response.send = send;
    const contentType = response.getHeader('content-type');
    onSent({
      status: response.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? ''),
    });
    return send(body);
  };
}

function replay(answer: IdempotentAnswer, response: IdempotentResponse, answersItself: boolean): unknown {
  response.setHeader('Idempotent-Replayed', 'true');
  if (!answersItself) return JSON.parse(answer.body) as unknown;
  response.status(answer.status);
  if (answer.contentType) response.setHeader('content-type', answer.contentType);
  response.send(answer.body);
  return undefined;
}
