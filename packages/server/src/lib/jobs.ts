/**
 * A job queue kept in the `jobs` table, so several server instances share it.
 *
 * A worker claims due jobs in one short statement (`FOR UPDATE SKIP LOCKED` in the sub-select, so
 * two workers never claim the same row), marks them `running` with a lease, runs each handler and
 * then marks it `done`, or `pending` again with a back-off, or `failed` after the last attempt.
 * Completion is fenced by the attempt number: a worker whose lease ran out (and whose job another
 * worker took over) cannot overwrite the newer attempt's outcome. A job is only run again after a
 * worker died or overran its lease between sending and recording, which the lease makes rare.
 */
import { and, asc, eq, inArray, like, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { jobs } from '../db/schema/index';
import type { Clock } from './clock';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  /** What to run, e.g. `appointment.reminder`; a handler is registered under the same name. */
  readonly kind: string;
  readonly runAt: Date;
  /** Ids only, never patient data: handlers load what they need when they run. */
  readonly payload: Record<string, unknown>;
  /** One job per purpose, e.g. `reminder:<appointmentId>:24h`; a second enqueue is a no-op. */
  readonly dedupeKey?: string;
}

/** Runs one job. Throwing means "try again later" until the attempts run out. */
export type JobHandler = (job: JobRow, now: Date) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RunOptions {
  /** Most jobs claimed in one pass. */
  readonly batchSize?: number;
  /** How long a claim lasts before another worker may take the job over. */
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
}

export interface RunSummary {
  readonly claimed: number;
  readonly done: number;
  readonly retried: number;
  readonly failed: number;
}

const DEFAULT_BATCH = 20;
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;

/** 1, 4, 16, 64 … minutes after each failed attempt, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Adds a job. With a `dedupeKey` that already exists (pending, running, done or failed) nothing
 * is added and `null` is returned, so enqueuing the same purpose twice never sends twice.
 */
export async function enqueueJob(executor: Executor, job: NewJob): Promise<string | null> {
  const rows = await executor
    .insert(jobs)
    .values({
      kind: job.kind,
      runAt: job.runAt,
      payload: job.payload,
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/**
 * Removes jobs that have not run yet whose dedupe key starts with `prefix` (e.g. every reminder of
 * a cancelled appointment: `reminder:<id>:`). Jobs already done stay as the record of what was sent.
 */
export async function cancelPendingJobs(executor: Executor, prefix: string): Promise<number> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await executor
    .delete(jobs)
    .where(and(like(jobs.dedupeKey, `${escaped}%`), eq(jobs.status, 'pending')))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Claims up to `limit` due jobs (and jobs whose lease ran out) for this worker. */
export async function claimDueJobs(
  db: Database,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
        and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + leaseMs),
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/** Only the attempt that holds the claim may record its outcome. */
function heldBy(job: JobRow) {
  return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
}

/**
 * Claims the jobs due at `now` and runs them. Tests call this directly with a fixed `now`; the
 * worker loop calls it on a timer.
 */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  now: Date,
  options: RunOptions = {},
): Promise<RunSummary> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const claimed = await claimDueJobs(
    db,
    now,
    options.batchSize ?? DEFAULT_BATCH,
    options.leaseMs ?? DEFAULT_LEASE_MS,
  );
  let done = 0;
  let retried = 0;
  let failed = 0;
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, now);
      await db
        .update(jobs)
        .set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null })
        .where(heldBy(job));
      done++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const last = job.attempts >= maxAttempts || !handler;
      await db
        .update(jobs)
        .set(
          last
            ? { status: 'failed', finishedAt: now, lockedUntil: null, lastError: message }
            : {
                status: 'pending',
                runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
                lockedUntil: null,
                lastError: message,
              },
        )
        .where(heldBy(job));
      if (last) failed++;
      else retried++;
    }
  }
  return { claimed: claimed.length, done, retried, failed };
}

export interface JobWorker {
  /** Stops the loop and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

export interface WorkerOptions extends RunOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly handlers: JobHandlers;
  /** Pause between passes. */
  readonly intervalMs?: number;
  /** Runs before each pass (e.g. releasing expired holds); its errors are reported, not fatal. */
  readonly beforePass?: (now: Date) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/** Runs `runDueJobs` every `intervalMs` until stopped. Several instances may run one each. */
export function startJobWorker(options: WorkerOptions): JobWorker {
  const intervalMs = options.intervalMs ?? 15_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async (): Promise<void> => {
    const now = options.clock.now();
    try {
      await options.beforePass?.(now);
      // Drain what is due, one batch at a time, unless asked to stop.
      for (;;) {
        const summary = await runDueJobs(options.db, options.handlers, now, options);
        if (stopped || summary.claimed < (options.batchSize ?? DEFAULT_BATCH)) break;
      }
    } catch (error) {
      options.onError?.(error);
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
