// jose 6 is published as ES modules only. Loading it on first use, rather than at import, keeps this
// library importable from any CommonJS context that cannot load it (jest without a transform for
// jose): only code that really signs or verifies a token needs it.
let jose: Promise<typeof import('jose')> | undefined;

export function loadJose(): Promise<typeof import('jose')> {
  jose ??= import('jose');
  return jose;
}
