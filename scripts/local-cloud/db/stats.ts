/**
 * Per-invocation request counters. The function host sets the SDK's seqId to
 * `<invocationId>-<suffix>` (invocationId contains no '-'; the SDK builds seqId as
 * `${TCB_SEQID or context eventID}-${eventId}`), so every database request can be attributed
 * to the invocation that made it. seqIds without '-' only count towards the global totals.
 */
export type ActionClass = 'read' | 'write' | 'other'

export interface Counts {
  reads: number
  writes: number
  total: number
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
}

export function classify(action: string): ActionClass {
  return CLASSES[action] ?? 'other'
}

const zero = (): Counts => ({ reads: 0, writes: 0, total: 0 })

export class Stats {
  private readonly perInvocation = new Map<string, Counts>()
  private readonly global = zero()
  private readonly byAction = new Map<string, number>()

  record(action: string, seqId: string | undefined): void {
    const cls = classify(action)
    const bump = (c: Counts) => {
      c.total++
      if (cls === 'read') c.reads++
      else if (cls === 'write') c.writes++
    }
    bump(this.global)
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1)
    const dash = seqId ? seqId.indexOf('-') : -1
    if (seqId && dash > 0) {
      const inv = seqId.slice(0, dash)
      let c = this.perInvocation.get(inv)
      if (!c) this.perInvocation.set(inv, (c = zero()))
      bump(c)
    }
  }

  /** Counts of one invocation; clears them. */
  take(invocationId: string): Counts {
    const c = this.perInvocation.get(invocationId) ?? zero()
    this.perInvocation.delete(invocationId)
    return c
  }

  totals(): Counts & { byAction: Record<string, number> } {
    return { ...this.global, byAction: Object.fromEntries(this.byAction) }
  }
}
