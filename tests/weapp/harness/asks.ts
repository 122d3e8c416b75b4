/**
 * The WeChat APIs that wait for the person holding the phone (a modal, the scanner, the file
 * picker, the subscribe dialog…). A call stays pending until the test answers it, as on a phone:
 *
 *   const modal = await mp.asks.next('showModal');   // the page asked; read modal.args.content
 *   modal.answer({ confirm: true, cancel: false });   // or modal.fail('showModal:fail cancel')
 *
 * or answered ahead of time: `mp.asks.prepare('scanCode', { result: code })` answers the next one.
 * Every ask is kept in `log` in order.
 */

export type AskedApi =
  | 'showModal'
  | 'showActionSheet'
  | 'scanCode'
  | 'chooseMessageFile'
  | 'chooseMedia'
  | 'chooseImage'
  | 'requestSubscribeMessage'
  | 'makePhoneCall';

export type Answer = { ok: true; res: Record<string, unknown> } | { ok: false; errMsg: string };

export interface Ask {
  api: AskedApi;
  args: Record<string, unknown>;
  answered: Answer | null;
  answer(res: Record<string, unknown>): void;
  fail(errMsg?: string): void;
}

type Resolver = (answer: Answer) => void;

export class Asks {
  readonly log: Ask[] = [];
  private prepared = new Map<AskedApi, Answer[]>();
  private waiting: Array<{ api: AskedApi; resolve: (ask: Ask) => void }> = [];
  private unclaimed: Ask[] = [];

  /** Answer the next `api` ask with `res` (success), or with a failure when `res` is an Error-like `{ errMsg }`. */
  prepare(api: AskedApi, res: Record<string, unknown> | { fail: string }): void {
    const answer: Answer =
      'fail' in res && typeof res.fail === 'string' ? { ok: false, errMsg: res.fail } : { ok: true, res: res as Record<string, unknown> };
    this.prepared.set(api, [...(this.prepared.get(api) ?? []), answer]);
  }

  /** The next ask of `api` (already made and unclaimed, or the next one made), within `timeoutMs`. */
  next(api: AskedApi, timeoutMs = 5000): Promise<Ask> {
    const i = this.unclaimed.findIndex((a) => a.api === api);
    if (i >= 0) return Promise.resolve(this.unclaimed.splice(i, 1)[0]);
    return new Promise<Ask>((resolve, reject) => {
      const entry = { api, resolve };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        const seen = this.log.map((a) => a.api).join(', ') || 'none';
        reject(new Error(`the page did not call wx.${api} within ${timeoutMs} ms (asks so far: ${seen})`));
      }, timeoutMs);
      entry.resolve = (ask) => {
        clearTimeout(timer);
        resolve(ask);
      };
      this.waiting.push(entry);
    });
  }

  /** Asks still waiting for an answer. */
  pending(): Ask[] {
    return this.log.filter((a) => a.answered === null);
  }

  /** Called by the wx shim: resolves when the test answers. */
  ask(api: AskedApi, args: Record<string, unknown>): Promise<Answer> {
    return new Promise<Answer>((resolve: Resolver) => {
      const ask: Ask = {
        api,
        args,
        answered: null,
        answer(res) {
          if (ask.answered) throw new Error(`wx.${api} was already answered`);
          ask.answered = { ok: true, res };
          resolve(ask.answered);
        },
        fail(errMsg = `${api}:fail cancel`) {
          if (ask.answered) throw new Error(`wx.${api} was already answered`);
          ask.answered = { ok: false, errMsg };
          resolve(ask.answered);
        },
      };
      this.log.push(ask);
      const ready = this.prepared.get(api);
      if (ready && ready.length > 0) {
        const answer = ready.shift()!;
        if (answer.ok) ask.answer(answer.res);
        else ask.fail(answer.errMsg);
        return;
      }
      const w = this.waiting.findIndex((x) => x.api === api);
      if (w >= 0) this.waiting.splice(w, 1)[0].resolve(ask);
      else this.unclaimed.push(ask);
    });
  }

  reset(): void {
    this.prepared.clear();
    this.unclaimed = [];
  }
}
