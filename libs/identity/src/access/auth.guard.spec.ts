import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Principal } from '../principal';
import type { TokenVerifier } from '../token-verifier';
import type { AdmissionCheck } from './admission';
import { AuthGuard } from './auth.guard';
import { Allow, Public } from './decorators';
import { principalOf } from './request-principal';

const resident: Principal = { subject: 'resident-1', roles: ['resident'], scope: { communityId: 'c-1' }, verification: 'verified' };
const verifier: TokenVerifier = {
  verify: async (token) => {
    if (token !== 'good') throw new Error('bad token');
    return resident;
  },
};

@Allow('street_officer')
@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open() {}

  @Get('officers')
  officers() {}

  @Allow('resident')
  @Get('residents')
  residents() {}
}

// Inherits `residents`: the same handler, routed for another class with its own rules.
@Allow('admin')
@Controller('admin-probe')
class AdminProbeController extends ProbeController {}

function contextOf(owner: object, handler: () => unknown, headers: Record<string, string> = {}) {
  const request = { method: 'GET', headers };
  return { request, context: new ExecutionContextHost([request, {}, () => undefined], owner as never, handler) };
}

describe('AuthGuard', () => {
  const admitted: object[] = [];
  const admission: AdmissionCheck = { admit: (context) => void admitted.push(context.switchToHttp().getRequest()) };
  const guard = new AuthGuard(new Reflector(), verifier, admission);
  const { open, officers, residents } = ProbeController.prototype;

  beforeEach(() => {
    admitted.length = 0;
  });

  it('lets a public route through without a token, past the admission check', async () => {
    const { request, context } = contextOf(ProbeController, open);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(admitted).toEqual([request]);
  });

  it('names the caller, holds them to the route’s rules, and only then asks the admission check', async () => {
    const allowed = contextOf(ProbeController, residents, { authorization: 'Bearer good' });
    await expect(guard.canActivate(allowed.context)).resolves.toBe(true);
    expect(principalOf(allowed.request)).toEqual(resident);

    const forbidden = contextOf(ProbeController, officers, { authorization: 'Bearer good' });
    await expect(guard.canActivate(forbidden.context)).rejects.toThrow(/street_officer/);
    const anonymous = contextOf(ProbeController, residents);
    await expect(guard.canActivate(anonymous.context)).rejects.toMatchObject({ code: 'AUTH.MISSING_TOKEN' });

    expect(admitted).toEqual([allowed.request]);
  });

  it('reads the rules of the class that routes an inherited handler, each time the same', async () => {
    for (let round = 0; round < 2; round++) {
      await expect(guard.canActivate(contextOf(AdminProbeController, officers, { authorization: 'Bearer good' }).context)).rejects.toThrow(
        /admin/,
      );
      await expect(guard.canActivate(contextOf(ProbeController, officers, { authorization: 'Bearer good' }).context)).rejects.toThrow(
        /street_officer/,
      );
      await expect(guard.canActivate(contextOf(ProbeController, residents, { authorization: 'Bearer good' }).context)).resolves.toBe(true);
      await expect(guard.canActivate(contextOf(AdminProbeController, residents, { authorization: 'Bearer good' }).context)).resolves.toBe(
        true,
      );
    }
  });

  it('refuses what the admission check refuses', async () => {
    const refusing = new AuthGuard(new Reflector(), verifier, {
      admit: () => {
        throw new Error('too many case reports');
      },
    });
    await expect(refusing.canActivate(contextOf(ProbeController, open).context)).rejects.toThrow('too many case reports');
  });
});
