// The one script a host page loads: every element of the kit, each defined once. The early reads go first.
import './client/start-reads';
import './vote/vote.define';
import './proposals/proposals.define';
import './progress/progress.define';

export { LinliProgress } from './progress/progress';
export { LinliProposals } from './proposals/proposals';
export { LinliVote } from './vote/vote';
