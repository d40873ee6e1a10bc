import { createHash } from 'node:crypto';

/** SHA256SUMS text in the format `sha256sum -c` reads: `<hex>  <file name>` per line. */
export function sha256Sums(files: ReadonlyArray<{ name: string; content: Buffer }>): string {
  return files.map(({ name, content }) => `${createHash('sha256').update(content).digest('hex')}  ${name}\n`).join('');
}
