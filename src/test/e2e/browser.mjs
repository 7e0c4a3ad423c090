// Debian's headless Chromium, started the way this machine allows (no downloaded browser, no
// background network), for the end-to-end scripts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** Every Content-Security-Policy refusal the page meets from now on (Chromium reports them on the console). */
export function policyRefusals(page) {
  const refusals = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
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

/**
 * Clicks what submits a form or follows a link and waits for the page it leads to to load.
 * (Waiting for the "load" state alone returns at once: the page being left is loaded already.)
 */
export async function follow(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/**
 * An axe-core auditor (WCAG 2.1 A and AA): audit(page, label) runs it on the page and keeps every
 * serious or critical finding in problems, and the label in checked.
 */
export function auditor() {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const problems = [];
  const checked = [];
  async function audit(page, label) {
    await page.evaluate(source);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    problems.push(...result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
    checked.push(label);
  }
  return { audit, problems, checked };
}
