// A file imported through the API (a staff list, a class roster): the chosen file goes to the API
// as the request body; the per-row report comes back and is shown here, refused rows with their
// reasons. The box says where to send it (data-url), how to sum the answer up (data-summary, with
// [field] standing for the answer's fields) and what to call refreshing the page (data-again).
(function () {
  'use strict';
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const fill = (template, values) => template.replace(/\[(\w+)\]/g, (_, k) => (values[k] === undefined ? '' : String(values[k])));

  function setupImport(box) {
    const input = box.querySelector('input[type=file]');
    const report = box.querySelector('.report');
    box.querySelector('button.start').addEventListener('click', async () => {
      const file = input.files[0];
      if (!file) { report.textContent = '请先选择文件。'; return; }
      report.textContent = '正在导入…';
      let response;
      try {
        response = await fetch(box.dataset.url, {
          method: 'POST', body: file,
          headers: { 'Content-Type': file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv', 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
        });
      } catch (e) {
        report.textContent = '网络中断，导入未完成，请重试。';
        return;
      }
      const json = await response.json().catch(() => ({}));
      report.textContent = '';
      if (!response.ok) { report.textContent = json.detail || ('导入失败（' + response.status + '）'); return; }
      const summary = document.createElement('p');
      summary.className = 'summary';
      summary.textContent = fill(box.dataset.summary, json);
      report.appendChild(summary);
      const refused = json.rows.filter((r) => (r.outcome || r.status) === 'REFUSED');
      if (refused.length > 0) {
        const list = document.createElement('ul');
        list.className = 'refusals';
        refused.forEach((r) => {
          const li = document.createElement('li');
          li.textContent = '第 ' + r.row + ' 行' + (r.idNumber ? '（' + r.idNumber + '）' : '') + '：' + r.reason;
          list.appendChild(li);
        });
        report.appendChild(list);
      }
      const again = document.createElement('a');
      again.href = window.location.pathname + window.location.search;
      again.textContent = box.dataset.again || '刷新';
      report.appendChild(again);
    });
    box.dataset.ready = 'true';
  }

  document.querySelectorAll('.import').forEach(setupImport);
})();
