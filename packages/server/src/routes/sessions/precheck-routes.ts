import { evaluatePreCheck, type Decision } from '@ketaflow/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bloodPressures, medications, patientWeights, screenings } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { requireAuth, requireRole } from '../../plugins/auth';
import { IdParams, problems } from '../common-schemas';
import type { RecordedDoseRequest } from '../dosing/service';
import { insertDoseCalculation, prepareDoseCalculation } from '../dosing/service';
import { rescreenAfterChange } from '../screening/service';
import { sessionWriter, type SessionRouteOptions } from './context';
import { appendEvent, assertState, assertTransition, setState } from './repository';
import { PreCheckBody, ReasonBody, SessionSchema, StartBody } from './schemas';

const KG_PER_LB = 0.45359237;

/** Pre-check (records today's weight and BP, re-screens), prescriber approval, and the start. */
export const sessionPreCheckRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  options,
) => {
  const { db, knowledge } = options;
  const { kb } = knowledge;
  const write = sessionWriter(options);

  app.post(
    '/api/sessions/:id/pre-check',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags: ['sessions'],
        summary: 'Record the pre-check; the server decides go, needs-prescriber or do-not-start',
        description:
          "Records today's weight and blood pressure on the patient's record and adds the medication changes (free text), which re-screens the patient; the decision uses the re-screening. A pre-check may be repeated (the latest one counts).",
        params: IdParams,
        body: PreCheckBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const body = request.body;
      return write(request, request.params.id, 'patient.session.pre-check', async (tx, s, now) => {
        assertTransition(s.state, 'pre-check');
        const day = s.current.sessionDate;
        const valueKg =
          body.weight.unit === 'kg'
            ? body.weight.value
            : Math.round(body.weight.value * KG_PER_LB * 1000) / 1000;
        await tx.insert(patientWeights).values({
          patientId: s.patientId,
          weightKg: String(valueKg),
          enteredValue: String(body.weight.value),
          enteredUnit: body.weight.unit,
          measuredOn: day,
          recordedBy: user.id,
        });
        const { systolicMmHg, diastolicMmHg } = body.vitals;
        if (systolicMmHg !== undefined && diastolicMmHg !== undefined)
          await tx.insert(bloodPressures).values({
            patientId: s.patientId,
            systolicMmHg,
            diastolicMmHg,
            measuredOn: day,
            source: 'clinic',
            recordedBy: user.id,
          });
        for (const text of body.medicationChanges)
          await tx
            .insert(medications)
            .values({ patientId: s.patientId, text, status: 'active', startedOn: day });
        await rescreenAfterChange(tx, request, {
          kb,
          patientId: s.patientId,
          now,
          userId: user.id,
        });
        const [screening] = await tx
          .select({ decision: screenings.decision })
          .from(screenings)
          .where(
            and(
              eq(screenings.patientId, s.patientId),
              eq(screenings.product, s.product),
              isNull(screenings.staleAt),
              ...(s.current.indication ? [eq(screenings.indication, s.current.indication)] : []),
            ),
          )
          .orderBy(desc(screenings.createdAt))
          .limit(1);
        const screeningDecision = screening?.decision as Decision | undefined;
        const result = evaluatePreCheck(
          kb,
          {
            vitals: body.vitals,
            weightKg: valueKg,
            pregnancyTest: body.pregnancyTest,
            fasting: body.fasting,
            medicationChanges: body.medicationChanges,
            consentOnFile: body.consentOnFile,
            screeningDecision,
          },
          s.product,
        );
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'pre-check',
          payload: {
            decision: result.decision,
            reasons: result.reasons,
            vitals: body.vitals,
            weight: { ...body.weight, valueKg },
            pregnancyTest: body.pregnancyTest ?? null,
            fasting: body.fasting,
            medicationChanges: body.medicationChanges,
            consentOnFile: body.consentOnFile,
            screeningDecision: screeningDecision ?? null,
          },
          recordedBy: user.id,
          recordedAt: now,
        });
        await setState(tx, s.id, 'pre-check', now);
        return { decision: result.decision, reasons: result.reasons.map((r) => r.code) };
      });
    },
  );

  app.post(
    '/api/sessions/:id/pre-check/approve',
    {
      preHandler: requireRole('prescriber'),
      schema: {
        tags: ['sessions'],
        summary: 'A prescriber approves a needs-prescriber pre-check, with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return write(
        request,
        request.params.id,
        'patient.session.pre-check-approve',
        async (tx, s, now) => {
          assertState(s.state, ['pre-check'], 'Approving the pre-check');
          const pre = s.current.preCheck;
          if (pre === null) throw new AppError('SESSION.TRANSITION_INVALID', 'No pre-check yet');
          if (pre.decision === 'do-not-start')
            throw new AppError(
              'SESSION.PRECHECK_BLOCKED',
              'A do-not-start pre-check cannot be approved',
            );
          if (pre.decision === 'go' || pre.approval !== null)
            throw new AppError('RESOURCE.CONFLICT', 'This pre-check needs no (further) approval');
          await appendEvent(tx, {
            sessionId: s.id,
            kind: 'pre-check-approval',
            payload: { reason: request.body.reason },
            refersTo: pre.id,
            recordedBy: user.id,
            recordedAt: now,
          });
          return { preCheckId: pre.id };
        },
      );
    },
  );

  app.post(
    '/api/sessions/:id/start',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags: ['sessions'],
        summary:
          'Start: the server recomputes and stores the dose (purpose administration) with the vial lot',
        description:
          'Refuses a do-not-start pre-check (SESSION.PRECHECK_BLOCKED), an unapproved needs-prescriber one (SESSION.APPROVAL_REQUIRED), an expired vial (SESSION.VIAL_EXPIRED) and any dose refusal (DOSE.BLOCKED, DOSE.OVERRIDE_REASON_REQUIRED, DOSE.NO_WEIGHT).',
        params: IdParams,
        body: StartBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const body = request.body;
      const id = request.params.id;
      // First a locked check of the state and pre-check, then the dose is recomputed (a refusal
      // is audited then), then one transaction under the session lock checks the state again and
      // stores the dose calculation, the start event, the new state and the audit rows together:
      // a start that fails there (a racing start, a changed pre-check) leaves no dose stored.
      let doseBody: RecordedDoseRequest | undefined;
      let patientId = '';
      let preCheckId: string | undefined;
      const gate = async (s: Parameters<Parameters<typeof write>[3]>[1]) => {
        assertTransition(s.state, 'in-progress');
        const pre = s.current.preCheck;
        if (pre === null) throw new AppError('SESSION.TRANSITION_INVALID', 'No pre-check yet');
        if (pre.decision === 'do-not-start')
          throw new AppError(
            'SESSION.PRECHECK_BLOCKED',
            'The pre-check says do not start',
            pre.reasons
              .filter((r) => r.severity === 'critical')
              .map((r) => ({ path: `preCheck.${r.field}`, message: r.message, code: r.code })),
          );
        if (pre.decision === 'needs-prescriber' && pre.approval === null)
          throw new AppError(
            'SESSION.APPROVAL_REQUIRED',
            'A prescriber must approve the pre-check first',
          );
        if (body.vialExpiry < s.current.sessionDate)
          throw new AppError('SESSION.VIAL_EXPIRED', `The vial expired on ${body.vialExpiry}`, [
            { path: 'body.vialExpiry', message: `expired before ${s.current.sessionDate}` },
          ]);
        const isNasalBody = 'product' in body.dose;
        if (isNasalBody !== (s.product === 'esketamine-nasal'))
          throw new AppError('VALIDATION.FAILED', 'body.dose: does not match the session product', [
            { path: 'body.dose', message: `this is a ${s.product} session` },
          ]);
        const location = s.current.location?.code;
        const d = body.dose;
        doseBody =
          'product' in d
            ? {
                product: 'esketamine-nasal',
                dose: d.dose,
                ...(s.current.indication ? { indication: s.current.indication } : {}),
              }
            : Object.fromEntries(
                Object.entries({ product: 'ketamine-iv', ...d, location }).filter(
                  ([, v]) => v !== undefined,
                ),
              );
        patientId = s.patientId;
        preCheckId = pre.id;
      };
      await write(request, id, 'patient.session.start-check', async (_tx, s) => {
        await gate(s);
        return undefined;
      });
      if (doseBody === undefined) throw new Error('start gate did not prepare the dose');
      const checked = { doseBody: JSON.stringify(doseBody), preCheckId };
      const prepared = await prepareDoseCalculation(db, request, {
        kb,
        patientId,
        userId: user.id,
        body: doseBody,
        purpose: 'administration',
        now: options.clock.now(),
      });
      return write(request, id, 'patient.session.start', async (tx, s, now) => {
        await gate(s);
        // The dose was computed from the session as checked first: refuse if it changed since.
        if (JSON.stringify(doseBody) !== checked.doseBody || preCheckId !== checked.preCheckId)
          throw new AppError(
            'RESOURCE.CONFLICT',
            'The session changed while it was being started; start it again',
          );
        const doseCalculationId = await insertDoseCalculation(tx, request, prepared);
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'start',
          payload: {
            vialLot: body.vialLot,
            vialExpiry: body.vialExpiry,
            doseCalculationId,
            dose: prepared.result,
          },
          recordedBy: user.id,
          recordedAt: now,
        });
        await setState(tx, s.id, 'in-progress', now, { doseCalculationId });
        return { doseCalculationId };
      });
    },
  );
};
