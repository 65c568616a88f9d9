import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { interactionClassIdsOf, vocabularyClasses } from './classes';
import { dictionary } from './dictionary';
import { boundedEditDistance } from './edit-distance';
import { normalizeMedication, normalizeMedicationText } from './normalize';

function names(text: string): readonly string[] {
  const n = normalizeMedicationText(text);
  return n.status === 'recognized' ? n.ingredients.map((i) => i.name) : [];
}

describe('normalizeMedicationText', () => {
  test.each([
    ['Xanax XR 1 mg tab bid', ['alprazolam'], 'brand'],
    ['ALPRAZOLAM 0.5MG', ['alprazolam'], 'exact'],
    ['Norco 10/325', ['hydrocodone', 'acetaminophen'], 'brand'],
    ['Vicodin', ['hydrocodone', 'acetaminophen'], 'brand'],
    ['Suboxone 8 mg/2 mg film', ['buprenorphine', 'naloxone'], 'brand'],
    ['Fioricet', ['butalbital', 'acetaminophen', 'caffeine'], 'brand'],
    ['Acetaminophen/Hydrocodone', ['acetaminophen', 'hydrocodone'], 'exact'],
    ['Lasix 40mg', ['furosemide'], 'brand'],
    ['HCTZ 25 mg daily', ['hydrochlorothiazide'], 'synonym'],
    ['Levothyroxine Sodium 0.1 MG', ['levothyroxine'], 'exact'],
  ] as const)('%s → %j (%s)', (text, expected, confidence) => {
    const n = normalizeMedicationText(text);
    expect(n.status === 'recognized' && n.confidence).toBe(confidence);
    expect(names(text)).toEqual(expected);
  });

  test.each([
    ['setraline', 'sertraline', 1],
    ['alprazolan', 'alprazolam', 1],
    ['klonopine', 'clonazepam', 1],
    ['Simvistatin 10 MG', 'simvastatin', 1],
    ['venlafaxin', 'venlafaxine', 1],
    ['tramdaol', 'tramadol', 1],
    ['hydrocodoen', 'hydrocodone', 1],
    ['methylphenidat', 'methylphenidate', 1],
  ])('misspelling %s → %s at distance %d', (text, expected, distance) => {
    const n = normalizeMedicationText(text);
    expect(n.status === 'recognized' && n.confidence).toBe('fuzzy');
    expect(n.status === 'recognized' && n.distance).toBe(distance);
    expect(names(text)).toContain(expected);
  });

  test.each(['Zorbanex', 'xyz', 'abcdefghij', ''])('%j is unrecognized', (text) => {
    expect(normalizeMedicationText(text).status).toBe('unrecognized');
  });

  test('short words are never fuzzy-matched', () => {
    expect(normalizeMedicationText('ativn').status).not.toBe('ambiguous');
    expect(names('asd')).toEqual([]);
  });

  test('a name shared by different drugs is ambiguous, with every reading', () => {
    const n = normalizeMedicationText('ferrous 325 mg');
    expect(n.status).toBe('ambiguous');
    expect(n.status === 'ambiguous' && n.candidates.length).toBeGreaterThan(1);
  });

  test('unknown words beside a known name are reported', () => {
    const n = normalizeMedicationText('Xanax plus Qwertyzol');
    expect(n.status === 'recognized' && n.unmatchedWords).toEqual(['plus', 'qwertyzol']);
  });
});

describe('RxNorm codes', () => {
  test.each([
    ['6130', 'ketamine'],
    ['2119365', 'esketamine'],
    ['2119381', 'esketamine'],
    ['206157', 'clonazepam'],
    ['596', 'alprazolam'],
    ['689', 'aminophylline'],
  ])('%s resolves to %s', (code, ingredient) => {
    const n = normalizeMedication([code], undefined);
    expect(n.status === 'recognized' && n.confidence).toBe('code');
    expect(n.status === 'recognized' && n.ingredients.map((i) => i.name)).toContain(ingredient);
  });

  test('an old code falls back to the display text', () => {
    const n = normalizeMedication(['1153378'], 'Clonazepam [Klonopin]');
    expect(n.status === 'recognized' && n.ingredients.map((i) => i.name)).toEqual(['clonazepam']);
  });

  test('a combination code gains the "A" ingredient from its text', () => {
    const n = normalizeMedication(
      ['857005'],
      'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG',
    );
    expect(n.status === 'recognized' && n.ingredients.map((i) => i.name).sort()).toEqual([
      'acetaminophen',
      'hydrocodone',
    ]);
  });

  test('hand-added ingredients are marked', () => {
    expect(dictionary.ingredients.get('alprazolam')).toMatchObject({
      rxcui: '596',
      handAdded: true,
    });
    expect(dictionary.ingredients.get('clonazepam')).toMatchObject({
      rxcui: '2598',
      handAdded: false,
    });
  });
});

