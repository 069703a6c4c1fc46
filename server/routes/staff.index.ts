import { router } from './openapi';
import * as h from './staff.handlers';
import * as r from './staff.routes';

/** Voter rolls and one-time codes, the staff log and site keys: staff only, never cached on the way. */
export const staff = () =>
  router()
    .openapi(r.importRoll, h.importRoll)
    .openapi(r.issueCodes, h.issueCodes)
    .openapi(r.codesPage, h.codesPage)
    .openapi(r.printCodes, h.printCodes)
    .openapi(r.staffActions, h.staffActions)
    .openapi(r.addSiteKey, h.addSiteKey);
