import { useEffect, useRef, useState } from 'react';

/** The figure groups the dashboards' live stream names (`/api/dashboards/stream`, services/dashboards). */
export type Figure =
  'cases' | 'whistles' | 'deliberation' | 'adopted-suggestions' | 'points' | 'honour-roll' | 'participation' | 'co-building';

export interface LiveState {
  /** Counts the changes that named one of the figures asked for: a view refetches when it moves. */
  readonly version: number;
  readonly updatedAt: Date | null;
  /** The stream is open; false before it opens and while the browser reconnects after a failure. */
  readonly connected: boolean;
}

/**
 * Listens to the one live-update stream the city dashboard uses. The stream names what moved in the dashboards'
 * read models; a staff view reads another service's own views, which may apply the same event a moment later,
 * so `onChange` runs at once and once more shortly after, and a change is never missed by a view still behind.
 */
export function useLiveFigures(figures: readonly Figure[], onChange?: () => void): LiveState {
  const [state, setState] = useState<LiveState>({ version: 0, updatedAt: null, connected: false });
  const callback = useRef(onChange);
  callback.current = onChange;
  const wanted = figures.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const names = wanted.split(',');
    const source = new EventSource('/api/dashboards/stream');
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        callback.current?.();
      }, ms);
      timers.add(timer);
    };
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    source.addEventListener('ready', () => setState((s) => ({ ...s, connected: true })));
    source.addEventListener('changed', ((event: MessageEvent<string>) => {
      let moved: string[] = [];
      try {
        moved = (JSON.parse(event.data) as { figures: string[] }).figures;
      } catch {
        return;
      }
      if (!moved.some((f) => names.includes(f))) return;
      setState((s) => ({ version: s.version + 1, updatedAt: new Date(), connected: true }));
      callback.current?.();
      later(1_500);
    }) as EventListener);
    return () => {
      source.close();
      timers.forEach(clearTimeout);
    };
  }, [wanted]);
  return state;
}
