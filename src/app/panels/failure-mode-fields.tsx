import type { FailureModeDoc, SharedEventDoc } from '../../engine';
import { uniqueName } from '../state/edits';
import { removeAt, replaceAt, withKey, withoutKeys } from '../state/objects';
import { NumberField, PercentField, SelectField, TextField, type JsonPath } from './field';

type Process = FailureModeDoc | SharedEventDoc;
type RateKind = 'mtbf' | 'availability' | 'deploys';

const RATE_KINDS = [
  ['mtbf', 'MTBF (mean time between failures)'],
  ['availability', 'Availability'],
  ['deploys', 'Deploys per week × change failure rate'],
] as const;

const RATE_KEYS = ['mtbf', 'availability', 'deploysPerWeek', 'changeFailureRate'] as const;

/** What each way of giving the rate starts with when chosen. */
const RATE_DEFAULTS: Record<RateKind, Partial<Process>> = {
  mtbf: { mtbf: '30d' },
  availability: { availability: '99.9%' },
  deploys: { deploysPerWeek: 5, changeFailureRate: '10%' },
};

interface ProcessProps<P extends Process> {
  value: P;
  path: JsonPath;
  onChange: (value: P) => void;
}

/**
 * How often a failure mode or shared event happens (as MTBF, availability or deploys with a
 * change failure rate), how long it lasts (MTTR), the shapes of its up and repair times, and
 * the share of requests failing while it is active.
 */
export function ProcessFields<P extends Process>({ value, path, onChange }: ProcessProps<P>) {
  const set =
    <K extends keyof P>(key: K) =>
    (v: P[K]) =>
      onChange(withKey(value, key, v));
  const kind = rateKind(value);

  return (
    <>
      <SelectField
        label="Rate given as"
        path={path}
        exact
        value={kind}
        options={RATE_KINDS}
        onChange={(k) => onChange({ ...withoutKeys(value, RATE_KEYS), ...RATE_DEFAULTS[k] })}
      />
      {kind === 'mtbf' && (
        <TextField
          label="MTBF"
          path={[...path, 'mtbf']}
          value={value.mtbf}
          onChange={set('mtbf')}
        />
      )}
      {kind === 'availability' && (
        <PercentField
          label="Availability"
          path={[...path, 'availability']}
          value={value.availability}
          onChange={set('availability')}
        />
      )}
      {kind === 'deploys' && <DeployFields value={value} path={path} onChange={onChange} />}
      <TextField
        label="MTTR"
        path={[...path, 'mttr']}
        value={value.mttr}
        placeholder="30m"
        onChange={set('mttr')}
      />
      <UptimeField value={value} path={path} onChange={onChange} />
      <RepairField value={value} path={path} onChange={onChange} />
      <PercentField
        label="Error rate while active"
        path={[...path, 'errorRate']}
        value={value.errorRate}
        placeholder="100"
        onChange={set('errorRate')}
      />
    </>
  );
}

function rateKind(process: Process): RateKind {
  if (process.deploysPerWeek !== undefined || process.changeFailureRate !== undefined) {
    return 'deploys';
  }
  return process.availability !== undefined ? 'availability' : 'mtbf';
}

function DeployFields<P extends Process>({ value, path, onChange }: ProcessProps<P>) {
  return (
    <>
      <NumberField
        label="Deploys per week"
        path={[...path, 'deploysPerWeek']}
        value={value.deploysPerWeek}
        onChange={(v) => onChange(withKey(value, 'deploysPerWeek', v))}
      />
      <PercentField
        label="Change failure rate"
        path={[...path, 'changeFailureRate']}
        value={value.changeFailureRate}
        onChange={(v) => onChange(withKey(value, 'changeFailureRate', v))}
      />
    </>
  );
}

const UPTIMES = [
  ['exponential', 'Exponential'],
  ['weibull', 'Weibull'],
] as const;

function UptimeField<P extends Process>({ value, path, onChange }: ProcessProps<P>) {
  const weibull = typeof value.uptime === 'object' ? value.uptime.weibull : undefined;
  const setShape = (shape: number | undefined) =>
    onChange(withKey(value, 'uptime', { weibull: { shape } } as P['uptime']));

  return (
    <>
      <SelectField
        label="Up times"
        path={[...path, 'uptime']}
        value={weibull ? 'weibull' : 'exponential'}
        options={UPTIMES}
        onChange={(k) =>
          k === 'weibull' ? setShape(1.5) : onChange(withKey(value, 'uptime', undefined))
        }
      />
      {weibull && (
        <NumberField
          label="Weibull shape"
          path={[...path, 'uptime', 'weibull', 'shape']}
          value={weibull.shape}
          onChange={setShape}
        />
      )}
    </>
  );
}

const REPAIRS = [
  ['exponential', 'Exponential'],
  ['fixed', 'Fixed'],
  ['lognormal', 'Lognormal'],
] as const;

function RepairField<P extends Process>({ value, path, onChange }: ProcessProps<P>) {
  const lognormal = typeof value.repair === 'object' ? value.repair.lognormal : undefined;
  const kind = lognormal ? 'lognormal' : value.repair === 'fixed' ? 'fixed' : 'exponential';
  const setRepair = (repair: P['repair']) => onChange(withKey(value, 'repair', repair));
  const setSigma = (sigma: number | undefined) =>
    setRepair({ lognormal: { sigma } } as P['repair']);

  return (
    <>
      <SelectField
        label="Repair times"
        path={[...path, 'repair']}
        value={kind}
        options={REPAIRS}
        onChange={(k) =>
          k === 'lognormal' ? setSigma(1) : setRepair(k === 'fixed' ? 'fixed' : undefined)
        }
      />
      {lognormal && (
        <NumberField
          label="Lognormal sigma"
          path={[...path, 'repair', 'lognormal', 'sigma']}
          value={lognormal.sigma}
          onChange={setSigma}
        />
      )}
    </>
  );
}

interface FailureModesProps {
  failures: FailureModeDoc[] | undefined;
  path: JsonPath;
  onChange: (failures: FailureModeDoc[] | undefined) => void;
}

/** A component's failure modes: each with its name and process fields; add and remove. */
export function FailureModesEditor({ failures = [], path, onChange }: FailureModesProps) {
  const add = () => {
    const name = uniqueName(
      'failure',
      failures.map((f) => f.name),
    );
    onChange([...failures, { name, mtbf: '30d', mttr: '30m' }]);
  };

  return (
    <section className="panel-section" aria-label="Failure modes">
      <h3>Failure modes</h3>
      {failures.map((failure, j) => (
        <fieldset key={j} className="failure-mode">
          <legend>{failure.name || `failure mode ${j + 1}`}</legend>
          <TextField
            label="Name"
            path={[...path, j, 'name']}
            value={failure.name}
            onChange={(name) => onChange(replaceAt(failures, j, { ...failure, name }))}
          />
          <ProcessFields
            value={failure}
            path={[...path, j]}
            onChange={(f) => onChange(replaceAt(failures, j, f))}
          />
          <button type="button" onClick={() => onChange(removeAt(failures, j))}>
            Remove failure mode {failure.name}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={add}>
        Add failure mode
      </button>
    </section>
  );
}
