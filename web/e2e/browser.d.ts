import { type Browser } from 'playwright-core';
export declare const CHROMIUM_PATH: string;
/** Debian's Chromium, headless, without its background networking. Playwright gives every launch a fresh profile. */
export declare function launchChromium(): Promise<{
    browser: Browser;
    close: () => Promise<void>;
}>;
