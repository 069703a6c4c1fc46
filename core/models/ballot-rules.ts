/**
 * Rules about a ballot that every part applies the same way: the server, the `<linli-vote>` widget and the vote
 * page. Zod-free on purpose (types only from ./ballot), so the widget bundle can import it without pulling in zod.
 */
import type { BallotBoxMode, BallotDefinition, Eligibility, ResultsVisibility } from './ballot';

export const VOTING_METHODS = ['yesno', 'single', 'multiple', 'ranked', 'budget'] as const;
export const RULE_PRESETS = ['simple-majority', 'plurality', 'civil-code-ordinary', 'civil-code-major'] as const;

/** The 民法典 第二百七十八条 presets weigh both exclusive area and owner headcount. */
export const CIVIL_CODE_PRESETS: readonly (typeof RULE_PRESETS)[number][] = ['civil-code-ordinary', 'civil-code-major'];
export const isCivilCode = (preset: (typeof RULE_PRESETS)[number]) => CIVIL_CODE_PRESETS.includes(preset);

/** Whether the outcome is legally binding: an open ballot is only an 意向调查 (opinion poll) and binds no one. */
export const isBinding = (def: Pick<BallotDefinition, 'eligibility'>) => def.eligibility !== 'open';

/** Binding votes keep choices off the public box; an open poll has nothing to hide and lets anyone recount. */
export const defaultBallotBox = (eligibility: Eligibility): BallotBoxMode =>
  eligibility === 'open' ? 'public' : 'receipts';

/**
 * A `receipts` box is a secret ballot (无记名投票), so its results are shown only after the close; other boxes show
 * them live unless staff choose otherwise.
 *
 * Why a secret ballot gets no live results at all (and not, say, a tally published every k ballots): whoever
 * watches the live tally and knows when a neighbour voted (stood beside them at the 居委会, or runs the site they
 * voted on) reads that neighbour's choice from the change; batching only moves the problem to a batch that voted
 * alike, or to the last few ballots before the close, so "secret unless your batch agreed" is no promise a 街道
 * can make to residents. A secret vote is counted at the close (开箱计票) and announced on the result notice
 * (结果公示); until then the public sees how many ballots were cast, and staff see the running count to chase
 * turnout. Asking for `live` with a `receipts` box is refused (400 naming `resultsVisibility`), not quietly changed.
 */
export const defaultResultsVisibility = (box: BallotBoxMode): ResultsVisibility =>
  box === 'receipts' ? 'after_close' : 'live';

/** The combination refused at creation: live results for a secret (`receipts`) box. */
export const leaksSecretBallot = (def: { ballotBox: BallotBoxMode; resultsVisibility: ResultsVisibility }) =>
  def.ballotBox === 'receipts' && def.resultsVisibility === 'live';
