import { CATALOGUES as FACES } from './catalogues';

// The app merges the catalogues into one dictionary, so a key in two of them would silently show one
// face the other face's words; and a placeholder missing in one language shows a reader "{n}".
const CATALOGUES: Record<string, { zh: Record<string, string>; en: Record<string, string> }> = FACES;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the words of each face', () => {
  it('keeps every key in exactly one catalogue', () => {
    const homes = new Map<string, string[]>();
    for (const [face, { zh }] of Object.entries(CATALOGUES))
      for (const key of Object.keys(zh)) homes.set(key, [...(homes.get(key) ?? []), face]);

    expect([...homes].filter(([, faces]) => faces.length > 1)).toEqual([]);
  });

  it('says in English everything it says in Chinese, with the same placeholders and no empty words', () => {
    for (const [face, { zh, en }] of Object.entries(CATALOGUES)) {
      expect({ face, keys: Object.keys(en).sort() }).toEqual({ face, keys: Object.keys(zh).sort() });
      for (const key of Object.keys(zh)) {
        expect({ face, key, placeholders: placeholders(en[key]) }).toEqual({ face, key, placeholders: placeholders(zh[key]) });
        expect({ face, key, empty: zh[key].trim() === '' || en[key].trim() === '' }).toEqual({ face, key, empty: false });
      }
    }
  });
});
