import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../../access/decorators';
import { OwnErrorAnswers } from '../../../http/documented-input';
import { OAuthTokenError } from '../../clients/client-errors';
import { ClientCredentialsTokenHandler } from './client-credentials-token.handler';
import { readTokenRequest } from './token-request';

/** RFC 6749 §5.2: 401 for invalid_client, 400 for the rest. */
const oauthErrorBody = z.object({
  error: z.enum(['invalid_request', 'invalid_client', 'invalid_grant', 'unsupported_grant_type', 'invalid_scope']),
  error_description: z.string(),
});

type HttpRequest = { headers: Record<string, string | string[] | undefined>; body: unknown };
type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; json(body: unknown): void };

@ApiTags('auth')
@Controller('api/auth')
export class ClientCredentialsTokenHttpController {
  constructor(private readonly tokens: ClientCredentialsTokenHandler) {}

  @Public()
  @Post('token')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', enum: ['client_credentials'] },
        client_id: { type: 'string', description: 'or in HTTP Basic' },
        client_secret: { type: 'string', description: 'or in HTTP Basic' },
        scope: { type: 'string', description: "space-separated; a subset of the client's" },
      },
    },
  })
  @ApiResponse({ status: 200, description: '{ access_token, token_type: "Bearer", expires_in, scope }' })
  @OwnErrorAnswers({ statuses: [400, 401], body: oauthErrorBody })
  @ApiOperation({ summary: 'OAuth 2.0 client credentials (RFC 6749 §4.4): a registered machine gets an access token' })
  async token(@Req() request: HttpRequest, @Res() response: HttpResponse): Promise<void> {
    // RFC 6749 §5.1: token answers are never cached.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    let viaBasic = typeof request.headers['authorization'] === 'string' && /^Basic\b/i.test(request.headers['authorization']);
    try {
      const credentials = readTokenRequest(request.headers, request.body);
      viaBasic = credentials.viaBasic;
      response.status(200).json(await this.tokens.execute(credentials));
    } catch (error) {
      if (!(error instanceof OAuthTokenError)) throw error;
      if (error.status === 401 && viaBasic) response.setHeader('WWW-Authenticate', 'Basic realm="gongzhi", charset="UTF-8"');
      response.status(error.status).json({ error: error.error, error_description: error.description });
    }
  }
}
