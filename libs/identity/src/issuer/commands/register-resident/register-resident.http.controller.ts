import { Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { AccountView } from '../../account-view';
import { RegisterResidentHandler } from './register-resident.handler';
import { RegisterResidentRequestSchema, type RegisterResidentRequest } from './register-resident.request';

@ApiTags('auth')
@Controller('api/auth')
export class RegisterResidentHttpController {
  constructor(private readonly register: RegisterResidentHandler) {}

  @Public()
  @Post('register')
  @ErrorAnswers(503)
  @ApiOperation({ summary: 'Register as a resident of a community and grid (unverified until an officer verifies)' })
  execute(@ZodBody(RegisterResidentRequestSchema) body: RegisterResidentRequest): Promise<AccountView> {
    return this.register.execute(body);
  }
}
