import type { DoseJson, DoseProduct, SoftLimitOverride, WeightBasis } from '@ketaflow/core';

/** What `POST /api/patients/:id/dose-calculations` takes: weight, height and sex come from the record. */
export interface NewDoseCalculation {
  indication: string;
  product?: DoseProduct;
  dose?: { value: number; unit: 'mg/kg' | 'mg' };
  duration?: { value: number; unit: 'min' | 'h' };
  concentration?: { value: number; unit: 'mg/mL' };
  bagVolume?: { value: number; unit: 'mL' };
  bagMode?: 'add-to-bag' | 'withdraw-equal-volume';
  weightBasis?: WeightBasis;
  location?: string;
  overrides?: SoftLimitOverride[];
}

/** A calculation the server recomputed, stored and audited. */
export interface SavedDoseCalculation {
  id: string;
  patientId: string;
  /** Why it was stored: a plain calculation now; orders and charting later. */
  purpose: string;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  knowledgeVersion: string;
  request: Record<string, unknown>;
  result: DoseJson;
  weightUsed: { valueKg: number; measuredOn: string } | null;
  location: string | null;
}

export interface DoseCalculationList {
  items: SavedDoseCalculation[];
}
