/**
 * A 2d canvas as WeChat's `Canvas` node (type="2d") and `wx.createOffscreenCanvas` give it, enough for
 * F2/G to mount and draw: state (fillStyle, font, transform), paths as no-ops, and a real RGBA
 * pixel buffer that fillRect/clearRect/fillText paint into, so G's font measuring
 * (fillRect red, fillText black, then scan getImageData for the glyphs' top and bottom) finds
 * sensible ascent/descent. No anti-aliasing, glyphs are solid boxes: this is geometry, not a
 * renderer. Every fillText is recorded (text, position, font, colour) for tests to read back.
 */

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  font: string;
  fillStyle: string;
}

const NAMED: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  transparent: [0, 0, 0],
};

function parseColor(value: unknown): [number, number, number, number] {
  const s = String(value ?? '#000')
    .trim()
    .toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1].split('').map((c) => parseInt(c + c, 16)), 255] as [number, number, number, number];
  m = /^#([0-9a-f]{6})/.exec(s);
  if (m) return [parseInt(m[1].slice(0, 2), 16), parseInt(m[1].slice(2, 4), 16), parseInt(m[1].slice(4, 6), 16), 255];
  m = /^rgba?\(([^)]+)\)/.exec(s);
  if (m) {
    const [r, g, b, a = '1'] = m[1].split(',').map((p) => p.trim());
    return [Number(r), Number(g), Number(b), Math.round(Number(a) * 255)];
  }
  const named = NAMED[s];
  return named ? [...named, s === 'transparent' ? 0 : 255] : [0, 0, 0, 255];
}

function fontSizeOf(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 10;
}

/** Width of a string: CJK glyphs are square, others about 0.6 em. */
export function textWidth(text: string, font: string): number {
  const size = fontSizeOf(font);
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return w;
}

export class FakeContext2D {
  fillStyle: unknown = '#000';
  strokeStyle: unknown = '#000';
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  lineWidth = 1;
  globalAlpha = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  miterLimit = 10;
  shadowBlur = 0;
  shadowColor = 'transparent';
  shadowOffsetX = 0;
  shadowOffsetY = 0;
  globalCompositeOperation = 'source-over';
  lineDashOffset = 0;
  readonly texts: DrawnText[] = [];
  private matrix = [1, 0, 0, 1, 0, 0];
  private stack: Array<{ matrix: number[]; fillStyle: unknown; font: string; textAlign: string; textBaseline: string }> = [];

  constructor(readonly canvas: FakeCanvasNode) {}

  private get pixels(): Uint8ClampedArray {
    return this.canvas.pixels();
  }

  save(): void {
    this.stack.push({
      matrix: [...this.matrix],
      fillStyle: this.fillStyle,
      font: this.font,
      textAlign: this.textAlign,
      textBaseline: this.textBaseline,
    });
  }
  restore(): void {
    const s = this.stack.pop();
    if (s)
      Object.assign(this, { matrix: s.matrix, fillStyle: s.fillStyle, font: s.font, textAlign: s.textAlign, textBaseline: s.textBaseline });
  }
  scale(x: number, y: number): void {
    this.matrix[0] *= x;
    this.matrix[3] *= y;
  }
  translate(x: number, y: number): void {
    this.matrix[4] += x * this.matrix[0];
    this.matrix[5] += y * this.matrix[3];
  }
  setTransform(a = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    this.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.setTransform();
  }
  transform(): void {}
  rotate(): void {}
  getTransform() {
    const [a, b, c, d, e, f] = this.matrix;
    return { a, b, c, d, e, f };
  }

