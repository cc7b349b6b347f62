import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ALLOW_RULES, PUBLIC_ROUTE, type AllowRule } from '@gongzhi/identity';

/** A route as the code declares it: who the guard lets in, written as the authority table writes it. */
export interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  /** `public`, `any` (any signed-in principal), or the rules: `resident(community, verified)`, `admin` … */
  readonly who: string;
  readonly controller: string;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

export function formatRule(rule: AllowRule): string {
  if (typeof rule === 'string') return rule;
  const conditions = [...(rule.scope ? [rule.scope] : []), ...(rule.verified ? ['verified'] : [])];
  return conditions.length ? `${rule.role}(${conditions.join(', ')})` : rule.role;
}

/** Every HTTP route of the running app with its `@Allow`/`@Public` metadata (a method's own replaces its controller's). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        // Read the descriptor, not the property: a getter on the prototype must not run here.
        const handler = Object.getOwnPropertyDescriptor(type.prototype, name)?.value as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodCode = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodCode === undefined) continue;
        const own = [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[];
        const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, type);
        const rules = (Reflect.getMetadata(ALLOW_RULES, handler) ?? Reflect.getMetadata(ALLOW_RULES, type)) as AllowRule[] | undefined;
        const who = isPublic ? 'public' : rules ? rules.map(formatRule).join(', ') : 'any';
        for (const prefix of base) {
          for (const path of own)
            routes.push({ method: RequestMethod[methodCode], path: joinPath(prefix, path), who, controller: type.name });
        }
      }
    }
  }
  return routes;
}
