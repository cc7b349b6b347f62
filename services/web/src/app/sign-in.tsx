import { useState, type FormEvent } from 'react';
import { startExternalSignIn } from './account/external-sign-in';
import { ApiError, useApi, type Principal } from './api';
import { useI18n } from './i18n';
import { Link, useRouter } from './router';
import { DEMO_ACCOUNTS } from './strings';
import { ActionError, Field, PageTitle, useAction } from './ui';
import { Icon } from './icons';

export function SignIn({ onSignedIn }: { onSignedIn: (principal: Principal) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const config = api.signInConfig;
  if (config?.provider === 'external') return <ExternalSignIn />;
  return (
    <section className="card narrow">
      <PageTitle>{t('signInTitle')}</PageTitle>
      <PasswordSignIn onSignedIn={onSignedIn} demo={config?.demo ?? false} />
      <p>
        <Link to="/register">{t('registerLink')}</Link>
      </p>
    </section>
  );
}

function PasswordSignIn({ onSignedIn, demo }: { onSignedIn: (principal: Principal) => void; demo: boolean }) {
  const { t, name } = useI18n();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const [wrong, setWrong] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWrong(false);
    let principal: Principal | null = null;
    await action.run(async () => {
      try {
        principal = await api.signIn(username.trim(), password);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setWrong(true);
        else throw e;
      }
    });
    if (principal) onSignedIn(principal);
  };

  return (
    <>
      <form onSubmit={submit}>
        <Field label={t('username')}>
          {(p) => <input {...p} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />}
        </Field>
        <Field label={t('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        {wrong && (
          <div role="alert" className="notice notice-error">
            <Icon name="alert" /> {t('signInWrong')}
          </div>
        )}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy}>
          {t('signIn')}
        </button>
      </form>
      {/* Published passwords: offered only where the server says the demo accounts exist. */}
      {demo && (
        <>
          <h2 className="section-title">{t('demoAccounts')}</h2>
          <ul className="chips">
            {DEMO_ACCOUNTS.map(({ slug, label }) => (
              <li key={slug}>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setUsername(`demo-${slug}`);
                    setPassword(`demo-${slug}-2026`);
                  }}
                >
                  {name(label)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ExternalSignIn() {
  const { t } = useI18n();
  const api = useApi();
  const { path } = useRouter();
  const [busy, setBusy] = useState(false);
  const config = api.signInConfig;
  if (config?.provider !== 'external') return null;
  return (
    <section className="card narrow">
      <PageTitle>{t('signInTitle')}</PageTitle>
      <p>{t('signInExternalIntro')}</p>
      <button
        type="button"
        className="button button-primary button-wide"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void startExternalSignIn(config, path).catch(() => setBusy(false));
        }}
      >
        {t('signInExternal')}
      </button>
    </section>
  );
}
