import type { Source } from '../schema/source';
import { labelSources } from './sources-labels';
import { lactationAndMonitoringSources } from './sources-lactation-monitoring';
import { literatureSources } from './sources-literature';
import { outcomeSources } from './sources-outcomes';
import { terminologySources } from './sources-terminology';

/** Every source cited anywhere in the knowledge base. */
export const sources: readonly Source[] = [
  ...terminologySources,
  ...labelSources,
  ...literatureSources,
  ...lactationAndMonitoringSources,
  ...outcomeSources,
];
