import { describe, expect, test } from 'vitest';
import { knowledgeBase, sealKnowledgeBase } from '../knowledge/default-knowledge-base';
import { PROTOCOL_IDS, type ProtocolId } from '../knowledge/ids';
import type { DoseGuardrails } from '../knowledge/schema/guardrails';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { validateDosingProtocol } from './compile-protocol';
import { calculateDose, doseToJson, type DoseLimitJson } from './dose-request';
import { dosingProtocolFor } from './from-knowledge';

/**
 * 0.5 mg/kg × 80 kg = 40 mg of the 100 mg/mL vial = 0.4 mL, added to a tiny bag:
 * 0.3 mL → 40 ÷ 0.7 = 57.1429 mg/mL; 0.5 mL → 40 ÷ 0.9 = 44.4444; 0.9 mL → 40 ÷ 1.3 = 30.7692.
 */
function limits(kb: KnowledgeBase, bagMl: number, location?: string): DoseLimitJson[] {
  const r = calculateDose(kb, {
    ...(location === undefined ? {} : { location }),
    indication: 'depression',
    weight: { value: 80, unit: 'kg' },
    concentration: { value: 100, unit: 'mg/mL' },
    bagVolume: { value: bagMl, unit: 'mL' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...doseToJson(r.value).limits].filter((l) => l.field === 'finalConcentrationMgPerMl');
}

function withClinicMax(max: number, downtownMax?: number): KnowledgeBase {
  const r = applyClinicSettings(knowledgeBase, {
    guardrails: { depression: { finalConcentrationMgPerMl: { hard: { max } } } },
    ...(downtownMax === undefined
      ? {}
      : {
          locations: {
            downtown: {
              guardrails: {
                depression: { finalConcentrationMgPerMl: { hard: { max: downtownMax } } },
              },
            },
          },
        }),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A knowledge base whose own hard concentration maximum is 40 mg/mL for every protocol. */
function withKnowledgeBaseMax(max: number): KnowledgeBase {
  const { knowledgeVersion: _version, ...content } = knowledgeBase;
  const guardrails = {} as Record<ProtocolId, DoseGuardrails>;
  for (const id of PROTOCOL_IDS) {
    const g = knowledgeBase.doseGuardrails[id];
    guardrails[id] = {
      ...g,
      finalConcentrationMgPerMl: { ...g.finalConcentrationMgPerMl, hard: { max } },
    };
  }
  return sealKnowledgeBase({ ...content, doseGuardrails: guardrails });
}

const undiluted = (l: DoseLimitJson[]) => l.find((x) => x.code === 'DOSE.UNDILUTED_100_MG_PER_ML');

describe("the undiluted-vial limit is the knowledge base's hard concentration maximum", () => {
  test('built-in base: above 50 mg/mL both the guardrail and the undiluted limit block', () => {
    const found = limits(knowledgeBase, 0.3);
    expect(found.map((l) => [l.code, l.limit.value])).toEqual([
      ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 50],
      ['DOSE.UNDILUTED_100_MG_PER_ML', 50],
    ]);
    expect(undiluted(found)?.message).toBe(
      "Final concentration 57.1429 mg/mL is above 50 mg/mL, the knowledge base's limit for IV use: 100 mg/mL ketamine must never be given IV undiluted (dilute with at least an equal volume) [S01][S05]",
    );
  });

  test('a knowledge base with a 40 mg/mL maximum blocks 44.4 mg/mL as undiluted, at 40', () => {
    const found = limits(withKnowledgeBaseMax(40), 0.5);
    expect(found.map((l) => [l.code, l.limit.value])).toEqual([
      ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 40],
      ['DOSE.UNDILUTED_100_MG_PER_ML', 40],
    ]);
    expect(undiluted(found)?.message).toContain('is above 40 mg/mL');
  });

  test("a location's own maximum blocks as its setting; the undiluted limit stays at 50", () => {
    const found = limits(withClinicMax(40, 30), 0.3, 'downtown');
    expect(found.map((l) => [l.code, l.limit.value, l.basis])).toEqual([
      ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 30, 'clinic-setting'],
      ['DOSE.UNDILUTED_100_MG_PER_ML', 50, 'knowledge-base'],
    ]);
    expect(found[0]?.message).toContain('a setting for this location');
  });

  test('a clinic maximum below it blocks as a clinic setting, not as an undiluted vial', () => {
    const found = limits(withClinicMax(20), 0.9);
    expect(found.map((l) => [l.code, l.limit.value, l.basis])).toEqual([
      ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 20, 'clinic-setting'],
    ]);
    expect(found[0]?.message).toContain('a clinic setting');
    // Above the knowledge base's 50 mg/mL the undiluted limit still names 50.
    expect(undiluted(limits(withClinicMax(20), 0.3))?.limit.value).toBe(50);
  });

  test('a protocol without a hard concentration maximum, or one at 100 mg/mL, is refused', () => {
    const base = dosingProtocolFor(knowledgeBase, 'depression');
    const path = 'protocol.guardrails.finalConcentrationMgPerMl.hard.max';
    for (const hard of [{}, { max: 100 }]) {
      const protocol = {
        ...base,
        guardrails: {
          ...base.guardrails,
          finalConcentrationMgPerMl: { soft: { max: 2 }, hard },
        },
      };
      expect(validateDosingProtocol(protocol).map((p) => [p.code, p.path])).toEqual([
        ['DOSE.INVALID_PROTOCOL', path],
      ]);
    }
  });
});
