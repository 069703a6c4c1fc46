// Imported first by index.ts (import order is evaluation order, in the bundle too): the vote widgets' data is on its
// way while Lit and the elements are still being evaluated.
import { prefetchVotes } from './prefetch';

prefetchVotes();
