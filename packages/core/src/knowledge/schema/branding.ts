import { z } from 'zod';

/** How a clinic reaches people; `null` when the clinic has not said. */
export interface ClinicContact {
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly website: string | null;
}

/**
 * The clinic's look on the public site and on printed documents (clinic settings `branding`).
 * `primaryColor` is `#rrggbb` with at least 4.5:1 contrast against white (WCAG 2.1 AA, 1.4.3),
 * so white text on it and links in it stay readable.
 */
export interface ClinicBranding {
  /** An https URL, a path on this server (`/logo.png`) or a `data:image/...;base64,` URL. */
  readonly logo: string | null;
  readonly primaryColor: string | null;
  readonly contact: ClinicContact;
}

const text = z.string().trim().min(1).max(500).nullable();

export const clinicBrandingSchema: z.ZodType<ClinicBranding> = z.strictObject({
  logo: z.string().min(1).nullable(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .nullable(),
  contact: z.strictObject({ phone: text, email: text, address: text, website: text }),
});
