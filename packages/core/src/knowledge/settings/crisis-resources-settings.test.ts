import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../default-knowledge-base';
import { findSource } from '../queries';
import { applyClinicSettings } from './apply-clinic-settings';

const UK = [
  { name: 'Samaritans', contact: '116 123', reach: 'call', emergency: false },
  { name: 'Shout', contact: '85258', reach: 'text', emergency: false },
  { name: 'Emergency services', contact: '999', reach: 'call', emergency: true },
] as const;

function problemsOf(settings: unknown) {
  const result = applyClinicSettings(knowledgeBase, settings);
  return result.ok ? [] : result.error.map((p) => [p.path, p.message]);
}

describe('crisis resources setting', () => {
  test('the default is the US lines, 988 (call or text) and 911 (emergency), with sources', () => {
    expect(knowledgeBase.crisisResources.resources).toEqual([
      {
        name: '988 Suicide & Crisis Lifeline',
        contact: '988',
        reach: 'call-or-text',
        emergency: false,
      },
      { name: 'Emergency services', contact: '911', reach: 'call', emergency: true },
    ]);
    expect(knowledgeBase.crisisResources.basis).toBe('clinic-setting');
    expect(knowledgeBase.crisisResources.sources.length).toBeGreaterThan(0);
    for (const id of knowledgeBase.crisisResources.sources)
      expect(findSource(id, knowledgeBase)?.url).toMatch(/^https:\/\//);
  });

  test("a clinic's own list replaces the default, changes the version and is noted as overrides", () => {
    const result = applyClinicSettings(knowledgeBase, { crisisResources: UK });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.crisisResources.resources).toEqual(UK);
    expect(result.value.crisisResources.sources).toEqual([]);
    expect(result.value.knowledgeVersion).not.toBe(knowledgeBase.knowledgeVersion);
    expect(result.value.overrides).toContainEqual({
      path: 'crisisResources[0].contact',
      target: 'crisisResources.resources[0].contact',
      from: '988',
      to: '116 123',
    });
    expect(result.value.overrides).toContainEqual({
      path: 'crisisResources[2].emergency',
      target: 'crisisResources.resources[2].emergency',
      from: null,
      to: true,
    });
  });

  test('setting the default list again changes nothing', () => {
    const result = applyClinicSettings(knowledgeBase, {
      crisisResources: knowledgeBase.crisisResources.resources,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.knowledgeVersion).toBe(knowledgeBase.knowledgeVersion);
    expect(result.value.overrides).toEqual([]);
  });

  test.each([
    ['an empty list', [], 'crisisResources', /at least one/],
    ['a list without the emergency number', [UK[0], UK[1]], 'crisisResources', /emergency number/],
    ['an empty name', [{ ...UK[0], name: '  ' }, UK[2]], 'crisisResources[0].name', /./],
    [
      'a name that is too long',
      [{ ...UK[0], name: 'x'.repeat(101) }, UK[2]],
      'crisisResources[0].name',
      /100/,
    ],
    ['an empty number', [UK[0], { ...UK[2], contact: '' }], 'crisisResources[1].contact', /./],
    [
      'a number that cannot be dialled',
      [{ ...UK[0], contact: 'call us' }, UK[2]],
      'crisisResources[0].contact',
      /as dialled/,
    ],
    [
      'a number that is too long',
      [{ ...UK[0], contact: '1'.repeat(31) }, UK[2]],
      'crisisResources[0].contact',
      /30/,
    ],
    [
      'an unknown way to reach it',
      [{ ...UK[0], reach: 'fax' }, UK[2]],
      'crisisResources[0].reach',
      /./,
    ],
    [
      'no word on whether it is the emergency number',
      [{ name: 'Samaritans', contact: '116 123', reach: 'call' }, UK[2]],
      'crisisResources[0].emergency',
      /./,
    ],
    [
      'a number listed twice',
      [UK[2], { ...UK[0], contact: '999' }],
      'crisisResources[1].contact',
      /twice/,
    ],
    ['an unknown field', [{ ...UK[2], url: 'https://x' }], 'crisisResources[0].url', /./],
  ])('refuses %s, naming the field', (_name, list, path, message) => {
    const problems = problemsOf({ crisisResources: list });
    expect(problems.map(([p]) => p)).toContain(path);
    expect(problems.find(([p]) => p === path)?.[1]).toMatch(message);
  });

  test('a bad list is reported together with problems elsewhere in the file', () => {
    const problems = problemsOf({
      crisisResources: [{ ...UK[0], contact: 'x' }],
      outcomes: { scaleIntervalDays: 0 },
    });
    expect(problems.map(([p]) => p)).toEqual(
      expect.arrayContaining(['crisisResources[0].contact', 'outcomes.scaleIntervalDays']),
    );
  });
});
