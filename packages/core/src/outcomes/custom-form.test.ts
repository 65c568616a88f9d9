import { describe, expect, test } from 'vitest';
import { customFormCriteria, parseCustomForm } from './custom-form';
import { KETAFLOW_SCORE_SYSTEM, toFhirObservation } from './fhir';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { scoreResponse } from './score-response';

const CRISIS = knowledgeBase.crisisResources.resources;

const yesNo = [
  { score: 0, label: 'No' },
  { score: 1, label: 'Yes' },
];

const form = {
  id: 'sleep-check',
  kind: 'custom',
  name: 'Sleep check',
  shortName: 'Sleep',
  instructions: 'In the past week:',
  items: [
    { id: 'sleep-1', text: 'Did you wake at night?', options: yesNo },
    { id: 'sleep-2', text: 'Did you feel rested?', options: yesNo },
  ],
  bands: [
    { id: 'low', label: 'Low', min: 0, max: 0 },
    { id: 'high', label: 'High', min: 1, max: 2 },
  ],
  criteria: { responsePercent: 50 },
};

describe('parseCustomForm', () => {
  test('accepts a valid form and scores it', () => {
    const parsed = parseCustomForm(form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.wording).toBe('clinic');
    const scored = scoreResponse(parsed.value, { 'sleep-1': 1, 'sleep-2': 1 }, CRISIS);
    expect(scored.ok ? [scored.value.total, scored.value.band?.id] : null).toEqual([2, 'high']);
    expect(customFormCriteria(parsed.value).response.rule).toEqual({
      kind: 'percent-decrease',
      percent: 50,
    });
    expect(customFormCriteria(parsed.value).remission.belowScore).toBeNull();
  });

  test("a custom form's total exports with KetaFlow's own code: it has no LOINC code", () => {
    const parsed = parseCustomForm(form);
    if (!parsed.ok) throw new Error('fixture form refused');
    const scored = scoreResponse(parsed.value, { 'sleep-1': 1, 'sleep-2': 0 }, CRISIS);
    if (!scored.ok) throw new Error('fixture answers refused');
    const obs = toFhirObservation(parsed.value, scored.value, {
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-03-01T09:00:00Z',
    });
    expect(obs.code.coding).toEqual([
      {
        system: KETAFLOW_SCORE_SYSTEM,
        code: `${parsed.value.id}-total`,
        display: 'Sleep total score',
      },
    ]);
    expect(obs.valueInteger).toBe(1);
  });

  test('bands are optional; without criteria, response is not defined', () => {
    const { bands: _b, criteria: _c, ...rest } = form;
    const parsed = parseCustomForm(rest);
    expect(
      parsed.ok ? [parsed.value.bands, customFormCriteria(parsed.value).response.rule] : null,
    ).toEqual([[], null]);
  });

  test.each([
    [
      'duplicate item id',
      { items: [form.items[0], { ...form.items[0], text: 'Again?' }] },
      'items[1].id',
    ],
    [
      'duplicate answer score',
      {
        items: [
          {
            id: 'sleep-1',
            text: 'Q',
            options: [
              { score: 0, label: 'No' },
              { score: 0, label: 'Also no' },
            ],
          },
          form.items[1],
        ],
      },
      'items[0].options[1].score',
    ],
    [
      'a band gap',
      {
        bands: [
          { id: 'low', label: 'Low', min: 0, max: 0 },
          { id: 'high', label: 'High', min: 2, max: 2 },
        ],
      },
      'bands[1].min',
    ],
    [
      'a band overlap',
      {
        bands: [
          { id: 'low', label: 'Low', min: 0, max: 1 },
          { id: 'high', label: 'High', min: 1, max: 2 },
        ],
      },
      'bands[1].min',
    ],
    [
      'bands short of the maximum',
      { bands: [{ id: 'low', label: 'Low', min: 0, max: 1 }] },
      'bands[0].max',
    ],
    [
      'a negative score',
      {
        items: [
          {
            id: 'a',
            text: 'Q',
            options: [
              { score: -1, label: 'x' },
              { score: 1, label: 'y' },
            ],
          },
        ],
      },
      'items[0].options[0].score',
    ],
    [
      'one answer only',
      { items: [{ id: 'a', text: 'Q', options: [{ score: 0, label: 'x' }] }] },
      'items[0].options',
    ],
    ['an empty question', { items: [{ id: 'a', text: ' ', options: yesNo }] }, 'items[0].text'],
    ['a bad item id', { items: [{ id: 'Item 1', text: 'Q', options: yesNo }] }, 'items[0].id'],
    ['an unknown key', { colour: 'blue' }, 'colour'],
    ['a kind other than custom', { kind: 'standard' }, 'kind'],
  ])('refuses %s with its path', (_name, change, path) => {
    const parsed = parseCustomForm({ ...form, ...change });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((p) => p.path)).toContain(path);
    expect(parsed.error.every((p) => p.code.startsWith('OUTCOME.FORM.'))).toBe(true);
  });

  test('reports every problem at once', () => {
    const parsed = parseCustomForm({ ...form, name: '', items: [] });
    expect(parsed.ok ? [] : parsed.error.map((p) => p.path).sort()).toEqual(['items', 'name']);
  });
});
