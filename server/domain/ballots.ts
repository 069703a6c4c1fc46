/**
 * The ballot desk: validates a ballot, checks eligibility, queues it for group commit and answers with the
 * receipt once it is durable; reads the maintained tally, receipts and the public ballot box; audits the chain.
 */
import { randomBytes } from 'node:crypto';
import type { BallotRequest, TallyView } from '@linli/core';
import {
  aggregateToJSON,
  type BallotBoxEntry,
  type BallotDefinition,
  type Eligibility,
  type FrozenElectorateView,
  formatHundredths,
  type Lang,
  type Receipt,
  type TallySpec,
} from '@linli/core';
import { AggregateRegistry, recount } from '../ledger/aggregates';
import { canonicalJSON, chainHash, entryHash, sameBallotContent } from '../ledger/chain';
import { genesisOf } from '../ledger/electorate';
import { GroupCommitter } from '../store/group-commit';
import type {
  AppendOutcome,
  BallotToAppend,
  ConsultationRecord,
  FrozenElectorate,
  RollTotals,
  StoredBallot,
} from '../store/types';
import { ballotSecret, boxEntryOf, boxModeOf, hashFormatOf, receiptFor, scopedIdempotencyKey } from './ballot-box';
import { RollCodeIndex } from './code-index';
import { codeKeyOf } from './codes';
import { votingClosedReason } from './consultations';
import { type DomainContext, isoNow, requireBallot, requireConsultation } from './context';
import { electorateProblems } from './electorate';
import { checkEligibility, unitVoterHash } from './eligibility';
import { type AuditReport, type BallotBoxHead, type CastOptions, type CastResult, DomainError } from './service';
import { refusalError } from './store-refusals';
import { checkBallotContent, isHidden, renderTallyView, tallySpec } from './tally-view';

interface Prepared {
  record: ConsultationRecord;
  def: BallotDefinition;
  spec: TallySpec;
  fetched: number;
  /** The electorate is frozen (a ballot is in): the roll can no longer be replaced (code-index.ts). */
  frozen: boolean;
  /** The totals of the frozen electorate as read from the store (it never changes): present once it was read. */
  frozenTotals?: RollTotals | null;
}

/**
 * Receipt ids: `r_`, the time in milliseconds (8 base-36 digits, fixed width until 2059), then 16 random bytes
 * (base64url), cut from a pool that is refilled 256 ids at a time. One call into the CSPRNG per ballot cost more than
 * hashing the ballot; the bytes are the same quality either way.
 * Why the time first: the unique index on receipt ids is written with every ballot. Purely random ids land each
 * insert on a random leaf of that index, so every ballot of a group commit dirtied a page of its own (one more 4 KB
 * WAL frame to write, copy and checkpoint per ballot); ids that grow with time all land on the right-most leaf.
 * Base-36 digits sort in byte order (0-9 < a-z), as SQLite's and PostgreSQL's text keys compare. The random part
 * keeps the id unguessable (128 bits, as before); the time it shows is the moment its own holder voted, and receipt
 * ids are never published (ballot-box.ts).
 */
const RECEIPT_BYTES = 16;
let receiptPool = Buffer.alloc(0);
let receiptOffset = 0;
// The time prefix of the last id: ballots arrive several per millisecond under load, and formatting a number in
// base 36 is not free.
let prefixMs = -1;
let prefix = '';
function newReceiptId(): string {
  if (receiptOffset + RECEIPT_BYTES > receiptPool.length) {
    receiptPool = randomBytes(RECEIPT_BYTES * 256);
    receiptOffset = 0;
  }
  const id = receiptPool.toString('base64url', receiptOffset, receiptOffset + RECEIPT_BYTES);
  receiptOffset += RECEIPT_BYTES;
  const now = Date.now();
  if (now !== prefixMs) {
    prefixMs = now;
    prefix = `r_${now.toString(36).padStart(8, '0')}`;
  }
  return prefix + id;
}

/** Cached facts about a consultation on the hot path; short-lived because the CLI may change them from outside. */
const CACHE_MS = 1000;

export class BallotDesk {
  readonly registry = new AggregateRegistry();
  readonly committer: GroupCommitter;
  private readonly cache = new Map<string, Prepared>();
  private readonly slugs = new Map<string, string>();
  private readonly codes: RollCodeIndex;

  constructor(
    private readonly ctx: DomainContext,
    options: { maxBatch?: number } = {},
  ) {
    this.committer = new GroupCommitter(ctx.store, this.registry, {
      ...(options.maxBatch ? { maxBatch: options.maxBatch } : {}),
      onCommit: (batch, outcomes) => this.announce(batch, outcomes),
    });
    this.codes = new RollCodeIndex(ctx.store);
  }