  private paint(x: number, y: number, w: number, h: number, rgba: [number, number, number, number]): void {
    const [a, , , d, e, f] = this.matrix;
    const x0 = Math.max(0, Math.floor(x * a + e));
    const y0 = Math.max(0, Math.floor(y * d + f));
    const x1 = Math.min(this.canvas.width, Math.ceil((x + w) * a + e));
    const y1 = Math.min(this.canvas.height, Math.ceil((y + h) * d + f));
    const px = this.pixels;
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) px.set(rgba, (row * this.canvas.width + col) * 4);
    }
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.paint(x, y, w, h, parseColor(this.fillStyle));
  }
  clearRect(x: number, y: number, w: number, h: number): void {
    this.paint(x, y, w, h, [0, 0, 0, 0]);
  }
  strokeRect(): void {}
  fillText(text: string, x: number, y: number): void {
    const value = String(text);
    this.texts.push({ text: value, x, y, font: this.font, fillStyle: String(this.fillStyle) });
    const size = fontSizeOf(this.font);
    const width = textWidth(value, this.font);
    const left = this.textAlign === 'center' ? x - width / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? x - width : x;
    const top = this.textBaseline === 'top' ? y : this.textBaseline === 'middle' ? y - size / 2 : y - size * 0.8;
    this.paint(left, top, width, size, parseColor(this.fillStyle));
  }
  strokeText(): void {}
  measureText(text: string) {
    const size = fontSizeOf(this.font);
    return {
      width: textWidth(String(text), this.font),
      actualBoundingBoxAscent: size * 0.8,
      actualBoundingBoxDescent: size * 0.2,
      fontBoundingBoxAscent: size * 0.8,
      fontBoundingBoxDescent: size * 0.2,
    };
  }
  getImageData(x: number, y: number, w: number, h: number) {
    const out = new Uint8ClampedArray(Math.max(1, w) * Math.max(1, h) * 4);
    const px = this.pixels;
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const sx = x + col;
        const sy = y + row;
        if (sx < 0 || sy < 0 || sx >= this.canvas.width || sy >= this.canvas.height) continue;
        const from = (sy * this.canvas.width + sx) * 4;
        out.set(px.subarray(from, from + 4), (row * w + col) * 4);
      }
    }
    return { data: out, width: w, height: h };
  }
  putImageData(): void {}
  createImageData(w: number, h: number) {
    return { data: new Uint8ClampedArray(w * h * 4), width: w, height: h };
  }
  createLinearGradient() {
    return { addColorStop() {} };
  }
  createRadialGradient() {
    return { addColorStop() {} };
  }
  createPattern() {
    return null;
  }
  setLineDash(): void {}
  getLineDash(): number[] {
    return [];
  }
  drawImage(): void {}
  beginPath(): void {}
  closePath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  arc(): void {}
  arcTo(): void {}
  ellipse(): void {}
  rect(): void {}
  roundRect(): void {}
  bezierCurveTo(): void {}
  quadraticCurveTo(): void {}
  fill(): void {}
  stroke(): void {}
  clip(): void {}
  isPointInPath(): boolean {
    return false;
  }
  isPointInStroke(): boolean {
    return false;
  }
}

/** WeChat's Canvas node (from SelectorQuery `fields({node:true})`) / OffscreenCanvas. */
export class FakeCanvasNode {
  private w: number;
  private h: number;
  private buffer: Uint8ClampedArray;
  private context: FakeContext2D | null = null;

  constructor(width = 300, height = 150) {
    this.w = width;
    this.h = height;
    this.buffer = new Uint8ClampedArray(width * height * 4);
  }
  get width(): number {
    return this.w;
  }
  set width(v: number) {
    this.w = Math.max(0, Math.floor(v));
    this.buffer = new Uint8ClampedArray(this.w * this.h * 4);
  }
  get height(): number {
    return this.h;
  }
  set height(v: number) {
    this.h = Math.max(0, Math.floor(v));
    this.buffer = new Uint8ClampedArray(this.w * this.h * 4);
  }
  pixels(): Uint8ClampedArray {
    return this.buffer;
  }
  getContext(type: string): FakeContext2D {
    if (type !== '2d') throw new Error(`canvas: only the 2d context is modelled, not "${type}"`);
    this.context = this.context ?? new FakeContext2D(this);
    return this.context;
  }
  /** Every text drawn so far, in order. */
  get texts(): DrawnText[] {
    return this.context?.texts ?? [];
  }
  requestAnimationFrame(cb: (t: number) => void): number {
    return setTimeout(() => cb(Date.now()), 16) as unknown as number;
  }
  cancelAnimationFrame(id: number): void {
    clearTimeout(id);
  }
  createImage() {
    return { src: '', width: 0, height: 0, onload: null, onerror: null };
  }
}
