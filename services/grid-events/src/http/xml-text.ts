import { z } from 'zod';

/**
 * Characters XML 1.0 cannot carry, not even escaped: C0 controls other than tab, newline and carriage return,
 * U+FFFE/U+FFFF, and halves of surrogate pairs. Reports are served as Open311 XML, so one such character in a
 * description would make the whole `requests.xml` unreadable for every client.
 */
const NOT_IN_XML_1_0 =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const NOT_IN_XML_1_0_GLOBAL = new RegExp(NOT_IN_XML_1_0.source, 'gu');

export function carriesInXml(text: string): boolean {
  return !NOT_IN_XML_1_0.test(text);
}

/** Text written before intake refused such characters is still answered: each one becomes U+FFFD. */
export function replaceNonXmlCharacters(text: string): string {
  return text.replace(NOT_IN_XML_1_0_GLOBAL, '\uFFFD');
}

/** A string field that refuses control characters at intake (400 naming the field). */
export const xmlText = () =>
  z.string().refine(carriesInXml, { error: 'contains control characters that cannot be stored (only tab and line breaks are allowed)' });
