/** Puts the server's refusal of a save beside the inputs and limits it names. */
import type { DoseLimitJson, DoseProduct, LimitClinicSetting } from '@ketaflow/core';
import { ApiProblemError, describeError } from '../api/problem';
import type { DoseField } from './dose-inputs';
import { fieldForPath, normalisePath } from './problem-fields';

/** A limit a DOSE.* refusal lists, as much of it as the screen shows. */
export type RefusalLimit = Pick<DoseLimitJson, 'level' | 'code' | 'message'> &
  Partial<Pick<DoseLimitJson, 'basis' | 'clinicSetting'>>;

export interface ServerErrors {
  /** The problem's own sentence, plus any message no input or limit could show. */
  message: string;
  fields: Partial<Record<DoseField, string>>;
  /** By soft-limit code: `overrides` errors read `DOSE.X_ABOVE_SOFT_LIMIT: message`. */
  reasons: Record<string, string>;
  /** The limits a DOSE.* refusal names, as the server calculated them from the record. */
  limits: RefusalLimit[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The problem's `limits`, skipping any entry without a level, code and message. `basis` and
 * `clinicSetting` are kept as sent: a refusal by a clinic setting must say so.
 */
function readLimits(body: unknown): RefusalLimit[] {
  const list = isRecord(body) ? body.limits : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const { level, code, message, basis, clinicSetting } = item;
    if ((level !== 'soft' && level !== 'hard') || typeof code !== 'string') return [];
    if (typeof message !== 'string') return [];
    return [
      {
        level,
        code,
        message,
        ...(basis === 'clinic-setting' || basis === 'knowledge-base' ? { basis } : {}),
        ...(isRecord(clinicSetting)
          ? { clinicSetting: clinicSetting as unknown as LimitClinicSetting }
          : {}),
      },
    ];
  });
}

export function toServerErrors(error: unknown, product: DoseProduct): ServerErrors {
  if (!(error instanceof ApiProblemError))
    return { message: describeError(error), fields: {}, reasons: {}, limits: [] };
  const fields: Partial<Record<DoseField, string>> = {};
  const reasons: Record<string, string> = {};
  const unplaced: string[] = [];
  const limits = readLimits(error.body);
  const listed = new Set(limits.map((l) => l.code));
  for (const { path, message } of error.problem.errors ?? []) {
    const normal = normalisePath(path);
    const coded = /^(DOSE\.[A-Z0-9_]+): (.*)$/.exec(message);
    if (normal.startsWith('overrides') && coded?.[1] !== undefined) {
      reasons[coded[1]] = 'The server needs a reason for this limit';
      continue;
    }
    // A limit the refusal lists is shown with its limits, not again as loose text.
    if (coded?.[1] !== undefined && listed.has(coded[1])) continue;
    const field = normal === '' ? undefined : fieldForPath(normal, product);
    if (field === undefined) unplaced.push(message);
    else fields[field] = message;
  }
  // With its limits listed, the problem's title says enough; its detail repeats the limits.
  const lead = limits.length > 0 ? error.problem.title : error.problem.detail;
  const message = [lead, ...unplaced.filter((m) => m !== lead)];
  return { message: message.join(' '), fields, reasons, limits };
}
