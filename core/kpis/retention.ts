/**
 * The retention share both RETENTION_RATE and EMPLOYEE_RETENTION compute, (end − added) / start,
 * and its rule (catalog v3): inputs giving a share outside 0–1 are an error naming them, never a
 * retention of 140 % or −50 %.
 */
import { valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';

/** The argument names of one retention function: start and end stocks, and what was added. */
export interface RetentionNames {
  readonly start: string;
  readonly end: string;
  readonly added: string;
  /** What is counted (`customers`, `people`), for the messages. */
  readonly who: string;
}

/** (end − added) / start; start must not be 0 (the caller says why in its own words). */
export function retentionShare(ctx: CallContext, start: number, end: number, added: number, n: RetentionNames): number {
  if (added > end) {
    throw valueError(ctx.fn, `${n.added} (${added}) is more than ${n.end} (${end}); the ${n.who} at the end include the new ones, so check the ranges`);
  }
  if (end - added > start) {
    throw valueError(ctx.fn, `${n.end} (${end}) is more than ${n.start} (${start}) plus ${n.added} (${added}); the ${n.who} at the end are those kept from the start and the new ones, so check the ranges`);
  }
  // −0 shows as 0 in every host, but keep results clean for comparisons.
  return (end - added) / start + 0;
}
