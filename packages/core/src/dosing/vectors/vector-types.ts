/**
 * Shapes of the hand-checked dosing vectors. Expected numbers are written out as data, never
 * computed by the code under test; `arithmetic` is the working a nurse would write on paper.
 */
import type { ProtocolId } from '../../knowledge/ids';
import type { InfusionInput, InfusionSettings, VialConcentrationMgPerMl } from '../types';

/** The quantities every infusion vector checks, in this order, each in the unit named. */
export type ExpectedOutputs = readonly [
  doseMg: number,
  dosePerKgMgPerKg: number,
  drugVolumeMl: number,
  drawnDoseMg: number,
  totalVolumeMl: number,
  concentrationMgPerMl: number,
  rateMlPerHour: number,
  doseRateMgPerKgPerHour: number,
  doseRateMgPerMin: number,
  durationMin: number,
];

/**
 * One cell of the indication × vial × weight matrix: the protocol default dose and duration, a
 * weight in kg (actual basis), the clinic's default preparation (100 mL bag, drug added, 0.01 mL
 * syringe, 0.1 mL/h pump). None of these hits a limit (see infusion-matrix.ts).
 */
export interface MatrixVector {
  readonly given: {
    readonly protocol: ProtocolId;
    readonly weightKg: number;
    readonly vialMgPerMl: VialConcentrationMgPerMl;
  };
  readonly expect: ExpectedOutputs;
  readonly arithmetic: string;
}

/** A vector with any input, settings changed from the clinic default, and its limits. */
export interface SpecialVector {
  readonly name: string;
  readonly protocol: ProtocolId;
  readonly input: Omit<InfusionInput, 'protocol' | 'settings'>;
  /** Changes to the knowledge base's default infusion preparation. */
  readonly settings?: Partial<InfusionSettings>;
  readonly expect: ExpectedOutputs;
  readonly weightsKg: readonly [dosingKg: number, actualKg: number];
  /** Limit codes in the order the calculation reports them. */
  readonly limits: readonly string[];
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
  readonly arithmetic: string;
}

/** An esketamine nasal dose and its devices, or the problem code when it is refused. */
export type NasalVector =
  | {
      readonly doseMg: number;
      readonly devices: number;
      readonly blocked: boolean;
      readonly arithmetic: string;
    }
  | { readonly doseMg: number; readonly problem: string; readonly arithmetic: string };
