import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../access/decorators';
import { ZodBody } from '../../../http/zod-validation.pipe';
import { RefreshSessionRequestSchema, type RefreshSessionRequest } from '../refresh-session/refresh-session.request';
import { LogoutHandler } from './logout.handler';

@ApiTags('auth')
@Controller('api/auth')
export class LogoutHttpController {
  constructor(private readonly logout: LogoutHandler) {}

  /** Public: an expired access token must not keep anyone from logging out. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  async execute(@ZodBody(RefreshSessionRequestSchema) body: RefreshSessionRequest): Promise<void> {
    await this.logout.execute(body);
  }
}
