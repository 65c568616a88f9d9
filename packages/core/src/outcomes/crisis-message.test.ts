import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import type { CrisisResource } from '../knowledge/schema/crisis-resources';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { crisisMessageFor, urgentActions } from './crisis-message';
import { getInstrument } from './instruments';
import { scoreResponse } from './score-response';

const UK: readonly CrisisResource[] = [
  { name: 'Samaritans', contact: '116 123', reach: 'call', emergency: false },
  { name: 'Shout', contact: '85258', reach: 'text', emergency: false },
  { name: 'Emergency services', contact: '999', reach: 'call', emergency: true },
];

const phq9 = getInstrument(knowledgeBase, 'phq-9');
const item9Only = Object.fromEntries(phq9.items.map((item, i) => [item.id, i === 8 ? 2 : 0]));

describe('crisis message', () => {
  test('the default message names 988 and 911', () => {
    const message = crisisMessageFor(knowledgeBase.crisisResources.resources);
    expect(message.text).toBe(
      'Thank you for telling us. Your care team has been alerted and will contact you. If you are thinking about hurting yourself, you do not have to wait: call or text 988 now. If you are in immediate danger, call 911.',
    );
  });

  test("the message and the resources use the clinic's numbers, never 988 or 911", () => {
    const message = crisisMessageFor(UK);
    expect(message.text).toBe(
      'Thank you for telling us. Your care team has been alerted and will contact you. If you are thinking about hurting yourself, you do not have to wait: call 116 123 or text 85258 now. If you are in immediate danger, call 999.',
    );
    expect(message.resources.map((r) => [r.contact, r.how])).toEqual([
      ['116 123', 'Call 116 123'],
      ['85258', 'Text 85258'],
      ['999', 'Call 999 if you are in immediate danger'],
    ]);
    expect(crisisMessageFor(UK, 'answering').text).toBe(
      'You do not have to wait for your care team. If you are thinking about hurting yourself, call 116 123 or text 85258 now. If you are in immediate danger, call 999.',
    );
  });

  test('with only an emergency number, the message sends the patient there', () => {
    const only112: CrisisResource[] = [
      { name: 'Emergency number', contact: '112', reach: 'call', emergency: true },
    ];
    expect(crisisMessageFor(only112).text).toContain(
      'If you are thinking about hurting yourself or are in immediate danger, call 112 now.',
    );
    expect(urgentActions(only112)).toBe('call 112');
  });

  test("a safety alert under a clinic's settings carries its numbers to the patient and the care team", () => {
    const kb = applyClinicSettings(knowledgeBase, { crisisResources: UK });
    if (!kb.ok) throw new Error(JSON.stringify(kb.error));
    const result = scoreResponse(phq9, item9Only, kb.value.crisisResources.resources);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [alert] = result.value.safetyAlerts;
    expect(alert?.patientMessage.resources.map((r) => r.contact)).toEqual([
      '116 123',
      '85258',
      '999',
    ]);
    expect(alert?.patientMessage.text).not.toMatch(/988|911/);
    expect(alert?.careTeamActions).toContain('If the patient is at imminent risk, call 999.');
    expect(alert?.careTeamActions).toContain(
      'Make sure the patient has the crisis resources (116 123, 85258, 999).',
    );
    expect(alert?.careTeamActions.join(' ')).not.toMatch(/988|911/);
  });
});
