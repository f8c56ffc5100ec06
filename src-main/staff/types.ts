/**
 * Staff as the API hands them out. Type-only, no Node imports: the renderer shows these. A PIN or its
 * hash never appears here, only whether one is set.
 */
import type { StaffMember } from '../ledger/types.ts';

/** A person on the sign-in screen. */
export interface StaffCard extends StaffMember {
  hasPin: boolean;
  /** ISO time the lockout after repeated wrong PINs lifts; null when not locked. */
  lockedUntil: string | null;
}

/** A person on the staff tab. */
export interface StaffDetail extends StaffCard {
  pinChangedAt: string | null;
  createdAt: string;
  archivedAt: string | null;
}

/** Who is signed in at this till, and whether the shop still needs its first owner PIN. */
export interface SessionView {
  staff: StaffMember | null;
  /** ISO time of the sign-in. */
  since: string | null;
  needsOwnerPin: boolean;
}

/** An owner's (or manager's) PIN sent with a call their role allows and the signed-in person's does not. */
export interface Approval {
  staffId: string;
  pin: string;
}
