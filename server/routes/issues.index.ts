import * as h from './issues.handlers';
import * as r from './issues.routes';
import { router } from './openapi';

/** Issues staff publish from the side panel (Bearer token): `POST /issues` one or `{issues: […]}`, `GET /issues`. */
export const issues = () => router().openapi(r.publishIssues, h.publishIssues).openapi(r.listIssues, h.listIssues);
