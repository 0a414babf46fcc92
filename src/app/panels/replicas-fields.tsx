import type { DependsOnDoc, ReplicasDoc } from '../../engine';
import { withKey, withoutKeys } from '../state/objects';
import {
  NumberField,
  PathProblems,
  PercentField,
  SelectField,
  TextField,
  type JsonPath,
} from './field';
import { TagsEditor } from './tags-editor';

type Combination = DependsOnDoc | ReplicasDoc;

const MODES = [
  ['active-active', 'Active-active'],
  ['failover', 'Failover'],
] as const;

const SHORTFALLS = [
  ['fail', 'Fail when too few are up'],
  ['shed', 'Shed load in proportion'],
] as const;

const ACTIVE_ACTIVE_KEYS = ['needed', 'shortfall'] as const;
const FAILOVER_KEYS = ['detect', 'switchover', 'success'] as const;

interface CombinationProps<C extends Combination> {
  value: C;
  path: JsonPath;
  onChange: (value: C) => void;
}

/**
 * How instances (replicas) or alternatives (a junction's dependencies) combine: active-active
 * with how many are needed and what happens short of that, or failover with the time to detect,
 * the time to switch over and the chance the switch works. Changing the mode drops the other
 * mode's settings, which validation would refuse.
 */
function CombinationFields<C extends Combination>({ value, path, onChange }: CombinationProps<C>) {
  const failover = value.mode === 'failover';
  const set =
    <K extends keyof C>(key: K) =>
    (v: C[K]) =>
      onChange(withKey(value, key, v));
  const setMode = (mode: 'active-active' | 'failover') => {
    const dropped = mode === 'failover' ? ACTIVE_ACTIVE_KEYS : FAILOVER_KEYS;
    onChange({ ...withoutKeys(value, dropped as readonly (keyof C)[]), mode });
  };

  return (
    <>
      <SelectField
        label="Mode"
        path={[...path, 'mode']}
        value={value.mode ?? 'active-active'}
        options={MODES}
        onChange={setMode}
      />
      {!failover && (
        <>
          <NumberField
            label="Needed"
            path={[...path, 'needed']}
            value={value.needed}
            placeholder="1"
            onChange={set('needed')}
          />
          <SelectField
            label="Shortfall"
            path={[...path, 'shortfall']}
            value={value.shortfall ?? 'fail'}
            options={SHORTFALLS}
            onChange={set('shortfall')}
          />
        </>
      )}
      {failover && (
        <>
          <TextField
            label="Detect"
            path={[...path, 'detect']}
            value={value.detect}
            optional
            placeholder="1m"
            onChange={set('detect')}
          />
          <TextField
            label="Switchover"
            path={[...path, 'switchover']}
            value={value.switchover}
            optional
            placeholder="5m"
            onChange={set('switchover')}
          />
          <PercentField
            label="Switch success"
            path={[...path, 'success']}
            value={value.success}
            placeholder="100"
            onChange={set('success')}
          />
        </>
      )}
    </>
  );
}

interface ReplicasProps {
  replicas: ReplicasDoc | undefined;
  path: JsonPath;
  onChange: (replicas: ReplicasDoc | undefined) => void;
}

/** A component's replicas: count, how they combine, and each replica's own tags (zones). */
export function ReplicasFields({ replicas, path, onChange }: ReplicasProps) {
  if (!replicas) {
    return (
      <section className="panel-section" aria-label="Replicas">
        <h3>Replicas</h3>
        <p className="panel-hint">One instance.</p>
        <button
          type="button"
          onClick={() => onChange({ count: 2, mode: 'active-active', needed: 1 })}
        >
          Add replicas
        </button>
      </section>
    );
  }
  const setTags = (r: number, tags: Record<string, string> | undefined) =>
    onChange(withKey(replicas, 'tags', replicaTags(replicas, r, tags)));

  return (
    <section className="panel-section" aria-label="Replicas">
      <h3>Replicas</h3>
      <PathProblems path={path} />
      <PathProblems path={[...path, 'tags']} />
      <NumberField
        label="Count"
        path={[...path, 'count']}
        value={replicas.count}
        onChange={(count) => onChange({ ...replicas, count: count as number })}
      />
      <CombinationFields value={replicas} path={path} onChange={onChange} />
      {Array.from({ length: replicas.count > 0 ? Math.min(replicas.count, 12) : 0 }, (_, r) => (
        <TagsEditor
          key={r}
          label={`Replica ${r + 1} tags`}
          path={[...path, 'tags', r]}
          tags={replicas.tags?.[r]}
          onChange={(tags) => setTags(r, tags)}
        />
      ))}
      <button type="button" onClick={() => onChange(undefined)}>
        Remove replicas
      </button>
    </section>
  );
}

/** The replicas' tag sets with set `r` replaced; trailing empty sets are dropped. */
function replicaTags(
  replicas: ReplicasDoc,
  r: number,
  tags: Record<string, string> | undefined,
): ReplicasDoc['tags'] {
  const sets = Array.from({ length: Math.max(replicas.tags?.length ?? 0, r + 1) }, (_, i) =>
    i === r ? (tags ?? {}) : (replicas.tags?.[i] ?? {}),
  );
  while (sets.length > 0 && Object.keys(sets[sets.length - 1]).length === 0) sets.pop();
  return sets.length > 0 ? sets : undefined;
}

interface DependsOnProps {
  dependsOn: DependsOnDoc | undefined;
  path: JsonPath;
  onChange: (dependsOn: DependsOnDoc | undefined) => void;
}

/**
 * How a junction combines its dependencies: as alternatives (active-active or failover) rather
 * than all being needed.
 */
export function DependsOnFields({ dependsOn, path, onChange }: DependsOnProps) {
  return (
    <section className="panel-section" aria-label="Combine dependencies">
      <h3>Combine dependencies</h3>
      <PathProblems path={path} />
      {dependsOn ? (
        <>
          <CombinationFields value={dependsOn} path={path} onChange={onChange} />
          <button type="button" onClick={() => onChange(undefined)}>
            Need all dependencies
          </button>
        </>
      ) : (
        <>
          <p className="panel-hint">Every dependency is needed.</p>
          <button type="button" onClick={() => onChange({ mode: 'active-active', needed: 1 })}>
            Combine as alternatives
          </button>
        </>
      )}
    </section>
  );
}
