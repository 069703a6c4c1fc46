// Ballots, the tally, receipts and the public ballot box: paths, inputs, one answer per status. No logic.
import { createRoute } from '@hono/zod-openapi';
import { BallotBoxQuery, IdempotencyHeaders, ReceiptIdParam, SlugParam, TallyQuery } from '@linli/core';
import { errors, json, jsonBody, writeErrors } from './openapi';
import * as s from './schemas';

const tags = ['ballots'];

export const castBallot = createRoute({
  method: 'post',
  path: '/consultations/{slug}/ballots',
  tags,
  summary: 'Cast a ballot: 201 once it is durable; the same Idempotency-Key replays the receipt (200)',
  request: { params: SlugParam, headers: IdempotencyHeaders, body: jsonBody(s.BallotRequest) },
  responses: {
    201: json(s.BallotAccepted, 'cast and durable; `Location` names the receipt'),
    200: json(s.BallotAccepted, 'replayed: the receipt of the earlier request with this Idempotency-Key'),
    ...writeErrors(404, 409, 410, 422),
  },
});

export const getTally = createRoute({
  method: 'get',
  path: '/consultations/{slug}/tally',
  tags,
  summary: 'The tally from running totals (participation only while results are hidden until close)',
  request: { params: SlugParam, query: TallyQuery },
  responses: { 200: json(s.TallyView, 'the tally'), ...errors(400, 404) },
});

export const getReceipt = createRoute({
  method: 'get',
  path: '/receipts/{receiptId}',
  tags,
  summary: 'A receipt, to check that a ballot is in the box',
  request: { params: ReceiptIdParam },
  responses: { 200: json(s.Receipt, 'the receipt'), ...errors(400, 404) },
});

export const getBallotBox = createRoute({
  method: 'get',
  path: '/consultations/{slug}/ballot-box',
  tags,
  summary: 'The public hash-chained ballot box, without voter identity, in pages',
  request: { params: SlugParam, query: BallotBoxQuery },
  responses: { 200: json(s.BallotBoxResponse, 'one page of entries'), ...errors(400, 404) },
});
