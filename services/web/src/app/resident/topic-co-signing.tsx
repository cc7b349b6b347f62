import { useState } from 'react';
import { hasRole, useApi } from '../api';
import type { AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Notice, useAction } from '../ui';

/** What co-signing reads of a topic. */
export type CoSigningTopic = Pick<
  AnswerOf<'/api/deliberation/topics/{topicId}'>,
  'topicId' | 'status' | 'proposerId' | 'coSignersNeeded' | 'coSignerIds'
>;

/** 联署: how many neighbours a proposed topic still waits for, and the button a resident co-signs it with. */
export function TopicCoSigning({ topic, onCoSigned }: { topic: CoSigningTopic; onCoSigned: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [signed, setSigned] = useState(false);
  // The last co-signature sends the topic to screening: the thanks stays, the count goes.
  if (topic.status !== 'AwaitingCoSigners') return signed ? <Notice kind="success">{t('coSigned')}</Notice> : null;
  const me = api.principal?.subject;
  const mine = me !== undefined && topic.proposerId === me;
  const already = signed || (me !== undefined && topic.coSignerIds.includes(me));
  const missing = Math.max(topic.coSignersNeeded - topic.coSignerIds.length, 0);
  const coSign = async () => {
    const done = await action.run(() => api.send('POST', `/api/deliberation/topics/${encodeURIComponent(topic.topicId)}/co-signatures`));
    if (done) {
      setSigned(true);
      onCoSigned();
    }
  };
  return (
    <section className="fieldset" aria-labelledby="co-signing-heading">
      <h2 id="co-signing-heading">{t('coSignWaiting', { n: missing })}</h2>
      <p className="muted">{t('coSignExplain')}</p>
      {mine && <Notice kind="info">{t('coSignOwn')}</Notice>}
      {already && <Notice kind="success">{t('coSigned')}</Notice>}
      <ActionError error={action.error} />
      {!mine && !already && hasRole(api.principal, 'resident') && (
        <button type="button" className="button button-primary button-wide" disabled={action.busy} onClick={coSign}>
          {t('coSignSend')}
        </button>
      )}
    </section>
  );
}
