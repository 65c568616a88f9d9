import { addLocalDays, checkCourseDose, msToLocal, type KnowledgeBase } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locations } from '../../db/schema/index';
import { AppError, bodyFieldErrors, fieldError, fieldErrors } from '../../errors/catalog';
import type { CreateBodyInput } from './schemas';

/**
 * What a new course must satisfy before anything is written, each refusal naming its field: the
 * location exists; the ordered dose is in the product's unit and within the hard limits
 * (`checkCourseDose`, 422 DOSE.BLOCKED above them); a scheduled course is not over already.
 */
export async function assertCourseOrderable(
  executor: Executor,
  kb: KnowledgeBase,
  body: CreateBodyInput,
  now: Date,
): Promise<void> {
  const [location] = await executor
    .select({ code: locations.code, timeZone: locations.timeZone })
    .from(locations)
    .where(eq(locations.id, body.locationId));
  if (!location)
    throw new AppError('RESOURCE.NOT_FOUND', 'No such location.', [
      { path: 'body.locationId', message: 'no such location' },
    ]);
  const dose = checkCourseDose(kb, {
    product: body.product,
    protocolId: body.indication,
    dose: body.dose,
    locationCode: location.code,
  });
  const errors = bodyFieldErrors(dose.problems, 'dose');
  if (dose.blocked)
    throw new AppError('DOSE.BLOCKED', errors.map((e) => e.message).join('; '), errors);
  if (errors.length > 0) throw fieldErrors(errors);
  if (body.weeks !== null) {
    const lastDay = addLocalDays(body.startDate, body.weeks * 7 - 1);
    const today = msToLocal(now.getTime(), location.timeZone).date;
    if (lastDay < today)
      throw fieldError(
        'body.startDate',
        `a ${String(body.weeks)}-week course from this date ended on ${lastDay}, before today (${today})`,
      );
  }
}
