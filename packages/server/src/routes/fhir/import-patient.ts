/**
 * A Patient entry of a transaction Bundle read into the fields of a KetaFlow patient, and the
 * identifier keys that link it to the record on a later import. Nothing is written here: every
 * problem goes to `problems`, so that one answer names them all.
 */
import { IsoDate } from '../common-schemas';
import { arr, isObject, located, str, type Json } from './fhir-read';
import { fit, fitLinkKey, MAX_CHARS } from './import-limits';
import { FhirError, type Problems } from './outcome';

export interface PatientFields {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  /** The contact details the Patient gives; each one missing is undefined. */
  readonly contact: {
    readonly email: string | undefined;
    readonly phone: string | undefined;
    readonly addressLine: string | undefined;
    readonly city: string | undefined;
    readonly postalCode: string | undefined;
  };
  /** `Patient|<system>|<value>` for each identifier with a value. */
  readonly keys: readonly string[];
  /** Where each key's identifier is (`...identifier[k]`; the first, when two give one key). */
  readonly keyPaths: ReadonlyMap<string, string>;
}

/** The Patient at `path` as KetaFlow keeps it; undefined when it has a problem (in `problems`). */
export function readPatient(
  res: Json,
  path: string,
  problems: Problems,
): PatientFields | undefined {
  const before = problems.count;
  const names = arr(res.name);
  const nameAt = names.findIndex(isObject);
  const name = names[nameAt] as Json | undefined;
  const namePath = `${path}.name[${String(nameAt)}]`;
  const family = problems.attempt(() =>
    fit(located(str(name?.family), `${namePath}.family`), MAX_CHARS.name),
  );
  const given = problems.attempt(() =>
    fit(located(str(arr(name?.given)[0]), `${namePath}.given[0]`), MAX_CHARS.name),
  );
  if (problems.count === before && (family === undefined || given === undefined))
    problems.add(
      new FhirError(
        400,
        'required',
        'The Patient needs a family and a given name.',
        `${path}.name`,
      ),
    );
  const birthDate = str(res.birthDate);
  if (birthDate === undefined || !IsoDate.safeParse(birthDate).success)
    problems.add(
      new FhirError(
        400,
        'required',
        'The Patient needs a full birthDate (YYYY-MM-DD, a calendar date from 1900 to 2999).',
        `${path}.birthDate`,
      ),
    );
  const gender = str(res.gender);
  const keyPaths = new Map<string, string>();
  const keys = arr(res.identifier).flatMap((id, k) => {
    const value = isObject(id) ? str(id.value) : undefined;
    if (!isObject(id) || value === undefined) return [];
    const key = `Patient|${str(id.system) ?? ''}|${value}`;
    const where = `${path}.identifier[${String(k)}]`;
    const fitted = problems.attempt(() => fitLinkKey(key, where));
    if (fitted !== undefined && !keyPaths.has(fitted)) keyPaths.set(fitted, where);
    return fitted === undefined ? [] : [fitted];
  });
  const telecom = arr(res.telecom);
  const telecomValue = (system: string, max: number) => {
    const at = telecom.findIndex((t) => isObject(t) && t.system === system);
    const value = str((telecom[at] as Json | undefined)?.value);
    return problems.attempt(() => fit(located(value, `${path}.telecom[${String(at)}].value`), max));
  };
  const addresses = arr(res.address);
  const addressAt = addresses.findIndex(isObject);
  const address = addresses[addressAt] as Json | undefined;
  const addressPath = `${path}.address[${String(addressAt)}]`;
  const addressPart = (value: unknown, where: string, max: number) =>
    problems.attempt(() => fit(located(str(value), `${addressPath}.${where}`), max));
  const contact = {
    email: telecomValue('email', MAX_CHARS.email),
    phone: telecomValue('phone', MAX_CHARS.phone),
    addressLine: addressPart(arr(address?.line)[0], 'line[0]', MAX_CHARS.addressLine),
    city: addressPart(address?.city, 'city', MAX_CHARS.city),
    postalCode: addressPart(address?.postalCode, 'postalCode', MAX_CHARS.postalCode),
  };
  if (
    problems.count !== before ||
    family === undefined ||
    given === undefined ||
    birthDate === undefined
  )
    return undefined;
  return {
    givenName: given,
    familyName: family,
    birthDate,
    sex: gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown',
    contact,
    keys,
    keyPaths,
  };
}
