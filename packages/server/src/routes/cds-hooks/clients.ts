import { readFileSync } from 'node:fs';
import { z } from 'zod';

const JwkSchema = z.looseObject({ kty: z.string() });

const ClientSchema = z.object({
  /** The client's `iss`. */
  iss: z.string().min(1),
  /** Its public keys. */
  jwks: z.object({ keys: z.array(JwkSchema) }).optional(),
  /** `jku` URLs this client may point to instead (exact match). */
  jku: z.array(z.url()).default([]),
});

export const CdsClientsSchema = z.array(ClientSchema);
export type CdsClient = z.infer<typeof ClientSchema>;

/** Reads the allow-list of CDS clients (`CDS_CLIENTS`); no file means no client may call. */
export function loadCdsClients(file: string | undefined): readonly CdsClient[] {
  if (file === undefined) return [];
  const parsed = CdsClientsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`CDS_CLIENTS file ${file} is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
