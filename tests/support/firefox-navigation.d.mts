import type { Page } from 'puppeteer-core';

export function gotoWithoutLoad(page: Page, url: string, options?: { timeout?: number; complete?: boolean; every?: number }): Promise<void>;
