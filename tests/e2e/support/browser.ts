import type { LaunchOptions } from '@playwright/test';

/**
 * How every end-to-end test starts Chromium: the system's own build (Debian's package at
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise; Playwright never downloads a
 * browser here), headless, and quiet on the network so that only the app's own traffic
 * leaves it (the machine's network is closed; background fetches would only fail noisily).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function launchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  };
}
