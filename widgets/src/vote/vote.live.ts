/**
 * What keeps <linli-vote> in step with the server after the first read: the live stream (tally and phase) and the
 * ballot outbox, and the receipt looked up and checked in the public ballot box.
 */

import {
  type ballotOutbox,
  type ConsultationView,
  getBallotBoxEntry,
  getConsultation,
  type SavedReceipt,
  type TallyView,
} from '../client/api';
import type { QueueEvent } from '../client/queue';
import { sharedStream } from '../client/stream';
import { type Verdict, verifyReceipt } from '../client/verify';

/** Subscribes to the matter's stream and to the outbox; returns the unsubscribers. */
export function followLive(
  server: string,
  consultation: string,
  outbox: ReturnType<typeof ballotOutbox>,
  on: {
    tally: (tally: TallyView) => void;
    /** The phase shown now, if any. */
    phase: () => string | undefined;
    view: (view: ConsultationView) => void;
    queue: (event: QueueEvent) => void;
  },
): Array<() => void> {
  const stream = sharedStream(server);
  return [
    stream.subscribe(consultation, (type, data) => {
      if (type === 'tally') on.tally(data as TallyView);
      // The snapshot repeats the phase we already show: refetch only on a real change (dates, votingOpen).
      const shown = on.phase();
      if (type === 'phase' && shown !== undefined && (data as { phase?: string }).phase !== shown)
        void getConsultation(server, consultation).then(on.view, () => {});
    }),
    stream.onOpen(() => void outbox.flush()),
    outbox.on(on.queue),
  ];
}

/**
 * Looks the receipt up in the public ballot box and checks it there (client/verify.ts): seq, hashes and the chain
 * link always; the ballot hash recomputed from this browser's choices (with the receipt's secret in a `receipts`
 * box) whenever the box publishes the weight it needs. A contradiction is shown, never "in the box". Tried again
 * while the box cannot be reached or lacks the entry, as long as the receipt is still shown.
 */
export async function findInBox(
  server: string,
  consultation: string,
  receipt: SavedReceipt,
  on: { shown: () => boolean; found: (verdict: Verdict) => void },
  attempt = 0,
): Promise<void> {
  try {
    const box = await getBallotBoxEntry(server, consultation, receipt.seq);
    const entry = box.entries.find((e) => e.seq === receipt.seq);
    if (entry) {
      const verdict = await verifyReceipt(receipt, entry, receipt.mine);
      if (on.shown()) on.found(verdict);
      return;
    }
  } catch {
    // Unreachable for now: try again below.
  }
  if (attempt < 8 && on.shown()) setTimeout(() => void findInBox(server, consultation, receipt, on, attempt + 1), 1500);
}
