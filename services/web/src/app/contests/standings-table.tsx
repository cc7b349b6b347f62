import { useI18n, type MessageKey } from '../i18n';
import type { Standing } from './contest-types';

/** Standings as a table: rank, name and score in words, so nothing depends on colour or position alone. */
export function StandingsTable({
  caption,
  standings,
  me,
  jury,
}: {
  caption: string;
  standings: readonly Standing[];
  me?: string | null;
  /** A jury's idea scores are means, not votes. */
  jury?: boolean;
}) {
  const { t } = useI18n();
  if (standings.length === 0) return <p>{t('contestStandingsNone')}</p>;
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contestStandings')}</th>
          <th scope="col">{t('contestEntrant')}</th>
          <th scope="col">{t('contestScore')}</th>
        </tr>
      </thead>
      <tbody>
        {standings.map((s) => (
          <tr key={`${s.kind}-${s.subjectId}`}>
            <td>{t('contestRank', { rank: s.rank })}</td>
            <th scope="row">{s.kind === 'resident' && s.subjectId === me ? `${s.label} ★` : s.label}</th>
            <td>{t((jury && s.kind === 'idea' ? 'contestScore_jury' : `contestScore_${s.kind}`) as MessageKey, { score: s.score })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
