import { Icon } from '../icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { cityDateAfter, cityDateTimeLocal, fromCityTime } from '../city-time';
import { useI18n } from '../i18n';
import { PersonPicker, type PersonMatch } from '../people/person-picker';
import { Link } from '../router';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useKeyed } from './civic';
import { CommitmentList, MeetingRecordView, type MeetingRecord } from './meeting-record';

const KEY = 'gongzhi.meetings';
const remembered = (): { meetingId: string; title: string }[] => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
};

/** 红茶议事会: call a meeting, and the meetings this browser called. */
export function CouncilMeetings() {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [title, setTitle] = useState('');
  // An hour from now on the city's clock (the browser's own zone, or UTC, would put it hours off).
  const [when, setWhen] = useState(() => cityDateTimeLocal(new Date(Date.now() + 3600_000)));
  const [agenda, setAgenda] = useState('');
  // The person calling the meeting moderates unless they choose someone else of their community or street.
  const [moderator, setModerator] = useState<PersonMatch | null>(() =>
    api.principal
      ? { id: api.principal.subject, displayName: api.principal.displayName, role: api.principal.roles[0] ?? 'community_officer' }
      : null,
  );
  const [meetings, setMeetings] = useState(remembered);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const body = {
        title: title.trim(),
        scheduledAt: fromCityTime(when),
        agenda: agenda
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        moderatorId: moderator?.id ?? '',
      };
      const { meetingId } = await api.send<{ meetingId: string }>('POST', '/api/deliberation/meetings', body);
      const next = [{ meetingId, title: body.title }, ...meetings];
      localStorage.setItem(KEY, JSON.stringify(next));
      setMeetings(next);
      setTitle('');
      setAgenda('');
    });
  };
  return (
    <>
      <section className="card">
        <PageTitle>{t('councilTitle')}</PageTitle>
        <p className="lead">{t('councilIntro')}</p>
        <h2 className="section-title">{t('myMeetings')}</h2>
        {meetings.length === 0 ? (
          <p>{t('meetingsEmpty')}</p>
        ) : (
          <ul className="list">
            {meetings.map((m) => (
              <li key={m.meetingId}>
                <Link to={`/staff/council/${m.meetingId}`} className="list-item list-link">
                  {m.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="schedule-title">
        <h2 id="schedule-title" className="section-title">
          {t('scheduleMeeting')}
        </h2>
        <form onSubmit={submit}>
          <Field label={t('meetingTitle')} error={action.fieldError('title')}>
            {(p) => (
              <input
                {...p}
                value={title}
                maxLength={200}
                onChange={(e) => {
                  action.clearField('title');
                  setTitle(e.target.value);
                }}
                required
              />
            )}
          </Field>
          <Field label={t('meetingWhen')} error={action.fieldError('scheduledAt')}>
            {(p) => (
              <input
                {...p}
                type="datetime-local"
                value={when}
                onChange={(e) => {
                  action.clearField('scheduledAt');
                  setWhen(e.target.value);
                }}
                required
              />
            )}
          </Field>
          <Field label={t('meetingAgenda')} error={action.fieldError('agenda')}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={agenda}
                onChange={(e) => {
                  action.clearField('agenda');
                  setAgenda(e.target.value);
                }}
                required
              />
            )}
          </Field>
          <PersonPicker
            label={t('meetingModerator')}
            kind="staff"
            value={moderator}
            error={action.fieldError('moderatorId')}
            onChange={(person) => {
              action.clearField('moderatorId');
              setModerator(person);
            }}
          />
          <ActionError error={action.error} />
          <button type="submit" className="button button-primary" disabled={action.busy || !title.trim() || !agenda.trim() || !moderator}>
            {t('scheduleSend')}
          </button>
        </form>
      </section>
    </>
  );
}

/** One meeting, run from the console: start, decisions, minutes, agreement, signatures, commitments, end. */
export function CouncilMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const record = useApiQuery('/api/deliberation/meetings/{meetingId}', { path: { meetingId } });
  const action = useAction();
  const base = `/api/deliberation/meetings/${encodeURIComponent(meetingId)}`;
  const run = async (path: string, body?: unknown) => {
    const ok = await action.run(() => api.send('POST', `${base}${path}`, body));
    if (ok) record.reload();
    return ok;
  };
  return (
    <section className="card">
      <Link to="/staff/council" className="button button-quiet">
        <Icon name="back" /> {t('back')}
      </Link>
      <Loading loaded={record}>
        {(data) => (
          <>
            <PageTitle>{data.title}</PageTitle>
            <p>
              <Link to={`/meetings/${meetingId}`}>{t('liveLink')}</Link>
            </p>
            <ActionError error={action.error} />
            <div className="actions">
              {data.status === 'Scheduled' && (
                <button type="button" className="button button-primary" disabled={action.busy} onClick={() => run('/start')}>
                  {t('startMeeting')}
                </button>
              )}
              {data.status === 'InSession' && (
                <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => run('/end')}>
                  {t('endMeeting')}
                </button>
              )}
              {data.agreement && !data.agreement.concludedAt && (
                <button type="button" className="button button-primary" disabled={action.busy} onClick={() => run('/agreement/signatures')}>
                  <Icon name="pen" /> {t('signAgreement')}
                </button>
              )}
            </div>
            <MeetingRecordView record={data} />
            {data.agreement && (
              <details className="more">
                <summary>{t('completeCommitment')}</summary>
                <CommitmentList
                  record={data}
                  action={(id) => <CompleteCommitment onSubmit={(note) => run(`/agreement/commitments/${id}/completion`, { note })} />}
                />
              </details>
            )}
            {data.status === 'InSession' && <DecisionForm record={data} onSubmit={(body) => run('/decisions', body)} />}
            {data.status !== 'Scheduled' && (
              <MinutesForm initial={data.minutes ?? ''} onSubmit={(minutes) => run('/minutes', { minutes })} />
            )}
            {!data.agreement && data.status !== 'Scheduled' && <AgreementForm onSubmit={(body) => run('/agreement', body)} />}
          </>
        )}
      </Loading>
    </section>
  );
}

function Form({
  title,
  children,
  onSubmit,
  ready,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => Promise<boolean>;
  ready: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { t } = useI18n();
  return (
    <form
      className="sub-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setDone(await onSubmit());
        setBusy(false);
      }}
    >
      <h2 className="section-title">{title}</h2>
      {children}
      {done && <Notice kind="success">{t('saved')}</Notice>}
      <button type="submit" className="button button-primary" disabled={busy || !ready}>
        {title}
      </button>
    </form>
  );
}

