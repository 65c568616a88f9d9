/**
 * One dose limit as the dose API gives it: in a calculation's `limits` (201, preview, stored
 * calculations) and in a DOSE.* refusal's problem `limits`, so a refusal tells whose number
 * stopped the request just as a calculation does.
 */
import { z } from 'zod';

export const Quantity = z.object({ value: z.number(), unit: z.string() });
export const DoseLimitSchema = z.object({
  level: z.enum(['soft', 'hard']),
  code: z.string(),
  message: z.string(),
  field: z.string(),
  value: Quantity,
  limit: Quantity,
  overridden: z.boolean(),
  reason: z.string().optional(),
  basis: z
    .enum(['knowledge-base', 'clinic-setting'])
    .optional()
    .describe(
      '`clinic-setting`: the limit is a clinic setting, either set by the clinic (or this location) in place of the knowledge base’s, or one no clinical source sets (the 30–250 kg weight range, the weight-change, lb/kg mix-up and weight-age checks, each indication’s hard dose maximum and the total-dose backstop derived from it) at the knowledge base’s documented default; `knowledge-base`: the knowledge base’s own sourced limit. Absent from calculations stored before it was added; calculations stored before `atDefault` was added, or before the hard dose and total-dose maxima were marked, say `knowledge-base` for such a limit at its default',
    ),
  clinicSetting: z
    .object({
      scope: z
        .enum(['clinic', 'location'])
        .describe('Whose setting it is; `clinic` for a setting at its default'),
      knowledgeBaseLimit: Quantity.nullable().describe(
        'The limit at the knowledge base’s value of the setting (the limit itself when `atDefault`); `null`: the knowledge base has none',
      ),
      setting: z
        .string()
        .optional()
        .describe(
          'The setting that governs the limit, as a key of one indication’s guardrails in the clinic settings (`guardrails.<indication>`, or `locations.<code>.guardrails.<indication>`), e.g. `weightKg.hard.max`, `weightChangeSoftFraction`; absent from calculations stored before it was added',
        ),
      atDefault: z
        .boolean()
        .optional()
        .describe(
          '`true`: no clinical source sets this limit and it is at the knowledge base’s documented default; `false`: the clinic or this location set it. Absent from calculations stored before it was added',
        ),
    })
    .optional()
    .describe(
      'With `basis: clinic-setting`: whose setting it is, which setting, whether it is at its default, and the knowledge base’s limit',
    ),
});
