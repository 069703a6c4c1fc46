import * as h from './health.handlers';
import * as r from './health.routes';
import { router } from './openapi';

/** Liveness for load balancers and `npm start`. */
export const health = () => router().openapi(r.health, h.health);
