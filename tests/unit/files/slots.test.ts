/** Upload slots: signed cloud paths, upload tokens, and the image rules both sides share. */
import { checkUploadToken, issueSlot, SLOT_TTL_MS, verifySlotPath } from '../../../cloudfunctions/_lib/fileSlots';
import { extFromName, isSafeCloudPath, parseFileId, parseSlotPath, sniffImage } from '../../../shared/files/images';

const SECRET = 'a'.repeat(64);
const OTHER_SECRET = 'b'.repeat(64);
const NOW = Date.parse('2026-07-03T02:00:00Z'); // 10:00 Beijing

function slot(over: Partial<Parameters<typeof issueSlot>[0]> = {}) {
  return issueSlot({ purpose: 'post_cover', unionId: 'nb-bl', ext: 'png', openid: 'o_admin', nowMs: NOW, ...over }, SECRET);
}

describe('signed cloud paths', () => {
  it('names the union, the Beijing month and the purpose, and verifies only unchanged with the same secret', () => {
    const s = slot();
    expect(s.cloudPath).toMatch(/^covers\/nb-bl\/202607\/p_[0-9a-f]{12}_[0-9a-f]{20}\.png$/);
    expect(verifySlotPath(s.cloudPath, SECRET)).toMatchObject({ unionId: 'nb-bl', purpose: 'post_cover', ext: 'png' });
    expect(verifySlotPath(s.cloudPath, OTHER_SECRET)).toBeNull();
    // Moving the file to another union's folder, month, purpose or format breaks the signature.
    for (const tampered of [
      s.cloudPath.replace('covers/nb-bl/', 'covers/nb-hs/'),
      s.cloudPath.replace('/202607/', '/202608/'),
      s.cloudPath.replace('/p_', '/d_'),
      s.cloudPath.replace(/\.png$/, '.jpg'),
    ]) {
      expect(parseSlotPath(tampered)).not.toBeNull();
      expect(verifySlotPath(tampered, SECRET)).toBeNull();
    }
    expect(slot({ purpose: 'drop_picture', ext: 'webp' }).cloudPath).toMatch(/^covers\/nb-bl\/202607\/d_[0-9a-f]{12}_[0-9a-f]{20}\.webp$/);
  });
});

describe('upload tokens', () => {
  it('authorise this caller for this path until the slot expires', () => {
    const s = slot();
    expect(checkUploadToken(s.uploadToken, s.cloudPath, 'o_admin', NOW, SECRET)).toBe('valid');
    expect(checkUploadToken(s.uploadToken, s.cloudPath, 'o_admin', NOW + SLOT_TTL_MS - 1000, SECRET)).toBe('valid');
    expect(checkUploadToken(s.uploadToken, s.cloudPath, 'o_admin', NOW + SLOT_TTL_MS + 1000, SECRET)).toBe('expired');
    expect(checkUploadToken(s.uploadToken, s.cloudPath, 'o_member', NOW, SECRET)).toBe('forged');
    expect(checkUploadToken(s.uploadToken, slot().cloudPath, 'o_admin', NOW, SECRET)).toBe('forged');
    expect(checkUploadToken(s.uploadToken, s.cloudPath, 'o_admin', NOW, OTHER_SECRET)).toBe('forged');
    expect(checkUploadToken('u1.1.x', s.cloudPath, 'o_admin', NOW, SECRET)).toBe('forged');
    // A later expiry written into the token does not verify.
    const [v, exp, sig] = s.uploadToken.split('.');
    expect(checkUploadToken(`${v}.${Number(exp) + 3600}.${sig}`, s.cloudPath, 'o_admin', NOW, SECRET)).toBe('forged');
  });
});

describe('image rules', () => {
  it('recognises JPEG, PNG and WebP by their bytes only', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpg');
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
    expect(extFromName('wxfile://tmp_abc.JPEG')).toBe('jpg');
    expect(extFromName('image/webp')).toBe('webp');
    expect(extFromName('blob:http://x/123')).toBeNull();
  });

  it('accepts only plain relative paths under covers/', () => {
    expect(isSafeCloudPath('covers/nb-bl/202607/p_a.png')).toBe(true);
    for (const bad of [
      '',
      '/covers/a.png',
      'covers/../secrets.json',
      'covers/./a.png',
      'covers//a.png',
      'covers/a\\b.png',
      'other/a.png',
      'covers/a%2e.png',
      `covers/${'a'.repeat(300)}`,
    ]) {
      expect(isSafeCloudPath(bad)).toBe(false);
    }
    expect(parseFileId('cloud://prod-1a2b.7072-prod-1a2b-1300000000/covers/x.png')).toEqual({
      bucket: 'prod-1a2b.7072-prod-1a2b-1300000000',
      path: 'covers/x.png',
    });
    expect(parseFileId('https://example.org/x.png')).toBeNull();
  });
});
