import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { expect } from 'vitest';

/** The repository's root, which vite builds and serves. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** How long a simulation may take on a slow, shared machine. */
export const RUN_TIMEOUT = 180_000;

/** The production build of the app, served on 127.0.0.1, and Chromium to visit it. */
export interface AppUnderTest {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Builds the app for production into a temporary directory, serves it with `vite preview` on
 * a free port of 127.0.0.1 and launches Debian's Chromium (or `CHROMIUM_PATH`).
 */
export async function startApp(): Promise<AppUnderTest> {
  const outDir = await mkdtemp(join(tmpdir(), 'nines-app-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };

  try {
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
  } catch (error) {
    await close();
    throw error;
  }
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, browser, close };
}

/** Vitest sets NODE_ENV to "test", which would bundle React's development build. */
async function buildForProduction(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** A page in a browser context of its own (so its own local storage), and its errors. */
export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors of the page, in order. */
  errors: string[];
}

/** Opens `url` in a fresh browser context and waits until the app is ready to run. */
export async function openApp(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors = collectErrors(page);

  await page.goto(url);
  await runButton(page).waitFor();
  return { context, page, errors };
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

export function runButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Run simulation', exact: true });
}

export function resultsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Results', exact: true });
}

export function summaryTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Results', exact: true });
}

/** A component's node on the canvas, named by its kind and its name (or id). */
export function componentNode(page: Page, kind: string, name: string): Locator {
  return page.getByRole('application').getByRole('group', { name: `${kind} ${name}`, exact: true });
}

/** The handle a component calls other components from (the caller's side of an edge). */
export function callsHandle(page: Page, id: string): Locator {
  return page.getByLabel(`${id}: calls`, { exact: true });
}

/** The handle other components call a component at (the callee's side of an edge). */
export function callersHandle(page: Page, id: string): Locator {
  return page.getByLabel(`${id}: callers`, { exact: true });
}

/** The scenario's name as the page header shows it. */
export function scenarioTitle(page: Page): Locator {
  return page.getByRole('banner').getByRole('paragraph');
}

type StatusWindow = Window & { statusLog?: string[] };

/**
 * Presses Run simulation and waits for the run to finish. Returns every text the status line
 * showed meanwhile, recorded by a MutationObserver so that even a quick run is seen to start,
 * and the milliseconds from the press to "Done" as the test saw them.
 */
export async function runSimulation(page: Page): Promise<{ statuses: string[]; wallMs: number }> {
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]')!;
    const log: string[] = [];
    (window as StatusWindow).statusLog = log;
    new MutationObserver(() => log.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const started = performance.now();

  await runButton(page).click();
  await expect
    .poll(() => page.evaluate(() => (window as StatusWindow).statusLog!.at(-1) ?? ''), {
      timeout: RUN_TIMEOUT,
      interval: 100,
    })
    .toMatch(/^(Done|Cancelled|The run failed)/);
  const wallMs = performance.now() - started;

  const statuses = await page.evaluate(() => (window as StatusWindow).statusLog!);
  expect(statuses.at(-1)).toMatch(/^Done: /);
  return { statuses, wallMs };
}

/** One row of the summary table: the journey's header cell and its other cells' text. */
export interface ResultRow {
  journey: string;
  cells: string[];
}

/** The rows of the summary table, one per journey, in order. */
export async function resultRows(page: Page): Promise<ResultRow[]> {
  const rows = summaryTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
  const result: ResultRow[] = [];
  for (const row of await rows.all()) {
    result.push({
      journey: (await row.getByRole('rowheader').innerText()).trim(),
      cells: (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim()),
    });
  }
  return result;
}

/** The text of the column `name` of the summary table, one entry per journey. */
export async function columnOf(page: Page, name: string): Promise<string[]> {
  const headers = await summaryTable(page).getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((header) => header.trim() === name);
  expect(column, `no column "${name}" in ${JSON.stringify(headers)}`).toBeGreaterThan(0);

  // The first column holds row headers, which are not cells.
  return (await resultRows(page)).map((row) => row.cells[column - 1]);
}

/** Every number in a cell's text, in order: "0.973 [0.969, 0.976]" → [0.973, 0.969, 0.976]. */
export function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** Presses Export and returns the text of the file the page offers for download. */
export async function exportScenario(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Gives the hidden file input of Import a file with this name and text. */
export async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Scenario file to import', { exact: true }).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** Drops a file with this name and text on the canvas, as a file dragged from the desktop. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([name, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    [name, text],
  );
  const canvas = page.locator('.react-flow');
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
}

/** The text of a shipped scenario file. */
export function readScenarioFile(file: string): Promise<string> {
  return readFile(join(ROOT, 'scenarios', file), 'utf8');
}
