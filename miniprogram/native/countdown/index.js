/**
 * <countdown target="{{ms}}" server-offset="{{ms}}" prefix="距开抢" bind:finish="onOpen" />
 *
 * The drop countdown, a native WeChat component so that a ticking clock never re-renders the page:
 * one setInterval per second, and setData carries only the fields that changed
 * (days / hours / minutes / seconds / done). Time is the server's: now = Date.now() + serverOffset,
 * where serverOffset = serverTime − clientTime measured when the page synced.
 * Fires `finish` once when it reaches zero. Plain JS: native components cannot import the TS code
 * (the H5 twin is components/Countdown.tsx with utils/countdown.ts).
 */

function pad2(n) {
  return n < 10 ? '0' + n : String(n);
}

/** The fields to show at `now` for an opening at `target` (both epoch ms). */
function partsAt(target, now) {
  var left = Math.max(0, Math.ceil((target - now) / 1000));
  return {
    days: Math.floor(left / 86400),
    hours: pad2(Math.floor((left % 86400) / 3600)),
    minutes: pad2(Math.floor((left % 3600) / 60)),
    seconds: pad2(left % 60),
    done: left === 0,
  };
}

Component({
  options: { addGlobalClass: false },

  properties: {
    /** Epoch ms of the opening; 0 = not known yet (shows nothing ticking, never finishes). */
    target: { type: Number, value: 0 },
    /** serverTime − clientTime in ms. */
    serverOffset: { type: Number, value: 0 },
    prefix: { type: String, value: '距开抢' },
    doneText: { type: String, value: '已开抢' },
  },

  data: {
    days: 0,
    hours: '00',
    minutes: '00',
    seconds: '00',
    done: false,
  },

  observers: {
    'target, serverOffset': function () {
      // Only once attached: `attached` starts the first run itself.
      if (this._attached) this._restart();
    },
  },

  lifetimes: {
    attached: function () {
      this._attached = true;
      this._restart();
    },
    detached: function () {
      this._attached = false;
      this._stop();
    },
  },

  methods: {
    _restart: function () {
      this._stop();
      this._finished = false;
      if (!this.data.target) return;
      this._tick();
      if (!this._finished) {
        var self = this;
        this._timer = setInterval(function () {
          self._tick();
        }, 1000);
      }
    },

    _stop: function () {
      if (this._timer) {
        clearInterval(this._timer);
        this._timer = null;
      }
    },

    _tick: function () {
      var next = partsAt(this.data.target, Date.now() + (this.data.serverOffset || 0));
      var changed = {};
      var any = false;
      var keys = ['days', 'hours', 'minutes', 'seconds', 'done'];
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        if (this.data[k] !== next[k]) {
          changed[k] = next[k];
          any = true;
        }
      }
      if (any) this.setData(changed);
      if (next.done && !this._finished) {
        this._finished = true;
        this._stop();
        this.triggerEvent('finish', { target: this.data.target });
      }
    },
  },
});
