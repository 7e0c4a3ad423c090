// The unit's seal: the chosen image goes to the API as the request body (PUT); the outcome is shown here.
(function () {
  'use strict';
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  document.querySelectorAll('.upload-seal').forEach((box) => {
    const input = box.querySelector('input[type=file]');
    const report = box.querySelector('.report');
    box.querySelector('button.start').addEventListener('click', async () => {
      const file = input.files[0];
      if (!file) { report.textContent = '请先选择图片。'; return; }
      report.textContent = '正在上传…';
      try {
        const response = await fetch(box.dataset.url, {
          method: 'PUT', body: file,
          headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
        });
        const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
        report.textContent = response.ok ? '印章已上传。' : (json.detail || ('上传失败（' + response.status + '）'));
      } catch (e) {
        report.textContent = '网络中断，请重试。';
      }
    });
    box.dataset.ready = 'true';
  });
})();
