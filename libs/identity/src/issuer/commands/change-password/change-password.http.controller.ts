import { Controller, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { Principal } from '../../../principal';
import { sessionIdOf } from '../../session-revocations';
import { ChangePasswordHandler } from './change-password.handler';
import { ChangePasswordRequestSchema, type ChangePasswordRequest } from './change-password.request';

type HttpRequest = { headers: Record<string, string | string[] | undefined> };

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class ChangePasswordHttpController {
  constructor(private readonly changePassword: ChangePasswordHandler) {}

  @Post('password')
  @ErrorAnswers(429, 503)
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password (the current one, then the new one); every other signed-in device is signed out' })
  @ApiNoContentResponse({ description: 'Changed' })
  async execute(
    @ZodBody(ChangePasswordRequestSchema) body: ChangePasswordRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Ip() clientAddress: string,
  ): Promise<void> {
    const bearer = String(request.headers.authorization ?? '')
      .replace(/^Bearer\s+/i, '')
      .trim();
    await this.changePassword.execute({
      ...body,
      accountId: principal.subject,
      sessionId: sessionIdOf(bearer),
      clientAddress: clientAddress ?? 'unknown',
    });
  }
}