function DecisionForm({ record, onSubmit }: { record: MeetingRecord; onSubmit: (body: unknown) => Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [item, setItem] = useState('');
  const [figures, setFigures] = useState({ inFavour: '', against: '', abstaining: '' });
  const counted = Object.values(figures).some((v) => v !== '');
  return (
    <Form
      title={t('recordDecision')}
      ready={!!text.trim()}
      onSubmit={async () => {
        const ok = await onSubmit({
          agendaItemId: item || null,
          text: text.trim(),
          figures: counted
            ? {
                inFavour: Number(figures.inFavour || 0),
                against: Number(figures.against || 0),
                abstaining: Number(figures.abstaining || 0),
              }
            : null,
        });
        if (ok) setText('');
        return ok;
      }}
    >
      <Field label={t('agendaItem')}>
        {(p) => (
          <select {...p} value={item} onChange={(e) => setItem(e.target.value)}>
            <option value="">{t('agendaItemNone')}</option>
            {record.agenda.map((a) => (
              <option key={a.itemId} value={a.itemId}>
                {a.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('decisionText')}>{(p) => <textarea {...p} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
      <div className="inline-form">
        {(['inFavour', 'against', 'abstaining'] as const).map((k) => (
          <Field key={k} label={t(k)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min="0"
                inputMode="numeric"
                value={figures[k]}
                onChange={(e) => setFigures({ ...figures, [k]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </Form>
  );
}

function MinutesForm({ initial, onSubmit }: { initial: string; onSubmit: (minutes: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(initial);
  return (
    <Form title={t('minutesSend')} ready={!!minutes.trim()} onSubmit={() => onSubmit(minutes.trim())}>
      <Field label={t('civicMinutes')}>
        {(p) => <textarea {...p} rows={4} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      </Field>
    </Form>
  );
}

function AgreementForm({ onSubmit }: { onSubmit: (body: unknown) => Promise<boolean> }) {
  const { t } = useI18n();
  const keyed = useKeyed();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [terms, setTerms] = useState('');
  const [otherKind, setOtherKind] = useState('property_company');
  const [otherName, setOtherName] = useState('');
  const [otherSignatory, setOtherSignatory] = useState('');
  const [commitment, setCommitment] = useState('');
  const [due, setDue] = useState(() => cityDateAfter(new Date(), 7));
  const ready = !!(title.trim() && terms.trim() && otherName.trim() && otherSignatory.trim() && commitment.trim() && due);
  return (
    <Form
      title={t('draftAgreement')}
      ready={ready}
      onSubmit={() =>
        onSubmit({
          title: title.trim(),
          terms: terms.trim(),
          parties: [
            { partyId: 'community', kind: 'community', name: keyed('party_', 'community'), signatoryId: api.principal!.subject },
            { partyId: 'other', kind: otherKind, name: otherName.trim(), signatoryId: otherSignatory.trim() },
          ],
          commitments: [{ commitmentId: 'c1', partyId: 'other', description: commitment.trim(), dueAt: fromCityTime(due, '18:00') }],
        })
      }
    >
      <Field label={t('agreementTitle')}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label={t('agreementTerms')}>
        {(p) => <textarea {...p} rows={3} value={terms} onChange={(e) => setTerms(e.target.value)} />}
      </Field>
      <p>{t('partyCommunity')}</p>
      <Field label={t('partyOtherKind')}>
        {(p) => (
          <select {...p} value={otherKind} onChange={(e) => setOtherKind(e.target.value)}>
            {['residents_representative', 'property_company', 'owners_committee', 'department', 'other'].map((k) => (
              <option key={k} value={k}>
                {keyed('party_', k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('partyOther')}>{(p) => <input {...p} value={otherName} onChange={(e) => setOtherName(e.target.value)} />}</Field>
      <Field label={t('partyOtherSignatory')}>
        {(p) => <input {...p} value={otherSignatory} onChange={(e) => setOtherSignatory(e.target.value)} />}
      </Field>
      <Field label={t('commitmentText')}>
        {(p) => <input {...p} value={commitment} onChange={(e) => setCommitment(e.target.value)} />}
      </Field>
      <Field label={t('commitmentDue')}>{(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
    </Form>
  );
}

function CompleteCommitment({ onSubmit }: { onSubmit: (note: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <div className="inline-form">
      <Field label={t('completionNote')}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <button type="button" className="button button-secondary" disabled={!note.trim()} onClick={() => onSubmit(note.trim())}>
        {t('completeCommitment')}
      </button>
    </div>
  );
}
