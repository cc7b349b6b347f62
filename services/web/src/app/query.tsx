import { QueryClient, QueryClientProvider, useQueryClient, type QueryClient as Client } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApi } from './api';
import { useLiveFigures, type Figure, type LiveState } from './live/live-figures';

/**
 * The app's one cache of answers. A page shows what it read last while it reads again, as before; a failure
 * is shown at once (no silent retries: the page says what went wrong and offers to try again).
 */
export function ApiQueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } } }),
  );
  const person = useApi().principal?.subject ?? null;
  // Nothing one person read stays in memory for the next one on this device.
  useEffect(() => {
    if (person === null) client.clear();
  }, [person, client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Marks every answer under these paths stale: the ones on screen are read again, the others when next shown. */
export function invalidatePaths(client: Client, prefixes: readonly string[]): Promise<void> {
  return client.invalidateQueries({
    predicate: ({ queryKey: [path] }) => typeof path === 'string' && prefixes.some((prefix) => path.startsWith(prefix)),
  });
}

/** Reads again what sits under `prefixes` whenever the live stream names one of `figures` as moved. */
export function useLiveInvalidation(figures: readonly Figure[], prefixes: readonly string[]): LiveState {
  const client = useQueryClient();
  const wanted = prefixes.join('\n');
  const onChange = useCallback(() => void invalidatePaths(client, wanted.split('\n')), [client, wanted]);
  return useLiveFigures(figures, onChange);
}
