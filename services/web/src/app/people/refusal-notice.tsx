import { useApi, useLoad } from '../api';
import { useI18n } from '../i18n';
import { Notice } from '../ui';

/** `GET /api/auth/me/account`, the part this notice reads. */
interface MyAccount {
  readonly refusal?: { readonly at: string; readonly reason: string };
}

/**
 * A resident whose community office could not verify them reads why, in the officer's own words, and what to
 * do next: otherwise they would only meet refusals when they try to vote. Only the built-in issuer keeps refusals.
 */
export function RefusalNotice() {
  const { t } = useI18n();
  const api = useApi();
  const unverified = api.principal?.verification === 'unverified' && api.signInConfig?.provider === 'built-in';
  const account = useLoad<MyAccount>(unverified ? '/api/auth/me/account' : null);
  const refusal = account.data?.refusal;
  if (!unverified || !refusal) return null;
  return (
    <Notice kind="info">
      {t('verificationRefused', { reason: refusal.reason })} {t('verificationRefusedNext')}
    </Notice>
  );
}
