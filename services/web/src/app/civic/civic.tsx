import { Icon, type IconName } from '../icons';
import type { ReactNode } from 'react';
import { useApi } from '../api';
import type { AnswerOf } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';

/** Money is kept in fen; people read yuan. */
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The community the signed-in person belongs to (the demo city's community otherwise). */
export function useCommunityId(): string {
  return useApi().principal?.scope.communityId ?? 'community-hexie';
}

/** A state shown by an icon and words, never by colour alone. */
export function StateTag({ tone, icon, children }: { tone: 'good' | 'bad' | 'wait' | 'plain'; icon: IconName; children: ReactNode }) {
  return (
    <span className={`state-tag state-${tone}`}>
      <Icon name={icon} /> {children}
    </span>
  );
}

/** A key made of a prefix and a value from the API (`requestStatus_` + `approved`), or the value itself. */
export function useKeyed() {
  const { t } = useI18n();
  return (prefix: string, value: string): string => (t(`${prefix}${value}` as MessageKey) as string | undefined) ?? value;
}

export type CommunityProject = AnswerOf<'/api/co-building/projects'>[number];
export type ProjectRequest = CommunityProject['requests'][number];
export type Resource = AnswerOf<'/api/co-building/resources'>[number];

export const REQUEST_STATE: Record<ProjectRequest['status'], { tone: 'good' | 'bad' | 'wait'; icon: IconName }> = {
  requested: { tone: 'wait', icon: 'hourglass' },
  approved: { tone: 'good', icon: 'check' },
  declined: { tone: 'bad', icon: 'cross' },
};
