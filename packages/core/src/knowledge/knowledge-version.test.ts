import { describe, expect, test } from 'vitest';
import { computeKnowledgeVersion, type KnowledgeContent } from './knowledge-version';
import { knowledgeBase } from './default-knowledge-base';

const { knowledgeVersion: _stamp, ...content } = knowledgeBase;

describe('computeKnowledgeVersion', () => {
  test('the built-in base carries its own version, in the kb-<16 hex> form', () => {
    expect(knowledgeBase.knowledgeVersion).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(computeKnowledgeVersion(knowledgeBase)).toBe(knowledgeBase.knowledgeVersion);
  });

  test('is stable: same content, same version, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as KnowledgeContent;
    expect(computeKnowledgeVersion(reordered)).toBe(computeKnowledgeVersion(content));
    expect(computeKnowledgeVersion(content)).toBe(knowledgeBase.knowledgeVersion);
  });

  const changes: readonly [string, (c: KnowledgeContent) => KnowledgeContent][] = [
    [
      'a protocol default dose',
      (c) => ({
        ...c,
        protocols: {
          ...c.protocols,
          depression: {
            ...c.protocols.depression,
            doseMgPerKg: { min: 0.5, max: 0.5, default: 0.51 },
          },
        },
      }),
    ],
    [
      'a guardrail number',
      (c) => ({
        ...c,
        doseGuardrails: {
          ...c.doseGuardrails,
          migraine: { ...c.doseGuardrails.migraine, weightMaxAgeDays: 31 },
        },
      }),
    ],
    [
      'the nasal-spray price',
      (c) => ({
        ...c,
        costs: {
          ...c.costs,
          nasalSpray30DaySupply: { ...c.costs.nasalSpray30DaySupply, max: 901 },
        },
      }),
    ],
    [
      'a severity',
      (c) => ({
        ...c,
        interactions: c.interactions.map((i, n) =>
          n === 0 ? { ...i, severity: 'info' as const } : i,
        ),
      }),
    ],
    [
      'an override entry',
      (c) => ({
        ...c,
        overrides: [{ path: 'clinicName', target: 'clinic.name', from: null, to: 'X' }],
      }),
    ],
    [
      'a source title',
      (c) => ({
        ...c,
        sources: c.sources.map((s, n) => (n === 0 ? { ...s, title: `${s.title}.` } : s)),
      }),
    ],
  ];

  test.each(changes)('changes when %s changes', (_what, change) => {
    expect(computeKnowledgeVersion(change(content))).not.toBe(knowledgeBase.knowledgeVersion);
  });
});
