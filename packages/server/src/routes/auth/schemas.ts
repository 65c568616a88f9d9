import { SelfScreeningBody } from '../screening/self-screening';
import { z } from 'zod';
import { ROLES } from '../../db/schema/index';
import { IsoDate } from '../common-schemas';

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const NewPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  patientId: z.uuid().nullable(),
});

export const SessionResponse = z.object({ user: UserSchema, csrfToken: z.string() });

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(256) });

/** A path inside the web app to continue at after verifying (a consult time chosen before registering). */
export const ReturnPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'must be a path in this app, starting with one /')
  .describe('Where the web app continues after the e-mail is verified, e.g. /me/book-consult?...');

export const RegisterBody = z.object({
  email: Email,
  password: NewPassword,
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  birthDate: IsoDate,
  phone: z.string().trim().min(3).max(40).optional(),
  /** Self-screening answers, which become the patient's intake. */
  intake: SelfScreeningBody.optional(),
  next: ReturnPath.optional(),
});

/** The one answer to a registration or a resend, whether or not the address has an account. */
export const CheckEmailResponse = z
  .object({ status: z.literal('check-email') })
  .describe('A link was sent if the address can use one; the answer is the same for every address');

export const VerifyEmailBody = z.object({ token: z.string().min(10).max(200) });
export const ResendVerificationBody = z.object({ email: Email, next: ReturnPath.optional() });

export const ResetRequestBody = z.object({ email: Email });
export const ResetConfirmBody = z.object({
  token: z.string().min(10).max(200),
  password: NewPassword,
});

/** A password change while logged in: the new password follows the registration and reset rule. */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
