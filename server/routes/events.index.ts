import * as h from './events.handlers';
import * as r from './events.routes';
import { router } from './openapi';

/** GET /consultations/{slug}/events: live tally, progress, proposal and phase events. */
export const events = () => router().openapi(r.consultationEvents, h.consultationEvents);
