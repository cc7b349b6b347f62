import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';

// 兴趣社团 as a community officer keeps them: the community's groups with their member counts (never who the members
// are), and a form to start one. An officer's group has no founder; residents join it themselves.

/** The communities this officer answers for: a community officer's own; a street officer's, every community of the street. */
export function useOfficerCommunities() {
  const { name } = useI18n();
  const api = useApi();
  const organisation = useApiQuery('/api/organisation', {});
  return useMemo(() => {
    const scope = api.principal?.scope ?? {};
    return (organisation.data?.districts ?? []).flatMap((d) =>
      d.streets.flatMap((s) =>
        s.communities
          .filter((c) => (scope.communityId ? c.id === scope.communityId : scope.streetId ? s.id === scope.streetId : true))
          .map((c) => ({ id: c.id, label: name(c.name, c.id) })),
      ),
    );
  }, [organisation.data, api.principal, name]);
}

/** The officer's communities and the one picked: the first until they choose another. */
export function useOfficerCommunity() {
  const communities = useOfficerCommunities();
  const [picked, setPicked] = useState('');
  return { communities, communityId: picked || communities[0]?.id || '', pick: setPicked };
}

/** The choice of community, shown only to an officer who keeps more than one (a street's). */
export function OfficerCommunityPicker({ label, officer }: { label: string; officer: ReturnType<typeof useOfficerCommunity> }) {
  if (officer.communities.length <= 1) return null;
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={officer.communityId} onChange={(e) => officer.pick(e.target.value)}>
          {officer.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function StaffGroups() {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const officer = useOfficerCommunity();
  const { communityId } = officer;
  const groups = useApiQuery('/api/deliberation/interest-groups', communityId ? { query: { communityId } } : null);
  const [form, setForm] = useState({ name: '', description: '' });
  const [created, setCreated] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: form.name.trim(), description: form.description.trim(), communityId };
    setCreated(null);
    if (await action.run(() => api.send('POST', '/api/deliberation/interest-groups', body))) {
      setCreated(body.name);
      setForm({ name: '', description: '' });
      groups.reload();
    }
  };
  return (
    <>
      <section className="card">
        <PageTitle>{t('tabGroups')}</PageTitle>
        <p className="muted">{t('staffGroupsIntro')}</p>
        <OfficerCommunityPicker label={t('staffGroupsCommunity')} officer={officer} />
        <Loading loaded={groups}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('staffGroupsNone')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('tabGroups')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('groupsName')}</th>
                    <th scope="col">{t('staffGroupsAbout')}</th>
                    <th scope="col">{t('staffGroupsMembers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((g) => (
                    <tr key={g.groupId}>
                      <th scope="row">{g.name}</th>
                      <td>{g.description}</td>
                      <td>{t('groupsMembers', { n: g.memberCount })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </section>
      <section className="card" aria-labelledby="staff-group-new">
        <h2 id="staff-group-new" className="section-title">
          {t('staffGroupsCreate')}
        </h2>
        <div aria-live="polite">{created && <Notice kind="success">{t('staffGroupsCreated', { name: created })}</Notice>}</div>
        <form onSubmit={submit}>
          <Field label={t('groupsName')} error={action.fieldError('name')}>
            {(p) => <input {...p} value={form.name} maxLength={60} required onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label={t('groupsDescription')} error={action.fieldError('description')}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={form.description}
                maxLength={500}
                onChange={(e) => setForm({ ...form, description: e.target.value })}
              />
            )}
          </Field>
          <ActionError error={action.error} />
          <button type="submit" className="button button-primary button-wide" disabled={action.busy || !form.name.trim() || !communityId}>
            {t('staffGroupsCreateSend')}
          </button>
        </form>
      </section>
    </>
  );
}
