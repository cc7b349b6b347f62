import { z } from 'zod';

/**
 * Schemas for one environment variable each. Their messages say what is expected, so `loadConfig`
 * can print `NAME: expected …, got "…"` or `NAME: not set; expected …`.
 */

function text(expected: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `not set; ${expected}` : expected) });
}

function parsedText<Output>(expected: string, parse: (raw: string) => Output | undefined) {
  return text(expected).transform((raw, ctx): Output => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });
}

export function integerVariable({ min, max }: { min: number; max: number }) {
  return parsedText(`expected an integer between ${min} and ${max}`, (raw) => {
    if (!/^[+-]?\d+$/.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
  });
}

export const portVariable = () => integerVariable({ min: 1, max: 65535 });

/** One of fixed words, in any letter case. */
export function oneOfVariable<const Value extends string>(values: readonly Value[]) {
  return parsedText(`expected one of ${values.join(', ')}`, (raw) => values.find((value) => value === raw.toLowerCase()));
}

export function urlVariable({ protocols, example }: { protocols: readonly string[]; example: string }) {
  const expected = `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, such as ${example}`;
  return parsedText(expected, (raw) => (URL.canParse(raw) && protocols.includes(new URL(raw).protocol) ? raw : undefined));
}

const HOST_PORT = /^(?<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?<port>\d{1,5})$/;

/** `host:port,host:port`, as Kafka's bootstrap servers are written. */
export function hostPortListVariable(example: string) {
  return parsedText(`expected a comma-separated list of host:port, such as ${example}`, (raw) => {
    const entries = raw.split(',').map((entry) => entry.trim());
    const valid = entries.every((entry) => {
      const port = Number(HOST_PORT.exec(entry)?.groups?.port);
      return port >= 1 && port <= 65535;
    });
    return valid ? entries : undefined;
  });
}

export const textVariable = (expected: string) => text(expected).transform((raw) => raw.trim());

/** Communities a generated demo city has: `small` (the city that ships: null), `district` (40) or a number from 1 to 400. */
export function demoScaleVariable() {
  return parsedText('expected small, district or a number of communities between 1 and 400', (raw): number | null | undefined => {
    const word = raw.toLowerCase();
    if (word === 'small') return null;
    if (word === 'district') return 40;
    if (!/^\d+$/.test(raw)) return undefined;
    const communities = Number(raw);
    return communities >= 1 && communities <= 400 ? communities : undefined;
  });
}
