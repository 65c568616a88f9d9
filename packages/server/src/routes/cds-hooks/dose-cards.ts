/**
 * The dose check of a draft ketamine or esketamine order: the ordered dose run through core's dose
 * calculation with the clinic's knowledge base, and a card when it is outside the protocol or
 * label, or when it could not be checked (never nothing for a dose KetaFlow did not check).
 */
import { randomUUID } from 'node:crypto';
import {
  calculateDose,
  clinicSetBound,
  clinicSettingText,
  dosingProtocolFor,
  getNasalSprayDevice,
  limitToJson,
  type IndicationId,
  type KnowledgeBase,
  type LimitFinding,
} from '@ketaflow/core';
import {
  clip,
  DOSE_RULE,
  DOSE_UNCHECKED_RULE,
  OVERRIDE_REASONS,
  RULE_SYSTEM,
  type Card,
} from './card-types';
import { readOrderedDose, type DraftMedicationOrder } from './draft-orders';

type Json = Record<string, unknown>;

/** A recorded weight fit to dose by: positive, dated, not after now. */
export interface DosingWeight {
  readonly valueKg: number;
  /** ISO date or instant with offset. */
  readonly date: string;
}

export interface DoseCheckContext {
  readonly kb: KnowledgeBase;
  readonly indication: IndicationId;
  /** The clock's now (ISO instant): the weight-age check runs against it. */
  readonly asOf: string;
  readonly publicUrl: string;
  /** On order-select the order is still being written: a dose not yet given is not flagged. */
  readonly hook: 'order-select' | 'order-sign';
}

function sourcesLine(kb: KnowledgeBase, ids: readonly string[]): string {
  const titles = ids
    .map((id) => kb.sources.find((s) => s.id === id))
    .filter((s) => s !== undefined)
    .map((s) => `${s.title} [${s.id}]`);
  return titles.length > 0 ? `**Sources:** ${titles.join('; ')}` : '';
}

function doseCard(
  ctx: DoseCheckContext,
  code: string,
  indicator: Card['indicator'],
  summary: string,
  details: readonly string[],
  extra: Pick<Card, 'suggestions' | 'selectionBehavior' | 'extension'> = {},
): Card {
  return {
    uuid: randomUUID(),
    summary: clip(summary, 140),
    detail: details.filter((d) => d !== '').join('\n\n'),
    indicator,
    source: {
      label: 'KetaFlow dosing protocol',
      url: `${ctx.publicUrl}/learn/ketamine-therapy`,
      topic: {
        system: RULE_SYSTEM,
        code,
        display: code === DOSE_RULE ? 'dose' : 'dose not checked',
      },
    },
    ...extra,
    overrideReasons: OVERRIDE_REASONS,
  };
}

/** The card extension that lists a dose card's limits as JSON (CDS Hooks 2.0 extensions). */
export const DOSE_LIMITS_EXTENSION = 'org.ketaflow.dose-limits';

/**
 * The limits a card reports, as the dose API gives them: a client can tell from `basis` and
 * `clinicSetting` which are the clinic's settings without reading the Markdown.
 */
function limitsExtension(limits: readonly LimitFinding[]): Pick<Card, 'extension'> {
  return limits.length === 0
    ? {}
    : { extension: { [DOSE_LIMITS_EXTENSION]: limits.map(limitToJson) } };
}

/** The limits hit, as one Markdown list (a detail paragraph). */
function limitLines(limits: readonly LimitFinding[]): string[] {
  if (limits.length === 0) return [];
  return [
    limits.map((l) => `- ${l.level === 'hard' ? '**Hard limit:** ' : ''}${l.message}`).join('\n'),
  ];
}

