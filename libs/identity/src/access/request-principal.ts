import type { Principal } from '../principal';

const PRINCIPAL = Symbol('gongzhi:principal');

type WithPrincipal = { [PRINCIPAL]?: Principal };

export function attachPrincipal(request: object, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The principal the `AuthGuard` attached to this request, if any. */
export function principalOf(request: object): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}
