import { Icon } from '../icons';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { Loading, PageTitle } from '../ui';
import { useApiQuery, type AnswerOf } from '../api-client';
import { StateTag, useKeyed } from './civic';

/** The public record of a meeting, as the platform's document describes it. */
export type MeetingRecord = AnswerOf<'/api/deliberation/meetings/{meetingId}'>;

const MEETING_STATE = {
  Scheduled: { tone: 'wait', icon: 'clock' },
  InSession: { tone: 'good', icon: 'live' },
  Ended: { tone: 'plain', icon: 'check' },
} as const;

/** A meeting's record as anyone may read it: ground rules first, then agenda, decisions, minutes, agreement and commitments. */
export function MeetingRecordView({ record, turnout }: { record: MeetingRecord; turnout?: number | null }) {
  const { t, dateTime, lang } = useI18n();
  const keyed = useKeyed();
  const agendaTitle = (id: string | null) => record.agenda.find((a) => a.itemId === id)?.title;
  return (
    <>
      <p>
        <StateTag {...MEETING_STATE[record.status]}>{keyed('meetingStatus_', record.status)}</StateTag> · {t('meetingWhen')}：
        {dateTime(record.scheduledAt)}
        {turnout != null && <> · {t('civicTurnout', { n: turnout })}</>}
      </p>
      <section className="ground-rules" aria-labelledby={`rules-${record.meetingId}`}>
        <h2 id={`rules-${record.meetingId}`} className="section-title">
          {t('groundRules')}
        </h2>
        <ul className="rules">
          {record.groundRules.map((rule) => {
            const [zh, ...en] = rule.split(' ');
            return (
              <li key={rule}>
                <Icon name="people" /> <strong lang="zh-CN">{zh}</strong>
                {lang === 'en' && en.length > 0 && <span> · {en.join(' ')}</span>}
              </li>
            );
          })}
        </ul>
      </section>
      <h2 className="section-title">{t('agenda')}</h2>
      <ol>
        {record.agenda.map((a) => (
          <li key={a.itemId}>{a.title}</li>
        ))}
      </ol>
      <h2 className="section-title">{t('decisions')}</h2>
      {record.decisions.length === 0 ? (
        <p>{t('decisionsEmpty')}</p>
      ) : (
        <ul className="list">
          {record.decisions.map((d) => (
            <li key={d.decisionId} className="work-item">
              {agendaTitle(d.agendaItemId) && <p className="muted">{agendaTitle(d.agendaItemId)}</p>}
              <p>
                <strong>{d.text}</strong>
              </p>
              {d.figures && (
                <p>
                  {t('inFavour')} {d.figures.inFavour} · {t('against')} {d.figures.against} · {t('abstaining')} {d.figures.abstaining}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {record.minutes && (
        <>
          <h2 className="section-title">{t('civicMinutes')}</h2>
          <p className="pre-line">{record.minutes}</p>
        </>
      )}
      {record.agreement && (
        <>
          <h2 className="section-title">
            {t('agreement')}：{record.agreement.title}
          </h2>
          <p className="pre-line">{record.agreement.terms}</p>
          <ul className="plain-list">
            {record.agreement.parties.map((p) => (
              <li key={p.partyId}>
                {p.name}（{keyed('party_', p.kind)}）：
                {p.signedAt ? (
                  <StateTag tone="good" icon="pen">
                    {t('signed')} {dateTime(p.signedAt)}
                  </StateTag>
                ) : (
                  <StateTag tone="wait" icon="more">
                    {t('notSigned')}
                  </StateTag>
                )}
              </li>
            ))}
          </ul>
          {record.agreement.concludedAt && (
            <p>
              <StateTag tone="good" icon="check">
                {t('concluded')}
              </StateTag>
            </p>
          )}
          <h3 className="subsection-title">{t('commitments')}</h3>
          <CommitmentList record={record} />
        </>
      )}
    </>
  );
}

export function CommitmentList({ record, action }: { record: MeetingRecord; action?: (commitmentId: string) => React.ReactNode }) {
  const { t, dateTime } = useI18n();
  const keyed = useKeyed();
  const agreement = record.agreement!;
  return (
    <ul className="list">
      {agreement.commitments.map((c) => (
        <li key={c.commitmentId} className={`work-item commitment-${c.status}`}>
          <div className="work-head">
            <strong>{c.description}</strong>
            {c.status === 'overdue' ? (
              <StateTag tone="bad" icon="stop">
                {t('commitmentStatus_overdue')}
              </StateTag>
            ) : c.status === 'completed' ? (
              <StateTag tone="good" icon="check">
                {c.late ? t('completedLate') : t('commitmentStatus_completed')}
              </StateTag>
            ) : (
              <StateTag tone="wait" icon="hourglass">
                {keyed('commitmentStatus_', c.status)}
              </StateTag>
            )}
          </div>
          <p>
            {agreement.parties.find((p) => p.partyId === c.partyId)?.name} · {t('dueAt')}：{dateTime(c.dueAt)}
          </p>
          {action?.(c.commitmentId)}
        </li>
      ))}
    </ul>
  );
}

const LIVE_EVENTS = [
  'CouncilMeetingStarted',
  'MeetingDecisionRecorded',
  'MeetingMinutesRecorded',
  'AgreementDrafted',
  'AgreementSigned',
  'AgreementConcluded',
  'CommitmentCompleted',
  'CommitmentOverdue',
  'VotingClosed',
];

/** The public live page of a council meeting (/meetings/:id): anyone may follow it. */
export function LiveMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const record = useApiQuery('/api/deliberation/meetings/{meetingId}', { path: { meetingId } }, { publicRead: true });
  // Each event of the live stream reads the record again; the effect keeps one stream however often the page renders.
  const reload = useRef(record.reload);
  reload.current = record.reload;
  const [live, setLive] = useState<'connecting' | 'live' | 'ended'>('connecting');
  const [turnout, setTurnout] = useState<number | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/deliberation/meetings/${encodeURIComponent(meetingId)}/live`);
    const bump = () => reload.current();
    source.addEventListener('record', () => setLive('live'));
    for (const type of LIVE_EVENTS) source.addEventListener(type, bump);
    source.addEventListener('turnout', (e) => {
      try {
        setTurnout((JSON.parse((e as MessageEvent<string>).data) as { ballotsCast: number }).ballotsCast);
      } catch {
        /* ignore */
      }
    });
    source.addEventListener('ended', () => {
      setLive('ended');
      bump();
      source.close();
    });
    return () => source.close();
  }, [meetingId]);
  return (
    <div className="public-page">
      <section className="card">
        <Loading loaded={record}>
          {(data) => (
            <>
              <PageTitle>
                {t('liveTitle')}：{data.title}
              </PageTitle>
              <p className="live" role="status">
                {live === 'live' ? (
                  <>
                    <span aria-hidden="true">● </span>
                    {t('liveConnected')}
                  </>
                ) : live === 'ended' || data.status === 'Ended' ? (
                  t('liveEnded')
                ) : (
                  t('loading')
                )}
              </p>
              <MeetingRecordView record={data} turnout={turnout} />
            </>
          )}
        </Loading>
      </section>
    </div>
  );
}
