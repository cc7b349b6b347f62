import type { ReactNode } from 'react';
import { hasRole, useApi, type Principal } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ChangePassword } from './change-password';
import { ExternalSignInCallback } from './external-sign-in';
import { PendingResidents } from './pending-residents';
import { Register } from './register';

/** The pages of one's account, whatever the face: registering, the provider's answer, the password, verifying residents. */
export function accountPageOf(path: string): { page: ReactNode; needsSignIn: boolean } | null {
  switch (path) {
    case '/register':
      return { page: <Register />, needsSignIn: false };
    case '/sign-in/callback':
      return { page: <ExternalSignInCallback />, needsSignIn: false };
    case '/account/password':
      return { page: <ChangePassword />, needsSignIn: true };
    case '/staff/residents':
      return { page: <PendingResidents />, needsSignIn: true };
    default:
      return null;
  }
}

const VERIFIERS = ['community_officer', 'street_officer', 'admin'] as const;

export function AccountLinks({ principal }: { principal: Principal }) {
  const { t } = useI18n();
  const external = useApi().signInConfig?.provider === 'external';
  return (
    <span className="account-links">
      {!external && hasRole(principal, ...VERIFIERS) && (
        <Link to="/staff/residents" className="button button-quiet">
          {t('staffResidentsLink')}
        </Link>
      )}{' '}
      {/* With an external provider the password is the provider's to change. */}
      {!external && (
        <Link to="/account/password" className="button button-quiet">
          {t('accountLink')}
        </Link>
      )}
    </span>
  );
}
