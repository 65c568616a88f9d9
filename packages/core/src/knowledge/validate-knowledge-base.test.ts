import { describe, expect, test } from 'vitest';
import { citedSourceIds } from './checks/source-references';
import { knowledgeBase } from './default-knowledge-base';
import { INDICATION_IDS } from './ids';
import { computeKnowledgeVersion, type KnowledgeContent } from './knowledge-version';
import type { KnowledgeBase } from './schema/knowledge-base';
import { validateKnowledgeBase } from './validate-knowledge-base';

/** A variant of the built-in base with a fresh version stamp, so only the intended fault shows. */
function variant(change: (kb: KnowledgeBase) => KnowledgeContent): KnowledgeBase {
  const content = change(knowledgeBase);
  return { ...content, knowledgeVersion: computeKnowledgeVersion(content) };
}

describe('validateKnowledgeBase on the built-in base', () => {
  test('finds no problem', () => {
    expect(validateKnowledgeBase(knowledgeBase)).toEqual([]);
  });

  test('every cited source id resolves, and every listed source is cited', () => {
    const listed = new Set(knowledgeBase.sources.map((s) => s.id));
    const cited = citedSourceIds(knowledgeBase);
    expect([...cited].filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !cited.has(id))).toEqual([]);
  });

  test.each(INDICATION_IDS)(
    '%s has an indication, a protocol, guardrails and alternatives',
    (id) => {
      expect(knowledgeBase.indications.filter((i) => i.id === id)).toHaveLength(1);
      expect(knowledgeBase.protocols[id].indicationId).toBe(id);
      expect(knowledgeBase.doseGuardrails[id].sources.length).toBeGreaterThan(0);
      expect(knowledgeBase.alternatives[id].medications.length).toBeGreaterThan(0);
    },
  );

  test('codes are unique across contraindications, interactions and pregnancy guidance', () => {
    const codes = [
      ...knowledgeBase.contraindications,
      ...knowledgeBase.interactions,
      ...knowledgeBase.pregnancyAndLactation,
    ].map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('the built-in base is frozen', () => {
    expect(Object.isFrozen(knowledgeBase.protocols.depression.doseMgPerKg)).toBe(true);
  });

  test('every summary fits the 140-character card limit', () => {
    const summaries = [
      ...knowledgeBase.contraindications,
      ...knowledgeBase.interactions,
      ...knowledgeBase.pregnancyAndLactation,
    ].map((e) => e.summary.length);
    expect(Math.max(...summaries)).toBeLessThanOrEqual(140);
  });
});

describe('validateKnowledgeBase finds faults', () => {
  const cases: readonly [string, unknown, string, string][] = [
    [
      'an unknown source id',
      variant((kb) => ({ ...kb, sources: kb.sources.filter((s) => s.id !== 'S45') })),
      'KB.UNKNOWN_SOURCE',
      'doseGuardrails.depression.sources[1]',
    ],
    [
      'a duplicated code',
      variant((kb) => ({
        ...kb,
        interactions: kb.interactions.map((i, n) =>
          n === 1 ? { ...i, code: 'IX.BENZODIAZEPINES' } : i,
        ),
      })),
      'KB.DUPLICATE_CODE',
      'interactions[1].code',
    ],
    [
      'a default outside its range',
      variant((kb) => ({
        ...kb,
        protocols: {
          ...kb.protocols,
          ocd: { ...kb.protocols.ocd, doseMgPerKg: { min: 0.5, max: 0.5, default: 0.7 } },
        },
      })),
      'KB.RANGE_INVALID',
      'protocols.ocd.doseMgPerKg',
    ],
    [
      'a hard rate above the Ketalar push ceiling',
      variant((kb) => ({
        ...kb,
        doseGuardrails: {
          ...kb.doseGuardrails,
          migraine: {
            ...kb.doseGuardrails.migraine,
            doseRateMgPerKgPerHour: { soft: {}, hard: { max: 31 } },
          },
        },
      })),
      'KB.GUARDRAIL_UNSAFE',
      'doseGuardrails.migraine.doseRateMgPerKgPerHour.hard.max',
    ],
    [
      'a hard concentration that lets 100 mg/mL run undiluted',
      variant((kb) => ({
        ...kb,
        doseGuardrails: {
          ...kb.doseGuardrails,
          ptsd: {
            ...kb.doseGuardrails.ptsd,
            finalConcentrationMgPerMl: { soft: { max: 2 }, hard: { max: 100 } },
          },
        },
      })),
      'KB.GUARDRAIL_UNSAFE',
      'doseGuardrails.ptsd.finalConcentrationMgPerMl.hard.max',
    ],
    [
      'a soft limit outside its hard limit',
      variant((kb) => ({
        ...kb,
        doseGuardrails: {
          ...kb.doseGuardrails,
          anxiety: {
            ...kb.doseGuardrails.anxiety,
            doseMgPerKg: { soft: { min: 0.5, max: 1.2 }, hard: { max: 1 } },
          },
        },
      })),
      'KB.SOFT_OUTSIDE_HARD',
      'doseGuardrails.anxiety.doseMgPerKg.soft.max',
    ],
    [
      'alternatives filed under the wrong indication',
      variant((kb) => ({ ...kb, alternatives: { ...kb.alternatives, ocd: kb.alternatives.ptsd } })),
      'KB.KEY_MISMATCH',
      'alternatives.ocd.indicationId',
    ],
    [
      'a stale version stamp',
      { ...knowledgeBase, costs: { ...knowledgeBase.costs, consultPrice: 100 } },
      'KB.VERSION_MISMATCH',
      'knowledgeVersion',
    ],
    [
      'a summary over 140 characters',
      variant((kb) => ({
        ...kb,
        contraindications: kb.contraindications.map((c, n) =>
          n === 0 ? { ...c, summary: 'x'.repeat(141) } : c,
        ),
      })),
      'KB.INVALID_VALUE',
      'contraindications[0].summary',
    ],
    ['an unknown top-level key', { ...knowledgeBase, extra: true }, 'KB.UNKNOWN_KEY', 'extra'],
  ];

  test.each(cases)('%s', (_what, kb, code, path) => {
    expect(validateKnowledgeBase(kb)).toContainEqual(expect.objectContaining({ code, path }));
  });
});
