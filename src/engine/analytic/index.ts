import type { Model } from '../model/types';
import { Bdd, BddLimitError, DEFAULT_NODE_LIMIT } from './bdd';
import { isBinary, reachedComponents } from './eligibility';
import { structureDiagram } from './structure-function';

/**
 * Exact steady-state expectation of each journey's attainment, or null where the model has none.
 *
 * A journey has one when the part of the model it reaches is binary (full outages only, instant
 * and sure failover, no shedding, impacts 1): its expected attainment is then the probability
 * that its entry is up with every process up independently with its steady-state availability.
 * That probability is computed exactly on a decision diagram, so shared dependencies and shared
 * events count once. A journey whose diagram would exceed `nodeLimit` nodes (default 2,000,000,
 * roughly 100 MB) also gets null: its exact value would cost too much memory.
 */
export function analyticAttainment(
  model: Model,
  nodeLimit = DEFAULT_NODE_LIMIT,
): (number | null)[] {
  return model.journeys.map((journey, j) => {
    const reached = reachedComponents(model, journey.entry);
    if (!isBinary(model, j, reached)) return null;

    try {
      const { bdd, root, up } = structureDiagram(model, j, reached, new Bdd(nodeLimit));
      return bdd.probability(root, up);
    } catch (error) {
      if (error instanceof BddLimitError) return null;
      throw error;
    }
  });
}
