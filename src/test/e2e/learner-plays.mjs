// A learner signs in, plays a lesson until the server has recorded progress, and checks that the
// course page shows it, all under the Content-Security-Policy (any refusal fails).
// Usage: node learner-plays.mjs BASE_URL USERNAME PASSWORD LESSON_ID COURSE_ID
import { fail, launch, policyRefusals, signIn } from './browser.mjs';

const [base, username, password, lessonId, courseId] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(30_000);
  const refusals = policyRefusals(page);
  await signIn(page, base, username, password, `/lessons/${lessonId}`);

  await page.waitForFunction(() => document.getElementById('video').readyState >= 1);
  const codecOk = await page.evaluate(() => document.getElementById('video').canPlayType('video/mp4; codecs="avc1.42E01E"'));
  await page.evaluate(() => { const v = document.getElementById('video'); v.muted = true; return v.play(); });

  // speed is locked: a faster rate is put back to 1
  await page.evaluate(() => { document.getElementById('video').playbackRate = 2; });
  await page.waitForFunction(() => document.getElementById('video').playbackRate === 1);

  // the server has credited real watching time (heartbeats every 2 s in the test profile)
  await page.waitForFunction(() => Number(document.getElementById('player').dataset.watched || 0) >= 4, null,
    { timeout: 40_000 });
  const watched = await page.evaluate(() => Number(document.getElementById('player').dataset.watched));
  const statusText = await page.textContent('#status');
  if (!/已学 \d+ 秒/.test(statusText) && !statusText.includes('已完成')) fail('status line says: ' + statusText);
  const position = await page.evaluate(() => document.getElementById('video').currentTime);
  await page.evaluate(() => document.getElementById('video').pause());
  await page.waitForTimeout(500);

  await page.goto(`${base}/courses/${courseId}`);
  const row = await page.textContent(`li[data-lesson="${lessonId}"] .progress-text`);
  const match = row.match(/已学 (\d+) 秒（(\d+)%）/) || (row.includes('已完成') ? ['', '24', '100'] : null);
  if (!match || Number(match[1]) < 4) fail('course page shows: ' + row);
  await page.screenshot({ path: process.env.SCREENSHOT || '/dev/null' }).catch(() => {});

  // the error page's back link works without inline script
  await page.goto(`${base}/courses/999999`);
  await Promise.all([page.waitForURL(`**/courses/${courseId}`), page.click('text=返回上一页')]);
  if (refusals.length) fail('the security policy refused: ' + refusals.join(' | '));
  console.log(JSON.stringify({ codecOk, watched, position, coursePage: row.trim() }));
} finally {
  await browser.close();
}
