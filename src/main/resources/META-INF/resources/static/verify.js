// The public verification page: a chosen PDF goes to the verification API as the request body;
// the answer (genuine or not, the number, the state, the reason) is shown here.
(function () {
  'use strict';
  const meta = document.querySelector('meta[name="csrf-token"]');
  const box = document.querySelector('.pdf-check');
  if (!box) return;
  const input = box.querySelector('input[type=file]');
  const report = box.querySelector('.report');
  box.querySelector('button.start').addEventListener('click', async () => {
    const file = input.files[0];
    if (!file) { report.textContent = '请先选择文件。'; return; }
    report.textContent = '正在查验…';
    let response;
    try {
      const headers = { 'Content-Type': 'application/pdf', 'Accept': 'application/json' };
      if (meta) headers['X-CSRF-Token'] = meta.content;
      response = await fetch(box.dataset.url, { method: 'POST', body: file, headers });
    } catch (e) {
      report.textContent = '网络中断，请重试。';
      return;
    }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) { report.textContent = json.detail || ('查验失败（' + response.status + '）'); return; }
    const states = { VALID: '有效', SUPERSEDED: '已被新版本取代', REVOKED: '已撤销' };
    report.textContent = json.genuine
      ? '真实证书，未被改动。编号 ' + json.number + '，状态：' + states[json.state] + (json.reason ? '（' + json.reason + '）' : '') + '。'
      : '不是本平台签发的原始证书：' + (json.reason || '') ;
    report.dataset.genuine = String(json.genuine);
  });
  box.dataset.ready = 'true';
})();
