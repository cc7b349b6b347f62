import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, startHostProcess, type HostProcess } from '@gongzhi/testing';
import { axeViolations, buildWebApp, CHROMIUM, launchChromium } from './browser';
import { startWebTestServer, type WebTestServer } from './web-test-server';

export const REPOSITORY_ROOT = resolve(__dirname, '../../../..');
/** Where browser tests keep their screenshots for people to look at. */
export const ARTIFACTS = join(REPOSITORY_ROOT, 'test-artifacts');
export const PHONE = { width: 412, height: 915 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The API as another client of a demo account would call it, with that account's own token. */
export interface ApiClient {
  readonly accessToken: string;
  readonly principal: { readonly subject?: string; readonly scope: { readonly communityId: string } };
  call(path: string, init?: RequestInit): Promise<Response>;
  get<T>(path: string): Promise<T>;
  /** Posts JSON and answers the body; a refusal fails the test with the server's answer. */
  post(path: string, body: unknown): Promise<Record<string, unknown>>;
}

/** The host as `npm start` runs it, the built web app before it, and one Chromium: what every browser test walks. */
export interface WebHarness {
  readonly url: string;
  readonly host: HostProcess;
  /** For pages nobody signs in on (the dashboard, a public meeting). */
  readonly context: BrowserContext;
  /** What the browser refused under the host's Content-Security-Policy, on any page of the run. */
  readonly policyViolations: readonly string[];
  /**
   * A new tab signed in as a demo account through the sign-in page. Without `context` it opens in a browser of its
   * own (a fresh context, closed with the tab): the session lives in a cookie, which one browser shares between tabs.
   */
  signedIn(username: string, path: string, options?: { viewport?: Viewport; context?: BrowserContext }): Promise<Page>;
  /** Takes every browser of the run off the network, or back on. */
  setOffline(offline: boolean): Promise<void>;
  /** Lets every browser of the run tell the app where it stands. */
  allowGeolocation(where: { latitude: number; longitude: number }): Promise<void>;
  /** Signs in on a page already open, as a person would, and waits until the app shows them signed in. */
  signInOn(page: Page, username: string, path: string): Promise<Page>;
  apiAs(username: string): Promise<ApiClient>;
  /** Fails the test with axe's serious or critical WCAG 2.1 AA violations of the page, named by `state`. */
  expectAccessible(page: Page, state: string): Promise<void>;
  /** A full-page screenshot in test-artifacts, named `<harness name>-<name>.png`. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WebHarnessOptions {
  /** Names the temporary folders and prefixes the screenshots. */
  readonly name: string;
  /** Added to the host's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** 'block' for a suite that rewrites answers with page.route, which cannot reach what a service worker fetches. */
  readonly serviceWorkers?: 'allow' | 'block';
  readonly timeoutMs?: number;
}

/** Demo accounts sign in with `<username>-2026`, as the demo data publishes. */
const demoPassword = (username: string) => `${username}-2026`;

/**
 * Starts the host on a fresh data folder, builds the web app, serves it in front of the host and opens Chromium.
 * Call it in `beforeAll` (it takes up to a minute) and `close()` it in `afterAll`.
 */
export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `gongzhi-${options.name}-data-`));
  const webDir = mkdtempSync(join(tmpdir(), `gongzhi-${options.name}-dist-`));
  const port = await freePort();
  let host: HostProcess | undefined;
  let web: WebTestServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let people: Browser | undefined;

  const close = async () => {
    await people?.close();
    await browser?.close();
    await web?.close();
    if (host && host.process.exitCode === null) {
      host.process.kill('SIGTERM'); // passed on to the host by the runner; SIGKILL would orphan it
      await host.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  };

  try {
    [host] = await Promise.all([
      startHostProcess({ PORT: String(port), GONGZHI_DATA_DIR: dataDir, ...options.env }),
      buildWebApp(REPOSITORY_ROOT, webDir),
    ]);
    if (host.process.exitCode !== null) throw new Error(`the host stopped:\n${host.output()}`);
    web = await startWebTestServer(webDir, `http://127.0.0.1:${port}`);
    browser = await launchChromium({ serviceWorkers: options.serviceWorkers });
    people = await launchPeople();
  } catch (error) {
    await close();
    throw error;
  }

  const url = web.url;
  const context = browser.context;
  const policyViolations: string[] = [];
  const watch = (watched: BrowserContext) => {
    watched.setDefaultTimeout(options.timeoutMs ?? 15_000);
    watched.on('page', (page) =>
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) policyViolations.push(`${page.url()}: ${message.text()}`);
      }),
    );
  };
  watch(context);
  const open = new Set<BrowserContext>([context]);
  let offline = false;
  let geolocation: { latitude: number; longitude: number } | undefined;
  const browserOfOwn = async (viewport: Viewport) => {
    // A browser that went away under a loaded machine is started again rather than failing every later walk.
    if (!people?.isConnected()) people = await launchPeople();
    const own = await people.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: options.serviceWorkers ?? 'allow',
      offline,
      ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
    });
    watch(own);
    open.add(own);
    own.on('close', () => open.delete(own));
    return own;
  };

  const signInOn = async (page: Page, username: string, path: string) => {
    // Whoever this browser was signed in as before: the sign-in page is for the next person.
    await page.context().clearCookies();
    await page.goto(`${url}${path}`);
    await page.getByLabel('账号').fill(username);
    await page.getByLabel('密码').fill(demoPassword(username));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    return page;
  };

  return {
    url,
    host,
    context,
    policyViolations,
    signInOn,
    async signedIn(username, path, { viewport = PHONE, context: inContext } = {}) {
      const own = inContext ? undefined : await browserOfOwn(viewport);
      const page = await (inContext ?? (own as BrowserContext)).newPage();
      // The person's browser goes with their page. It leaves the open set at once, so that setOffline and
      // allowGeolocation never wait on a context that is still closing; and it may be closing already.
      if (own)
        page.on('close', () => {
          open.delete(own);
          void own.close().catch(() => undefined);
        });
      await page.setViewportSize(viewport);
      return signInOn(page, username, path);
    },
    async setOffline(next) {
      offline = next;
      await Promise.all([...open].map((each) => each.setOffline(next)));
    },
    async allowGeolocation(where) {
      geolocation = where;
      await Promise.all(
        [...open].map(async (each) => {
          await each.grantPermissions(['geolocation'], { origin: url });
          await each.setGeolocation(where);
        }),
      );
    },
    apiAs: (username) => apiClient(url, username),
    async expectAccessible(page, state) {
      const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect({ state, violations: serious }).toEqual({ state, violations: [] });
    },
    async shot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${options.name}-${name}.png`), fullPage: true });
    },
    close,
  };
}

async function apiClient(url: string, username: string): Promise<ApiClient> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword(username) }),
  });
  if (!login.ok) throw new Error(`${username} could not sign in: ${login.status} ${await login.text()}`);
  const { accessToken, principal } = (await login.json()) as Pick<ApiClient, 'accessToken' | 'principal'>;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${accessToken}` },
    });
  return {
    accessToken,
    principal,
    call,
    get: async <T>(path: string) => (await (await call(path)).json()) as T,
    async post(path, body) {
      const response = await call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${path} answered ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    },
  };
}

/**
 * The browser each signed-in person gets a context of: one person's session cookie is not another's. On a loaded
 * machine Chromium now and then dies while it starts ("Target page, context or browser has been closed"); a second or
 * third start is tried before the suite is failed for it.
 */
async function launchPeople(attempts = 3): Promise<Browser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}
