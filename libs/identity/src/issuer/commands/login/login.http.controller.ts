import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { Session } from '../../session-issuer';
import { LoginHandler } from './login.handler';
import { LoginRequestSchema, type LoginRequest } from './login.request';

@ApiTags('auth')
@Controller('api/auth')
export class LoginHttpController {
  constructor(private readonly login: LoginHandler) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ErrorAnswers(401, 429, 503)
  @ApiOperation({ summary: 'Log in with username and password; answers an access token (15 min) and a refresh token' })
  execute(@ZodBody(LoginRequestSchema) body: LoginRequest, @Ip() clientAddress: string): Promise<Session> {
    return this.login.execute({ ...body, clientAddress: clientAddress ?? 'unknown' });
  }
}
