import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { passwordProblem, USERNAME_PATTERN, PHONE_PATTERN } from './password-rules';

/** A resident signs up for their community and grid (POST /api/auth/register); the office verifies them later. */
export function Register() {
  const { t, name } = useI18n();
  const api = useApi();
  const organisation = useApiQuery('/api/organisation', {}, { publicRead: true });
  const action = useAction();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', again: '', communityId: '', gridId: '', phone: '' });
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value, ...(field === 'communityId' ? { gridId: '' } : {}) }));
    action.clearField(field === 'again' ? 'password' : field);
  };

  // The same rules as the server's, said in the reader's words before anything is sent.
  const problems: Record<string, string | null> = {
    username: USERNAME_PATTERN.test(form.username.trim()) ? null : t('usernameRule'),
    password: passwordProblem(form.password, t),
    again: form.again === form.password ? null : t('passwordsDiffer'),
    phone: !form.phone.trim() || PHONE_PATTERN.test(form.phone.trim()) ? null : t('phoneRule'),
  };
  const shown = (field: string) => (checked ? problems[field] : null) ?? action.fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some(Boolean)) return;
    const ok = await action.run(() =>
      api.send('POST', '/api/auth/register', {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
        communityId: form.communityId,
        gridId: form.gridId,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      }),
    );
    if (ok) setDone(true);
  };

  if (done) {
    return (
      <section className="card narrow">
        <PageTitle>{t('registerTitle')}</PageTitle>
        <Notice kind="success">{t('registered')}</Notice>
        <Link to="/resident/report" className="button button-primary button-wide">
          {t('backToSignIn')}
        </Link>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <PageTitle>{t('registerTitle')}</PageTitle>
      <p>{t('registerIntro')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('displayName')} hint={t('displayNameHint')} error={action.fieldError('displayName')}>
          {(p) => (
            <input {...p} autoComplete="name" value={form.displayName} onChange={(e) => set('displayName')(e.target.value)} required />
          )}
        </Field>
        <Field label={t('username')} hint={t('usernameHint')} error={shown('username')}>
          {(p) => <input {...p} autoComplete="username" value={form.username} onChange={(e) => set('username')(e.target.value)} required />}
        </Field>
        <Field label={t('password')} hint={t('passwordHint')} error={shown('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password')(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('passwordAgain')} error={shown('again')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.again}
              onChange={(e) => set('again')(e.target.value)}
              required
            />
          )}
        </Field>
        <Loading loaded={organisation}>
          {(tree) => {
            const communities = tree.districts.flatMap((d) =>
              d.streets.flatMap((s) => s.communities.map((c) => ({ ...c, label: `${name(s.name)} · ${name(c.name)}` }))),
            );
            const grids = communities.find((c) => c.id === form.communityId)?.grids ?? [];
            return (
              <>
                <Field label={t('homeCommunity')} error={action.fieldError('communityId')}>
                  {(p) => (
                    <select {...p} value={form.communityId} onChange={(e) => set('communityId')(e.target.value)} required>
                      <option value="">{t('chooseCommunity')}</option>
                      {communities.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('homeGrid')} error={action.fieldError('gridId')}>
                  {(p) => (
                    <select
                      {...p}
                      value={form.gridId}
                      onChange={(e) => set('gridId')(e.target.value)}
                      required
                      disabled={!form.communityId}
                    >
                      <option value="">{t('chooseGrid')}</option>
                      {grids.map((g) => (
                        <option key={g.id} value={g.id}>
                          {name(g.name)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            );
          }}
        </Loading>
        <Field label={t('phoneOptional')} error={shown('phone')}>
          {(p) => <input {...p} type="tel" autoComplete="tel" value={form.phone} onChange={(e) => set('phone')(e.target.value)} />}
        </Field>
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy}>
          {t('registerSubmit')}
        </button>
      </form>
      <p>
        <Link to="/resident/report">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}
