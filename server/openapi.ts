import * as api from '@linli/core';
import { z } from 'zod';

type Schema = z.ZodType;
type Method = 'get' | 'post' | 'patch';

interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: 'consultations' | 'proposals' | 'ballots' | 'staff' | 'events' | 'meta';
  staff?: boolean;
  body?: { name: string; schema: Schema } | { csv: true };
  query?: Schema;
  /** Status → named schema, or a description for non-JSON bodies. */
  responses: Record<number, { name: string; schema: Schema } | { description: string; type: string }>;
  /** Error statuses this operation can answer with, beyond 400/404/429/500 that every route may return. */
  errors?: number[];
  headers?: Array<{ name: string; description: string }>;
}

const named = (name: string, schema: Schema) => ({ name, schema });
const View = named('ConsultationView', api.ConsultationView);
const Proposal = named('Proposal', api.ProposalResponse);

/** Every operation of /api/v1; the docs page and the OpenAPI document are both generated from this list. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness check',
    tag: 'meta',
    responses: { 200: named('HealthResponse', api.HealthResponse) },
  },
  {
    method: 'get',
    path: '/consultations',
    summary: 'List consultations (drafts for staff only)',
    tag: 'consultations',
    responses: { 200: named('ConsultationList', api.ConsultationList) },
  },
  {
    method: 'get',
    path: '/consultations/{slug}',
    summary: 'Read one consultation',
    tag: 'consultations',
    responses: { 200: View },
  },
  {
    method: 'post',
    path: '/consultations',
    summary: 'Create a consultation',
    tag: 'consultations',
    staff: true,
    body: named('ConsultationCreateRequest', api.ConsultationCreateRequest),
    responses: { 201: View },
    errors: [401, 403, 409],
  },
  {
    method: 'patch',
    path: '/consultations/{slug}',
    summary: 'Update a consultation (not its phase)',
    tag: 'consultations',
    staff: true,
    body: named('ConsultationPatchRequest', api.ConsultationPatchRequest),
    responses: { 200: View },
    errors: [401, 403, 409],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/phase',
    summary: 'Move to a later phase (never backwards)',
    tag: 'consultations',
    staff: true,
    body: named('PhaseChangeRequest', api.PhaseChangeRequest),
    responses: { 200: View },
    errors: [401, 403, 409],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/milestones',
    summary: 'Add a milestone',
    tag: 'consultations',
    staff: true,
    body: named('MilestoneCreateRequest', api.MilestoneCreateRequest),
    responses: { 201: named('Milestone', api.MilestoneResponse) },
    errors: [401, 403],
  },
  {
    method: 'patch',
    path: '/consultations/{slug}/milestones/{milestoneId}',
    summary: 'Update a milestone (e.g. mark it done)',
    tag: 'consultations',
    staff: true,
    body: named('MilestonePatchRequest', api.MilestonePatchRequest),
    responses: { 200: named('Milestone', api.MilestoneResponse) },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/updates',
    summary: 'Post a progress update',
    tag: 'consultations',
    staff: true,
    body: named('ProgressUpdateRequest', api.ProgressUpdateRequest),
    responses: { 201: named('ProgressUpdate', api.ProgressUpdateResponse) },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/consultations/{slug}/proposals',
    summary: 'List proposals or 微心愿 (non-public statuses need a staff token)',
    tag: 'proposals',
    query: api.ProposalListQuery,
    responses: { 200: named('ProposalList', api.ProposalList) },
    errors: [403],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/proposals',
    summary: 'Submit a proposal or 微心愿',
    tag: 'proposals',
    body: named('ProposalSubmitRequest', api.ProposalSubmitRequest),
    responses: { 201: Proposal },
    errors: [409, 410],
  },
  {
    method: 'post',
    path: '/proposals/{id}/support',
    summary: 'Support a proposal (once per voterKey)',
    tag: 'proposals',
    body: named('SupportRequest', api.SupportRequest),
    responses: { 200: Proposal },
    errors: [409],
  },
  {
    method: 'post',
    path: '/proposals/{id}/claim',
    summary: 'Claim a 微心愿',
    tag: 'proposals',
    body: named('ClaimRequest', api.ClaimRequest),
    responses: { 200: Proposal },
    errors: [409],
  },
  {
    method: 'patch',
    path: '/proposals/{id}',
    summary: 'Moderate a proposal',
    tag: 'proposals',
    staff: true,
    body: named('ModerationRequest', api.ModerationRequest),
    responses: { 200: Proposal },
    errors: [401, 403, 409],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/ballots',
    summary: 'Cast a ballot; 201 once durable, 200 when the Idempotency-Key replays an earlier receipt',
    tag: 'ballots',
    body: named('BallotRequest', api.BallotRequest),
    headers: [
      {
        name: 'Idempotency-Key',
        description:
          'The same key with the same body returns the same receipt instead of voting twice; the same key with a different body is 422.',
      },
    ],
    responses: { 201: named('BallotAccepted', api.BallotAccepted), 200: named('BallotAccepted', api.BallotAccepted) },
    errors: [403, 409, 410, 413, 422],
  },
  {
    method: 'get',
    path: '/consultations/{slug}/tally',
    summary: 'Current result (hidden until close when the ballot says so)',
    tag: 'ballots',
    query: api.TallyQuery,
    responses: { 200: named('TallyView', api.TallyView) },
  },
  {
    method: 'get',
    path: '/receipts/{receiptId}',
    summary: 'Look up a receipt',
    tag: 'ballots',
    responses: { 200: named('Receipt', api.ReceiptResponse) },
  },
  {
    method: 'get',
    path: '/consultations/{slug}/ballot-box',
    summary: 'The public hash-chained ballot box (paged by `after`)',
    tag: 'ballots',
    query: api.BallotBoxQuery,
    responses: { 200: named('BallotBoxResponse', api.BallotBoxResponse) },
  },
  {
    method: 'get',
    path: '/consultations/{slug}/events',
    summary:
      'Server-sent events: tally, progress, proposal ({proposals: […]} batched per second), phase, meeting, evaluation (Last-Event-ID resumes)',
    tag: 'events',
    headers: [{ name: 'Last-Event-ID', description: 'Resume after this event id; otherwise a snapshot comes first.' }],
    responses: {
      200: { description: 'text/event-stream; events carry `id:`, heartbeats every 15 s', type: 'text/event-stream' },
    },
  },
  {
    method: 'post',
    path: '/consultations/{slug}/roll',
    summary: 'Import the voter roll (CSV: 房号, 姓名, 面积, 人数); all or nothing',
    tag: 'staff',
    staff: true,
    body: { csv: true },
    responses: { 201: named('RollImportResponse', api.RollImportResponse) },
    errors: [401, 403, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/consultations/{slug}/codes',
    summary:
      'Issue one-time voter codes (shown once); {"format":"html"} returns the printable A4 sheet with QR codes instead',
    tag: 'staff',
    staff: true,
    body: named('CodesRequest', api.CodesRequest),
    responses: { 201: named('CodesResponse', api.CodesResponse) },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/consultations/{slug}/staff-actions',
    summary: 'Who did what to this consultation: phase changes, moderation, roll imports, codes issued',
    tag: 'staff',
    staff: true,
    responses: { 200: named('StaffActionsResponse', api.StaffActionsResponse) },
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/consultations/{slug}/codes.html',
    summary:
      'Browser page for staff to print codes: changes nothing; its form (staff token, reissue) posts to the same URL and gets the sheet',
    tag: 'staff',
    responses: { 200: { description: 'HTML form (zh-CN)', type: 'text/html' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/sites/{site}/keys',
    summary: 'Register the key a host site signs voter tokens with (signed eligibility): HS256 secret or public JWK',
    tag: 'staff',
    staff: true,
    body: named('SiteKeyRequest', api.SiteKeyRequest),
    responses: {
      201: { description: 'Key stored (site, kind, kid); the material is never returned', type: 'application/json' },
    },
    errors: [400, 401, 403],
  },
];

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Invalid input (the message names the field)',
  401: 'Missing or invalid staff token',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflict (e.g. a second ballot by the same voter)',
  410: 'Gone (e.g. voting closed)',
  422: 'Idempotency-Key already used with a different body (code idempotency_key_reused)',
  413: 'Body too large',
  415: 'Unsupported Content-Type',
  429: 'Too many requests (see Retry-After)',
  500: 'Internal error (no details are disclosed)',
};

/**
 * JSON Schema of a zod schema. A transform (e.g. a ballot definition filling in yes/no options) has no JSON
 * Schema of its output, so its input side is described instead: it is what a client sends and reads back.
 */
