/** What a subscription asks for: some event types, optionally of one department or one street. */
export interface SubscriptionInterest {
  readonly eventTypes: readonly string[];
  readonly departmentId: string | null;
  readonly streetId: string | null;
}

interface FilterableEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The ids of one kind an event carries, as the contracts name them (`departmentId`, `departmentIds` …). */
function idsIn(data: unknown, single: string, plural: string, extra: readonly string[] = []): string[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const ids = [single, ...extra].map((key) => record[key]).filter((v): v is string => typeof v === 'string');
  const many = record[plural];
  if (Array.isArray(many)) ids.push(...many.filter((v): v is string => typeof v === 'string'));
  return ids;
}

/**
 * Whether an event goes to a subscriber. A filter by department or street passes only events that carry
 * that id: an event that says nothing of departments is not "about" a department system's department, so
 * it is withheld rather than sent to every department that asked for its own.
 */
export function matchesSubscription(interest: SubscriptionInterest, event: FilterableEvent): boolean {
  if (!interest.eventTypes.includes(event.type)) return false;
  if (interest.departmentId !== null) {
    const departments = idsIn(event.data, 'departmentId', 'departmentIds', ['leadDepartmentId']);
    if (!departments.includes(interest.departmentId)) return false;
  }
  if (interest.streetId !== null) {
    if (!idsIn(event.data, 'streetId', 'streetIds').includes(interest.streetId)) return false;
  }
  return true;
}
