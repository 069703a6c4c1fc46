import { z } from 'zod';
import { Issue } from '../models/issue';

/**
 * Staff publish clipped issues: `POST /api/v1/issues` with one Issue or `{issues: Issue[]}` (Bearer token,
 * Idempotency-Key). The answer lists the stored issues in the order sent, each with the server's own id.
 * `GET /api/v1/issues` lists the published issues in the same shape.
 */
export const IssuePublishRequest = z.union([z.object({ issues: z.array(Issue).min(1).max(500) }).strict(), Issue]);
export type IssuePublishRequest = z.input<typeof IssuePublishRequest>;

export const IssueList = z.object({ issues: z.array(Issue) });
export type IssueList = z.infer<typeof IssueList>;
