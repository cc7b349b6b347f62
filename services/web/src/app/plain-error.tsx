import { ERROR_MESSAGES } from './strings';
import type { Lang, MessageKey } from './i18n';

/** One field the server named as at fault, by its top-level name (`photoIds.0` is the `photoIds` field). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** A refusal as the platform answers it: `{ statusCode, code, message, errors?: [{ path, message }] }`. */
export interface Refusal {
  readonly status: number;
  readonly code: string | undefined;
  readonly fields: readonly FieldProblem[];
}

/** What a person reads: one sentence for the whole, and one per field at fault. */
export interface PlainError {
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

const isRefusal = (error: unknown): error is Refusal & Error =>
  error instanceof Error && typeof (error as Partial<Refusal>).status === 'number' && Array.isArray((error as Partial<Refusal>).fields);

/** The catalogue's words for a code, else by its kind, else by the HTTP status: never the server's own (English) message. */
function sentenceFor(refusal: Refusal, t: (key: MessageKey) => string, lang: Lang): string {
  const known = refusal.code ? ERROR_MESSAGES[refusal.code] : undefined;
  if (known) return known[lang];
  const code = refusal.code ?? '';
  if (code.endsWith('.FORBIDDEN') || refusal.status === 403) return t('errorForbidden');
  if (code.endsWith('.NOT_FOUND') || refusal.status === 404) return t('errorNotFound');
  if (refusal.status === 401) return t('errorSignIn');
  if (refusal.status === 429) return t('errorTooMany');
  if (/\.ALREADY_|_CONFLICT$|\.WRONG_STAGE$/.test(code) || refusal.status === 409) return t('errorConflict');
  if (refusal.fields.length > 0) return t('errorInvalid');
  if (refusal.status >= 500) return t('errorServer');
  return t('errorGeneric');
}

/**
 * Any failure in the reader's words. A field named by a coded refusal (`details.field`) reads the code's
 * sentence; a schema failure's field reads the server's words in English and a plain request in Chinese.
 */
export function plainError(error: unknown, t: (key: MessageKey) => string, lang: Lang): PlainError {
  if (!isRefusal(error)) {
    // fetch() rejects with a TypeError when the network or the server is away.
    return {
      message: error instanceof TypeError ? t('errorNetwork') : t('errorGeneric'),
      fields: {},
    };
  }
  const message = sentenceFor(error, t, lang);
  const coded = error.code !== undefined && error.code !== 'VALIDATION.FAILED' && ERROR_MESSAGES[error.code] !== undefined;
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    const name = field.path.split('.')[0];
    if (!name || fields[name]) continue;
    fields[name] = coded ? message : lang === 'en' && field.message ? field.message : t('errorFieldGeneric');
  }
  return { message, fields };
}
