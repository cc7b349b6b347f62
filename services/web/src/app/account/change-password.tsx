import { useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../api';
import { useI18n } from '../i18n';
import { ActionError, Field, Notice, PageTitle, useAction } from '../ui';
import { passwordProblem } from './password-rules';

/** The current password, then the new one twice (POST /api/auth/password); the server signs out every other session. */
export function ChangePassword() {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [checked, setChecked] = useState(false);
  const [wrongCurrent, setWrongCurrent] = useState(false);
  const [changed, setChanged] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (field === 'current') setWrongCurrent(false);
    action.clearField(field === 'current' ? 'currentPassword' : 'newPassword');
  };

  const problems = {
    next: passwordProblem(form.next, t) ?? (form.next === form.current ? t('passwordSame') : null),
    again: form.again === form.next ? null : t('passwordsDiffer'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setChanged(false);
    if (!form.current || problems.next || problems.again) return;
    const ok = await action.run(async () => {
      try {
        await api.send('POST', '/api/auth/password', { currentPassword: form.current, newPassword: form.next });
      } catch (e) {
        if (e instanceof ApiError && e.fields.some((f) => f.path === 'currentPassword')) setWrongCurrent(true);
        throw e;
      }
    });
    if (ok) {
      setChanged(true);
      setChecked(false);
      setForm({ current: '', next: '', again: '' });
    }
  };

  return (
    <section className="card narrow">
      <PageTitle>{t('passwordTitle')}</PageTitle>
      <p>{t('passwordIntro')}</p>
      {changed && <Notice kind="success">{t('passwordChanged')}</Notice>}
      <form onSubmit={submit} noValidate>
        <Field label={t('currentPassword')} error={wrongCurrent ? t('currentPasswordWrong') : null}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={form.current}
              onChange={(e) => set('current')(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          label={t('newPassword')}
          hint={t('passwordHint')}
          error={(checked ? problems.next : null) ?? action.fieldError('newPassword')}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.next}
              onChange={(e) => set('next')(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('passwordAgain')} error={checked ? problems.again : null}>
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
        {!wrongCurrent && <ActionError error={action.error} />}
        <button type="submit" className="button button-primary button-wide" disabled={action.busy}>
          {t('passwordSubmit')}
        </button>
      </form>
    </section>
  );
}
