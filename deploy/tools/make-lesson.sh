#!/usr/bin/env bash
# Renders one short lesson video for content/: a titled slide with a running clock and a tone.
# Needs Debian's ffmpeg and fonts-noto-cjk (only to author content; nothing at run time uses them).
# Usage: make-lesson.sh OUT.mp4 SECONDS "标题" "副标题" HUE
set -euo pipefail
out=$1 seconds=$2 title=$3 subtitle=$4 hue=${5:-200}
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0x1d3557:s=640x360:r=15:d=${seconds},hue=h=${hue}" \
  -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=${seconds}" \
  -vf "drawtext=fontfile=${font}:text='${title}':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=110,\
drawtext=fontfile=${font}:text='${subtitle}':fontcolor=0xf1faee:fontsize=22:x=(w-text_w)/2:y=170,\
drawtext=fontfile=${font}:text='%{pts\:hms}':fontcolor=0xa8dadc:fontsize=26:x=(w-text_w)/2:y=250" \
  -c:v libx264 -preset slow -crf 32 -pix_fmt yuv420p -c:a aac -b:a 32k -ac 1 \
  -movflags +faststart -shortest "$out"
