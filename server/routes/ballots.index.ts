import * as h from './ballots.handlers';
import * as r from './ballots.routes';
import { router } from './openapi';

/** Casting ballots, the tally, receipts and the public ballot box. */
export const ballots = () =>
  router()
    .openapi(r.castBallot, h.castBallot)
    .openapi(r.getTally, h.getTally)
    .openapi(r.getReceipt, h.getReceipt)
    .openapi(r.getBallotBox, h.getBallotBox);
