import * as h from './events.handlers';
import * as r from './events.routes';
import { router } from './openapi';

/** Live tally, progress, proposal and phase events: per consultation, or several subjects on one stream. */
export const events = () =>
  router().openapi(r.consultationEvents, h.consultationEvents).openapi(r.subjectEvents, h.subjectEvents);
