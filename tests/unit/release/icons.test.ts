// @vitest-environment node
// The stores' rules for icons and images (scripts/store-assets), on made-up PNGs and on the
// real icon set and store images.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iconSetProblems, MANIFEST_ICON_SIZES, paddingProblem } from '../../../scripts/store-assets/icon-rules';
import { STORE_IMAGES, STORE_IMAGES_DIR } from '../../../scripts/store-assets/images';
import { decodePng, pngSize } from '../../../scripts/store-assets/png';
import { makePng } from './binary-fixtures';

/** A size×size icon, transparent outside a square from `from` to `to` (inclusive). */
const square = (size: number, from: number, to: number, filter = 0) =>
  makePng(size, size, (x, y) => (x >= from && x <= to && y >= from && y <= to ? [11, 92, 173, 255] : [0, 0, 0, 0]), filter);

const realIcons = () =>
  new Map(MANIFEST_ICON_SIZES.map((size) => [size, existsSync(`public/icon/${size}.png`) ? readFileSync(`public/icon/${size}.png`) : undefined] as const));

describe('PNG reading', () => {
  it('decodes every row filter to the same pixels', () => {
    const reference = decodePng(square(20, 4, 15, 0));
    for (const filter of [1, 2, 3, 4]) expect(decodePng(square(20, 4, 15, filter)).rgba).toEqual(reference.rgba);
    expect(reference.rgba.subarray((4 * 20 + 4) * 4, (4 * 20 + 4) * 4 + 4)).toEqual(new Uint8Array([11, 92, 173, 255]));
  });

  it('refuses what is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a…'))).toThrow(/not a PNG/);
  });
});

describe("the stores' icon rules", () => {
  const set = (big: Buffer) => new Map<number, Buffer | undefined>([[16, square(16, 0, 15)], [32, square(32, 0, 31)], [48, square(48, 0, 47)], [128, big]]);

  it('a 128 px icon with its artwork inside 16–111 passes', () => {
    expect(iconSetProblems(set(square(128, 16, 111)), 'icons')).toEqual([]);
  });

  it('artwork reaching into the outer 16 px fails, saying where the artwork is; a single faint pixel too', () => {
    const faintCorner = makePng(128, 128, (x, y) => (x === 127 && y === 0 ? [0, 0, 0, 1] : [0, 0, 0, 0]));
    expect(paddingProblem(decodePng(faintCorner), 16)).toMatch(/^1 pixel\(s\) in the outer 16 px/);
    expect(paddingProblem(decodePng(square(128, 15, 111)), 16)).toBe(
      '193 pixel(s) in the outer 16 px are not transparent: the artwork spans x 15–111, y 15–111; the stores want it within 16–111 both ways',
    );
    expect(iconSetProblems(set(square(128, 16, 112)), 'icons')).toEqual([expect.stringMatching(/^icons\/128\.png: 193 pixel\(s\)/)]);
  });

  it('a missing size or a wrong size is named', () => {
    const icons = set(square(128, 16, 111));
    icons.delete(32);
    icons.set(48, square(50, 0, 49));
    expect(iconSetProblems(icons, 'icons')).toEqual(['icons/32.png is missing', 'icons/48.png is 50×50, not 48×48']);
  });

  it('public/icon has every size the browsers and stores use, and its 128 px icon keeps its outer 16 px transparent', () => {
    expect(iconSetProblems(realIcons(), 'public/icon')).toEqual([]);
  });
});

describe('docs/store/images', () => {
  const readme = readFileSync('docs/store/README.md', 'utf8');
  it.each(STORE_IMAGES.map((image) => [image.file, image] as const))('%s is there, at the size its form field asks for, and listed in docs/store/README.md', (file, image) => {
    const png = readFileSync(`${STORE_IMAGES_DIR}/${file}`);
    expect(pngSize(png)).toEqual({ width: image.width, height: image.height });
    expect(readme).toContain(`images/${file}`);
  });

  it('the store icon keeps its outer 16 px transparent', () => {
    expect(paddingProblem(decodePng(readFileSync(`${STORE_IMAGES_DIR}/store-icon-128.png`)), 16)).toBeNull();
  });
});
