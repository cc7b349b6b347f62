import { hasOwnKey, ownValue, PROTOTYPE_NAMES } from './own-value';

describe('ownValue: a lookup by a key from outside', () => {
  const clients: Record<string, string> = { 'demo-open311-key': 'demo client' };

  it('finds an own key', () => {
    expect(ownValue(clients, 'demo-open311-key')).toBe('demo client');
    expect(hasOwnKey(clients, 'demo-open311-key')).toBe(true);
  });

  it.each(PROTOTYPE_NAMES)('answers nothing for the inherited name %s, where a plain lookup answers something', (name) => {
    expect(ownValue(clients, name)).toBeUndefined();
    expect(hasOwnKey(clients, name)).toBe(false);
  });

  it('shows why: a plain lookup of an inherited name is truthy', () => {
    expect(clients['constructor']).toBeTruthy();
    expect(clients['__proto__']).toBeTruthy();
  });
});
