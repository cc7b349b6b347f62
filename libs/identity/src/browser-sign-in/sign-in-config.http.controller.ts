import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/decorators';
import { DocumentedAnswer } from '../http/documented-input';
import { SIGN_IN_CONFIG, signInConfigSchema, type SignInConfig } from './sign-in-config';

type ConfigSource = { signInConfig(): Promise<SignInConfig> };

@ApiTags('auth')
@Controller('api/auth/config')
export class SignInConfigHttpController {
  constructor(@Inject(SIGN_IN_CONFIG) private readonly source: ConfigSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'How to sign in: the built-in accounts (and whether demo accounts exist) or an external provider' })
  @DocumentedAnswer(signInConfigSchema, 'The built-in accounts, or the external provider to send the browser to.')
  execute(): Promise<SignInConfig> {
    return this.source.signInConfig();
  }
}
