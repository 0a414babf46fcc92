import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type ScenarioDoc, createLocalRunner, type Runner } from '../engine';
import { createNodeRunner } from './node-runner';
import { readScenarioFile } from './scenario-file';

/*
 * `npm run bench`: speed and memory of the engine on the reference scenario, on this thread,
 * on one worker thread and on every core. Speed is measured here and never in tests.
 */

const TARGET_ONE_WORKER = 100_000;
const TARGET_SCALING = 1.6;

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'scenarios/mobile-banking.json' },
    trials: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: 'bench' },
    repeat: { type: 'string', default: '3' },
  },
});
const trials = Number(values.trials);
const repeat = Math.max(1, Math.floor(Number(values.repeat)) || 1);
const scenario = readScenarioFile(values.scenario!);
const cores = availableParallelism();

/**
 * Runs the scenario `repeat` times after a warm-up and prints the median rate with the range.
 * These shared machines change speed from minute to minute, so one run says little.
 */
async function measure(label: string, runner: Runner, doc: ScenarioDoc): Promise<number> {
  try {
    await runner.run(doc, { trials: Math.min(trials, 20_000), seed: `${values.seed}-warm-up` });
    const rates: number[] = [];
    for (let k = 0; k < repeat; k++) {
      const run = await runner.run(doc, { trials, seed: `${values.seed}-${k}` });
      rates.push(Math.round(run.trialsPerSecond));
    }
    rates.sort((a, b) => a - b);
    const median = rates[(rates.length - 1) >> 1];
    const range = repeat > 1 ? `  (${count(rates[0])} to ${count(rates[rates.length - 1])})` : '';
    console.log(`${label.padEnd(22)} ${count(median).padStart(10)} trials/s${range}`);
    return median;
  } finally {
    runner.dispose();
  }
}

function count(n: number): string {
  return n.toLocaleString('en');
}

function peakMegabytes(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

console.log(
  `${values.scenario}: ${count(trials)} trials, median of ${repeat} runs, ${cores} cores`,
);
await measure('this thread', createLocalRunner(), scenario);
const one = await measure('1 worker', createNodeRunner(1), scenario);
const all = await measure(`${cores} workers`, createNodeRunner(cores), scenario);
const scaling = all / one;
console.log(`peak resident size     ${peakMegabytes()} MB`);
console.log(
  `one worker ${one >= TARGET_ONE_WORKER ? 'meets' : 'misses'} the target of ` +
    `${count(TARGET_ONE_WORKER)} trials/s; ${cores} workers run ` +
    `${scaling.toFixed(2)}× as fast (target ${TARGET_SCALING}×)`,
);
