// A class's roster file: the chosen file goes to the API as the request body; the per-row report
// (credited, recorded, unchanged, refused with reasons) is shown here.
(function () {
  'use strict';
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  function setup(box) {
    const input = box.querySelector('input[type=file]');
    const report = box.querySelector('.report');
    box.querySelector('button.start').addEventListener('click', async () => {
      const file = input.files[0];
      if (!file) { report.textContent = '请先选择文件。'; return; }
      report.textContent = '正在上传…';
      let response;
      try {
        response = await fetch(box.dataset.url, {
          method: 'POST', body: file,
          headers: { 'Content-Type': file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv', 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
        });
      } catch (e) {
        report.textContent = '网络中断，上传未完成，请重试。';
        return;
      }
      const json = await response.json().catch(() => ({}));
      report.textContent = '';
      if (!response.ok) { report.textContent = json.detail || ('上传失败（' + response.status + '）'); return; }
      const summary = document.createElement('p');
      summary.className = 'summary';
      summary.textContent = '记入学时 ' + json.credited + ' 人，登记未合格 ' + json.recorded + ' 人，未变 ' + json.unchanged
        + ' 人，拒绝 ' + json.refused + ' 行。';
      report.appendChild(summary);
      const refused = json.rows.filter((r) => r.status === 'REFUSED');
      if (refused.length > 0) {
        const list = document.createElement('ul');
        list.className = 'refusals';
        refused.forEach((r) => { const li = document.createElement('li'); li.textContent = '第 ' + r.row + ' 行（' + r.idNumber + '）：' + r.reason; list.appendChild(li); });
        report.appendChild(list);
      }
      const again = document.createElement('a');
      again.href = window.location.pathname;
      again.textContent = '刷新名单';
      report.appendChild(again);
    });
    box.dataset.ready = 'true';
  }

  document.querySelectorAll('.import').forEach(setup);
})();
