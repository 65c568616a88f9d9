/**
 * Ceilings no protocol or clinic setting may cross. Checked by `validateKnowledgeBase`, so they
 * hold after clinic overrides too.
 */

/** Ketalar IV push must not exceed 0.5 mg/kg/min [S07], i.e. 30 mg/kg/h. */
export const ABSOLUTE_MAX_RATE_MG_PER_KG_PER_HOUR = 30;

/** 100 mg/mL is never given IV undiluted [S01][S05]; hard concentration limits stay below it. */
export const UNDILUTED_IV_FORBIDDEN_MG_PER_ML = 100;
