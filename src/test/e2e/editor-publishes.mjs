// An editor puts a course online from the browser and a reviewer approves it, in Debian's headless
// Chromium: the video goes in parts straight to the object store with a progress bar; a dropped
// connection stops it, a reloaded page (a closed tab) resumes it without sending the stored parts
// again; captions and a question-bank file follow; the reviewer previews and approves; axe-core
// checks every page on the way, on a phone and a desktop.
// Usage: node editor-publishes.mjs BASE EDITOR REVIEWER PASSWORD SUBJECT_VALUE VIDEO CAPTIONS BANK_CSV
import { auditor, fail, follow, launch, signIn, policyRefusals } from './browser.mjs';

const [base, editorName, reviewerName, password, subjectValue, video, captions, bank] = process.argv.slice(2);
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const { audit: axe, problems, checked } = auditor();

const browser = await launch();
const out = {};
try {
  const editorContext = await browser.newContext({ viewport: viewports.desktop, bypassCSP: false });
  const editor = await editorContext.newPage();
  const refused = policyRefusals(editor);
  await signIn(editor, base, editorName, password, '/authoring');

  // create a course and a lesson with the forms
  await editor.selectOption('select[name=subject]', subjectValue);
  await editor.check('input[name=category][value=PUBLIC]');
  await editor.fill('input[name=title]', '浏览器里写的课程');
  await editor.fill('input[name=hours]', '0.5');
  await Promise.all([editor.waitForURL(/\/authoring\/courses\/\d+$/), editor.click('form[action="/authoring/courses"] button')]);
  const courseUrl = editor.url();
  out.courseId = courseUrl.split('/').pop();
  await editor.fill('form[action$="/lessons"] input[name=title]', '第一讲 浏览器上传');
  await follow(editor, 'form[action$="/lessons"] button');

  // first attempt: the store takes part 1, then the connection drops for every other part
  let puts = 0;
  let dropping = true;
  await editorContext.route(/partNumber=/, async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    const part = Number(new URL(route.request().url()).searchParams.get('partNumber'));
    if (dropping && part !== 1) return route.abort('connectionreset');
    puts++;
    return route.continue();
  });
  // the upload script has attached to the box (a click before that would do nothing)
  const videoBox = editor.locator('.upload[data-kind=VIDEO][data-ready=true]').first();
  await videoBox.locator('input[type=file]').setInputFiles(video);
  await videoBox.locator('button.start').click();
  await editor.waitForFunction(() => /网络中断/.test(document.querySelector('.upload[data-kind=VIDEO] .status').textContent), null,
    { timeout: 60000 });
  out.afterDrop = await videoBox.locator('progress').evaluate((p) => p.value);
  out.partsBeforeDrop = puts;

  // the tab is closed and opened again; the same file is chosen; only the missing parts go
  dropping = false;
  puts = 0;
  await editor.goto(courseUrl);
  const again = editor.locator('.upload[data-kind=VIDEO][data-ready=true]').first();
  await again.locator('input[type=file]').setInputFiles(video);
  await again.locator('button.start').click();
  await editor.waitForFunction(() => document.querySelector('.upload[data-kind=VIDEO]').dataset.done === 'true', null, { timeout: 120000 });
  out.resumedWithStored = await again.evaluate((b) => b.dataset.resumed);
  out.partsAfterResume = puts;
  out.finalPercent = await again.locator('progress').evaluate((p) => p.value);
  out.finalStatus = await again.locator('.status').textContent();

  const captionsBox = editor.locator('.upload[data-kind=CAPTIONS][data-ready=true]').first();
  await captionsBox.locator('input[type=file]').setInputFiles(captions);
  await captionsBox.locator('button.start').click();
  await editor.waitForFunction(() => document.querySelector('.upload[data-kind=CAPTIONS]').dataset.done === 'true', null, { timeout: 30000 });

  // the question bank from a CSV file, with a per-row report
  await editor.locator('.import[data-ready=true] input[type=file]').setInputFiles(bank);
  await editor.click('.import button.start');
  await editor.waitForFunction(() => /已导入/.test(document.querySelector('.import .report').textContent), null, { timeout: 30000 });
  out.importReport = await editor.locator('.import .report').textContent();

  await editor.goto(courseUrl);
  out.checksBeforeSubmit = await editor.locator('section[aria-labelledby=checks]').textContent();
  await axe(editor, 'desktop editor draft');
  await follow(editor, 'form[action$="/submission"] button');
  out.stateAfterSubmit = await editor.locator('#state').textContent();
  await axe(editor, 'desktop editor submitted');
  out.editorPolicyRefusals = refused.length;

  // the reviewer finds it in the queue, previews it as a learner will, and approves it
  const reviewerContext = await browser.newContext({ viewport: viewports.desktop });
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, base, reviewerName, password, '/reviews');
  await axe(reviewer, 'desktop review queue');
  await follow(reviewer, 'text=浏览器里写的课程');
  const itemUrl = reviewer.url();
  await axe(reviewer, 'desktop review item');
  await follow(reviewer, 'text=按学员视角预览');
  out.previewLessons = await reviewer.locator('video[data-media]').count();
  await reviewer.waitForFunction(() => { const v = document.querySelector('video[data-media]'); return v && v.src.startsWith('http'); },
    null, { timeout: 15000 });
  out.previewTrack = await reviewer.locator('video track[kind=captions]').count();
  await axe(reviewer, 'desktop preview');
  const previewUrl = reviewer.url();
  await reviewer.goto(itemUrl);
  await reviewer.check('input[name=decision][value=APPROVE]');
  await follow(reviewer, 'form button.primary');
  out.stateAfterApproval = await reviewer.locator('#state').textContent();
  await axe(reviewer, 'desktop review item approved');

  const anonymous = await browser.newPage();
  await anonymous.goto(base + '/catalog/2026');
  out.inCatalog = (await anonymous.content()).includes('浏览器里写的课程');

  // every page again on a phone
  const phoneEditor = await browser.newContext({ viewport: viewports.phone });
  const p1 = await phoneEditor.newPage();
  await signIn(p1, base, editorName, password, '/authoring');
  await axe(p1, 'phone workspace');
  await p1.goto(courseUrl);
  await axe(p1, 'phone editor published');
  await p1.goto(previewUrl);
  await axe(p1, 'phone preview');
  const phoneReviewer = await browser.newContext({ viewport: viewports.phone });
  const p2 = await phoneReviewer.newPage();
  await signIn(p2, base, reviewerName, password, '/reviews');
  await axe(p2, 'phone review queue');
  await p2.goto(itemUrl);
  await axe(p2, 'phone review item');
  await p2.goto(base + '/catalog-admin');
  await axe(p2, 'phone catalog admin');
  const desktopAdmin = await reviewerContext.newPage();
  await desktopAdmin.goto(base + '/catalog-admin');
  await axe(desktopAdmin, 'desktop catalog admin');
  const desktopWorkspace = await editorContext.newPage();
  await desktopWorkspace.goto(base + '/authoring');
  await axe(desktopWorkspace, 'desktop workspace');
} finally {
  await browser.close();
}
if (problems.length) fail('axe-core found:\n' + problems.join('\n') + '\n' + JSON.stringify(out));
console.log(JSON.stringify({ ...out, checked }));