  invalidate(slug: string) {
    const cached = this.cache.get(slug);
    if (cached) this.codes.forget(cached.record.id);
    this.cache.delete(slug);
  }

  /** The cached facts while they are fresh: the ballot path takes them without a promise (one per ballot saved). */
  private fresh(slug: string, staff: boolean): Prepared | undefined {
    const cached = this.cache.get(slug);
    if (cached && Date.now() - cached.fetched < CACHE_MS && (staff || cached.record.phase !== 'draft')) return cached;
    return undefined;
  }

  private async prepare(slug: string, staff: boolean): Promise<Prepared> {
    const cached = this.fresh(slug, staff);
    if (cached) return cached;
    const record = await requireConsultation(this.ctx, slug, staff);
    const def = requireBallot(record);
    // A frozen electorate never changes, and reading it again reads its whole snapshot (the roll, hundreds of KB
    // for a large estate) once a second while ballots arrive: its totals are kept from the last refresh.
    const earlier = this.cache.get(slug);
    const kept = earlier?.record.id === record.id ? earlier.frozenTotals : undefined;
    const frozen = kept === undefined ? await this.ctx.store.getFrozenElectorate(record.id) : null;
    const electorate = kept === undefined ? await this.electorate(record.id, frozen) : kept;
    const spec = tallySpec(def, electorate);
    const prepared: Prepared = {
      record,
      def,
      spec,
      fetched: Date.now(),
      frozen: kept !== undefined || frozen !== null,
      ...(kept !== undefined || frozen !== null ? { frozenTotals: electorate } : {}),
    };
    if (record.phase !== 'voting') this.codes.forget(record.id);
    this.registry.register(record.id, spec);
    this.slugs.set(record.id, record.slug);
    this.cache.set(slug, prepared);
    return prepared;
  }

  /**
   * The electorate a vote is judged against: the roll frozen with the first ballot, or while none has been cast
   * the roll as imported. Never the live roll once voting has begun, so editing it cannot move the result.
   */
  private async electorate(consultationId: string, known?: FrozenElectorate | null): Promise<RollTotals | null> {
    const frozen = known === undefined ? await this.ctx.store.getFrozenElectorate(consultationId) : known;
    if (!frozen) return this.ctx.store.rollTotals(consultationId);
    return frozen.units === 0 ? null : { units: frozen.units, area: frozen.area, count: frozen.count };
  }

  /** Emits one `tally` event per consultation per committed batch (the SSE layer coalesces further). */
  private announce(batch: readonly BallotToAppend[], outcomes: readonly AppendOutcome[]) {
    const heads = new Map<string, number>();
    outcomes.forEach((o, i) => {
      if (!o.ok || o.replayed) return;
      const cid = batch[i]!.consultationId;
      heads.set(cid, Math.max(heads.get(cid) ?? 0, o.receipt.seq));
    });
    for (const [cid, ballots] of heads) {
      const slug = this.slugs.get(cid);
      if (slug) this.ctx.emit({ type: 'tally', slug, data: { ballots } });
    }
  }

  /** Who may vote (open, code, signed), from the same short-lived cache the ballot path uses. */
  eligibility(slug: string): Eligibility | Promise<Eligibility> {
    return this.fresh(slug, false)?.def.eligibility ?? this.prepare(slug, false).then((p) => p.def.eligibility);
  }

