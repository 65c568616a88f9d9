/**
 * The knowledge base and clinic settings a server runs with are part of every clinical decision it
 * makes, so a change to them belongs in the audit trail like any change to a record. Settings come
 * from a file read at start-up (KETAFLOW_SETTINGS), not from a request, so the server records them
 * when it starts: one row whenever the knowledge version differs from the last one recorded, with
 * every setting that differs from the sourced defaults. Screenings, dose calculations and scale
 * scores keep the version they used; this row says which settings that version stood for.
 */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from './db/client';
import { auditLog } from './db/schema/index';
import type { ClinicKnowledge } from './knowledge';

export const KNOWLEDGE_IN_USE = 'clinic.knowledge.in-use';

/** Records the knowledge in use when it is not the last recorded; answers whether it did. */
export async function recordKnowledgeInUse(
  executor: Executor,
  knowledge: ClinicKnowledge,
  now: Date,
): Promise<boolean> {
  const [last] = await executor
    .select({ version: auditLog.resourceId })
    .from(auditLog)
    .where(eq(auditLog.action, KNOWLEDGE_IN_USE))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  if (last?.version === knowledge.version) return false;
  await executor.insert(auditLog).values({
    at: now,
    action: KNOWLEDGE_IN_USE,
    resourceType: 'KnowledgeBase',
    resourceId: knowledge.version,
    outcome: 'success',
    detail: {
      previousVersion: last?.version ?? null,
      // Setting paths and values only: never patient data.
      overrides: knowledge.kb.overrides.map((o) => ({ path: o.path, from: o.from, to: o.to })),
    },
  });
  return true;
}
