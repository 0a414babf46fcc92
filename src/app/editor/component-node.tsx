import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ComponentDoc, DependsOnDoc } from '../../engine';
import { formatRatio } from '../format';

/** What a component node shows; built by the canvas from the document and the last run. */
export interface ComponentNodeData extends Record<string, unknown> {
  component: ComponentDoc;
  /** Availability of one instance implied by its failure modes; null when it cannot be told. */
  availability: number | null;
  /** Share of the error budget this component burned in the last run, when there is one. */
  burn?: number;
  /** True while a hovered event matches this component. */
  highlighted: boolean;
}

export type ComponentNodeType = Node<ComponentNodeData, 'component'>;

/**
 * A component on the canvas: kind and id in small type, the name large (wrapping to two lines,
 * so it stays readable when a large graph is zoomed to fit), then one line with its replicas or
 * how a junction combines and the availability its failure modes imply; after a run, a badge on
 * the corner with the share of the budget it burns. The layout puts callers left of what they
 * call, so the target handle (the callee side) is on the left and the source on the right.
 */
export const ComponentNode = memo(function ComponentNode({
  data,
  selected,
}: NodeProps<ComponentNodeType>) {
  const { component, availability, burn, highlighted } = data;
  const kind = component.kind ?? 'service';
  const classes = [
    'component-node',
    `kind-${kind}`,
    selected && 'selected',
    highlighted && 'highlighted',
    burn !== undefined && 'burned',
  ].filter(Boolean);
  const name = component.name || component.id;

  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Left} aria-label={`${component.id}: callers`} />
      {burn !== undefined && <BurnBadge share={burn} />}
      <div className="node-head">
        <span className="node-kind">{kind}</span>
        {component.name && <span className="node-id">{component.id}</span>}
      </div>
      <div className="node-name" title={name}>
        {name}
      </div>
      <NodeFacts component={component} availability={availability} />
      <Handle type="source" position={Position.Right} aria-label={`${component.id}: calls`} />
    </div>
  );
});

/** One line: replicas or the junction's combination on the left, availability on the right. */
function NodeFacts({
  component,
  availability,
}: {
  component: ComponentDoc;
  availability: number | null;
}) {
  const { replicas, dependsOn } = component;
  if (!replicas && !dependsOn && availability === null) return null;

  return (
    <div className="node-facts">
      {replicas && (
        <span title={`${replicas.count} replicas, ${combinationTitle(replicas)}`}>
          {replicasText(replicas.count, replicas)}
        </span>
      )}
      {dependsOn && (
        <span title={`Combines its dependencies: ${combinationTitle(dependsOn)}`}>
          {combinationText(dependsOn)}
        </span>
      )}
      {availability !== null && (
        <span className="node-availability" title="Availability implied by its failure modes">
          {formatAvailability(availability)}
        </span>
      )}
    </div>
  );
}

function BurnBadge({ share }: { share: number }) {
  const size = share >= 0.25 ? 'high' : share >= 0.05 ? 'mid' : 'low';
  const text = formatRatio(share, share < 0.01 ? 1 : 0);

  return (
    <span className={`burn-badge burn-${size}`} title={`Burns ${text} of the error budget`}>
      {text}
    </span>
  );
}

/** "×3 needs 2" or "×2 failover": short enough to share a line with the availability. */
function replicasText(count: number, combination: DependsOnDoc): string {
  return `×${count} ${combinationText(combination)}`;
}

function combinationText(combination: DependsOnDoc): string {
  if (combination.mode === 'failover') return 'failover';
  return `needs ${combination.needed ?? 1}`;
}

/** "active-active, needs 2" or "failover", for the tooltip. */
function combinationTitle(combination: DependsOnDoc): string {
  if (combination.mode === 'failover') return 'failover';
  return `active-active, needs ${combination.needed ?? 1}`;
}

/**
 * An availability to the first significant digit of its unavailability, without trailing zeros:
 * 0.99954 → "99.95 %", 0.9 → "90 %".
 */
export function formatAvailability(availability: number): string {
  const nines = availability < 1 ? Math.ceil(-Math.log10(1 - availability)) : 7;
  const digits = Math.min(Math.max(nines - 2, 0), 6);
  return formatRatio(availability, digits);
}
