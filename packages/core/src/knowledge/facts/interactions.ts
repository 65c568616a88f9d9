import type { Interaction } from '../schema/interaction';
import { labelInteractions } from './interactions-label';
import { seedInteractions } from './interactions-seed';

/** Seed classes first, in the seed's order, then the labels' own. */
export const interactions: readonly Interaction[] = [...seedInteractions, ...labelInteractions];
