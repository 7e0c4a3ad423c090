// The preview plays a draft's videos from short-lived store URLs, with its captions as a track.
(function () {
  'use strict';
  document.querySelectorAll('video[data-media]').forEach(async (video) => {
    const response = await fetch(video.dataset.media, { headers: { 'Accept': 'application/json' } });
    if (!response.ok) { return; }
    const media = await response.json();
    if (video.dataset.captions) {
      const track = document.createElement('track');
      track.kind = 'captions';
      track.srclang = 'zh';
      track.label = '中文字幕';
      track.src = video.dataset.captions;
      track.default = true;
      video.appendChild(track);
    }
    if (media.videoUrl) { video.src = media.videoUrl; }
  });
})();
