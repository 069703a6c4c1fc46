import { z } from 'zod';
import { IsoDateTime } from '../models/common';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) as served at /open311/v2. Field names are the
 * spec's own (snake_case) so existing Open311 clients work unchanged; the mapping to and from Linli's Issue model
 * lives in ./open311-map.
 */

/** A service type: one category of problem a resident can report (`services.json`). */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** Linli asks no extra per-service attributes, so no `services/{code}.json` definitions exist. */
  metadata: z.literal(false),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311Service>;

export const Open311Status = z.enum(['open', 'closed']);

/** One request as the public sees it: never the reporter's name, phone, e-mail or device. */
export const Open311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: Open311Status,
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: IsoDateTime,
  updated_datetime: IsoDateTime,
  expected_datetime: IsoDateTime.nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequest>;
export const Open311ServiceRequestList = z.array(Open311ServiceRequest);

/** Form fields arrive as strings; an empty field means "not sent". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const coord = (min: number, max: number) =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    return typeof b === 'string' ? Number(b) : b;
  }, z
    .number({ error: 'must be a number' })
    .refine(Number.isFinite, 'must be a number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .optional());

/**
 * `POST requests.json`, as a form (application/x-www-form-urlencoded) or JSON. The spec asks for a location:
 * `lat` + `long`, `address_string` or `address_id`. `email`, `device_id` and `account_id` are accepted and not
 * kept (Linli stores no resident e-mail or device); a phone is masked before it is stored.
 */
export const Open311CreateRequest = z
  .object({
    // Optional here so a missing key is refused as 403 (no access), like a wrong one, not as 400.
    api_key: optText(200),
    jurisdiction_id: optText(200),
    service_code: z.preprocess(blankToUndefined, z.string({ error: 'is required' }).trim().min(1).max(64)),
    lat: coord(-90, 90),
    long: coord(-180, 180),
    address_string: optText(500),
    address_id: optText(200),
    description: optText(4000),
    email: optText(320),
    device_id: optText(200),
    account_id: optText(200),
    first_name: optText(50),
    last_name: optText(50),
    phone: optText(40),
    media_url: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) {
      const missing = v.lat === undefined ? 'lat' : 'long';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'lat and long are sent together' });
    }
    if (v.lat === undefined && v.address_string === undefined && v.address_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'a location is required: lat/long or address_string' });
    }
  });
export type Open311CreateRequest = z.infer<typeof Open311CreateRequest>;

/** The answer to a created request (201). */
export const Open311CreateResponse = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.string().nullable(),
  }),
);
export type Open311CreateResponse = z.infer<typeof Open311CreateResponse>;

const commaList = (item: z.ZodType<string>) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(1000).optional(),
  );

/** `GET requests.json` query: every filter optional; lists are comma-separated. */
export const Open311ListQuery = z.object({
  jurisdiction_id: optText(200),
  service_request_id: commaList(z.string().max(64)),
  service_code: commaList(z.string().max(64)),
  start_date: z.preprocess(blankToUndefined, IsoDateTime.optional()),
  end_date: z.preprocess(blankToUndefined, IsoDateTime.optional()),
  status: commaList(Open311Status),
});
export type Open311ListQuery = z.infer<typeof Open311ListQuery>;

/** Open311's error body: a list of `{code, description}`, code being the HTTP status. */
export const Open311Error = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Error = z.infer<typeof Open311Error>;

/** The spec: without dates, the last 90 days; never more than 1000 requests in one answer. */
export const OPEN311_DEFAULT_DAYS = 90;
export const OPEN311_MAX_RESULTS = 1000;
