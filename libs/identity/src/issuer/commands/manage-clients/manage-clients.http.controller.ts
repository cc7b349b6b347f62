import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../../access/decorators';
import { ErrorAnswers } from '../../../http/documented-input';
import { ZodBody } from '../../../http/zod-validation.pipe';
import type { Principal } from '../../../principal';
import type { ClientView } from '../../clients/client-kinds';
import { ManageClientsHandler, type ClientWithSecret } from './manage-clients.handler';
import { registerClientRequest, type RegisterClientRequest } from './register-client.request';

/** Machine clients (department systems, the 12345 hotline, analytics readers), kept by an admin. */
@ApiTags('auth')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/auth/clients')
export class ManageClientsHttpController {
  constructor(private readonly clients: ManageClientsHandler) {}

  @Get()
  @ApiOperation({ summary: 'List the registered clients (admin); secrets are never shown again' })
  async list(): Promise<{ clients: ClientView[] }> {
    return { clients: await this.clients.list() };
  }

  @Post()
  @HttpCode(201)
  @ErrorAnswers(409)
  @ApiOperation({
    summary: 'Register a client (admin): department_system (with departmentId), hotline or analytics; answers its secret once',
  })
  register(@ZodBody(registerClientRequest) body: RegisterClientRequest, @CurrentPrincipal() admin: Principal): Promise<ClientWithSecret> {
    return this.clients.register(body, admin);
  }

  @Post(':clientId/rotate')
  @HttpCode(200)
  @ErrorAnswers(404, 409)
  @ApiOperation({
    summary: "Rotate a client's secret (admin): answers the new one once; the old secret and its tokens stop working at once",
  })
  rotate(@Param('clientId') clientId: string): Promise<ClientWithSecret> {
    return this.clients.rotate(clientId);
  }

  @Post(':clientId/revoke')
  @HttpCode(200)
  @ErrorAnswers(404)
  @ApiOperation({ summary: 'Revoke a client (admin): no new tokens, and those already out stop working at once' })
  revoke(@Param('clientId') clientId: string, @CurrentPrincipal() admin: Principal): Promise<ClientView> {
    return this.clients.revoke(clientId, admin);
  }
}
