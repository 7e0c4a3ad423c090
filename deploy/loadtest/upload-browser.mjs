// The browser path of an editor's upload, timed: Debian's headless Chromium opens editor1's demo
// draft, chooses FILE for its first lesson and presses 上传视频; the page sends the parts straight to
// the object store and completes. Prints bytes, seconds and MB/s from the click to "上传完成".
// Usage: node upload-browser.mjs BASE FILE
import { statSync } from 'node:fs';
import { launch, signIn } from '../../src/test/e2e/browser.mjs';

const [base, file] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, base, 'editor1', 'xueshi-demo', '/authoring');
  await page.click('text=数字政府建设实务');
  const box = page.locator('.upload[data-kind=VIDEO]').first();
  await box.locator('input[type=file]').setInputFiles(file);
  const t0 = Date.now();
  await box.locator('button.start').click();
  await page.waitForFunction(() => document.querySelector('.upload[data-kind=VIDEO]').dataset.done === 'true', null,
    { timeout: 30 * 60 * 1000, polling: 100 });
  const seconds = (Date.now() - t0) / 1000;
  const size = statSync(file).size;
  console.log(`browser-path: ${size} bytes in ${seconds.toFixed(2)} s = ${(size / 1e6 / seconds).toFixed(1)} MB/s; `
    + (await box.locator('.status').textContent()));
} finally {
  await browser.close();
}
