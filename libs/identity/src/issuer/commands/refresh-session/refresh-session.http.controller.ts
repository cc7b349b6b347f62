import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { AccessOnlySession, Session } from '../../session-issuer';
import { RefreshSessionHandler } from './refresh-session.handler';
import { RefreshSessionRequestSchema, type RefreshSessionRequest } from './refresh-session.request';

@ApiTags('auth')
@Controller('api/auth')
export class RefreshSessionHttpController {
  constructor(private readonly refresh: RefreshSessionHandler) {}

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ErrorAnswers(401)
  @ApiOperation({ summary: 'Trade a refresh token for a new access token and the next refresh token' })
  execute(@ZodBody(RefreshSessionRequestSchema) body: RefreshSessionRequest): Promise<Session | AccessOnlySession> {
    return this.refresh.execute(body);
  }
}