  async cast(slug: string, input: BallotRequest, options: CastOptions = {}): Promise<CastResult> {
    // `input` and the key were validated at the edge (BallotRequest, IdempotencyKey): only what needs the
    // consultation is checked here.
    const key = options.idempotencyKey;
    const prepared = this.fresh(slug, false) ?? (await this.prepare(slug, false));
    const { record, def } = prepared;
    const content = checkBallotContent(def, input);
    const closed = votingClosedReason(record, this.ctx.now());
    const mode = boxModeOf(def);
    // Keys are scoped to the credential (ballot-box.ts): another credential with this key is a new request.
    const scopedKey =
      key === undefined ? undefined : scopedIdempotencyKey(this.ctx.pepper, record.id, def.eligibility, input, key);
    const code = def.eligibility === 'code' ? codeKeyOf(this.ctx.pepper, record.id, input.code) : null;
    // While voting is open on a frozen roll, the code's unit comes from memory (code-index.ts); otherwise one lookup.
    const indexed = code && !closed && prepared.frozen ? this.codes.unitOf(record.id, code.hash) : null;
    const unit = indexed ?? (code ? await this.ctx.store.findRollUnitByCode(record.id, code.hash) : null);
    let eligible: Awaited<ReturnType<typeof checkEligibility>>;
    try {
      const checked = checkEligibility(
        {
          store: this.ctx.store,
          pepper: this.ctx.pepper,
          consultationId: record.id,
          slug: record.slug,
          community: record.doc.community,
          ballot: def,
          ...(code ? { prefetched: { normalized: code.normalized, codeHash: code.hash, unit } } : {}),
        },
        input,
      );
      eligible = checked instanceof Promise ? await checked : checked;
    } catch (error) {
      // A used code with the same Idempotency-Key is the retry of a ballot that got through: replay it.
      if (unit?.voted && error instanceof DomainError && error.code === 'conflict') {
        const voter = unitVoterHash(this.ctx.pepper, record.id, unit.unit);
        const replay = await this.replay(record.id, voter, scopedKey, content, mode);
        if (replay) return replay;
      }
      if (closed) throw new DomainError('gone', closed);
      throw error;
    }
    // A replay must still answer after voting closed: the voter's ballot sent with this key, if any.
    if (closed) {
      const replay = await this.replay(record.id, eligible.voterHash, scopedKey, content, mode);
      if (replay) return replay;
      throw new DomainError('gone', closed);
    }
    // While voting is open, the commit finds the voter's earlier ballot in its transaction: a replay of this key, or
    // a second ballot (store/rows.ts againstEarlier). No lookup here: a first ballot, nearly all of them, has none.
    const receiptId = newReceiptId();
    const hashFormat = hashFormatOf(def);
    const secret = hashFormat === 3 ? ballotSecret(this.ctx.pepper, record.id, receiptId) : undefined;
    const outcome = await this.committer.submit({
      consultationId: record.id,
      voterHash: eligible.voterHash,
      ...(scopedKey !== undefined ? { idempotencyKey: scopedKey } : {}),
      ...(eligible.rollUnit ? { rollUnit: eligible.rollUnit } : {}),
      content,
      weight: eligible.weight,
      receiptId,
      at: isoNow(this.ctx),
      hashFormat,
      ...(secret !== undefined ? { secret } : {}),
    });
    if (!outcome.ok) throw refusalError(outcome.refusal);
    // A ballot is in: the roll is frozen from now on, and this code's unit has voted.
    prepared.frozen = true;
    if (code) this.codes.voted(record.id, code.hash);
    // Our own receipt carries the secret just derived; a replay found in the transaction is another receipt.
    const receipt =
      secret !== undefined && outcome.receipt.receiptId === receiptId
        ? { ...outcome.receipt, secret }
        : receiptFor(this.ctx.pepper, mode, outcome.receipt);
    return { receipt, replayed: outcome.replayed };
  }

  /**
   * The voter's ballot when it was sent with this (scoped) Idempotency-Key: this request again, replayed (or refused
   * when its content differs), as the commit decides it (store/rows.ts againstEarlier). Null for no such ballot.
   */
  private async replay(
    consultationId: string,
    voterHash: string,
    scopedKey: string | undefined,
    content: ReturnType<typeof checkBallotContent>,
    mode: ReturnType<typeof boxModeOf>,
  ): Promise<CastResult | null> {
    if (scopedKey === undefined) return null;
    const earlier = await this.ctx.store.findVoterBallot(consultationId, voterHash);
    if (!earlier || earlier.idempotencyKey !== scopedKey) return null;
    if (!sameBallotContent(earlier.content, content)) throw refusalError({ reason: 'key_reused' });
    return { receipt: receiptFor(this.ctx.pepper, mode, earlier.receipt), replayed: true };
  }

  async tally(slug: string, options: { staff?: boolean; lang?: Lang | 'both' } = {}): Promise<TallyView> {
    const staff = options.staff ?? false;
    const { record, def, spec } = await this.prepare(slug, staff);
    const stored = await this.ctx.store.getTally(record.id);
    const aggregate = this.registry.load(record.id, stored.aggregate) as Parameters<
      typeof renderTallyView
    >[0]['aggregate'];
    // The phase decides visibility: read it fresh rather than from the cache (closing must reveal at once).
    const phase = (await this.ctx.store.getConsultationById(record.id))?.phase ?? record.phase;
    const now = this.ctx.now();
    return renderTallyView({
      slug: record.slug,
      phase,
      def,
      spec,
      aggregate,
      staff,
      lang: options.lang ?? 'both',
      now,
    });
  }

  async receipt(receiptId: string): Promise<Receipt> {
    const receipt =
      typeof receiptId === 'string' && receiptId.length <= 64 ? await this.ctx.store.getReceipt(receiptId) : null;
    if (!receipt) throw new DomainError('not_found', `no receipt "${String(receiptId)}"`, { field: 'receiptId' });
    const def = (await this.ctx.store.getConsultationById(receipt.consultationId))?.doc.ballot;
    return def ? receiptFor(this.ctx.pepper, boxModeOf(def), receipt) : receipt;
  }

