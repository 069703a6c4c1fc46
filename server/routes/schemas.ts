/**
 * The core/api schemas under the names the OpenAPI document gives them (`components.schemas`). Core stays plain
 * zod, shared with the widgets and the extension; the server attaches the names with zod's own metadata. Schemas
 * nested in these (a ballot definition inside a consultation) stay inline, as readers of one schema expect.
 */
import * as api from '@linli/core';

const named = <S extends { meta(m: { id: string }): S }>(schema: S, id: string) => schema.meta({ id });

export const ConsultationCreateRequest = named(api.ConsultationCreateRequest, 'ConsultationCreateRequest');
export const ConsultationPatchRequest = named(api.ConsultationPatchRequest, 'ConsultationPatchRequest');
export const PhaseChangeRequest = named(api.PhaseChangeRequest, 'PhaseChangeRequest');
export const MilestoneCreateRequest = named(api.MilestoneCreateRequest, 'MilestoneCreateRequest');
export const MilestonePatchRequest = named(api.MilestonePatchRequest, 'MilestonePatchRequest');
export const ProgressUpdateRequest = named(api.ProgressUpdateRequest, 'ProgressUpdateRequest');
export const ConsultationView = named(api.ConsultationView, 'ConsultationView');
export const ConsultationRead = named(api.ConsultationRead, 'ConsultationRead');
export const ConsultationList = named(api.ConsultationList, 'ConsultationList');
export const Milestone = named(api.Milestone, 'Milestone');
export const ProgressUpdate = named(api.ProgressUpdate, 'ProgressUpdate');

export const ProposalSubmitRequest = named(api.ProposalSubmitRequest, 'ProposalSubmitRequest');
export const SupportRequest = named(api.SupportRequest, 'SupportRequest');
export const ClaimRequest = named(api.ClaimRequest, 'ClaimRequest');
export const ModerationRequest = named(api.ModerationRequest, 'ModerationRequest');
export const Proposal = named(api.Proposal, 'Proposal');
export const ProposalList = named(api.ProposalList, 'ProposalList');

export const BallotRequest = named(api.BallotRequest, 'BallotRequest');
export const BallotAccepted = named(api.BallotAccepted, 'BallotAccepted');
export const TallyView = named(api.TallyView, 'TallyView');
export const Receipt = named(api.Receipt, 'Receipt');
export const BallotBoxResponse = named(api.BallotBoxResponse, 'BallotBoxResponse');

export const RollImportResponse = named(api.RollImportResponse, 'RollImportResponse');
export const CodesRequest = named(api.CodesRequest, 'CodesRequest');
export const CodesResponse = named(api.CodesResponse, 'CodesResponse');
export const StaffActionsResponse = named(api.StaffActionsResponse, 'StaffActionsResponse');
export const SiteKeyRequest = named(api.SiteKeyRequest, 'SiteKeyRequest');
export const SiteKeyResponse = named(api.SiteKeyResponse, 'SiteKeyResponse');

export const IssuePublishRequest = named(api.IssuePublishRequest, 'IssuePublishRequest');
export const IssueList = named(api.IssueList, 'IssueList');

export const HealthResponse = named(api.HealthResponse, 'HealthResponse');
export const ErrorResponse = named(api.ErrorResponse, 'ErrorResponse');
