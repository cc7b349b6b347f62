import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../principal';
import type { AllowRule } from './allow-rules';
import { principalOf } from './request-principal';

export const PUBLIC_ROUTE = 'gongzhi:identity:public';
export const ALLOW_RULES = 'gongzhi:identity:allow';

/** The route answers without a token (login, registration, open data). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Who may call the route (or every route of a controller; a method's own list replaces it):
 * `@Allow('resident', { role: 'street_officer', scope: 'street' })`. Without it an authenticated
 * principal of any role may call.
 */
export const Allow = (...rules: [AllowRule, ...AllowRule[]]) => SetMetadata(ALLOW_RULES, rules);

/** The authenticated principal of a route that is not `@Public()`. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined =>
  principalOf(context.switchToHttp().getRequest()),
);
