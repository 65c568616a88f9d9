/**
 * The infusion arithmetic written out independently of the app (issue 3), from the knowledge
 * base's protocol and the clinic's preparation settings, to check the numbers the page shows:
 *
 *   dose          = mg/kg × weight                              shown to 0.01 mg
 *   drug volume   = dose ÷ vial mg/mL      → half up to the measurable increment
 *   total volume  = bag + drug volume       (the drug is added to the bag)
 *   concentration = (drug volume × vial mg/mL) ÷ total volume    shown to 0.0001 mg/mL
 *   pump rate     = total volume ÷ minutes × 60 → half up to the pump increment
 *   dose rate     = mg/kg ÷ minutes × 60                         shown to 0.0001 mg/kg/h
 *
 * Integers (BigInt) throughout, so the expectation has no floating-point drift either.
 */

export interface InfusionCase {
  weightKg: number;
  doseMgPerKg: number;
  durationMin: number;
  vialMgPerMl: number;
  bagMl: number;
  volumeIncrementMl: number;
  rateIncrementMlPerHour: number;
}

export interface InfusionExpectation {
  dose: string;
  drugVolume: string;
  totalVolume: string;
  concentration: string;
  rate: string;
  duration: string;
  doseRate: string;
}

/** `value` × 10^digits as an exact integer (the inputs have at most `digits` decimals). */
function scaled(value: number, digits: number): bigint {
  const [whole = '0', fraction = ''] = String(value).split('.');
  if (fraction.length > digits)
    throw new Error(`${String(value)} has more than ${digits} decimals`);
  return BigInt(whole + fraction.padEnd(digits, '0'));
}

/** n ÷ d rounded half up (n, d > 0). */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** An integer count of 10^-digits as the shortest decimal text: 342000 (4) -> "34.2". */
function decimal(count: bigint, digits: number): string {
  const text = count.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

export function expectInfusion(c: InfusionCase): InfusionExpectation {
  const grams = scaled(c.weightKg, 3);
  const perKg4 = scaled(c.doseMgPerKg, 4);
  const dose7 = perKg4 * grams; // 10^-7 mg
  const vial = BigInt(c.vialMgPerMl);
  const minutes = scaled(c.durationMin, 3); // 10^-3 min
  // Drug volume in 10^-4 mL: dose7 / (vial × 10^3), to a whole number of increments.
  const inc4 = scaled(c.volumeIncrementMl, 4);
  const volume4 = divideHalfUp(dose7, vial * 1000n * inc4) * inc4;
  const total4 = scaled(c.bagMl, 4) + volume4;
  const drawn4 = volume4 * vial; // 10^-4 mg
  // Rate in 10^-4 mL/h: total4 × 60 / minutes, to a whole number of pump increments.
  const rateInc4 = scaled(c.rateIncrementMlPerHour, 4);
  const rate4 = divideHalfUp(total4 * 60n * 1000n, minutes * rateInc4) * rateInc4;
  return {
    dose: `${decimal(divideHalfUp(dose7, 100_000n), 2)} mg`,
    drugVolume: `${decimal(volume4, 4)} mL`,
    totalVolume: `${decimal(total4, 4)} mL`,
    concentration: `${decimal(divideHalfUp(drawn4 * 10_000n, total4), 4)} mg/mL`,
    rate: `${decimal(rate4, 4)} mL/h`,
    duration: `${decimal(minutes, 3)} min`,
    doseRate: `${decimal(divideHalfUp(perKg4 * 60n * 1000n, minutes), 4)} mg/kg/h`,
  };
}
