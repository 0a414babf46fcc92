import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent, formatProbability } from '../../src/app/format';
import { attainmentDecimals } from '../../src/engine';
import {
  createLocalRunner,
  parseScenarioText,
  runSettings,
  validateScenario,
  type Run,
  type ScenarioDoc,
} from '../../src/engine';
import {
  callersHandle,
  callsHandle,
  columnOf,
  componentNode,
  exportScenario,
  importFile,
  numbersIn,
  openApp,
  dropFile,
  readScenarioFile,
  resultRows,
  resultsRegion,
  ROOT,
  RUN_TIMEOUT,
  runButton,
  runSimulation,
  scenarioTitle,
  startApp,
  summaryTable,
  type AppPage,
  type AppUnderTest,
} from './support';

const SCREENSHOTS = join(ROOT, 'test-results');
const JOURNEYS = ['login', 'account-overview', 'transaction-history', 'payments'];
const TARGETS = ['99.99 %', '99.9 %', '99.5 %', '99.95 %'];
const MEAN = 'Mean attainment (simulated)';
const P_MEET = 'P(meet) [95 % interval]';
const STALE = 'The scenario changed since this run; press Run for current results.';
const TEST_TIMEOUT = 300_000;

let app: AppUnderTest | undefined;
let opened: AppPage[] = [];

beforeAll(async () => {
  app = await startApp();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 300_000);

afterEach(async () => {
  await Promise.all(opened.map(({ context }) => context.close()));
  opened = [];
});

afterAll(async () => {
  await app?.close();
});

/** Opens the app in a fresh browser context (empty local storage), at `url` if given. */
async function open(url = app!.url): Promise<Page> {
  const appPage = await openApp(app!.browser, url);
  opened.push(appPage);
  return appPage.page;
}

/** Every page error and console error of the pages this test opened. */
function pageErrors(): string[] {
  return opened.flatMap(({ errors }) => errors);
}

/** A shipped scenario run in this Node process with its own trials and seed, as the CLI would. */
async function runInNode(file: string): Promise<Run> {
  const parsed = parseScenarioText(await readScenarioFile(file));
  if (!parsed.ok) throw new Error(`${file} does not validate`);

  const runner = createLocalRunner();
  try {
    return await runner.run(parsed.scenario, runSettings(parsed.scenario));
  } finally {
    runner.dispose();
  }
}

/** The P(meet) cell as the summary table formats it, without the "more trials" remark. */
function pMeetText(p: number, [low, high]: [number, number]): string {
  return `${formatProbability(p)} [${formatProbability(low)}, ${formatProbability(high)}]`;
}

async function pMeets(page: Page): Promise<number[]> {
  return (await columnOf(page, P_MEET)).map((text) => numbersIn(text)[0]);
}

/** Drags a palette item onto the canvas at a point of the canvas. */
async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }) {
  await page
    .getByRole('button', { name: `Add ${kind}`, exact: true })
    .dragTo(page.getByRole('application'), { targetPosition: at });
}

function undoButton(page: Page) {
  return page.getByRole('button', { name: 'Undo', exact: true });
}

function redoButton(page: Page) {
  return page.getByRole('button', { name: 'Redo', exact: true });
}

