import * as h from './ballots.handlers';
import * as r from './ballots.routes';
import { router } from './openapi';
import { openapiOnce } from './validate-once';

/**
 * Casting ballots, the tally, receipts and the public ballot box. Casting is the hot path of a vote: its inputs are
 * validated in one synchronous step (validate-once.ts), with the same declaration, schemas and answers.
 */
export const ballots = () =>
  openapiOnce(router(), r.castBallot, h.castBallot)
    .openapi(r.getTally, h.getTally)
    .openapi(r.getReceipt, h.getReceipt)
    .openapi(r.getBallotBox, h.getBallotBox);
