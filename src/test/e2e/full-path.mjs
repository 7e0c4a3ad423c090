// The whole learner's path in a real browser: sign in, watch every lesson of a course to the end,
// pass the quiz on its page, and find the hours registered on "my hours".
// Usage: node full-path.mjs BASE_URL USERNAME PASSWORD COURSE_ID ANSWERS_JSON
import { fail, launch, policyRefusals, signIn } from './browser.mjs';

const [base, username, password, courseId, answersJson] = process.argv.slice(2);
const answers = JSON.parse(answersJson);

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(90_000);
  const refusals = policyRefusals(page);
  await signIn(page, base, username, password, `/courses/${courseId}`);

  const lessons = await page.$$eval('li.lesson', (rows) => rows.map((r) => r.dataset.lesson));
  for (const lesson of lessons) {
    await page.goto(`${base}/lessons/${lesson}`);
    await page.waitForFunction(() => document.getElementById('video').readyState >= 1);
    await page.evaluate(() => { const v = document.getElementById('video'); v.muted = true; return v.play(); });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('本讲已完成'));
  }
  await page.goto(`${base}/courses/${courseId}`);
  const done = await page.$$eval('li.lesson.done', (rows) => rows.length);
  if (done !== lessons.length) fail(`course page shows ${done} of ${lessons.length} lessons done`);

  await Promise.all([page.waitForURL(`**/courses/${courseId}/quiz`), page.click('text=参加测验')]);
  for (const [question, options] of Object.entries(answers)) {
    for (const option of options) await page.check(`input[name="q${question}"][value="${option}"]`);
  }
  await page.click('button[type=submit]');
  const result = await page.textContent('main');
  if (!result.includes('恭喜，您已通过测验') || !result.includes('已自动登记公需科目')) fail('quiz result: ' + result);

  await page.click('text=查看我的学时');
  await page.waitForURL('**/me/hours');
  const earned = (await page.textContent('#earned-public')).trim();
  if (refusals.length) fail('the security policy refused: ' + refusals.join(' | '));
  console.log(JSON.stringify({ lessons: lessons.length, earnedPublic: earned }));
} finally {
  await browser.close();
}
