/**
 * The codes of frozen rolls, in memory: which unit a code's hash names, without asking the store.
 *
 * Before a ballot is queued the desk needs the unit behind its code (the voter and the weight). Asking the store
 * for it was the largest single cost of a ballot on the main thread: with SQLite every commit of the writer thread
 * empties the reading connection's page cache, so the lookup reads its index pages again; with PostgreSQL it is a
 * round trip. Once the first ballot has frozen the electorate the roll cannot be replaced (the store refuses), so
 * a unit's name and weight no longer change: only its code (a reissue, for units that have not voted) and whether
 * it has voted do — and the commit checks both again, inside its transaction, for every ballot. So the index may be
 * out of date in exactly the ways the commit catches:
 *
 * - a reissued code is not in it: the desk asks the store, as before;
 * - a replaced code still is: the commit refuses it (code_invalid, 403, as the store would have);
 * - a unit that voted since the index was read looks unvoted: the commit refuses a second ballot (code_used, 409)
 *   or replays it for its Idempotency-Key, as the desk would have.
 *
 * Units this process has seen vote are marked, so their retries go back to the store's answer at once. Bounded: a
 * consultation leaves the index when voting ends or its cache entry is invalidated, and all of it when it would
 * hold more than `maxUnits`.
 */
import type { RollUnitRecord, Store } from '../store/types';

type Index = Map<string, RollUnitRecord>;

export class RollCodeIndex {
  private readonly ready = new Map<string, Index>();
  private readonly loading = new Map<string, Promise<void>>();
  private units = 0;

  constructor(
    private readonly store: Pick<Store, 'listRollCodes'>,
    private readonly maxUnits = 200_000,
  ) {}

  /**
   * The unvoted unit holding this code hash in the frozen roll, or null when the index cannot say (not loaded yet,
   * a code issued since, a unit that voted): then ask the store. Call only for a consultation whose electorate is
   * frozen: before that the roll may still be replaced.
   */
  unitOf(consultationId: string, codeHash: string): RollUnitRecord | null {
    const index = this.ready.get(consultationId);
    if (!index) {
      this.load(consultationId);
      return null;
    }
    const unit = index.get(codeHash);
    return unit && !unit.voted ? unit : null;
  }

  /** A unit whose ballot this process saw committed: its code now answers from the store (409 or a replay). */
  voted(consultationId: string, codeHash: string): void {
    // Marked, not deleted: unitOf already passes over a voted unit, and deleting from a map of a whole roll rehashes
    // and shrinks it as it empties (a few µs per ballot on the main thread). The entry's memory was counted anyway.
    const unit = this.ready.get(consultationId)?.get(codeHash);
    if (unit) unit.voted = true;
  }

  forget(consultationId: string): void {
    const index = this.ready.get(consultationId);
    if (index) this.units -= index.size;
    this.ready.delete(consultationId);
    this.loading.delete(consultationId);
  }

  /** Reads the roll's codes in the background; ballots meanwhile ask the store. */
  private load(consultationId: string): void {
    if (this.loading.has(consultationId)) return;
    const loading = this.store.listRollCodes(consultationId).then(
      (codes) => {
        // Forgotten (voting ended, roll invalidated) while the read was under way: keep nothing.
        if (this.loading.get(consultationId) !== loading) return;
        this.loading.delete(consultationId);
        if (this.units + codes.length > this.maxUnits) this.clear();
        if (codes.length > this.maxUnits) return;
        this.ready.set(consultationId, new Map(codes.map(({ codeHash, unit }) => [codeHash, unit])));
        this.units += codes.length;
      },
      () => {
        // The store will be asked per ballot, as without the index; a later ballot tries again.
        this.loading.delete(consultationId);
      },
    );
    this.loading.set(consultationId, loading);
  }

  private clear(): void {
    this.ready.clear();
    this.units = 0;
  }
}
