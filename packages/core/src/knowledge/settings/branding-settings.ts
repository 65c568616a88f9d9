import { z } from 'zod';
import type { ClinicBranding } from '../schema/branding';
import type { OverrideValue } from '../schema/knowledge-base';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

/** WCAG 2.1 AA contrast for normal text (success criterion 1.4.3). */
export const MIN_CONTRAST_ON_WHITE = 4.5;
const MAX_LOGO_DATA_CHARS = 300_000;
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** `#abc` or `#AABBCC` as `#aabbcc`; `null` when it is not a hex colour. */
export function normalizeHexColor(value: string): string | null {
  if (!HEX.test(value)) return null;
  const digits = value.slice(1).toLowerCase();
  return digits.length === 3
    ? `#${digits
        .split('')
        .map((d) => d + d)
        .join('')}`
    : `#${digits}`;
}

function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Contrast ratio of two `#rrggbb` colours, 1 to 21 (WCAG 2.1 definitions of relative luminance
 * and contrast ratio).
 */
export function contrastRatio(hexA: string, hexB: string): number {
  const a = relativeLuminance(hexA);
  const b = relativeLuminance(hexB);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const primaryColor = z.string().transform((value, ctx) => {
  const hex = normalizeHexColor(value);
  if (hex === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a hex colour such as #0b7285' });
    return z.NEVER;
  }
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio < MIN_CONTRAST_ON_WHITE) {
    ctx.addIssue({
      code: 'custom',
      message: `has ${ratio.toFixed(2)}:1 contrast against white; at least ${String(MIN_CONTRAST_ON_WHITE)}:1 is needed (WCAG 2.1 AA), so choose a darker colour`,
    });
    return z.NEVER;
  }
  return hex;
});

const logo = z
  .string()
  .trim()
  .refine(
    (v) =>
      /^https:\/\/\S+$/.test(v) ||
      /^\/[^/\s]\S*$/.test(v) ||
      /^data:image\/(?:png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/]+=*$/.test(v),
    'must be an https URL, a path on this server (/logo.png) or a data:image/...;base64 URL',
  )
  .refine((v) => v.length <= MAX_LOGO_DATA_CHARS, 'is too large (at most about 220 KB)');

const contactText = z.string().trim().min(1).max(500).exactOptional();

/** The `branding` part of the clinic settings: every field optional. */
export const brandingSettingsSchema = z.strictObject({
  logo: logo.exactOptional(),
  /** Header, links and buttons; refused unless white text on it reaches 4.5:1. */
  primaryColor: primaryColor.exactOptional(),
  contact: z
    .strictObject({
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number such as +1 555 010 0199')
        .exactOptional(),
      email: z.email('must be an e-mail address').exactOptional(),
      address: contactText,
      website: z
        .string()
        .trim()
        .regex(/^https?:\/\/\S+$/, 'must be a web address starting with https://')
        .exactOptional(),
    })
    .exactOptional(),
});

export type BrandingSettings = z.output<typeof brandingSettingsSchema>;

const NO_BRANDING: ClinicBranding = {
  logo: null,
  primaryColor: null,
  contact: { phone: null, email: null, address: null, website: null },
};

function logoLabel(logo: string | null): string | null {
  return logo?.startsWith('data:') === true ? 'data:image (inline)' : logo;
}

/** The clinic's branding after its settings, with every change noted as an override. */
export function applyBrandingSettings(
  base: ClinicBranding | undefined,
  s: BrandingSettings | undefined,
  note: Note,
): ClinicBranding | undefined {
  if (s === undefined) return base;
  const from = base ?? NO_BRANDING;
  const logoTo = s.logo ?? from.logo;
  // A data URL would bloat the override list: note that one was set, not its bytes.
  note(
    ['branding', 'logo'],
    ['clinic', 'branding', 'logo'],
    logoLabel(from.logo),
    logoLabel(logoTo),
  );
  const colorTo = s.primaryColor ?? from.primaryColor;
  note(
    ['branding', 'primaryColor'],
    ['clinic', 'branding', 'primaryColor'],
    from.primaryColor,
    colorTo,
  );
  const contact = { ...from.contact };
  for (const key of ['phone', 'email', 'address', 'website'] as const) {
    const to = s.contact?.[key] ?? from.contact[key];
    note(
      ['branding', 'contact', key],
      ['clinic', 'branding', 'contact', key],
      from.contact[key],
      to,
    );
    contact[key] = to;
  }
  return { logo: logoTo, primaryColor: colorTo, contact };
}
