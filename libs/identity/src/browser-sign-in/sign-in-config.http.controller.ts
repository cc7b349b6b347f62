import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/decorators';
import { SIGN_IN_CONFIG, type SignInConfig } from './sign-in-config';

type ConfigSource = { signInConfig(): Promise<SignInConfig> };

@ApiTags('auth')
@Controller('api/auth/config')
export class SignInConfigHttpController {
  constructor(@Inject(SIGN_IN_CONFIG) private readonly source: ConfigSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'How to sign in: the built-in accounts (and whether demo accounts exist) or an external provider' })
  execute(): Promise<SignInConfig> {
    return this.source.signInConfig();
  }
}
