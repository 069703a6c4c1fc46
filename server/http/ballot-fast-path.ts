/**
 * The ballot route served by a plain Node request handler in front of the Hono app, answering what the app answers.
 *
 * Why: on two cores shared with the voters' connections, a ballot's rate follows the CPU it costs in all, and about
 * 0.15 ms of its ~0.25 ms on the main thread was HTTP around the vote — @hono/node-server's web Request/Response
 * adapter, Hono's context and a dozen middleware layers — which a plain handler does not pay (test/bench/README.md).
 *
 * What it keeps: the route is declared once (ballots.routes.ts; the OpenAPI document is generated from it) and its
 * Hono handler stays. Both call the same functions for everything the route decides: validation (`routeInputs`, the
 * route's zod schemas and hook), the ballot limits (`BallotGate`), the cast and its answer (`castBallotAnswer`),
 * refusals (`errorAnswer`), CORS and security headers (`HeaderPolicy`, `answerHeaders`) and the request log
 * (`logRequest`). A successful ballot's answer is the same bytes either way; a refusal has the same status, body and
 * headers (Hono's path writes their names in another order).
 *
 * What it takes: only the common case — `POST /api/v1/consultations/:slug/ballots` with no query, no percent-encoding
 * in the slug, no Authorization, `Content-Type: application/json` (optionally `; charset=utf-8`), a Content-Length
 * within the body limit, no Transfer-Encoding, no Origin or one the site policy allows for this path (the cross-site
 * guard then passes it too), and a body that came with its headers and validates. Anything else is passed to the app
 * before any rate-limit token is taken, with the body's text if it was read (body.ts `readCompleteBody`), and the app
 * answers it as it always did: preflights, refused origins, 413, 415, bad JSON, a 400 naming the field.
 * test/server/ballot-fast-path.test.ts sends the same bytes to a server with and one without it and compares answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, type BallotRequest } from '@linli/core';
import type { ServerConfig } from '../config';
import { castBallotAnswer } from '../routes/ballots.cast';
import { castBallot } from '../routes/ballots.routes';
import type { RouteDeps } from '../routes/deps';
import { routeInputs } from '../routes/validate-once';
import { type BallotGate, credentialIn } from './ballot-limits';
import { jsonValueOf, nodeBodyText } from './body';
import { nodeClientIp } from './context';
import { allowedSiteWrite } from './cross-site';
import { errorAnswer } from './errors';
import { notJson } from './json-body';
import { type Logger, logRequest, logsRequests } from './log';
import { nodeHeader } from './request-header';
import { answerHeaders, type HeaderPolicy } from './security';

/** A handler in front of the app: answers the request itself, or passes it to `app` untouched. */
export type FrontHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  app: (req: IncomingMessage, res: ServerResponse) => unknown,
) => void;

const BALLOT_URL = new RegExp(`^${API_PREFIX}/consultations/([^/?#%]+)/ballots$`);
/** Plain JSON only: every other media type (a `+json`, other parameters, a malformed one) goes to the app's checks. */
const PLAIN_JSON = /^application\/json(?:;\s*charset=utf-8)?$/i;
const DIGITS = /^\d+$/;

export interface FastPathOptions {
  deps: RouteDeps;
  policy: HeaderPolicy;
  gate: BallotGate;
  config: Pick<ServerConfig, 'bodyLimit' | 'trustProxy'>;
  logger: Logger;
}

export function ballotFastPath({ deps, policy, gate, config, logger }: FastPathOptions): FrontHandler {
  const inputs = routeInputs(castBallot);
  // The route pattern as Hono names it in the request log.
  const route = `${API_PREFIX}${castBallot.path.replaceAll(/{(.+?)}/g, ':$1')}`;
  const clientIp = nodeClientIp(config.trustProxy);
  const logs = logsRequests(logger);

  /** Answers the ballot, or passes it to the app before reading its body (`app`). */
  async function serve(req: IncomingMessage, res: ServerResponse, slug: string, app: () => unknown) {
    const started = performance.now();
    const origin = req.headers.origin;
    let base = policy.headersFor(null);
    if (origin !== undefined) {
      const allowed = await policy.allowOrigin(origin, req.url!);
      if (allowed === null || !allowedSiteWrite(origin, true)) return app();
      base = policy.headersFor(allowed);
    }
    const value = jsonValueOf(await nodeBodyText(req));
    const ip = clientIp(req);
    let answer: { status: number; body: unknown; headers?: Record<string, string> };
    let key: string | null = null;
    // In the app's order: the ballot limits (which read the credential from the body), the JSON syntax, then the
    // route's validation of path, headers and body.
    try {
      const admitted = gate.admit(ip, slug, credentialIn(value?.value));
      key = admitted instanceof Promise ? await admitted : admitted;
      if (value === null) throw notJson();
      const head = inputs.head({ param: () => ({ slug }), header: (name) => nodeHeader(req, name) });
      answer = await castBallotAnswer(deps, {
        slug: (head.param as { slug: string }).slug,
        ballot: inputs.json(value.value) as BallotRequest,
        idempotencyKey: (head.header as { 'idempotency-key'?: string })['idempotency-key'],
        clientIp: ip,
      });
    } catch (error) {
      answer = errorAnswer(error, logger, { method: 'POST', route });
    }
    try {
      await gate.failed(key, answer.status);
    } catch (error) {
      answer = errorAnswer(error, logger, { method: 'POST', route });
    }
    const payload = JSON.stringify(answer.body);
    const headers: Record<string, string | number> = answerHeaders(base, answer.headers);
    headers['Content-Length'] = Buffer.byteLength(payload);
    res.writeHead(answer.status, headers);
    res.end(payload);
    if (logs)
      logRequest(logger, { method: 'POST', route, status: answer.status, ms: performance.now() - started, slug });
  }

  return (req, res, app) => {
    const match = req.method === 'POST' ? BALLOT_URL.exec(req.url ?? '') : null;
    const headers = req.headers;
    const length = headers['content-length'];
    if (
      !match ||
      headers.authorization !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      length === undefined ||
      !DIGITS.test(length) ||
      Number(length) > config.bodyLimit ||
      !PLAIN_JSON.test(headers['content-type'] ?? '')
    ) {
      app(req, res);
      return;
    }
    serve(req, res, match[1]!, () => app(req, res)).catch((error: unknown) => {
      // Nothing above throws once the ballot is cast; should writing the answer fail, say so as the app would.
      logger.error('unhandled error', { method: 'POST', route, error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}
