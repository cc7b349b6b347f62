import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AnswerOf } from './api-client';
import { forgetDeviceData } from './offline/forget';
import { resizePhoto } from './photo-resize';
import type { FieldProblem } from './plain-error';
import {
  loadSignInConfig,
  openSessionChannel,
  providerSignOutAddress,
  rememberedPerson,
  restoreSession,
  SESSION_HEADERS,
  SESSION_PATH,
  type SignInConfig,
} from './session';

// The API is served from the same origin as the app (the all-in-one host, or Vite's dev proxy).

export type Role =
  'resident' | 'grid_worker' | 'community_officer' | 'street_officer' | 'department_staff' | 'supervisor' | 'admin' | 'evaluator';

export interface Principal {
  readonly subject: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly scope: { cityId?: string; districtId?: string; streetId?: string; communityId?: string; gridId?: string; departmentId?: string };
  /** A resident is unverified until their community office confirms who they are. */
  readonly verification?: 'unverified' | 'verified';
}

/** What the app holds of a session: the access token, in memory only (the refresh token is an httpOnly cookie). */
interface Session {
  readonly accessToken: string;
  readonly principal: Principal;
}

/** An answer other than 2xx: the platform's uniform error body (`plainError` turns it into the reader's words). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

export async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON: a proxy's page, an empty 502 */
  }
  return errorOfBody(response.status, body);
}

/** The error of an answer whose body was already read (openapi-fetch reads it). */
export function errorOfBody(status: number, body: unknown): ApiError {
  const { code, message, errors } = (body ?? {}) as { code?: unknown; message?: unknown; errors?: unknown };
  // `path` is the platform's dotted string; an array (zod's own shape) is accepted too rather than trusted blindly.
  const fields = (Array.isArray(errors) ? errors : []).flatMap((e: { path?: unknown; message?: unknown } | null) => {
    const path = Array.isArray(e?.path) ? e.path.join('.') : typeof e?.path === 'string' ? e.path : '';
    return path ? [{ path, message: typeof e?.message === 'string' ? e.message : '' }] : [];
  });
  return new ApiError(
    status,
    typeof code === 'string' ? code : undefined,
    typeof message === 'string' ? message : `HTTP ${status}`,
    fields,
  );
}

export interface Api {
  readonly principal: Principal | null;
  /** True while the app asks the server whether this browser is still signed in (a new tab, a reload). */
  readonly restoring: boolean;
  /** How people sign in here (GET /api/auth/config); null until known. */
  readonly signInConfig: SignInConfig | null;
  signIn(username: string, password: string): Promise<Principal>;
  /** Takes over a session the server opened (the external provider's sign-in, docs in external-sign-in.tsx). */
  adopt(session: { accessToken: string; principal: Principal }): void;
  signOut(): void;
  get<T>(path: string): Promise<T>;
  /** Any request with the person's token, refreshed once (shared) on a 401: what the typed client (api-client.tsx) sends through. */
  request(path: string, init: RequestInit): Promise<Response>;
  /** `headers` carries an `Idempotency-Key` for a request the app may send again (docs/offline.md). */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  uploadPhoto(file: Blob): Promise<{ photoId: string }>;
  /** A photo fetched with the token (a case's photos are private until triage), as an object URL to revoke after use. */
  photoUrl(photoId: string): Promise<string>;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [signInConfig, setSignInConfig] = useState<SignInConfig | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const channel = useMemo(() => openSessionChannel(), []);

  const store = useCallback((next: Session | null) => {
    sessionRef.current = next;
    rememberedPerson.write(next?.principal ?? null);
    setSession(next);
  }, []);

  // One refresh at a time for the whole tab: parallel requests that all met a 401 wait for the same
  // answer instead of each spending the cookie (which the server would take for a stolen token).
  const refreshing = useRef<Promise<Session | null> | null>(null);
  const refreshOnce = useCallback((): Promise<Session | null> => {
    refreshing.current ??= restoreSession()
      .then((next) => {
        store(next);
        return next;
      })
      .finally(() => {
        refreshing.current = null;
      });
    return refreshing.current;
  }, [store]);

  useEffect(() => {
    // Tokens of the app before sessions moved to a cookie: never read again, so never left behind.
    sessionStorage.removeItem('gongzhi.session');
    void loadSignInConfig().then(setSignInConfig);
    void refreshOnce().finally(() => setRestoring(false));
    // Signing out in one tab signs out the others at once (they share the cookie that just ended).
    const onMessage = (event: MessageEvent) => event.data === 'signed-out' && store(null);
    channel?.addEventListener('message', onMessage);
    return () => channel?.removeEventListener('message', onMessage);
  }, [refreshOnce, store, channel]);

  // An access token lives 15 minutes: on a 401, refresh once (shared) and try again.
  const request = useCallback(
    async (path: string, init: RequestInit, retry = true): Promise<Response> => {
      const current = sessionRef.current;
      const headers = new Headers(init.headers);
      if (current?.accessToken) headers.set('authorization', `Bearer ${current.accessToken}`);
      const response = await fetch(path, { ...init, headers });
      if (response.status === 401 && current && retry) {
        // Another request may have refreshed meanwhile: then its token is tried before a refresh of our own.
        const next = sessionRef.current !== current ? sessionRef.current : await refreshOnce();
        if (next) return request(path, init, false);
      }
      return response;
    },
    [refreshOnce],
  );

