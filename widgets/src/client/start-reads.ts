// Imported first by index.ts (import order is evaluation order, in the bundle too): on a page that loads the release
// file itself, the vote widgets' data is on its way while Lit and the elements are still being evaluated.
import { startReads } from './early';

startReads();
