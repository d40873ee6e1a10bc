import type { Page } from 'playwright-core';

export function closeTab(page: Page): Promise<void>;
