import type { RequestState } from './enlistment.schema.js';

/*
 * A request's states as the server rules and the web app's words both need them (no runtime imports, so the
 * web app can use it as it is).
 */

/** A request still in play: waiting for an answer, or accepted and not ended. One per network entry at a time. */
export const openRequestStates = ['pending', 'accepted'] as const satisfies RequestState[];
export const isOpenRequest = (state: RequestState) => (openRequestStates as readonly string[]).includes(state);

export const requestStateLabels: Record<RequestState, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  ended: 'Ended',
};
