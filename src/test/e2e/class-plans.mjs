// A class plan in Debian's headless Chromium: the authority's reviewer approves a plan from the
// queue; the organiser records results for the class running today and meets the 30-day rule on
// the filing form; a professional enrols on a phone. axe-core checks every page on both viewports.
// Usage: node class-plans.mjs BASE REVIEWER ORGANISER LEARNER PASSWORD PLAN_TO_APPROVE RUNNING_PLAN
import { auditor, fail, follow, launch, signIn, policyRefusals } from './browser.mjs';

const [base, reviewerName, organiserName, learnerName, password, planToApprove, runningPlan] = process.argv.slice(2);
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const { audit: axe, problems, checked } = auditor();

const browser = await launch();
const out = {};
try {
  const desktop = await browser.newContext({ viewport: viewports.desktop });
  const phone = await browser.newContext({ viewport: viewports.phone });

  // the reviewer finds the plan in the queue and approves it
  const reviewer = await desktop.newPage();
  const refused = policyRefusals(reviewer);
  await signIn(reviewer, base, reviewerName, password, '/classes');
  await axe(reviewer, 'desktop reviewer list');
  out.queued = await reviewer.locator(`section[aria-labelledby=queue] a[href="/classes/${planToApprove}"]`).count();
  await follow(reviewer, `section[aria-labelledby=queue] a[href="/classes/${planToApprove}"]`);
  await axe(reviewer, 'desktop plan under review');
  await reviewer.check('input[name=decision][value=APPROVE]');
  await follow(reviewer, 'form[action$="/decision"] button');
  out.reviewerNotice = await reviewer.locator('.notice').first().textContent();
  out.queuedAfter = await reviewer.locator(`section[aria-labelledby=queue] a[href="/classes/${planToApprove}"]`).count();
  await axe(reviewer, 'desktop reviewer list after approval');

  // the organiser records the running class's results from its roster
  const organiser = await desktop.newPage();
  await signIn(organiser, base, organiserName, password, '/classes');
  await axe(organiser, 'desktop organiser list');
  await follow(organiser, `section[aria-labelledby=mine] a[href="/classes/${runningPlan}"]`);
  await organiser.waitForSelector('.import[data-ready=true]');
  await axe(organiser, 'desktop running class roster');
  await organiser.locator('input[name^=attended-]').first().check();
  await organiser.locator('input[name^=passed-]').first().check();
  await follow(organiser, 'form[action$="/results"] button');
  out.organiserNotice = await organiser.locator('.notice').first().textContent();
  out.rosterAfter = await organiser.locator('section[aria-labelledby=roster] tbody').textContent();
  await axe(organiser, 'desktop roster recorded');

  // the filing form refuses a class that starts too soon, naming the date it needed
  await organiser.goto(base + '/classes/new');
  await axe(organiser, 'desktop filing form');
  await organiser.check('input[name=kind][value=CLASS]');
  await organiser.fill('input[name=title]', '太迟提交的培训班');
  await organiser.selectOption('select[name=sector]', 'CULTURE');
  await organiser.selectOption('select[name=level]', 'PROVINCE');
  const soon = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
  await organiser.evaluate((d) => { document.querySelector('input[name=startsOn]').removeAttribute('min'); }, soon);
  await organiser.fill('input[name=startsOn]', soon);
  await organiser.fill('input[name=endsOn]', soon);
  await organiser.fill('input[name=place]', '广州');
  await organiser.fill('input[name=hours]', '8');
  await organiser.fill('input[name=capacity]', '20');
  await follow(organiser, 'form[action="/classes"] button');
  out.lateRefusal = await organiser.locator('.error-message').textContent();
  out.keptTitle = await organiser.locator('input[name=title]').inputValue();
  await axe(organiser, 'desktop filing form refused');

  // a professional enrols on a phone
  const learner = await phone.newPage();
  await signIn(learner, base, learnerName, password, '/classes');
  await axe(learner, 'phone learner list');
  await follow(learner, `section[aria-labelledby=open] a[href="/classes/${planToApprove}"]`);
  await axe(learner, 'phone open class');
  await follow(learner, 'form[action$="/enrolment"] button');
  out.learnerNotice = await learner.locator('.notice').first().textContent();
  out.seats = await learner.locator('#seats').textContent();
  await axe(learner, 'phone enrolled');

  // the reviewer's and the organiser's pages on a phone as well
  const reviewerPhone = await phone.newPage();
  await signIn(reviewerPhone, base, reviewerName, password, `/classes/${planToApprove}`);
  await axe(reviewerPhone, 'phone filed plan');
  const organiserPhone = await phone.newPage();
  await signIn(organiserPhone, base, organiserName, password, `/classes/${runningPlan}`);
  await axe(organiserPhone, 'phone roster');
  await organiserPhone.goto(base + '/classes/new');
  await axe(organiserPhone, 'phone filing form');
  out.policyRefusals = refused.length;
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n') + '\n' + JSON.stringify(out));
console.log(JSON.stringify({ ...out, checked }));
