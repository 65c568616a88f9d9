/**
 * Browser-test harness: the real server as a child process on a fresh embedded database with demo
 * data, and Debian's Chromium driven through playwright-core. No part of the API is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const screenshotDir = join(repoRoot, 'screenshots');
const webDist = join(repoRoot, 'packages/web/dist/index.html');
const serverBin = join(repoRoot, 'packages/server/bin/ketaflow.js');
const startTimeoutMs = 120_000;

export const demoPassword = 'ketaflow-demo';
export const demoEmails = {
  admin: 'admin@demo.ketaflow.test',
  prescriber: 'prescriber@demo.ketaflow.test',
  nurse: 'nurse@demo.ketaflow.test',
  patient: 'patient@demo.ketaflow.test',
} as const;

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolvePort(port);
      });
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => {
      resolveExit(false);
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Starts `ketaflow serve` on a free port with a fresh data directory; resolves once `/healthz` is
 * 200. `settings` (optional) is written as the clinic settings file (`KETAFLOW_SETTINGS`); `env`
 * (optional) adds environment variables (`CDS_CLIENTS`, `KETAFLOW_PUBLIC_URL`).
 */
export async function startServer(
  settings?: object,
  env: Readonly<Record<string, string>> = {},
): Promise<RunningServer> {
  if (!existsSync(serverBin)) throw new Error(`No server at ${serverBin}`);
  if (!existsSync(webDist)) {
    throw new Error(`No built web app at ${webDist}: run \`npm run build -w @ketaflow/web\` first`);
  }
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ketaflow-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const settingsFile = join(dataDir, 'clinic-settings.json');
  if (settings !== undefined) writeFileSync(settingsFile, JSON.stringify(settings));
  const child = spawn(process.execPath, [serverBin, 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KETAFLOW_DATA_DIR: dataDir,
      KETAFLOW_DEMO_DATA: 'on',
      LOG_LEVEL: 'warn',
      ...(settings === undefined ? {} : { KETAFLOW_SETTINGS: settingsFile }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`,
      );
    }
    if (await isHealthy(baseUrl)) return { baseUrl, stop };
    await delay(500);
  }
  await stop();
  throw new Error(`The server was not healthy within ${startTimeoutMs / 1000} s:\n${output}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Saves `screenshots/<name>.png` at the repository root (git-ignored): the viewport, after
 * scrolling `subject` into view (full-page shots smear the app shell's fixed header).
 */
export async function takeScreenshot(page: Page, name: string, subject?: Locator): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await subject?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

export interface Harness {
  readonly baseUrl: string;
  /** A fresh browser context (own cookies) and page on the running server. */
  newPage: (
    options?: { width: number; height: number },
    context?: { timezoneId?: string },
  ) => Promise<Page>;
}

/**
 * Boots the server (with the clinic `settings` and extra `env`, if given) and the browser once for
 * the calling test file, and stops both after it.
 */
export function useHarness(
  settings?: object,
  options: { env?: Readonly<Record<string, string>> } = {},
): Harness {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(settings, options.env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  return {
    get baseUrl() {
      if (server === undefined) throw new Error('The server is not running');
      return server.baseUrl;
    },
    async newPage(options, contextOptions) {
      if (browser === undefined || server === undefined)
        throw new Error('The harness is not running');
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: options ?? { width: 1280, height: 900 },
        ...(contextOptions?.timezoneId === undefined
          ? {}
          : { timezoneId: contextOptions.timezoneId }),
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}
