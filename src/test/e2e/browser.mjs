// Debian's headless Chromium, started the way this machine allows (no downloaded browser, no
// background network), for the end-to-end scripts.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

export function fail(message) {
  console.error('E2E FAILED: ' + message);
  process.exit(1);
}

export async function signIn(page, base, username, password, next) {
  await page.goto(`${base}/login?next=${next}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`**${next}`), page.click('button[type=submit]')]);
}
