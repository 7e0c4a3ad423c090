// A year confirmed and its certificate verified, in Debian's headless Chromium: the unit's
// administrator confirms a complete year on a desktop and starts a batch; the professional sees
// the record, the next steps and the certificate on a phone; anyone opens the QR code's address on
// a phone and sees the certificate valid. axe-core checks every page.
// Usage: node certificates.mjs BASE ADMIN LEARNER PASSWORD LEARNER_ID QR_PATH (the path a QR code of an issued certificate holds)
import { auditor, fail, follow, launch, signIn, policyRefusals } from './browser.mjs';

const [base, adminName, learnerName, password, learnerId, qrPath] = process.argv.slice(2);
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const { audit: axe, problems, checked } = auditor();

const browser = await launch();
const out = {};
try {
  const desktop = await browser.newContext({ viewport: viewports.desktop });
  const phone = await browser.newContext({ viewport: viewports.phone });

  const admin = await desktop.newPage();
  const refused = policyRefusals(admin);
  await signIn(admin, base, adminName, password, '/employer/certificates');
  await admin.waitForSelector('.upload-seal[data-ready=true]');
  await axe(admin, 'desktop unit year');
  await admin.check(`input[name=ids][value="${learnerId}"]`);
  await follow(admin, 'form[action="/employer/certificates/confirmations"] button');
  out.outcome = await admin.locator('.notice').first().textContent();
  out.number = await admin.locator('table a[href^="/verify/"]').first().textContent();
  await axe(admin, 'desktop unit year confirmed');
  await follow(admin, 'form[action="/employer/certificates/batches"] button');
  await axe(admin, 'desktop batch progress');
  out.batchTotal = await admin.locator('#total').textContent();

  const learner = await phone.newPage();
  await signIn(learner, base, learnerName, password, '/me/certificates');
  await axe(learner, 'phone my certificates');
  out.steps = await learner.locator('ul.steps').textContent();
  out.learnerNumbers = await learner.locator('ul.certificates a[href^="/verify/"]').allTextContents();

  // anyone, on a phone, opens the address a certificate's QR code holds
  const anyone = await (await browser.newContext({ viewport: viewports.phone })).newPage();
  await anyone.goto(base + qrPath);
  out.qrVerdict = await anyone.locator('#verdict').textContent();
  out.qrNumber = await anyone.locator('#number').textContent();
  await axe(anyone, 'phone verification from the QR code');
  await anyone.goto(`${base}/verify/${out.number}`);
  out.verdict = await anyone.locator('#verdict').textContent();
  out.state = await anyone.locator('#state').textContent();
  out.total = await anyone.locator('#total').textContent();
  out.name = await anyone.locator('#name').textContent();
  await anyone.waitForSelector('.pdf-check[data-ready=true]');
  await axe(anyone, 'phone verification page');
  await anyone.goto(`${base}/verify/GD2026000000011`);
  out.unknown = await anyone.locator('.error-message').textContent();
  await axe(anyone, 'phone verification unknown number');
  const anyoneDesktop = await desktop.newPage();
  await anyoneDesktop.goto(`${base}/verify`);
  await axe(anyoneDesktop, 'desktop verification form');
  out.policyRefusals = refused.length;
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n') + '\n' + JSON.stringify(out));
console.log(JSON.stringify({ ...out, checked }));
