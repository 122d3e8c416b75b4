/**
 * Per-invocation request counters. The function host sets the SDK's seqId to
 * `<invocationId>-<suffix>` (invocationId contains no '-'; the SDK builds seqId as
 * `${TCB_SEQID or context eventID}-${eventId}`), so every database request can be attributed
 * to the invocation that made it. seqIds without '-' only count towards the global totals.
 *
 * The host's invocation ids name a slot of a SharedArrayBuffer (`CountSlots`): the database
 * thread adds to the slot and the host reads it when the invocation ends, with no message
 * between the threads. Any other prefix (a test calling the engine directly) is counted in a map
 * and read with `take()`.
 */
export type ActionClass = 'read' | 'write' | 'other';

export interface Counts {
  reads: number;
  writes: number;
  total: number;
}

const CLASSES: Record<string, ActionClass> = {
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.aggregateDocuments': 'read',
  'database.getInTransaction': 'read',
  'database.insertDocument': 'write',
  'database.modifyDocument': 'write',
  'database.removeDocument': 'write',
  'database.modifyAndReturnDoc': 'write',
  'database.updateDocInTransaction': 'write',
  'database.deleteDocInTransaction': 'write',
  'database.addCollection': 'write',
  // Commit applies the buffered writes; start/abort are bookkeeping only (count in total).
  'database.commitTransaction': 'write',
  'database.startTransaction': 'other',
  'database.abortTransaction': 'other',
};

export function classify(action: string): ActionClass {
  return CLASSES[action] ?? 'other';
}

const zero = (): Counts => ({ reads: 0, writes: 0, total: 0 });

/** Slots in the ring; a slot is reused after this many later invocations. */
export const COUNT_SLOTS = 1 << 16;
const ID_PREFIX = 'inv';
const SLOT_PATTERN = /^[0-9a-z]{1,4}$/;

/**
 * Per-invocation counters in shared memory, three Int32 cells (total, reads, writes) per slot.
 * The host claims a slot per invocation (a ring: an invocation would have to outlive 65 535
 * later ones to share its slot) and puts it in the invocation id; the database bumps it.
 */
export class CountSlots {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;
  private next = 0;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(COUNT_SLOTS * 3 * Int32Array.BYTES_PER_ELEMENT);
    this.cells = new Int32Array(this.buffer);
  }

  /** Host side: a zeroed slot and the invocation id that names it (`inv<slot>_<unique>`, no '-'). */
  claim(unique: string): { slot: number; invocationId: string } {
    const slot = this.next;
    this.next = (this.next + 1) % COUNT_SLOTS;
    for (let i = 0; i < 3; i++) Atomics.store(this.cells, slot * 3 + i, 0);
    return { slot, invocationId: `${ID_PREFIX}${slot.toString(36)}_${unique}` };
  }

  read(slot: number): Counts {
    const at = slot * 3;
    return { total: Atomics.load(this.cells, at), reads: Atomics.load(this.cells, at + 1), writes: Atomics.load(this.cells, at + 2) };
  }

  /** Database side: the slot named by an invocation id, or -1 when it names none. */
  static slotOf(invocationId: string): number {
    const us = invocationId.indexOf('_');
    if (us < 0 || !invocationId.startsWith(ID_PREFIX)) return -1;
    const digits = invocationId.slice(ID_PREFIX.length, us);
    if (!SLOT_PATTERN.test(digits)) return -1;
    const slot = parseInt(digits, 36);
    return slot < COUNT_SLOTS ? slot : -1;
  }

  bump(slot: number, cls: ActionClass): void {
    const at = slot * 3;
    Atomics.add(this.cells, at, 1);
    if (cls === 'read') Atomics.add(this.cells, at + 1, 1);
    else if (cls === 'write') Atomics.add(this.cells, at + 2, 1);
  }
}

export class Stats {
  private readonly perInvocation = new Map<string, Counts>();
  /** Shared slots the host reads (set when the engine runs behind the local cloud's host). */
  constructor(private readonly slots?: CountSlots) {}
  private readonly global = zero();
  private readonly byAction = new Map<string, number>();

  record(action: string, seqId: string | undefined): void {
    const cls = classify(action);
    const bump = (c: Counts) => {
      c.total++;
      if (cls === 'read') c.reads++;
      else if (cls === 'write') c.writes++;
    };
    bump(this.global);
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
    const dash = seqId ? seqId.indexOf('-') : -1;
    if (seqId && dash > 0) {
      const inv = seqId.slice(0, dash);
      const slots = this.slots;
      const slot = slots ? CountSlots.slotOf(inv) : -1;
      if (slots && slot >= 0) {
        slots.bump(slot, cls);
        return;
      }
      let c = this.perInvocation.get(inv);
      if (!c) this.perInvocation.set(inv, (c = zero()));
      bump(c);
    }
  }

  /** Counts of one invocation; clears them. */
  take(invocationId: string): Counts {
    const c = this.perInvocation.get(invocationId) ?? zero();
    this.perInvocation.delete(invocationId);
    return c;
  }

  totals(): Counts & { byAction: Record<string, number> } {
    return { ...this.global, byAction: Object.fromEntries(this.byAction) };
  }
}
