/** node:crypto for the pure lotteries of shared/ (shared/lottery.ts), which take their hashes as parameters. */
import { createHash, createHmac } from 'node:crypto';
import type { LotteryHashes } from '../../shared/lottery';

export const nodeHashes: LotteryHashes = {
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  hmacSha256Hex: (key, text) => createHmac('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex'),
};
