// Voter rolls, one-time codes, the staff log and site keys: paths, inputs, one answer per status. No logic.
import { createRoute, z } from '@hono/zod-openapi';
import { SiteParam, SlugParam } from '@linli/core';
import { errors, html, json, jsonBody, STAFF, writeErrors } from './openapi';
import * as s from './schemas';

const tags = ['staff'];

export const importRoll = createRoute({
  method: 'post',
  path: '/consultations/{slug}/roll',
  tags,
  summary: 'Import the voter roll as CSV (房号,姓名,面积,人数; UTF-8 or GBK), all or nothing (staff)',
  security: STAFF,
  request: {
    params: SlugParam,
    // Read as bytes by the handler (the encoding is sniffed), so declared as a plain schema, not validated here.
    body: { content: { 'text/csv': { schema: { type: 'string' } } }, required: true },
  },
  responses: { 201: json(s.RollImportResponse, 'imported'), ...writeErrors(404, 409) },
});

export const issueCodes = createRoute({
  method: 'post',
  path: '/consultations/{slug}/codes',
  tags,
  summary: 'Issue one-time codes (units without one; `reissue`: every unit that has not voted) (staff)',
  security: STAFF,
  request: { params: SlugParam, body: jsonBody(s.CodesRequest) },
  responses: {
    201: {
      content: {
        'application/json': { schema: s.CodesResponse },
        'text/html': { schema: z.string() },
      },
      description: 'the codes, shown once (`format: "html"`: the printable A4 sheet, one card per unit with a QR code)',
    },
    ...writeErrors(404, 409),
  },
});

export const codesPage = createRoute({
  method: 'get',
  path: '/consultations/{slug}/codes.html',
  tags,
  summary: 'The page staff open in a browser to print codes; opening it changes nothing',
  request: { params: SlugParam },
  responses: { 200: html('a form asking for the staff token'), ...errors(400, 404) },
});

/** What the codes page's form posts (a browser cannot send an Authorization header from a link). */
const CodesForm = {
  type: 'object' as const,
  properties: { token: { type: 'string' as const }, reissue: { type: 'string' as const } },
  required: ['token'],
};

export const printCodes = createRoute({
  method: 'post',
  path: '/consultations/{slug}/codes.html',
  tags,
  summary: "The codes page's form: issues codes and answers with the printable sheet",
  request: {
    params: SlugParam,
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: CodesForm },
        'multipart/form-data': { schema: CodesForm },
      },
      required: true,
    },
  },
  responses: {
    ...errors(413),
    201: html('the printable A4 sheet (zh-CN), one card per unit'),
    400: html('the form again, saying it was incomplete'),
    401: html('the form again: token missing or wrong'),
    403: html('the form again: a department token, or a form posted from another site'),
    404: json(s.ErrorResponse, 'no such consultation (code `not_found`)'),
    409: html('the form again, saying why no codes could be issued'),
    410: html('the form again: the consultation is closed'),
  },
});

export const staffActions = createRoute({
  method: 'get',
  path: '/consultations/{slug}/staff-actions',
  tags,
  summary: 'Who changed this consultation: phases, moderation, roll imports and codes issued (staff)',
  security: STAFF,
  request: { params: SlugParam },
  responses: { 200: json(s.StaffActionsResponse, 'the staff log, oldest first'), ...errors(400, 403, 404) },
});

export const addSiteKey = createRoute({
  method: 'post',
  path: '/sites/{site}/keys',
  tags,
  summary: 'Register the key a host site signs eligibility tokens with (HS256 secret or public JWK) (staff)',
  security: STAFF,
  request: { params: SiteParam, body: jsonBody(s.SiteKeyRequest) },
  responses: { 201: json(s.SiteKeyResponse, 'registered'), ...writeErrors() },
});
