// Pages that Chromium renders into the composed store images. Everything in them comes from
// the real extension: its screenshots, its icon source (scripts/icon.svg) and its name.

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

const BASE_STYLE = `html,body{margin:0;padding:0}body{font-family:"DejaVu Sans",Arial,sans-serif}`;

/**
 * A 1280×800 frame: the page the popup belongs to, dimmed, and the popup as the browser shows
 * it, at its real size below the top right corner, where the toolbar button opens it.
 */
export function popupOverPage(pagePng: Buffer, popupPng: Buffer): string {
  return `<!doctype html><meta charset="utf-8"><style>${BASE_STYLE}
body{width:1280px;height:800px;overflow:hidden;position:relative;background:#fff}
.page{position:absolute;inset:0;width:1280px;height:800px}
.dim{position:absolute;inset:0;background:rgba(27,31,36,.28)}
.popup{position:absolute;top:16px;right:48px;max-height:768px;border-radius:8px;
  box-shadow:0 12px 40px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.12);background:#fff}
</style><img class="page" src="${dataUrl(pagePng)}" alt=""><div class="dim"></div>
<img class="popup" src="${dataUrl(popupPng)}" alt="">`;
}

/** The small promotional tile, 440×280: the icon, the name and what it does, in the extension's colours. */
export function promoTile(iconSvg: string, name: string, line: string): string {
  return `<!doctype html><meta charset="utf-8"><style>${BASE_STYLE}
body{width:440px;height:280px;overflow:hidden;display:flex;align-items:center;gap:24px;
  box-sizing:border-box;padding:0 32px;background:#eef4fb;color:#1b1f24;border-bottom:10px solid #0b5cad}
svg{width:120px;height:120px;flex:none}
h1{font-size:34px;line-height:1.1;margin:0 0 12px;color:#0b5cad}
p{font-size:17px;line-height:1.35;margin:0}
</style>${iconSvg}<div><h1>${escapeHtml(name)}</h1><p>${escapeHtml(line)}</p></div>`;
}

/** The icon's artwork at `artwork` px, centred on a transparent `size` px square. */
export function iconOnCanvas(iconSvg: string, size: number, artwork: number): string {
  return `<!doctype html><meta charset="utf-8"><style>${BASE_STYLE}
html,body{background:transparent;width:${size}px;height:${size}px;overflow:hidden}
svg{position:absolute;left:${(size - artwork) / 2}px;top:${(size - artwork) / 2}px;width:${artwork}px;height:${artwork}px}
</style>${iconSvg}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
