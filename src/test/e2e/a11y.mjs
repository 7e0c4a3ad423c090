// Every page a person uses, checked with axe-core (WCAG 2.1 A and AA) on a phone-sized and a
// desktop viewport, signed out and as a learner; fails on any serious or critical finding.
// Usage: node a11y.mjs BASE_URL USERNAME PASSWORD COURSE_ID LESSON_ID
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fail, follow, launch, signIn } from './browser.mjs';

const [base, username, password, courseId, lessonId] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const anonymousPages = ['/login', '/catalog/2026', `/courses/${courseId}`, '/no-such-page'];
const learnerPages = ['/catalog/2026', `/courses/${courseId}`, `/lessons/${lessonId}`, `/courses/${courseId}/quiz`, '/me/hours'];

async function check(page, label) {
  // the page's CSP forbids injected script; the test context bypasses it for axe alone
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const browser = await launch();
const problems = [];
const checked = [];
try {
  for (const [name, viewport] of Object.entries(viewports)) {
    const anonymous = await browser.newContext({ viewport, bypassCSP: true });
    const page = await anonymous.newPage();
    for (const path of anonymousPages) {
      await page.goto(base + path);
      problems.push(...await check(page, `${name} anonymous ${path}`));
      checked.push(`${name} anonymous ${path}`);
    }
    await anonymous.close();

    const learner = await browser.newContext({ viewport, bypassCSP: true });
    const signed = await learner.newPage();
    await signIn(signed, base, username, password, '/catalog/2026');
    for (const path of learnerPages) {
      await signed.goto(base + path);
      problems.push(...await check(signed, `${name} learner ${path}`));
      checked.push(`${name} learner ${path}`);
    }
    // the quiz result page: hand in the paper with the first option of every question
    await signed.goto(`${base}/courses/${courseId}/quiz`);
    for (const input of await signed.$$('form input[type=radio]:first-of-type, form input[type=checkbox]:first-of-type')) {
      await input.check();
    }
    await follow(signed, 'form button[type=submit]');
    problems.push(...await check(signed, `${name} learner quiz result`));
    checked.push(`${name} learner quiz result`);
    await learner.close();
  }
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n'));
console.log(JSON.stringify({ checked }));
