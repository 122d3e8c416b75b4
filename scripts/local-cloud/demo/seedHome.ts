/**
 * Home-page demo data: union contacts (联系工会) and carousel banners (首页轮播图) of 宁波市总工会
 * and 北仑区总工会. Phone numbers are made-up office landlines. Banner pictures are drawn here
 * (a gradient with soft circles, no text: the title is laid over it by the app) and written to the
 * local storage folder by `writeSeedBannerImages` when the local cloud starts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { C } from '../../../cloudfunctions/_lib/collections';
import { encodePng } from '../../png';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
const DAY = 86_400_000;

/** Where seeded banner pictures live in local storage (read like any stored image: GET /api/storage/…). */
const IMAGE_DIR = 'covers/seed';
const imageId = (name: string) => `cloud://local.local-storage/${IMAGE_DIR}/${name}.png`;

const PICTURES: Record<string, { from: [number, number, number]; to: [number, number, number] }> = {
  friday: { from: [0xff, 0x6a, 0x4d], to: [0xc8, 0x00, 0x12] },
  daycare: { from: [0x4f, 0xb3, 0xff], to: [0x17, 0x6f, 0xd6] },
  walk: { from: [0x3c, 0xc7, 0x8a], to: [0x0f, 0x8a, 0x55] },
};

export const SEED_CONTACTS = [
  {
    unionId: 'nb',
    unionName: '宁波市总工会',
    contactPhone: '0574-87361234',
    address: '宁波市海曙区解放南路 208 号 职工服务中心一楼',
    hours: '工作日 8:30-12:00，13:30-17:00',
    location: { latitude: 29.8684, longitude: 121.5449 },
  },
  {
    unionId: 'nb-bl',
    unionName: '北仑区总工会',
    contactPhone: '0574-86781234',
    address: '宁波市北仑区新碶街道明州路 301 号 职工服务中心二楼',
    hours: '工作日 8:30-11:30，13:30-17:00',
    location: { latitude: 29.9066, longitude: 121.8444 },
  },
  {
    unionId: 'nb-bl-xq',
    unionName: '新碶街道总工会',
    contactPhone: '0574-86861234',
    address: '宁波市北仑区新碶街道新大路 1180 号',
    hours: '工作日 9:00-11:30，14:00-17:00',
    location: null,
  },
  {
    unionId: 'nb-hs',
    unionName: '海曙区总工会',
    contactPhone: '0574-87201234',
    address: '宁波市海曙区望京路 99 号',
    hours: '工作日 8:30-12:00，13:30-17:00',
    location: null,
  },
];

interface SeedBanner {
  id: string;
  unionId: 'nb' | 'nb-bl';
  title: string;
  picture: keyof typeof PICTURES;
  link: { kind: 'post' | 'drop' | 'page'; id: string };
  linkTitle: string;
  sort: number;
}

const UNIONS = { nb: { name: '宁波市总工会', ancestors: ['nb'] }, 'nb-bl': { name: '北仑区总工会', ancestors: ['nb', 'nb-bl'] } };

export const SEED_BANNERS: SeedBanner[] = [
  {
    id: 'bn_seed_nb_friday',
    unionId: 'nb',
    title: '周五福利 每周五 10:00 开抢',
    picture: 'friday',
    link: { kind: 'page', id: 'benefits' },
    linkTitle: '周五福利',
    sort: 0,
  },
  {
    id: 'bn_seed_bl_daycare',
    unionId: 'nb-bl',
    title: '北仑暑托班开始报名',
    picture: 'daycare',
    link: { kind: 'page', id: 'daycare' },
    linkTitle: '暑托班',
    sort: 0,
  },
  {
    id: 'bn_seed_bl_walk',
    unionId: 'nb-bl',
    title: '“奋进北仑”职工健步走',
    picture: 'walk',
    link: { kind: 'post', id: 'p_seed_bl_walk' },
    linkTitle: '“奋进北仑”职工健步走活动报名啦',
    sort: 1,
  },
];

export async function seedHome(db: Db, now: number): Promise<void> {
  for (const c of SEED_CONTACTS) {
    const { unionId, ...fields } = c;
    await db
      .collection(C.unionContacts)
      .doc(unionId)
      .set({ ...fields, updatedAt: new Date(now) });
  }
  for (const b of SEED_BANNERS) {
    const union = UNIONS[b.unionId];
    await db
      .collection(C.banners)
      .doc(b.id)
      .set({
        unionId: b.unionId,
        unionName: union.name,
        unionAncestors: union.ancestors,
        title: b.title,
        image: imageId(b.picture),
        link: b.link,
        linkTitle: b.linkTitle,
        startAt: new Date(now - DAY),
        endAt: new Date(now + 30 * DAY),
        sort: b.sort,
        createdAt: new Date(now - DAY),
      });
  }
}

/** A 750×300 banner background: a diagonal gradient with two lighter circles. */
export function drawBannerPicture(from: readonly number[], to: readonly number[]): Buffer {
  const W = 750;
  const H = 300;
  const row = W * 3 + 1;
  const raw = Buffer.alloc(row * H);
  const circles = [
    { x: 640, y: 60, r: 150 },
    { x: 560, y: 300, r: 110 },
  ];
  for (let y = 0; y < H; y += 1) {
    raw[y * row] = 0;
    for (let x = 0; x < W; x += 1) {
      const t = (x / W) * 0.7 + (y / H) * 0.3;
      let light = 0;
      for (const c of circles) if ((x - c.x) ** 2 + (y - c.y) ** 2 <= c.r * c.r) light += 0.08;
      const o = y * row + 1 + x * 3;
      for (let k = 0; k < 3; k += 1) {
        const base = from[k] + (to[k] - from[k]) * t;
        raw[o + k] = Math.round(base + (255 - base) * light);
      }
    }
  }
  return encodePng(W, H, 'rgb', raw, 9);
}

/** Writes the seeded banners' pictures into the storage folder when missing (cheap, idempotent). */
export function writeSeedBannerImages(storageDir: string): void {
  for (const [name, p] of Object.entries(PICTURES)) {
    const file = join(storageDir, IMAGE_DIR, `${name}.png`);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, drawBannerPicture(p.from, p.to));
  }
}