/** The order with the protocol dose in place of its own, and no free text that contradicts it. */
function withDose(order: Json, mg: number): Json {
  const updated = structuredClone(order);
  const dosage = (updated.dosageInstruction as Json[])[0] as Json;
  dosage.doseAndRate = [
    { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  ];
  // The old text ("500 mg IV") would contradict the new dose.
  delete dosage.text;
  return updated;
}

function ivDoseCard(
  order: Json,
  weight: DosingWeight | undefined,
  ctx: DoseCheckContext,
): Card | undefined {
  const dose = readOrderedDose(order);
  if (!dose.ok && dose.absent === true && ctx.hook === 'order-select') return undefined;
  if (!dose.ok)
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      'warning',
      `Ketamine dose could not be checked (${dose.reason})`,
      ['KetaFlow checks doses given in mg, g, ug/mcg or mg/kg. Check this dose by hand.'],
    );
  const doseText = `${String(dose.value)} ${dose.unit}`;
  const guardrails = dosingProtocolFor(ctx.kb, ctx.indication).guardrails;
  const sources = sourcesLine(ctx.kb, guardrails.sources);
  if (weight === undefined) {
    // The hard total is a backstop for unit errors and needs no weight.
    const hardTotal = guardrails.totalDoseMg.hard.max;
    if (dose.unit === 'mg' && hardTotal !== undefined && dose.value > hardTotal) {
      // Say when the limit is the clinic's own choice, with the knowledge base's value.
      const set = clinicSetBound(guardrails, { field: 'totalDoseMg', level: 'hard', side: 'max' });
      const whose = set === undefined ? '' : clinicSettingText({ clinicSetting: set }, 'mg');
      return doseCard(
        ctx,
        DOSE_RULE,
        'critical',
        `Ketamine ${doseText} is above the hard total-dose limit of ${String(hardTotal)} mg`,
        [
          ...(whose === '' ? [] : [`The hard total-dose limit${whose}.`]),
          'No usable weight is on record (dated, positive, not in the future), so the dose per kg was not checked either.',
          sources,
        ],
      );
    }
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      'warning',
      `Ketamine ${doseText} not checked: no usable weight on record`,
      [
        'The dose per kg needs a recorded weight that is dated, positive and not in the future. Weigh the patient and check the dose.',
      ],
    );
  }
  const base = {
    product: 'ketamine-iv',
    indication: ctx.indication,
    weight: { value: weight.valueKg, unit: 'kg', measuredOn: weight.date },
    asOf: ctx.asOf,
  };
  const weightText = `${String(weight.valueKg)} kg (${weight.date.slice(0, 10)})`;
  const ordered = calculateDose(ctx.kb, { ...base, dose: { value: dose.value, unit: dose.unit } });
  if (!ordered.ok)
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      'warning',
      `Ketamine ${doseText} could not be checked: ${ordered.error[0]?.message ?? 'invalid input'}`,
      [ordered.error.map((p) => `- ${p.message}`).join('\n'), sources],
    );
  const orderedLimits = ordered.value.calculation.limits;
  if (orderedLimits.length === 0) return undefined;
  const standard = calculateDose(ctx.kb, base);
  const standardLimits =
    standard.ok && standard.value.product === 'ketamine-iv'
      ? standard.value.calculation.limits
      : undefined;
  const hard = [...orderedLimits, ...(standardLimits ?? [])].some((l) => l.level === 'hard');
  if (
    !standard.ok ||
    standard.value.product !== 'ketamine-iv' ||
    standardLimits === undefined ||
    standardLimits.length > 0
  ) {
    // The protocol dose for this weight is itself blocked or flagged (a weight outside the hard
    // range, a stale weight): no dose can be suggested, and the ordered one was not checked.
    const why = standardLimits?.find((l) => l.level === 'hard') ?? standardLimits?.[0];
    const extra = orderedLimits.filter((l) => !standardLimits?.some((s) => s.code === l.code));
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      hard ? 'critical' : 'warning',
      `Ketamine ${doseText} could not be checked: ${why?.message ?? `no protocol dose for ${weightText}`}`,
      [
        `Weight used: ${weightText}.`,
        ...limitLines(standardLimits ?? []),
        ...limitLines(extra),
        sources,
      ],
      limitsExtension([...(standardLimits ?? []), ...extra]),
    );
  }
  const calc = standard.value.calculation;
  const suggestedMg = calc.dose.value;
  return doseCard(
    ctx,
    DOSE_RULE,
    hard ? 'critical' : 'warning',
    `Ketamine ${doseText} is outside the protocol for ${String(weight.valueKg)} kg; protocol dose ${String(suggestedMg)} mg`,
    [
      `The ${ctx.indication} protocol gives ${String(calc.dosePerKg.value)} mg/kg for a dosing weight of ${String(calc.dosingWeight.value)} kg (${calc.dosingWeight.basis}), weighed ${weight.date.slice(0, 10)}.`,
      ...limitLines(orderedLimits),
      sources,
    ],
    {
      suggestions: [
        {
          label: `Order ${String(suggestedMg)} mg (protocol dose for ${String(weight.valueKg)} kg)`,
          uuid: randomUUID(),
          isRecommended: true,
          actions: [
            {
              type: 'update',
              description: `Set the dose to ${String(suggestedMg)} mg`,
              resource: withDose(order, suggestedMg),
            },
          ],
        },
      ],
      selectionBehavior: 'at-most-one',
      ...limitsExtension(orderedLimits),
    },
  );
}

function nasalDoseCard(order: Json, ctx: DoseCheckContext): Card | undefined {
  const device = getNasalSprayDevice(ctx.kb);
  const dose = readOrderedDose(order);
  if (!dose.ok && dose.absent === true && ctx.hook === 'order-select') return undefined;
  const reason = !dose.ok ? dose.reason : dose.unit !== 'mg' ? `unit ${dose.unit}` : undefined;
  if (!dose.ok || reason !== undefined)
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      'warning',
      `Esketamine dose could not be checked (${reason ?? 'unreadable dose'})`,
      [
        `Esketamine nasal doses are whole ${String(device.mgPerDevice)} mg devices, given in mg. Check this dose by hand.`,
      ],
    );
  // The sources of the labeled maximum per session, which core's nasal check applies.
  const sources = sourcesLine(ctx.kb, device.maxDosePerSession.sources);
  const checked = calculateDose(ctx.kb, {
    product: 'esketamine-nasal',
    dose: { value: dose.value, unit: 'mg' },
  });
  if (!checked.ok)
    return doseCard(
      ctx,
      DOSE_UNCHECKED_RULE,
      'warning',
      `Esketamine ${String(dose.value)} mg could not be checked: ${checked.error[0]?.message ?? 'invalid dose'}`,
      [checked.error.map((p) => `- ${p.message}`).join('\n'), sources],
    );
  const limits = checked.value.calculation.limits;
  if (limits.length === 0) return undefined;
  const hard = limits.some((l) => l.level === 'hard');
  return doseCard(
    ctx,
    DOSE_RULE,
    hard ? 'critical' : 'warning',
    limits[0]?.message ?? `Esketamine ${String(dose.value)} mg is outside the label`,
    [...limitLines(limits), sources],
    limitsExtension(limits),
  );
}

/** The dose card of one draft order, if any (ketamine IV needs `weight` for its per-kg check). */
export function orderDoseCard(
  order: DraftMedicationOrder,
  weight: DosingWeight | undefined,
  ctx: DoseCheckContext,
): Card | undefined {
  return order.product === 'ketamine-iv'
    ? ivDoseCard(order.resource, weight, ctx)
    : nasalDoseCard(order.resource, ctx);
}
