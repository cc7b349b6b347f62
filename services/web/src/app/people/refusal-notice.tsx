import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Notice } from '../ui';

/**
 * A resident whose community office could not verify them reads why, in the officer's own words, and what to
 * do next: otherwise they would only meet refusals when they try to vote. Only the built-in issuer keeps refusals.
 */
export function RefusalNotice() {
  const { t } = useI18n();
  const api = useApi();
  const unverified = api.principal?.verification === 'unverified' && api.signInConfig?.provider === 'built-in';
  const account = useApiQuery('/api/auth/me/account', unverified ? {} : null);
  const refusal = account.data?.refusal;
  if (!unverified || !refusal) return null;
  return (
    <Notice kind="info">
      {t('verificationRefused', { reason: refusal.reason })} {t('verificationRefusedNext')}
    </Notice>
  );
}