describe('the app in Chromium', { timeout: TEST_TIMEOUT }, () => {
  it('opens ready to run and shows the numbers the engine gives in Node', async () => {
    const page = await open();
    const expected = await runInNode('mobile-banking.json');

    await expect.poll(() => scenarioTitle(page).innerText()).toBe('Mobile banking platform');
    expect(await runButton(page).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).isEnabled()).toBe(false);
    expect(await page.getByRole('status').innerText()).toBe('Ready: press Run simulation.');
    const placeholder = await resultsRegion(page).innerText();
    expect(placeholder).toContain('No results yet. Press Run simulation');
    expect(placeholder).toContain('a table of every journey');
    expect(await summaryTable(page).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'app-start.png') });

    const { statuses, wallMs } = await runSimulation(page);
    const status = await page.getByRole('status').innerText();
    const speed = await resultsRegion(page)
      .getByText(/^Elapsed /)
      .innerText();
    console.log(
      `default run in the page: status "${status}"; "${speed}"; ` +
        `${Math.round(wallMs)} ms from pressing Run to Done as seen by the test`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'app-editor.png') });
    await resultsRegion(page).screenshot({ path: join(SCREENSHOTS, 'app-results.png') });

    expect(statuses[0]).toMatch(/^Running in \d+ Web Workers?…$/);
    expect(status).toMatch(/^Done: 10,000 trials in \d+\.\d s\.$/);
    const rows = await resultRows(page);
    expect(rows.map((row) => row.journey.split(/\s+/).at(-1))).toEqual(JOURNEYS);
    expect(rows.map((row) => row.cells[0])).toEqual(TARGETS);
    expect(expected.journeys.map((j) => j.id)).toEqual(JOURNEYS);
    expect(await columnOf(page, MEAN)).toEqual(
      expected.journeys.map((j) => formatPercent(j.attainment.mean, attainmentDecimals(j.target))),
    );
    expect(
      (await columnOf(page, P_MEET)).map((text) => text.replace(/ more trials needed$/, '')),
    ).toEqual(expected.journeys.map((j) => pMeetText(j.pMeet, j.pMeetInterval)));
    const charts = page.getByRole('tablist', { name: 'Charts of journey', exact: true });
    expect(await charts.getByRole('tab').count()).toBe(JOURNEYS.length);

    const again = await runSimulation(page);
    console.log(`the same run again: ${Math.round(again.wallMs)} ms from Run to Done`);
    expect(await resultRows(page)).toEqual(rows);
    expect(pageErrors()).toEqual([]);
  });

  it('exports a component dropped from the palette with its new dependency', async () => {
    const page = await open();

    await dropFromPalette(page, 'cache', { x: 780, y: 560 });
    await componentNode(page, 'cache', 'cache').waitFor();
    await callsHandle(page, 'payments').dragTo(callersHandle(page, 'cache'));
    await page.getByRole('group', { name: 'payments calls cache', exact: true }).waitFor();
    const exported = JSON.parse(await exportScenario(page)) as ScenarioDoc;

    expect(exported.components.filter((c) => c.kind === 'cache').map((c) => c.id)).toEqual([
      'session-cache',
      'cache',
    ]);
    expect(exported.dependencies).toContainEqual({ from: 'payments', to: 'cache' });
    expect(exported.layout?.cache).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    const validation = validateScenario(exported);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });

  it('marks results stale after an MTTR grows, then shows a lower P(meet)', async () => {
    const page = await open();
    await runSimulation(page);
    const before = await pMeets(page);

    await componentNode(page, 'network', 'CDN and web application firewall').click();
    const panel = page.getByRole('region', { name: 'Component edge', exact: true });
    const failureMode = panel.getByRole('group', { name: 'global config push', exact: true });
    const mttr = failureMode.getByRole('textbox', { name: 'MTTR', exact: true });
    expect(await mttr.inputValue()).toBe('30m');
    await mttr.fill('2d');
    await resultsRegion(page).getByText(STALE, { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-stale.png'), fullPage: true });
    await runSimulation(page);
    const after = await pMeets(page);

    expect(await resultsRegion(page).getByText(STALE, { exact: true }).count()).toBe(0);
    expect(after).toHaveLength(JOURNEYS.length);
    after.forEach((p, i) => expect(p, JOURNEYS[i]).toBeLessThan(before[i]));
    expect(pageErrors()).toEqual([]);
  });

  it('opens a shared link in a fresh browser with exactly that scenario', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Add queue', exact: true }).click();
    await page.getByRole('tab', { name: 'Scenario', exact: true }).click();
    await page
      .getByRole('tabpanel', { name: 'Scenario', exact: true })
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill('Shared workshop board');

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await page
      .getByRole('dialog', { name: 'Share link', exact: true })
      .getByRole('textbox')
      .inputValue();
    const shared = await exportScenario(page);
    const other = await open(link);
    await expect.poll(() => scenarioTitle(other).innerText()).toBe('Shared workshop board');
    const received = await exportScenario(other);

    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[\w+\-$]+$/);
    expect(JSON.parse(received)).toEqual(JSON.parse(shared));
    expect(JSON.parse(shared).components.map((c: { id: string }) => c.id)).toContain('queue');
    expect(pageErrors()).toEqual([]);
  });

  it('keeps the work on a broken or invalid import; a valid one replaces it', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Add junction', exact: true }).click();
    const work = await exportScenario(page);
    const invalid = JSON.parse(await readScenarioFile('mobile-banking.json'));
    invalid.components[4].failures[0].mttr = 'soon';
    const refusal = page.getByRole('alert').filter({ hasText: 'was not imported' });

    await importFile(page, 'broken.json', '{ "nines": 1, "name": ');
    await refusal.waitFor();
    const brokenAlert = await refusal.innerText();
    const afterBroken = await exportScenario(page);
    await importFile(page, 'soon.json', JSON.stringify(invalid, null, 2));
    await expect.poll(() => refusal.innerText()).toContain('soon.json');
    const invalidAlert = await refusal.innerText();
    const afterInvalid = await exportScenario(page);

    expect(brokenAlert).toContain('broken.json was not imported');
    expect(brokenAlert).toMatch(/\(document\): invalid JSON at line 1, column \d+/);
    expect(afterBroken).toBe(work);
    expect(invalidAlert).toContain('soon.json was not imported');
    expect(invalidAlert).toContain('components[4].failures[0].mttr: ');
    expect(afterInvalid).toBe(work);
    expect(await componentNode(page, 'junction', 'junction').count()).toBe(1);

    const regional = await readScenarioFile('regional-outage.json');
    await importFile(page, 'regional-outage.json', regional);
    const expected = JSON.parse(regional) as ScenarioDoc;
    await expect.poll(() => scenarioTitle(page).innerText()).toBe(expected.name);
    const replaced = JSON.parse(await exportScenario(page)) as ScenarioDoc;

    expect(await refusal.count()).toBe(0);
    expect(await componentNode(page, 'junction', 'junction').count()).toBe(0);
    expect({ ...replaced, layout: undefined }).toEqual({ ...expected, layout: undefined });
    expect(pageErrors()).toEqual([]);
  });

  it('opens a scenario file dropped on the canvas, and refuses a broken one', async () => {
    const page = await open();
    const serial = await readScenarioFile('serial-vs-parallel.json');
    const expected = JSON.parse(serial) as ScenarioDoc;

    await dropFile(page, 'serial-vs-parallel.json', serial);
    await expect.poll(() => scenarioTitle(page).innerText()).toBe(expected.name);
    await dropFile(page, 'half.json', serial.slice(0, 40));
    const refusal = page.getByRole('alert').filter({ hasText: 'half.json was not imported' });
    await refusal.waitFor();

    expect(await scenarioTitle(page).innerText()).toBe(expected.name);
    expect(await refusal.innerText()).toMatch(/\(document\): invalid JSON at line \d+/);
    expect(pageErrors()).toEqual([]);
  });

  it('restores the autosaved scenario on reload', async () => {
    const page = await open();
    const name = () =>
      page
        .getByRole('tabpanel', { name: 'Scenario', exact: true })
        .getByRole('textbox', { name: 'Name', exact: true });

    await page.getByRole('tab', { name: 'Scenario', exact: true }).click();
    await name().fill('Mobile banking, after the workshop');
    // Autosave waits for a pause in typing (400 ms); wait until it has saved, then reload.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('nines.scenario.v1') ?? ''))
      .toContain('"name":"Mobile banking, after the workshop"');
    await page.reload();
    await runButton(page).waitFor();
    await page.getByRole('tab', { name: 'Scenario', exact: true }).click();

    expect(await name().inputValue()).toBe('Mobile banking, after the workshop');
    expect(await scenarioTitle(page).innerText()).toBe('Mobile banking, after the workshop');
    expect(pageErrors()).toEqual([]);
  });

  it('stops a long run when Cancel is pressed', async () => {
    const page = await open();
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    const progress = page.getByRole('progressbar', { name: 'Simulation progress', exact: true });
    const progressValue = () => progress.evaluate((el) => (el as HTMLProgressElement).value);
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });

    await page.getByRole('textbox', { name: 'Trials', exact: true }).fill('5000000');
    await runButton(page).click();
    await expect.poll(progressValue, { timeout: RUN_TIMEOUT }).toBeGreaterThan(0);
    const closed = workers.map((worker) => new Promise((done) => worker.on('close', done)));
    await cancel.click();
    await page.getByRole('status').getByText('Cancelled.', { exact: true }).waitFor();
    const atCancel = await progressValue();
    // Cancelling terminates the workers, so once they are gone no progress can follow.
    await Promise.all(closed);
    const later = await progressValue();

    expect(workers.length).toBeGreaterThan(0);
    expect(atCancel).toBeGreaterThan(0);
    expect(atCancel).toBeLessThan(5_000_000);
    expect(later).toBe(atCancel);
    expect(await progress.evaluate((el) => (el as HTMLProgressElement).max)).toBe(5_000_000);
    expect(await runButton(page).isEnabled()).toBe(true);
    expect(await cancel.isEnabled()).toBe(false);
    expect(await summaryTable(page).count()).toBe(0);
    expect(pageErrors()).toEqual([]);
  });

  it('undoes and redoes an added component with the buttons and with the keyboard', async () => {
    const page = await open();
    const added = componentNode(page, 'queue', 'queue');
    expect(await undoButton(page).isEnabled()).toBe(false);

    await page.getByRole('button', { name: 'Add queue', exact: true }).click();
    await added.waitFor();
    await undoButton(page).click();
    await added.waitFor({ state: 'detached' });
    expect(await redoButton(page).isEnabled()).toBe(true);
    await redoButton(page).click();
    await added.waitFor();
    await page.keyboard.press('Control+z');
    await added.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await added.waitFor();

    expect(JSON.parse(await exportScenario(page)).components.at(-1)).toMatchObject({
      id: 'queue',
      kind: 'queue',
    });
    expect(pageErrors()).toEqual([]);
  });

  it('refuses a connection that would close a cycle and names the cycle', async () => {
    const page = await open();

    await callsHandle(page, 'core-db').dragTo(callersHandle(page, 'core-banking'));
    const notice = page.getByRole('alert').filter({ hasText: 'Cannot connect' });
    await notice.waitFor();
    const text = await notice.innerText();

    expect(text).toContain('Cannot connect core-db to core-banking');
    expect(text).toMatch(
      /cycle (core-banking → core-db → core-banking|core-db → core-banking → core-db)/,
    );
    expect(await page.getByRole('group', { name: 'core-db calls core-banking' }).count()).toBe(0);
    const exported = JSON.parse(await exportScenario(page)) as ScenarioDoc;
    expect(exported.dependencies).not.toContainEqual(
      expect.objectContaining({ from: 'core-db', to: 'core-banking' }),
    );
    expect(await undoButton(page).isEnabled()).toBe(false);
    expect(pageErrors()).toEqual([]);
  });

  it('shows names and descriptions from an imported file as text, never as HTML', async () => {
    const page = await open();
    const hostile = '<img src=x onerror="window.__xss=1">';
    const doc = JSON.parse(await readScenarioFile('serial-vs-parallel.json'));
    doc.name = hostile;
    doc.description = '<script>window.__xss=2</script><b>bold</b>';
    doc.components[0].name = hostile;

    await importFile(page, 'hostile.json', JSON.stringify(doc));
    await expect.poll(() => scenarioTitle(page).innerText()).toBe(hostile);
    await page.getByRole('tab', { name: 'Scenario', exact: true }).click();
    const description = page
      .getByRole('tabpanel', { name: 'Scenario', exact: true })
      .getByRole('textbox', { name: 'Description', exact: true });

    expect(await description.inputValue()).toBe(doc.description);
    expect(await page.getByRole('application').getByText(hostile, { exact: true }).count()).toBe(1);
    expect(await page.locator('img[src="x"], #root script, #root b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(pageErrors()).toEqual([]);
  });
});
