/** The API methods of staff, sign-in and the audit log: spread into the one contract (contract.ts). */
import { z } from 'zod';
import { AUDIT_KINDS } from '../audit/kinds.ts';
import type { AuditPage } from '../audit/types.ts';
import { businessDate, id, text } from '../ledger/commands.ts';
import type { SessionView, StaffCard, StaffDetail } from '../staff/types.ts';
import { method } from './method.ts';

/** Checked as a PIN by the use case (PIN_FORMAT), so a wrong shape is refused in words, not as "invalid input". */
const pin = z.string().max(32);
const role = z.enum(['owner', 'manager', 'cashier']);

export const staffMethods = {
  /** The sign-in screen: who works here (no PINs, only whether one is set and any lockout). */
  'staff.list': method<StaffCard[]>()(z.object({}).default({})),
  'staff.session': method<SessionView>()(z.object({}).default({})),
  'staff.signIn': method<SessionView>()(z.object({ staffId: id, pin })),
  'staff.signOut': method<SessionView>()(z.object({}).default({})),
  /** A new shop's first start: the owner chooses a PIN (and is signed in). */
  'staff.setUpOwner': method<SessionView>()(z.object({ pin })),
  /** Your own PIN with the old one; someone else's as the owner. */
  'staff.setPin': method<StaffDetail>()(z.object({ staffId: id, oldPin: pin.optional(), newPin: pin })),
  'staff.details': method<StaffDetail[]>()(z.object({}).default({})),
  'staff.upsert': method<StaffDetail>()(
    z.object({
      id: id.optional(),
      name: text(30, 1),
      role,
      archived: z.boolean().optional(),
      pin: pin.optional(),
    }),
  ),

  'audit.list': method<AuditPage>()(
    z.object({
      staffId: id.optional(),
      kind: z.enum(AUDIT_KINDS).optional(),
      fromDate: businessDate.optional(),
      toDate: businessDate.optional(),
      subject: z.string().trim().max(60).optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
} as const;
