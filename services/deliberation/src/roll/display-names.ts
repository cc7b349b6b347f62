import { DomainError } from '@gongzhi/eventsourcing';
import type { ResidentRegister } from './resident-register';

/**
 * The names residents go by, read from the register when a list is shown, so a renamed resident shows their new
 * name and no name is copied into the public events. Where no register is configured (an external identity
 * provider), or an id is nobody in it, the name is null and the reader says "a resident".
 */
export async function displayNamesOf(register: ResidentRegister, residentIds: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(residentIds)];
  const found = await Promise.all(
    unique.map(async (residentId) => {
      try {
        return [residentId, (await register.find(residentId))?.displayName ?? null] as const;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'ROLL.UNAVAILABLE') return [residentId, null] as const;
        throw error;
      }
    }),
  );
  return new Map(found);
}
