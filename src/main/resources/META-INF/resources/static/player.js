// The lesson player: plays the presigned media URL and reports heartbeats. The server decides what
// counts; this script only reports honestly and explains every pause.
(() => {
  const box = document.getElementById('player');
  const video = document.getElementById('video');
  const overlay = document.getElementById('overlay');
  const overlayText = document.getElementById('overlay-text');
  const overlayButton = document.getElementById('overlay-button');
  const status = document.getElementById('status');
  const bar = document.getElementById('bar');
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const lessonId = box.dataset.lesson;
  const every = Math.max(1, Number(box.dataset.heartbeat)) * 1000;
  let session = null;
  let suspended = false;
  let timer = null;
  let lastPosition = 0;
  let completed = false;

  async function api(method, url, body) {
    const response = await fetch(url, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data };
  }

  function say(text) { status.textContent = text; }
  function showOverlay(text, button) {
    overlayText.textContent = text;
    overlayButton.hidden = !button;
    overlay.hidden = false;
  }

  function render(p) {
    bar.style.width = Math.floor(p.coverage * 100) + '%';
    completed = p.completed;
    box.dataset.watched = String(p.watchedSeconds);
    say(p.completed ? '本讲已完成 ✓（已学 ' + Math.floor(p.watchedSeconds) + ' 秒）'
      : '已学 ' + Math.floor(p.watchedSeconds) + ' 秒（' + Math.floor(p.coverage * 100) + '%）');
  }

  async function start() {
    const r = await api('POST', '/api/lessons/' + lessonId + '/sessions');
    if (r.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname); return; }
    if (r.status !== 201) { showOverlay((r.data && r.data.detail) || '暂时无法播放，请稍后再试。', false); return; }
    session = r.data;
    suspended = false;
    overlay.hidden = true;
    const resume = session.resumeAtSeconds;
    video.src = session.mediaUrl;
    video.addEventListener('loadedmetadata', () => { video.currentTime = resume; lastPosition = resume; }, { once: true });
    say(resume > 0 ? '从上次位置（' + Math.floor(resume) + ' 秒）继续，点击播放开始计时。' : '点击播放开始学习。');
  }

  // Heartbeats go out one at a time, in order, each with the state captured when it was made.
  let queue = Promise.resolve();
  function beat(position, playing) {
    if (!session || suspended) return queue;
    const body = {
      positionSeconds: position === undefined ? video.currentTime : position,
      playing: playing === undefined ? (!video.paused && !video.ended) : playing,
      visible: document.visibilityState === 'visible',
      playbackRate: video.playbackRate,
    };
    const id = session.sessionId;
    queue = queue.then(() => send(id, body)).catch(() => say('网络中断，进度将在恢复后继续保存。'));
    return queue;
  }

  async function send(id, body) {
    if (suspended || !session || session.sessionId !== id) return;
    const r = await api('POST', '/api/sessions/' + id + '/heartbeats', body);
    if (r.status === 200) {
      render(r.data);
      if (r.data.dailyCapReached && !r.data.completed) {
        video.pause();
        showOverlay('今日在线学习时长已达上限，请明天再继续学习。', false);
      } else if (r.data.attentionRequired) {
        video.pause();
        overlayButton.dataset.attention = '1';
        overlayButton.textContent = '我在，继续学习';
        showOverlay('您还在学习吗？长时间未确认时不计时。', true);
      }
    } else if (r.status === 409) {
      suspended = true;
      video.pause();
      showOverlay((r.data && r.data.detail) || '本窗口已暂停计时。', true);
    } else if (r.status === 401) {
      video.pause();
      showOverlay('登录已过期，请重新登录后继续学习。', false);
    } else {
      say((r.data && r.data.detail) || '进度暂时无法保存，正在重试…');
    }
  }

  function startTimer() { if (!timer) timer = setInterval(() => beat(), every); }
  function stopTimer() { clearInterval(timer); timer = null; }

  video.addEventListener('play', () => { if (suspended) { video.pause(); return; } beat(); startTimer(); });
  video.addEventListener('pause', () => { stopTimer(); beat(undefined, false); });
  video.addEventListener('ended', () => { stopTimer(); beat(video.duration, true); });
  video.addEventListener('timeupdate', () => { if (!video.seeking) lastPosition = video.currentTime; });
  // Report where the viewer was before a seek (that span counts), then resynchronise without credit.
  video.addEventListener('seeking', () => { beat(lastPosition, !video.paused); });
  video.addEventListener('seeked', () => { beat(video.currentTime, false); lastPosition = video.currentTime; });
  video.addEventListener('ratechange', () => {
    if (video.playbackRate !== 1) { video.playbackRate = 1; say('倍速播放不计时，已恢复为正常速度。'); }
  });
  video.addEventListener('error', async () => {
    if (!session || suspended) return;
    const r = await api('GET', '/api/sessions/' + session.sessionId + '/media');
    if (r.status === 200) { const at = lastPosition; video.src = r.data.mediaUrl; video.currentTime = at; }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !video.paused) {
      beat(undefined, false);
      video.pause();
      showOverlay('页面不在前台时不计时，视频已暂停。回到本页后点击继续。', true);
      overlayButton.dataset.resume = '1';
    }
  });
  overlayButton.addEventListener('click', async () => {
    if (overlayButton.dataset.attention === '1') {
      delete overlayButton.dataset.attention;
      overlayButton.textContent = '在此继续学习';
      const r = await api('POST', '/api/sessions/' + session.sessionId + '/attention');
      if (r.status === 204) { overlay.hidden = true; video.play(); return; }
    }
    if (overlayButton.dataset.resume === '1' && !suspended) {
      delete overlayButton.dataset.resume;
      overlay.hidden = true;
      video.play();
      return;
    }
    delete overlayButton.dataset.resume;
    start().then(() => video.play());
  });
  start();
})();
