import type { QueryPlan } from '../../shared/search/query-plan.ts';

/** How one word of a plain query is searched, as MiniSearch's `termToQuerySpec` reads the plan. */
export interface WordSpec {
  term: string;
  /** Its completions count too (the word being typed). */
  prefix: boolean;
  /** Terms this many edits away count too; 0 for none. */
  maxDistance: number;
}

/**
 * Each word of a planned query with what it reaches, worked out from the plan's options exactly
 * as MiniSearch does it (`executeQuerySpec`): a fractional `fuzzy` is a share of the word's
 * length capped by `maxFuzzy`, a whole one an edit count.
 */
export function wordSpecs({ terms, options }: QueryPlan): WordSpec[] {
  return terms.map((term, i) => {
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true;
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false;
    const share = fuzzy === true ? 0.2 : fuzzy || 0;
    const maxDistance = share < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * share)) : share;
    return { term, prefix, maxDistance };
  });
}
