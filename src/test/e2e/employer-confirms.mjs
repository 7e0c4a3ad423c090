// A professional declares hours with a certificate on a phone; their unit's administrator opens the
// evidence and confirms it on a desktop; the professional sees it confirmed. axe-core checks every
// page on the way, on a phone and a desktop.
// Usage: node employer-confirms.mjs BASE LEARNER ADMIN PASSWORD EVIDENCE_PDF
import { auditor, fail, follow, launch, signIn, policyRefusals } from './browser.mjs';

const [base, learnerName, adminName, password, evidence] = process.argv.slice(2);
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const out = {};

const { audit: axe, problems, checked } = auditor();

const browser = await launch();
try {
  // the professional, on a phone: a refused form first, then the declaration
  const phone = await browser.newContext({ viewport: viewports.phone });
  const learner = await phone.newPage();
  const refused = policyRefusals(learner);
  await signIn(learner, base, learnerName, password, '/me/declarations');
  await axe(learner, 'phone declarations empty');
  const form = learner.locator('form[action="/me/declarations"]');
  async function fill(quantity) {
    await form.locator('input[name=title]').fill('BIM 技术应用培训');
    await form.locator('input[name=organiser]').fill('广东省建筑业协会');
    await form.locator('input[name=startedOn]').fill('2026-04-07');
    await form.locator('input[name=endedOn]').fill('2026-04-09');
    await form.locator('input[name=quantity]').fill(quantity);
    await form.locator('input[name=category][value=ELECTIVE]').check();
    await form.locator('input[name=evidence]').setInputFiles(evidence);
  }
  // more hours than three days allow: refused with the reason, the form keeps what was typed
  await fill('99');
  await follow(learner, 'form[action="/me/declarations"] button');
  out.refusal = await learner.locator('[role=alert]').first().textContent();
  out.keptTitle = await form.locator('input[name=title]').inputValue();
  out.keptQuantity = await form.locator('input[name=quantity]').inputValue();
  await axe(learner, 'phone declaration refused');
  await fill('24');
  await follow(learner, 'form[action="/me/declarations"] button');
  out.learnerNotice = await learner.locator('.notice').first().textContent();
  out.learnerState = await learner.locator('.declarations .state').first().textContent();
  await axe(learner, 'phone declarations submitted');

  // the administrator, on a desktop: the queue, the declaration, its evidence, the confirmation
  const desktop = await browser.newContext({ viewport: viewports.desktop });
  const admin = await desktop.newPage();
  await signIn(admin, base, adminName, password, '/employer/declarations');
  out.queueRows = await admin.locator('table.queue tbody tr').count();
  await axe(admin, 'desktop queue');
  await follow(admin, 'table.queue a[href^="/employer/declarations/"]');
  out.hours = await admin.locator('#hours').textContent();
  await axe(admin, 'desktop declaration');
  const href = await admin.locator('a.evidence').first().getAttribute('href');
  const file = await admin.request.get(base + href);
  out.evidenceStatus = file.status();
  out.evidenceType = file.headers()['content-type'];
  out.evidenceStartsPdf = (await file.body()).subarray(0, 5).toString('latin1') === '%PDF-';
  await admin.check('input[name=decision][value=CONFIRM]');
  await follow(admin, 'form[action$="/decision"] button');
  out.adminNotice = await admin.locator('.notice').first().textContent();
  await axe(admin, 'desktop queue after confirming');
  await admin.goto(base + '/employer/declarations?state=APPROVED');
  out.approvedRows = await admin.locator('table.queue tbody tr').count();
  await axe(admin, 'desktop confirmed list');

  // the administrator's pages on a phone as well
  const adminPhone = await (await browser.newContext({ viewport: viewports.phone })).newPage();
  await signIn(adminPhone, base, adminName, password, '/employer/declarations?state=APPROVED');
  await axe(adminPhone, 'phone confirmed list');
  await adminPhone.locator('table.queue a[href^="/employer/declarations/"]').first().click();
  await adminPhone.waitForSelector('#hours');
  await axe(adminPhone, 'phone declaration');

  // the professional sees the outcome, and the hours in the record
  await learner.goto(base + '/me/declarations');
  out.learnerStateAfter = await learner.locator('.declarations .state').first().textContent();
  await learner.goto(base + '/me/hours');
  out.electiveEarned = await learner.locator('tr', { hasText: '个人选修' }).locator('td').nth(2).textContent();
  await axe(learner, 'phone hours');
  const learnerDesktop = await desktop.newPage();
  await signIn(learnerDesktop, base, learnerName, password, '/me/declarations');
  await axe(learnerDesktop, 'desktop declarations');
  out.policyRefusals = refused.length;
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n') + '\n' + JSON.stringify(out));
console.log(JSON.stringify({ ...out, checked }));
