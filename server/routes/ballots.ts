import {
  API_PREFIX,
  type BallotAccepted,
  BallotBoxQuery,
  type BallotBoxResponse,
  BallotRequest,
  IdempotencyKey,
  NON_BINDING_NOTICE,
  ReceiptIdParam,
  SlugParam,
  TallyQuery,
} from '@linli/core';
import { parseWith } from '../domain/context';
import { params, query, readJson } from '../http/validate';
import { type RouteDeps, router } from './deps';

const BALLOT_BOX_PAGE = 1000;

/** Casting ballots, the tally, receipts and the public ballot box. */
export function ballotRoutes({ service, limiter }: RouteDeps) {
  const app = router();

  app.post('/consultations/:slug/ballots', async (c) => {
    const { slug } = params(c, SlugParam);
    const header = c.req.header('idempotency-key');
    const idempotencyKey = header === undefined ? undefined : parseWith(IdempotencyKey, header, ['Idempotency-Key']);
    const input = await readJson(c, BallotRequest);
    // Not the whole consultation view (it sums the roll): the cached eligibility is all a ballot needs here.
    const open = (await service.ballotEligibility(slug)) === 'open';
    const clientIp = c.get('clientIp');
    // Only open ballots are limited per address: code and signed ballots are already one per voter, and a
    // 居委会 office where many residents vote from one network must not be throttled.
    if (open) limiter.enforce('openBallot', clientIp);
    const { receipt, replayed } = await service.castBallot(slug, input, { idempotencyKey, clientIp });
    const binding = !open;
    const body: BallotAccepted = { ...receipt, binding, replayed, ...(binding ? {} : { notice: NON_BINDING_NOTICE }) };
    c.header('Location', `${API_PREFIX}/receipts/${receipt.receiptId}`);
    return c.json(body, replayed ? 200 : 201);
  });

  app.get('/consultations/:slug/tally', async (c) => {
    const { slug } = params(c, SlugParam);
    const { lang } = query(c, TallyQuery);
    return c.json(await service.getTally(slug, { staff: Boolean(c.get('staff')), lang }), 200);
  });

  app.get('/receipts/:receiptId', async (c) => {
    const { receiptId } = params(c, ReceiptIdParam);
    return c.json(await service.getReceipt(receiptId), 200);
  });

  app.get('/consultations/:slug/ballot-box', async (c) => {
    const { slug } = params(c, SlugParam);
    const { after, limit = BALLOT_BOX_PAGE } = query(c, BallotBoxQuery);
    const entries = await service.getBallotBox(slug, { after, limit });
    const electorate = await service.getFrozenElectorate(slug);
    const next = entries.length === limit ? (entries.at(-1)?.seq ?? null) : null;
    const { ballotBox, head } = await service.getBallotBoxHead(slug);
    const body: BallotBoxResponse = { slug, electorate, ballotBox, head, entries, next };
    return c.json(body, 200);
  });

  return app;
}
