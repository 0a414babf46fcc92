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
  },
});
const trials = Number(values.trials);
const scenario = readScenarioFile(values.scenario!);
const cores = availableParallelism();

async function measure(label: string, runner: Runner, doc: ScenarioDoc): Promise<number> {
  try {
    await runner.run(doc, { trials: Math.min(trials, 20_000), seed: `${values.seed}-warm-up` });
    const run = await runner.run(doc, { trials, seed: values.seed! });
    const rate = Math.round(run.trialsPerSecond);
    const seconds = (run.elapsedMs / 1000).toFixed(2);
    console.log(
      `${label.padEnd(22)} ${rate.toLocaleString('en').padStart(10)} trials/s  (${seconds} s)`,
    );
    return rate;
  } finally {
    runner.dispose();
  }
}

function peakMegabytes(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

console.log(`${values.scenario}: ${trials.toLocaleString('en')} trials, ${cores} cores`);
await measure('this thread', createLocalRunner(), scenario);
const one = await measure('1 worker', createNodeRunner(1), scenario);
const all = await measure(`${cores} workers`, createNodeRunner(cores), scenario);
const scaling = all / one;
console.log(`peak resident size     ${peakMegabytes()} MB`);
console.log(
  `one worker ${one >= TARGET_ONE_WORKER ? 'meets' : 'misses'} the target of ` +
    `${TARGET_ONE_WORKER.toLocaleString('en')} trials/s; ${cores} workers run ` +
    `${scaling.toFixed(2)}× as fast (target ${TARGET_SCALING}×)`,
);