  async ballotBox(
    slug: string,
    options: { after?: number; limit?: number; staff?: boolean } = {},
  ): Promise<BallotBoxEntry[]> {
    const record = await requireConsultation(this.ctx, slug, options.staff ?? false);
    const def = requireBallot(record);
    const after = Number.isInteger(options.after) && options.after! > 0 ? options.after! : 0;
    const limit = Number.isInteger(options.limit) ? Math.min(Math.max(options.limit!, 1), 10_000) : 10_000;
    const rows = await this.ctx.store.listBallots(record.id, after, limit);
    const showContent = !isHidden(def, record.phase, options.staff ?? false);
    return rows.map((b) => boxEntryOf(b, showContent));
  }

  /** The box's mode and the chain head the server holds now (what the result notice prints at close). */
  async ballotBoxHead(slug: string, staff = false): Promise<BallotBoxHead> {
    const record = await requireConsultation(this.ctx, slug, staff);
    const def = requireBallot(record);
    const tally = await this.ctx.store.getTally(record.id);
    const head = tally.headHash && tally.headSeq > 0 ? { seq: tally.headSeq, chainHash: tally.headHash } : null;
    return { ballotBox: boxModeOf(def), head };
  }

  async frozenElectorate(slug: string, staff: boolean): Promise<FrozenElectorateView | null> {
    const record = await requireConsultation(this.ctx, slug, staff);
    requireBallot(record);
    const frozen = await this.ctx.store.getFrozenElectorate(record.id);
    if (!frozen) return null;
    const { digest, units, count, boundToChain } = frozen;
    // The roll is frozen by the first ballot: its exact time is that voter's time, so the public sees the day only.
    const frozenAt = staff ? frozen.frozenAt : frozen.frozenAt.slice(0, 10);
    return { digest, units, area: formatHundredths(frozen.area), count, frozenAt, boundToChain };
  }

  async audit(slug: string): Promise<AuditReport> {
    const record = await requireConsultation(this.ctx, slug);
    const def = requireBallot(record);
    const spec = tallySpec(def, await this.electorate(record.id));
    const frozen = await this.ctx.store.getFrozenElectorate(record.id);
    const problems: string[] = [];
    const all: StoredBallot[] = [];
    for (let after = 0; ; ) {
      const page = await this.ctx.store.listBallots(record.id, after, 5000);
      if (page.length === 0) break;
      all.push(...page);
      after = page[page.length - 1]!.seq;
    }
    let prev = genesisOf(record.id, frozen);
    all.forEach((b, i) => {
      if (b.seq !== i + 1) problems.push(`seq ${b.seq}: expected seq ${i + 1} (an entry is missing or duplicated)`);
      const secret = b.hashFormat === 3 ? ballotSecret(this.ctx.pepper, record.id, b.receiptId) : undefined;
      const hash = entryHash({ ...b, format: b.hashFormat, ...(secret ? { secret } : {}) });
      if (hash !== b.ballotHash) problems.push(`seq ${b.seq}: ballotHash does not match the entry's content`);
      if (b.prevHash !== prev) problems.push(`seq ${b.seq}: prevHash does not match the chainHash of the entry before`);
      if (chainHash(prev, b.ballotHash) !== b.chainHash)
        problems.push(`seq ${b.seq}: chainHash is not sha256(prevHash + ballotHash)`);
      prev = b.chainHash;
    });
    const chainOk = problems.length === 0;
    const stored = await this.ctx.store.getTally(record.id);
    const tallyProblems: string[] = [];
    if (stored.ballots !== all.length)
      tallyProblems.push(`tally: counts ${stored.ballots} ballots but the box holds ${all.length}`);
    if (all.length > 0 && stored.headHash !== prev)
      tallyProblems.push('tally: the recorded head hash is not the last chainHash');
    let recounted: unknown;
    try {
      recounted = aggregateToJSON(recount(spec, all));
    } catch (error) {
      tallyProblems.push(`tally: a stored ballot cannot be counted (${(error as Error).message})`);
    }
    const storedJson = stored.aggregate ?? aggregateToJSON(recount(spec, []));
    if (recounted !== undefined && canonicalJSON(recounted) !== canonicalJSON(storedJson)) {
      tallyProblems.push('tally: recounting the stored ballots gives totals different from the stored tally');
    }
    const roll = await this.ctx.store.listRollUnits(record.id);
    if (def.eligibility === 'code') {
      const voted = roll.filter((u) => u.voted).length;
      if (voted !== all.length)
        tallyProblems.push(`roll: ${voted} units are marked voted but the box holds ${all.length} ballots`);
    }
    if (frozen) tallyProblems.push(...electorateProblems(frozen, roll));
    else if (all.length > 0) tallyProblems.push('roll: ballots were cast but no frozen electorate is recorded');
    problems.push(...tallyProblems);
    const tallyOk = tallyProblems.length === 0;
    return { ok: chainOk && tallyOk, chainOk, tallyOk, entries: all.length, problems };
  }
}
