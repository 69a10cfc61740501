import { describe, expect, it } from 'vitest';
import { renditionSrcset, renditionUrl, usefulSlots } from './renditions';

const ID = '0f'.repeat(32);

describe('rendition URLs', () => {
  it('follow from the photo id, slot and format alone', () => {
    expect(renditionUrl(ID, 320, 'webp')).toBe(`/media/photos/${ID}/320.webp`);
    expect(renditionUrl(ID, 2048, 'jpg')).toBe(`/media/photos/${ID}/2048.jpg`);
  });

  it.each([
    [4000, [[320, 320], [1024, 1024], [2048, 2048]]],
    [2048, [[320, 320], [1024, 1024], [2048, 2048]]],
    [1500, [[320, 320], [1024, 1024], [2048, 1500]]],
    [1024, [[320, 320], [1024, 1024]]],
    [600, [[320, 320], [1024, 600]]],
    [200, [[320, 200]]],
    [null, [[320, 320], [1024, 1024], [2048, 2048]]],
  ])('an original %s px wide offers the slots it fills, with their real widths', (width, expected) => {
    expect(usefulSlots(width).map(({ slot, width: real }) => [slot, real])).toEqual(expected);
  });

  it('writes srcset with each file’s real width', () => {
    expect(renditionSrcset(ID, 'webp', 600)).toBe(`/media/photos/${ID}/320.webp 320w, /media/photos/${ID}/1024.webp 600w`);
  });
});
