/** Cost estimates: a consult, a course of infusions, nasal-spray supply, Good Faith Estimates. */
export { estimateCourse } from './estimate-course';
export { estimateNasalSpray } from './nasal-spray';
export {
  goodFaithEstimate,
  DISPUTE_THRESHOLD_CENTS,
  type GoodFaithEstimate,
  type GoodFaithEstimateInput,
  type GoodFaithEstimateItem,
} from './good-faith-estimate';
export { toCents, formatMoney, formatMoneyRange, type CentsRange } from './money';
export type {
  CountRange,
  CourseEstimate,
  EstimateInput,
  EstimateLine,
  NasalSprayEstimate,
  SourcedPriceRange,
  UnitPrice,
} from './types';