  const api = useMemo<Api>(
    () => ({
      principal: session?.principal ?? null,
      restoring,
      signInConfig,
      async signIn(username, password) {
        const response = await fetch(SESSION_PATH, {
          method: 'POST',
          headers: { ...SESSION_HEADERS, 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
        if (!response.ok) throw await errorOf(response);
        const body = (await response.json()) as Session;
        store({ accessToken: body.accessToken, principal: body.principal });
        return body.principal;
      },
      adopt(next) {
        store({ accessToken: next.accessToken, principal: next.principal });
      },
      signOut() {
        const ended = fetch(`${SESSION_PATH}/end`, { method: 'POST', headers: SESSION_HEADERS }).catch(() => undefined);
        store(null);
        channel?.postMessage('signed-out');
        // Nothing of the person's stays on a signed-out device: the queue (sent or discarded before) and the caches.
        const forgotten = forgetDeviceData();
        // Leaving for the provider only once our cookie is gone: the navigation would cancel the request.
        const atProvider = providerSignOutAddress(signInConfig, window.location.origin);
        if (atProvider) void Promise.all([ended, forgotten]).then(() => window.location.assign(atProvider));
      },
      request,
      async get(path) {
        const response = await request(path, { method: 'GET' });
        if (!response.ok) throw await errorOf(response);
        return response.json();
      },
      async send(method, path, body, headers = {}) {
        const response = await request(path, {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        });
        if (!response.ok) throw await errorOf(response);
        return response.status === 204 ? undefined : response.json();
      },
      async uploadPhoto(file) {
        const form = new FormData();
        // A phone photo is made small first (≤ 2048 px, JPEG), so it never meets the server's 5 MB limit.
        const photo = await resizePhoto(file);
        form.append('photo', photo, photo === file && file instanceof File ? file.name : 'photo.jpg');
        const response = await request('/api/photos', { method: 'POST', body: form });
        if (!response.ok) throw await errorOf(response);
        return response.json();
      },
      async photoUrl(photoId) {
        const response = await request(`/api/photos/${encodeURIComponent(photoId)}`, { method: 'GET' });
        if (!response.ok) throw await errorOf(response);
        return URL.createObjectURL(await response.blob());
      },
    }),
    [session, restoring, signInConfig, request, store, channel],
  );

  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const context = useContext(ApiContext);
  if (!context) throw new Error('useApi outside ApiProvider');
  return context;
}

export const hasRole = (principal: Principal | null, ...roles: Role[]) => !!principal && principal.roles.some((r) => roles.includes(r));

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: Error;
  readonly loading: boolean;
  /** Reads again now, and a few times more over the next seconds while a read model catches up with a command. */
  readonly reload: () => void;
}

/** Every answer the app reads is cached under `[path, person]`: the path first, so a change invalidates by path. */
export const queryKeyOf = (path: string, person: string | null) => [path, person] as const;

/**
 * Loads `path` (skipped when null) through the app's query cache (query.tsx), and again whenever `reload` is
 * called, the path changes or a live update invalidates the path.
 */
export function useLoad<T>(path: string | null, options: { publicRead?: boolean } = {}): Loaded<T> {
  const api = useApi();
  return useRead(path, () => api.get<T>(path!), options);
}

/** When `reload` reads again after its first read, in ms: read models are usually there by the first. */
const RELOAD_FOLLOW_UPS_MS = [400, 1_200, 3_000, 7_000, 12_000];

/** Reads `path` with `read` (skipped when the path is null) through the query cache, under the path's key. */
export function useRead<T>(path: string | null, read: () => Promise<T>, options: { publicRead?: boolean } = {}): Loaded<T> {
  const api = useApi();
  const signedIn = api.principal?.subject ?? null;
  const enabled = path !== null && (!!signedIn || !!options.publicRead);
  const query = useQuery({
    queryKey: queryKeyOf(path ?? '', signedIn),
    // `api` changes with every token refresh: the key (the path and the person) decides what is read.
    queryFn: read,
    enabled,
    // Another path (a filter, a page) shows the last answer until its own arrives, as the app always has.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === signedIn ? previous : undefined),
  });
  const { refetch } = query;
  const followUps = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => followUps.current.forEach(clearTimeout), []);
  const reload = useCallback(() => {
    if (!enabled) return;
    followUps.current.forEach(clearTimeout);
    void refetch();
    // A page reloads after its own command, and the read model follows the command a moment later: read again while
    // it catches up, so what the person just did shows without a reload of their own.
    followUps.current = RELOAD_FOLLOW_UPS_MS.map((ms) => setTimeout(() => void refetch(), ms));
  }, [enabled, refetch]);
  return {
    data: query.isError ? undefined : query.data,
    error: query.error ?? undefined,
    loading: path !== null && (query.isPending || query.isFetching),
    reload,
  };
}

// Shapes of answers several pages share, as the platform's OpenAPI document states them (api-types.ts): a field the
// platform drops or renames is a compile error here, not a blank on a page.

export type Category = AnswerOf<'/api/categories'>['categories'][number];
export type Organisation = AnswerOf<'/api/organisation'>;
export type Grid = Organisation['districts'][number]['streets'][number]['communities'][number]['grids'][number];
export type MapSettings = AnswerOf<'/api/map'>;
export type GridAt = AnswerOf<'/api/grids/at'>;
export type DuplicateSuggestion = AnswerOf<'/api/cases/duplicates'>['duplicates'][number];
export type CaseListItem = AnswerOf<'/api/cases'>['cases'][number];
export type CaseDetail = AnswerOf<'/api/cases/{caseId}'>;
export type Department = AnswerOf<'/api/department-dispatch/departments'>['departments'][number];