describe('common "A" ingredients and the names Synthea writes (hand-added, review of issue 4)', () => {
  test.each([
    ['alendronate', '46041'],
    ['allopurinol', '519'],
    ['amoxicillin', '723'],
    ['albuterol', '435'],
    ['atorvastatin', '83367'],
    ['aspirin', '1191'],
    ['acyclovir', '281'],
    ['azithromycin', '18631'],
  ])('%s is ingredient %s, marked hand-added, and its code resolves', (name, rxcui) => {
    expect(dictionary.ingredients.get(name)).toMatchObject({ rxcui, handAdded: true });
    const n = normalizeMedication([rxcui], undefined);
    expect(n.status === 'recognized' && n.ingredients.map((i) => i.name)).toEqual([name]);
  });

  test.each([
    ['Alendronic acid 10 MG Oral Tablet', ['alendronate']],
    ['alendronate sodium 70 mg weekly', ['alendronate']],
    ['Fosamax 70 mg', ['alendronate']],
    ['Zyloprim 100 mg', ['allopurinol']],
    ['Amoxil 500 mg', ['amoxicillin']],
    ['Zithromax Z-Pak', ['azithromycin']],
    ['Zovirax 400 mg', ['acyclovir']],
    ['Vitamin B 12 5 MG/ML Injectable Solution', ['vitamin B12']],
    ['vitamin B12 1000 mcg', ['vitamin B12']],
    ['cyanocobalamin 1000 mcg IM monthly', ['vitamin B12']],
    ['Vitamin B 6 50 MG Oral Tablet', ['vitamin B6']],
    ['Liletta 52 MG Intrauterine System', ['levonorgestrel']],
    ['Mirena 52 MG Intrauterine System', ['levonorgestrel']],
    ['Kyleena 19.5 MG Intrauterine System', ['levonorgestrel']],
    ['Skyla 13.5 MG Intrauterine System', ['levonorgestrel']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  test('the Liletta branded-drug code of the Synthea bundles resolves', () => {
    const n = normalizeMedication(['1605257'], undefined);
    expect(n.status === 'recognized' && n.ingredients.map((i) => i.name)).toEqual([
      'levonorgestrel',
    ]);
  });

  test('a vitamin B strength after the B 12 is still a strength', () => {
    expect(names('Vitamin B 12 1000 MCG')).toEqual(['vitamin B12']);
  });
});

describe('vocabulary and knowledge base agree', () => {
  test('has at least 300 names', () => {
    expect(dictionary.names.size).toBeGreaterThanOrEqual(300);
  });

  test('every class maps to an interaction class of the knowledge base', () => {
    const kbClasses = new Set(knowledgeBase.interactions.map((i) => i.classId));
    for (const c of vocabularyClasses()) expect(kbClasses).toContain(c.interactionClassId);
  });

  test('every interaction class of the knowledge base is fed by the vocabulary, except antidepressants being its own', () => {
    const fed = new Set(vocabularyClasses().map((c) => c.interactionClassId));
    for (const ix of knowledgeBase.interactions) expect(fed).toContain(ix.classId);
  });

  test('every example drug of every interaction resolves to that class', () => {
    for (const ix of knowledgeBase.interactions) {
      for (const drug of ix.exampleDrugs) {
        if (drug.generic === 'alcohol') continue; // not a medicine on a list
        const n = normalizeMedicationText(drug.generic.replace('/', ' '));
        expect(n.status, drug.generic).toBe('recognized');
        if (n.status !== 'recognized') continue;
        const classIds = n.ingredients.flatMap((i) => interactionClassIdsOf(i));
        expect(classIds, drug.generic).toContain(ix.classId);
      }
    }
  });
});

describe('boundedEditDistance', () => {
  test.each([
    ['kitten', 'sitting', 3, 3],
    ['ab', 'ba', 1, 1],
    ['sertraline', 'setraline', 2, 1],
    ['abc', 'abc', 0, 0],
    ['abcdef', 'uvwxyz', 2, 3],
  ])('%s vs %s within %d is %d', (a, b, max, expected) => {
    expect(boundedEditDistance(a, b, max)).toBe(expected);
  });
});
