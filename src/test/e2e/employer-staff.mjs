// An employer administrator imports the unit's staff from the browser, in Debian's headless
// Chromium: downloads the sample file from the page, imports it, reads the per-row report (one row
// refused with its reason), sees the staff list; imports it again on a phone (nothing changes);
// axe-core checks every page on the way, on a desktop and a phone.
// Usage: node employer-staff.mjs BASE USERNAME PASSWORD
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fail, launch, signIn, policyRefusals } from './browser.mjs';

const [base, username, password] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const problems = [];
const checked = [];

async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  problems.push(...result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  checked.push(label);
}

async function importFile(page, file) {
  await page.locator('.import[data-ready=true] input[type=file]').setInputFiles(file);
  await page.click('.import button.start');
  await page.waitForFunction(() => /新增/.test(document.querySelector('.import .report').textContent), null, { timeout: 30000 });
  return {
    summary: await page.locator('.import .report .summary').textContent(),
    refusals: await page.locator('.import .report .refusals li').allTextContents(),
  };
}

const browser = await launch();
const out = {};
try {
  const desktopContext = await browser.newContext({ viewport: viewports.desktop, acceptDownloads: true });
  const desktop = await desktopContext.newPage();
  const refused = policyRefusals(desktop);
  await signIn(desktop, base, username, password, '/employer/staff');
  out.nav = await desktop.locator('header nav a[href="/employer/staff"]').textContent();
  out.before = await desktop.locator('table.staff tbody tr').count();
  await axe(desktop, 'desktop staff before import');

  // the sample file, as a user gets it: from the page's link
  const [download] = await Promise.all([desktop.waitForEvent('download'), desktop.click('a[href="/employer/staff/sample.csv"]')]);
  out.sampleName = download.suggestedFilename();
  const sample = await download.path();
  const first = await importFile(desktop, sample);
  out.firstSummary = first.summary;
  out.firstRefusals = first.refusals;
  await axe(desktop, 'desktop staff import report');

  await desktop.click('.import .report a');
  await desktop.waitForSelector('table.staff');
  out.names = await desktop.locator('table.staff tbody th').allTextContents();
  out.ids = await desktop.locator('table.staff tbody td:nth-child(2)').allTextContents();
  out.heading = await desktop.locator('#staff-title').textContent();
  await axe(desktop, 'desktop staff after import');
  out.policyRefusals = refused.length;

  // on a phone: the list and the same file again, which changes nothing
  const phoneContext = await browser.newContext({ viewport: viewports.phone });
  const phone = await phoneContext.newPage();
  await signIn(phone, base, username, password, '/employer/staff');
  await axe(phone, 'phone staff');
  const again = await importFile(phone, sample);
  out.secondSummary = again.summary;
  await axe(phone, 'phone staff import report');
  out.phoneOverflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n'));
out.checked = checked;
console.log(JSON.stringify(out));