function jsonSchema(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; in?: Schema } } })._zod.def;
      if (def.type === 'pipe' && def.in && Object.keys(ctx.jsonSchema).length === 0) {
        const { $schema: _drop, ...inner } = z.toJSONSchema(def.in, { io, unrepresentable: 'any' }) as Record<
          string,
          unknown
        >;
        Object.assign(ctx.jsonSchema, inner);
      }
    },
  }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const pathParams = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));

function queryParams(schema: Schema | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = { ErrorResponse: jsonSchema(api.ErrorResponse, 'output') };
  const ref = (name: string, schema: Schema, io: 'input' | 'output') => {
    schemas[name] ??= jsonSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(op.responses)) {
      responses[status] =
        'schema' in res
          ? {
              description: STATUS_TEXT[Number(status)] ?? '',
              content: { 'application/json': { schema: ref(res.name, res.schema, 'output') } },
            }
          : { description: res.description, content: { [res.type]: { schema: { type: 'string' } } } };
    }
    for (const status of [400, 404, 429, 500, ...(op.errors ?? [])]) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? '',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_m, ch: string) => ch.toUpperCase())}`,
      summary: op.summary,
      tags: [op.tag],
      parameters: [
        ...pathParams(op.path),
        ...queryParams(op.query),
        ...(op.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: false,
          description: h.description,
          schema: { type: 'string' },
        })),
      ],
      responses,
    };
    if (op.staff) operation.security = [{ bearer: [] }];
    if (op.body) {
      operation.requestBody =
        'csv' in op.body
          ? { required: true, content: { 'text/csv': { schema: { type: 'string' } } } }
          : { required: true, content: { 'application/json': { schema: ref(op.body.name, op.body.schema, 'input') } } };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里 API',
      version: '1',
      description:
        'Consultations, proposals, 微心愿, ballots with receipts and live events for neighbourhood governance.',
    },
    servers: [{ url: `${serverUrl}${api.API_PREFIX}` }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
