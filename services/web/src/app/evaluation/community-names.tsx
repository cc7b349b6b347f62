import { useMemo } from 'react';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';

/** A community's name from the organisation tree, by id (the id itself while the tree loads). */
export function useCommunityName() {
  const { name } = useI18n();
  const organisation = useApiQuery('/api/organisation', {}, { publicRead: true });
  return useMemo(() => {
    const communities = (organisation.data?.districts ?? []).flatMap((d) => d.streets.flatMap((s) => s.communities));
    return (id: string) => name(communities.find((c) => c.id === id)?.name, id);
  }, [organisation.data, name]);
}
