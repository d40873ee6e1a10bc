// The stores' rules for icons, as checks that return plain-worded problems.
// Chrome Web Store: a 128×128 PNG whose artwork is 96×96 with 16 px of transparent padding on
// each side (https://developer.chrome.com/docs/webstore/images#icons); the browsers also use the
// 16, 32 and 48 px sizes (toolbar, favicon, extensions page).
import { decodePng, pngSize, type PngImage } from './png';

export const MANIFEST_ICON_SIZES = [16, 32, 48, 128] as const;
export const STORE_ICON_PADDING = 16;

/** Problems with an icon set, given each size's file (undefined: missing). `where` names the folder. */
export function iconSetProblems(files: ReadonlyMap<number, Buffer | undefined>, where: string): string[] {
  const problems: string[] = [];
  for (const size of MANIFEST_ICON_SIZES) {
    const name = `${where}/${size}.png`;
    const file = files.get(size);
    if (!file) {
      problems.push(`${name} is missing`);
      continue;
    }
    let actual;
    try {
      actual = pngSize(file);
    } catch (error) {
      problems.push(`${name} is not a readable PNG (${(error as Error).message})`);
      continue;
    }
    if (actual.width !== size || actual.height !== size) {
      problems.push(`${name} is ${actual.width}×${actual.height}, not ${size}×${size}`);
      continue;
    }
    if (size === 128) {
      const padding = paddingProblem(decodePng(file), STORE_ICON_PADDING);
      if (padding) problems.push(`${name}: ${padding}`);
    }
  }
  return problems;
}

/** Null if every pixel within `padding` of the edge is fully transparent; else what is not. */
export function paddingProblem(image: PngImage, padding: number): string | null {
  const { width, height, rgba } = image;
  let opaque = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3] === 0) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      const inBorder = x < padding || y < padding || x >= width - padding || y >= height - padding;
      if (inBorder) opaque++;
    }
  }
  if (opaque === 0) return null;
  return (
    `${opaque} pixel(s) in the outer ${padding} px are not transparent: the artwork spans x ${minX}–${maxX}, ` +
    `y ${minY}–${maxY}; the stores want it within ${padding}–${width - padding - 1} both ways`
  );
}
