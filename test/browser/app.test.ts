import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOT = join(ROOT, 'test-results', 'app.png');
const JOURNEYS = ['login', 'account-overview', 'transaction-history', 'payments'];
const TARGETS = ['99.99 %', '99.9 %', '99.5 %', '99.95 %'];
const RUN_TIMEOUT = 180_000;

let outDir: string;
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'nines-app-'));
  await buildForProduction(outDir);
  server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Vitest sets NODE_ENV to "test", which would bundle React's development build. */
async function buildForProduction(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function serverUrl(): string {
  const { port } = server!.httpServer.address() as AddressInfo;
  return `http://127.0.0.1:${port}/`;
}

/** The text of every cell of the results table, one array per journey row. */
async function resultRows(): Promise<string[][]> {
  const rows = page.locator('tbody tr');
  const count = await rows.count();
  const cells: string[][] = [];
  for (let i = 0; i < count; i++) {
    cells.push(await rows.nth(i).locator('th, td').allInnerTexts());
  }
  return cells;
}

/** Every number in a cell's text, in order: "0.973 [0.969, 0.976]" → [0.973, 0.969, 0.976]. */
function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

type StatusWindow = Window & { statusChanges?: string[] };

/** Records every text the status line shows from now on, so that no run can go unnoticed. */
async function recordStatusChanges(): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]')!;
    const changes: string[] = [];
    (window as StatusWindow).statusChanges = changes;
    new MutationObserver(() => changes.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function statusChanges(): Promise<string[]> {
  return page.evaluate(() => (window as StatusWindow).statusChanges ?? []);
}

async function waitForRunToFinish(): Promise<void> {
  const runButton = page.getByRole('button', { name: 'Run simulation', exact: true });
  await expect.poll(() => runButton.isEnabled(), { timeout: RUN_TIMEOUT }).toBe(true);
  await expect.poll(() => page.getByRole('status').innerText()).toBe('Done.');
}

describe('the app page', () => {
  it('runs the default scenario in workers on load and shows a row per journey', async () => {
    await page.goto(serverUrl());
    await page
      .locator('tbody tr')
      .nth(JOURNEYS.length - 1)
      .waitFor({ timeout: RUN_TIMEOUT });
    await waitForRunToFinish();

    const rows = await resultRows();
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Nines');
    expect(await page.locator('#scenario-heading').innerText()).toBe(
      'Scenario: Mobile banking platform',
    );
    expect(
      await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.journey)),
    ).toEqual(JOURNEYS);
    rows.forEach((cells, i) => {
      const [, target, mean, pMeet] = cells;
      const [p, low, high] = numbersIn(pMeet);
      expect(cells[0]).toContain(JOURNEYS[i]);
      expect(target).toBe(TARGETS[i]);
      expect(numbersIn(mean)[0]).toBeGreaterThan(90);
      expect(numbersIn(mean)[0]).toBeLessThanOrEqual(100);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(low).toBeLessThanOrEqual(p);
      expect(high).toBeGreaterThanOrEqual(p);
    });
    expect(await page.locator('.speed').innerText()).toMatch(
      /Elapsed [\d,]+ ms · [\d,]+ trials\/s/,
    );
    expect(pageErrors).toEqual([]);
  });

  it('gives the same numbers when the same seed is run again', async () => {
    const before = await resultRows();
    await recordStatusChanges();

    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await waitForRunToFinish();

    expect(await statusChanges()).toContainEqual(
      expect.stringMatching(/^Running in \d+ Web Worker/),
    );
    expect(await resultRows()).toEqual(before);
    expect(pageErrors).toEqual([]);
  });
});
