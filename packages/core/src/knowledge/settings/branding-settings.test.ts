import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../default-knowledge-base';
import { applyClinicSettings } from './apply-clinic-settings';
import { contrastRatio } from './branding-settings';

describe('branding settings', () => {
  test('contrast ratio follows WCAG 2.1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  test('applies logo, colour and contact; notes overrides; leaves the default base unbranded', () => {
    expect(knowledgeBase.clinic.branding).toBeUndefined();
    const result = applyClinicSettings(knowledgeBase, {
      branding: {
        logo: 'https://clinic.example/logo.png',
        primaryColor: '#0B7285',
        contact: {
          phone: '+1 555 010 0199',
          email: 'desk@clinic.example',
          address: '1 Harbour St, Portland, ME',
          website: 'https://clinic.example',
        },
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.clinic.branding).toEqual({
      logo: 'https://clinic.example/logo.png',
      primaryColor: '#0b7285',
      contact: {
        phone: '+1 555 010 0199',
        email: 'desk@clinic.example',
        address: '1 Harbour St, Portland, ME',
        website: 'https://clinic.example',
      },
    });
    expect(result.value.overrides).toContainEqual({
      path: 'branding.primaryColor',
      target: 'clinic.branding.primaryColor',
      from: null,
      to: '#0b7285',
    });
  });

  test('refuses a light colour naming the field, and every other bad field with its path', () => {
    const result = applyClinicSettings(knowledgeBase, {
      branding: {
        logo: 'http://insecure.example/logo.png',
        primaryColor: '#4dabf7',
        contact: { email: 'not-an-email', website: 'clinic.example' },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(result.error.map((p) => [p.path ?? '', p.message]));
    expect(byPath.get('branding.primaryColor')).toMatch(/contrast against white; at least 4.5:1/);
    expect([...byPath.keys()].sort()).toEqual([
      'branding.contact.email',
      'branding.contact.website',
      'branding.logo',
      'branding.primaryColor',
    ]);
  });

  test('refuses a colour that is not hex', () => {
    const result = applyClinicSettings(knowledgeBase, { branding: { primaryColor: 'teal' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => [p.path, p.message])).toEqual([
      ['branding.primaryColor', 'must be a hex colour such as #0b7285'],
    ]);
  });

  test('accepts a small data-URL logo', () => {
    const result = applyClinicSettings(knowledgeBase, {
      branding: { logo: 'data:image/png;base64,iVBORw0KGgo=' },
    });
    expect(result.ok).toBe(true);
  });
});
