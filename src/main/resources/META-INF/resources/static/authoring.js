// The editor's uploads: the file goes in parts straight to the object store on presigned URLs
// (never through the service); an interrupted upload (a dropped connection, a closed tab) resumes
// by asking the service which parts the store already holds. Also the question-bank import.
(function () {
  'use strict';
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const PARALLEL = 3;

  async function api(method, url, body) {
    const init = { method, headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(json.detail || ('请求失败（' + response.status + '）'));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  /** One part to its presigned URL, reporting bytes as they go; resolves on 2xx. */
  function putPart(url, blob, onProgress, track) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      track.add(xhr);
      xhr.open('PUT', url);
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => { track.delete(xhr); (xhr.status >= 200 && xhr.status < 300) ? resolve() : reject(Object.assign(new Error('part ' + xhr.status), { status: xhr.status })); };
      xhr.onerror = () => { track.delete(xhr); reject(new Error('network')); };
      xhr.onabort = () => { track.delete(xhr); reject(Object.assign(new Error('paused'), { paused: true })); };
      xhr.send(blob);
    });
  }

  function keyOf(start, kind, file) {
    return 'xueshi-upload:' + start + ':' + kind + ':' + file.name + ':' + file.size + ':' + file.lastModified;
  }

  function setup(box) {
    const input = box.querySelector('input[type=file]');
    const startButton = box.querySelector('button.start');
    const pauseButton = box.querySelector('button.pause');
    const bar = box.querySelector('progress');
    const status = box.querySelector('.status');
    const inFlight = new Set();
    let paused = false;
    let running = false;

    function show(done, total, text) {
      const percent = total > 0 ? Math.floor(done * 100 / total) : 0;
      bar.value = percent;
      status.textContent = text || ('已上传 ' + percent + '%');
      box.dataset.percent = String(percent);
    }

    async function run() {
      const file = input.files[0];
      if (!file) { status.textContent = '请先选择文件。'; return; }
      if (running) { return; }
      running = true;
      paused = false;
      if (pauseButton) { pauseButton.disabled = false; }
      startButton.disabled = true;
      const key = keyOf(box.dataset.start, box.dataset.kind, file);
      try {
        let upload = null;
        const known = localStorage.getItem(key);
        if (known) {
          try {
            upload = await api('GET', '/api/authoring/uploads/' + known);
            if (upload.state !== 'OPEN') { upload = null; }
          } catch (e) { upload = null; }
        }
        if (upload) {
          box.dataset.resumed = String(upload.partsStored.length);
          status.textContent = '继续上传：已有 ' + upload.partsStored.length + ' 个分片在存储中。';
        } else {
          const started = await api('POST', box.dataset.start, { fileName: file.name, sizeBytes: file.size, kind: box.dataset.kind });
          upload = { uploadId: started.uploadId, partSizeBytes: started.partSizeBytes, partsStored: [], parts: started.parts };
          localStorage.setItem(key, upload.uploadId);
        }
        const partSize = upload.partSizeBytes;
        const sizeOf = (n) => Math.min(partSize, file.size - (n - 1) * partSize);
        let stored = upload.partsStored.reduce((sum, n) => sum + sizeOf(n), 0);
        const moving = new Map();
        const progress = () => show(stored + [...moving.values()].reduce((a, b) => a + b, 0), file.size);
        progress();
        let queue = upload.parts.slice();
        let failures = 0;
        while (queue.length > 0) {
          const batch = queue.splice(0, PARALLEL);
          const results = await Promise.allSettled(batch.map((p) => {
            const from = (p.partNumber - 1) * partSize;
            moving.set(p.partNumber, 0);
            return putPart(p.url, file.slice(from, from + sizeOf(p.partNumber)), (loaded) => { moving.set(p.partNumber, loaded); progress(); }, inFlight)
              .then(() => { moving.delete(p.partNumber); stored += sizeOf(p.partNumber); progress(); });
          }));
          if (paused) { throw Object.assign(new Error('paused'), { paused: true }); }
          const failed = batch.filter((p, i) => results[i].status === 'rejected');
          failed.forEach((p) => moving.delete(p.partNumber));
          if (failed.length > 0) {
            failures++;
            if (failures > 5) { throw new Error('网络中断，请稍后点击“上传”继续，已上传的部分不会丢失。'); }
            await new Promise((r) => setTimeout(r, 500 * failures));
            // fresh URLs (they expire) for whatever the store still lacks
            const now = await api('GET', '/api/authoring/uploads/' + upload.uploadId);
            stored = now.partsStored.reduce((sum, n) => sum + sizeOf(n), 0);
            queue = now.parts;
          }
        }
        status.textContent = '正在校验文件…';
        const done = await api('POST', '/api/authoring/uploads/' + upload.uploadId + '/completion');
        localStorage.removeItem(key);
        show(file.size, file.size, '上传完成' + (done.durationSeconds ? '：时长 ' + done.durationSeconds + ' 秒' : '') + '。刷新页面查看。');
        box.dataset.done = 'true';
      } catch (e) {
        if (e.paused) {
          status.textContent = '已暂停。点击“上传”从中断处继续。';
        } else {
          if (e.status === 422 || e.status === 409) { localStorage.removeItem(key); }
          status.textContent = e.message;
        }
      } finally {
        running = false;
        startButton.disabled = false;
        if (pauseButton) { pauseButton.disabled = true; }
      }
    }

    startButton.addEventListener('click', run);
    if (pauseButton) {
      pauseButton.addEventListener('click', () => { paused = true; inFlight.forEach((x) => x.abort()); });
    }
    box.dataset.ready = 'true';
  }

  function setupImport(box) {
    const input = box.querySelector('input[type=file]');
    const report = box.querySelector('.report');
    box.querySelector('button.start').addEventListener('click', async () => {
      const file = input.files[0];
      if (!file) { report.textContent = '请先选择文件。'; return; }
      report.textContent = '正在导入…';
      const response = await fetch(box.dataset.url, {
        method: 'POST', body: file,
        headers: { 'Content-Type': file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
      });
      const json = await response.json().catch(() => ({}));
      report.textContent = '';
      if (!response.ok) { report.textContent = json.detail || ('导入失败（' + response.status + '）'); return; }
      const summary = document.createElement('p');
      summary.textContent = '已导入 ' + json.accepted + ' 题，拒绝 ' + json.refused + ' 行。刷新页面查看题库。';
      report.appendChild(summary);
      if (json.refusals.length > 0) {
        const list = document.createElement('ul');
        json.refusals.forEach((r) => { const li = document.createElement('li'); li.textContent = '第 ' + r.row + ' 行：' + r.reason; list.appendChild(li); });
        report.appendChild(list);
      }
    });
    box.dataset.ready = 'true';
  }

  document.querySelectorAll('.upload').forEach(setup);
  document.querySelectorAll('.import').forEach(setupImport);
})();
