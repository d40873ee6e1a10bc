// Every image the store forms ask for, as scripts/store-assets/run.ts writes it to
// docs/store/images/. docs/store/README.md says which form field takes which file.
export interface StoreImage {
  file: string;
  width: number;
  height: number;
  /** What it shows. */
  shows: string;
}

export const STORE_IMAGES_DIR = 'docs/store/images';

export const STORE_IMAGES: readonly StoreImage[] = [
  { file: 'screenshot-1-dialog.png', width: 1280, height: 800, shows: "The guard's dialog on the demo portal after a Priority 1 submission" },
  { file: 'screenshot-2-popup-result.png', width: 1280, height: 800, shows: "The popup's triage result over the ticket form" },
  { file: 'screenshot-3-quick-reference.png', width: 1280, height: 800, shows: "The popup's quick reference of the four definitions" },
  { file: 'screenshot-4-options-policy.png', width: 1280, height: 800, shows: 'The options page with settings set by an organisation policy' },
  { file: 'promo-small-440x280.png', width: 440, height: 280, shows: 'Small promotional tile: the icon and the name' },
  { file: 'store-icon-128.png', width: 128, height: 128, shows: 'Store icon: 96 px artwork with 16 px transparent padding' },
  { file: 'logo-300.png', width: 300, height: 300, shows: "Edge Add-ons' extension logo" },
];
