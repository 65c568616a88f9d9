/**
 * Monitors post readings with a device token (admin creates it; shown once, stored hashed).
 *
 * A batch is atomic: either every reading is charted or none is. Malformed readings give 400 with
 * `body.readings[i].<field>`; a reading at or before the last one charted from the same device
 * gives 409 DEVICE.READING_OUT_OF_ORDER (or DEVICE.READING_DUPLICATE for the same instant), and
 * the batch is refused, so nothing already charted is lost or changed (a unique index on
 * session, device and time backs this up). The answer names no patient: staff read the chart.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_STATES } from '@ketaflow/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monitorDevices, sessionEvents } from '../../db/schema/index';
import { AppError, type FieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { requireAuth, requireRole } from '../../plugins/auth';
import { problems } from '../common-schemas';
import { assertTakenInSession, chartReading, READING_STATES } from './chart-reading';
import { sessionWriter, type SessionRouteOptions } from './context';
import { assertState } from './repository';
import { CreateDeviceBody, DeviceReading, DeviceReadingsBody, DeviceSchema } from './schemas';

/** The answer to a monitor: what it charted and whether alerts are open, no patient data. */
const DeviceReadingsAnswer = z.object({
  sessionId: z.uuid(),
  state: z.enum(SESSION_STATES),
  charted: z.number().int(),
  alertsRaised: z.number().int(),
  openAlertCount: z.number().int(),
  nextReadingDueAt: z.string().nullable(),
});

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export const sessionDeviceRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  options,
) => {
  const { db, clock, knowledge } = options;
  const write = sessionWriter(options);

  app.post(
    '/api/devices',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sessions'],
        summary: 'Register a monitor; its token is shown once (only a hash is stored)',
        body: CreateDeviceBody,
        response: { 201: DeviceSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const token = `kfd_${randomBytes(32).toString('base64url')}`;
      const now = clock.now();
      const [row] = await db
        .insert(monitorDevices)
        .values({
          name: request.body.name,
          tokenHash: hashToken(token),
          createdBy: user.id,
          createdAt: now,
        })
        .returning({ id: monitorDevices.id });
      if (!row) throw new Error('insert into monitor_devices returned no row');
      await appendAudit(db, request, {
        action: 'device.create',
        resourceType: 'Device',
        resourceId: row.id,
        outcome: 'success',
      });
      return reply
        .status(201)
        .send({ id: row.id, name: request.body.name, createdAt: now.toISOString(), token });
    },
  );

  app.post(
    '/api/devices/readings',
    {
      schema: {
        tags: ['sessions'],
        summary: 'A monitor posts readings for a session (Authorization: Bearer <device token>)',
        description:
          'Atomic: every reading is charted or none. 400 names each bad `body.readings[i].<field>`; 409 DEVICE.READING_OUT_OF_ORDER or DEVICE.READING_DUPLICATE when a reading is not newer than the last one charted from this device (or repeats a time in the batch).',
        body: DeviceReadingsBody,
        response: { 200: DeviceReadingsAnswer, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const token = bearer(request.headers.authorization);
      const [device] = token
        ? await db
            .select({ id: monitorDevices.id, tokenHash: monitorDevices.tokenHash })
            .from(monitorDevices)
            .where(
              and(eq(monitorDevices.tokenHash, hashToken(token)), isNull(monitorDevices.revokedAt)),
            )
        : [];
      const body = request.body;
      if (
        !device ||
        token === null ||
        !timingSafeEqual(Buffer.from(device.tokenHash), Buffer.from(hashToken(token))) ||
        device.id !== body.deviceId
      ) {
        await appendAudit(db, request, {
          action: 'device.readings',
          resourceType: 'Device',
          outcome: 'denied',
          detail: { code: 'DEVICE.TOKEN_INVALID' },
        });
        throw new AppError(
          'DEVICE.TOKEN_INVALID',
          'Send Authorization: Bearer <device token> for this deviceId',
        );
      }
      const errors: FieldError[] = [];
      const readings: { takenAt: Date; values: Record<string, number> }[] = [];
      body.readings.forEach((raw, i) => {
        const parsed = DeviceReading.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const keys =
              issue.code === 'unrecognized_keys'
                ? issue.keys.map((k) => [...issue.path, k])
                : [issue.path];
            for (const p of keys)
              errors.push({
                path: [`body.readings[${String(i)}]`, ...p.map(String)].join('.'),
                message: issue.message,
              });
          }
          return;
        }
        const { takenAt, ...values } = parsed.data;
        const vitals = Object.fromEntries(
          Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'),
        );
        if (Object.keys(vitals).length === 0)
          errors.push({
            path: `body.readings[${String(i)}]`,
            message: 'give at least one vital sign',
          });
        const at = new Date(takenAt);
        if (at.getTime() > clock.now().getTime() + 60_000)
          errors.push({
            path: `body.readings[${String(i)}].takenAt`,
            message: 'must not be in the future',
          });
        readings.push({ takenAt: at, values: vitals });
      });
      if (errors.length > 0)
        throw new AppError(
          'VALIDATION.FAILED',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      let raised = 0;
      const session = await write(
        request,
        body.sessionId,
        'patient.session.device-readings',
        async (tx, s, now) => {
          assertState(s.state, READING_STATES, 'Charting a reading');
          const [last] = await tx
            .select({ takenAt: sessionEvents.takenAt })
            .from(sessionEvents)
            .where(
              and(
                eq(sessionEvents.sessionId, s.id),
                eq(sessionEvents.deviceId, device.id),
                eq(sessionEvents.kind, 'reading'),
              ),
            )
            .orderBy(desc(sessionEvents.takenAt))
            .limit(1);
          const seen = new Set<number>();
          const lastAt = last?.takenAt?.getTime() ?? -Infinity;
          readings.forEach((r, i) => {
            const t = r.takenAt.getTime();
            const path = `body.readings[${String(i)}].takenAt`;
            assertTakenInSession(s.current, r.takenAt, path);
            if (seen.has(t) || t === lastAt)
              throw new AppError(
                'DEVICE.READING_DUPLICATE',
                `${path}: already charted at this time`,
                [
                  {
                    path,
                    message: 'a reading from this device at this time is already charted',
                    code: 'DEVICE.READING_DUPLICATE',
                  },
                ],
              );
            if (t < lastAt)
              throw new AppError(
                'DEVICE.READING_OUT_OF_ORDER',
                `${path}: older than the last charted reading`,
                [
                  {
                    path,
                    message: `older than the last reading charted from this device (${new Date(lastAt).toISOString()})`,
                    code: 'DEVICE.READING_OUT_OF_ORDER',
                  },
                ],
              );
            seen.add(t);
          });
          let alerts = 0;
          for (const r of [...readings].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime())) {
            const out = await chartReading(tx, knowledge.kb, {
              sessionId: s.id,
              product: s.product,
              phase: s.state === 'recovery' ? 'after' : 'during',
              values: r.values,
              takenAt: r.takenAt,
              recordedBy: null,
              deviceId: device.id,
              now,
            });
            if (out.alertId !== null) alerts += 1;
          }
          raised = alerts;
          return { deviceId: device.id, count: readings.length, alerts };
        },
      );
      // What the monitor needs to know, and nothing about the patient: a device token is a
      // shared secret on a bedside machine, not a clinician's log-in.
      return {
        sessionId: session.id,
        state: session.state,
        charted: readings.length,
        alertsRaised: raised,
        openAlertCount: session.openAlertCount,
        nextReadingDueAt: session.nextReadingDueAt,
      };
    },
  );
};
