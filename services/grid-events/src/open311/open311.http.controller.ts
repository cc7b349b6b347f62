import { createHash } from 'node:crypto';
import {
  Body,
  Catch,
  Controller,
  Get,
  HttpException,
  Optional,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import {
  DocumentedBody,
  DocumentedQuery,
  Idempotent,
  OwnErrorAnswers,
  Public,
  ValidationFailedError,
  ZodValidationPipe,
} from '@gongzhi/identity';
import { ErrorStatuses } from '@gongzhi/platform';
import { GRID_EVENTS_ERROR_STATUSES } from '../http/grid-events-error-statuses';
import { Open311Error } from './open311.errors';
import {
  foldAttributes,
  listRequestsQuery,
  oneRequestQuery,
  open311ErrorsBody,
  postRequestBody,
  type ListRequestsQuery,
  type OneRequestQuery,
} from './open311.request';
import { Open311Service } from './open311.service';
import { toXml } from './xml';

type Format = 'json' | 'xml';
type HttpRequest = { protocol: string; headers: Record<string, string | string[] | undefined>; path: string };
type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; send(body: string): void };

/** Splits `requests.json` into its name and format; an unknown format is a 404 like any unknown resource. */
function split(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  if (dot < 1 || (format !== 'json' && format !== 'xml')) throw new Open311Error(404, `${file}: ask for .json or .xml`);
  return { name: file.slice(0, dot), format };
}

function send(response: HttpResponse, format: Format, root: string, value: unknown, status = 200): void {
  response.status(status);
  if (format === 'xml') {
    response.setHeader('content-type', 'text/xml; charset=utf-8');
    response.send(toXml(root, value));
  } else {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.send(JSON.stringify(value));
  }
}

/** Every failure in Open311's own shape: `[{ code, description }]` (or `<errors>`), status 400, 403 or 404. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly statuses: ErrorStatuses;

  /** The process's table (PlatformModule's); a process without the platform shell gets this service's own. */
  constructor(@Optional() statuses?: ErrorStatuses) {
    this.statuses = statuses ?? new ErrorStatuses(GRID_EVENTS_ERROR_STATUSES);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<HttpRequest>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const format: Format = request.path.endsWith('.xml') ? 'xml' : 'json';
    let status = 500;
    let description = 'internal error';
    if (error instanceof Open311Error) [status, description] = [error.status, error.description];
    else if (error instanceof ValidationFailedError)
      [status, description] = [400, error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')];
    else if (error instanceof DomainError) {
      const mapped = this.statuses.statusOf(error.code);
      [status, description] = [mapped === 404 || mapped === 403 ? mapped : 400, error.message];
    } else if (error instanceof HttpException) [status, description] = [error.getStatus(), error.message];
    if (status >= 500) description = 'the service could not answer; try again later';
    send(response, format, 'errors', [{ code: status, description }], status);
  }
}

/**
 * An Open311 client is known by its api_key: its keys are kept under a hash of it, never the key itself.
 * Without an api_key the request is refused anyway, so there is nobody to keep a key for.
 */
function open311Client(request: { body?: unknown }): string | undefined {
  const apiKey = (request.body as { api_key?: unknown } | undefined)?.api_key;
  return typeof apiKey === 'string' && apiKey !== '' ? `open311:${createHash('sha256').update(apiKey).digest('hex')}` : undefined;
}

@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@OwnErrorAnswers({ statuses: [400, 403, 404], body: open311ErrorsBody, mediaTypes: ['application/json', 'text/xml'] })
@Controller('open311/v2')
export class Open311HttpController {
  constructor(private readonly open311: Open311Service) {}

  private baseUrl(request: HttpRequest): string {
    return `${request.protocol}://${String(request.headers['host'] ?? 'localhost')}`;
  }

  @Get('services/:file')
  @ApiOperation({ summary: 'GeoReport v2 service definition: services/{service_code}.json|xml' })
  serviceDefinition(@Param('file') file: string, @Res() response: HttpResponse) {
    const { name, format } = split(file);
    send(response, format, 'service_definition', this.open311.serviceDefinition(name));
  }

  @Get('requests/:file')
  @DocumentedQuery(oneRequestQuery)
  @ApiOperation({ summary: 'GeoReport v2 one service request: requests/{service_request_id}.json|xml' })
  async request(@Param('file') file: string, @Query() rawQuery: unknown, @Req() request: HttpRequest, @Res() response: HttpResponse) {
    const { name, format } = split(file);
    const query = new ZodValidationPipe(oneRequestQuery).transform(rawQuery) as OneRequestQuery;
    send(response, format, 'service_requests', await this.open311.one(name, query.api_key, this.baseUrl(request)));
  }

  @Get(':file')
  @DocumentedQuery(listRequestsQuery)
  @ApiOperation({
    summary: 'GeoReport v2 discovery.json|xml, services.json|xml, requests.json|xml (filters, 90 days or 1000 requests by default)',
  })
  async read(@Param('file') file: string, @Query() rawQuery: unknown, @Req() request: HttpRequest, @Res() response: HttpResponse) {
    const { name, format } = split(file);
    switch (name) {
      case 'discovery':
        return send(response, format, 'discovery', this.open311.discovery(this.baseUrl(request)));
      case 'services':
        return send(response, format, 'services', this.open311.services());
      case 'requests': {
        const query = new ZodValidationPipe(listRequestsQuery).transform(rawQuery) as ListRequestsQuery;
        return send(response, format, 'service_requests', await this.open311.list(query, this.baseUrl(request)));
      }
      default:
        throw new Open311Error(404, `${file} is not a GeoReport v2 resource`);
    }
  }

  @Post(':file')
  @Idempotent({ callerOf: open311Client })
  @DocumentedBody(postRequestBody, ['application/x-www-form-urlencoded', 'application/json'])
  @ApiOperation({
    summary: 'GeoReport v2 POST requests.json|xml (form-encoded; api_key; lat+long or address_string; attribute[...]; media_url)',
  })
  async create(@Param('file') file: string, @Body() rawBody: unknown, @Req() request: HttpRequest, @Res() response: HttpResponse) {
    const { name, format } = split(file);
    if (name !== 'requests') throw new Open311Error(404, `${file} cannot be posted to`);
    const body = postRequestBody.safeParse(foldAttributes((rawBody ?? {}) as Record<string, unknown>));
    if (!body.success) {
      const missingKey = body.error.issues.some((i) => i.path[0] === 'api_key');
      const description = body.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
      throw new Open311Error(missingKey ? 403 : 400, description);
    }
    send(response, format, 'service_requests', await this.open311.create(body.data, this.baseUrl(request)), 201);
  }
}
