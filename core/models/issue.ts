import { z } from 'zod';
import { Id, IsoDateTime, MaskedPhone } from './common';

export const ISSUE_SCHEMA_VERSION = 1 as const;

export const IssueStatus = z.enum(['new', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected']);
export type IssueStatus = z.infer<typeof IssueStatus>;

/** Open311 GeoReport v2 knows only `open` and `closed`. */
export function open311Status(status: IssueStatus): 'open' | 'closed' {
  return status === 'new' || status === 'accepted' || status === 'in_progress' ? 'open' : 'closed';
}

export const IssueLocation = z.object({
  address: z.string().trim().max(500).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

export const IssueReporter = z.object({
  name: z.string().trim().max(100).optional(),
  phone: MaskedPhone.optional(),
  channel: z.string().trim().max(100).optional(),
});

export const IssueSource = z.object({
  url: z.string().trim().max(2048).optional(),
  portal: z.string().trim().max(200).optional(),
  caseNumber: z.string().trim().max(100).optional(),
  capturedAt: IsoDateTime,
  pageTitle: z.string().trim().max(500).optional(),
});

export const IssueUpdate = z.object({
  at: IsoDateTime.optional(),
  text: z.string().trim().min(1).max(20_000),
  by: z.string().trim().max(200).optional(),
  status: IssueStatus.optional(),
});

export const AttachmentKind = z.enum(['image', 'document', 'video', 'link', 'other']);
export const IssueAttachment = z.object({
  url: z.string().trim().min(1).max(2048),
  kind: AttachmentKind.default('other'),
});

/** A problem captured from a portal or posted by a resident; aligned with Open311 GeoReport v2. */
export const Issue = z.object({
  schemaVersion: z.literal(ISSUE_SCHEMA_VERSION).default(ISSUE_SCHEMA_VERSION),
  id: Id,
  title: z.string().trim().min(1).max(500),
  description: z.string().max(50_000).default(''),
  category: z.string().trim().max(200).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  location: IssueLocation.default({}),
  reporter: IssueReporter.default({}),
  department: z.string().trim().max(200).optional(),
  source: IssueSource,
  reportedAt: IsoDateTime.optional(),
  status: IssueStatus.default('new'),
  updates: z.array(IssueUpdate).max(500).default([]),
  attachments: z.array(IssueAttachment).max(100).default([]),
  duplicateOf: Id.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Issue = z.infer<typeof Issue>;
export type IssueInput = z.input<typeof Issue>;
export type IssueUpdate = z.infer<typeof IssueUpdate>;
