#!/usr/bin/env bash
# Makes the sample feed's news clip, static/feed/media/clips/district-news.mp4: 8 s, 640x360,
# H.264 Constrained Baseline + AAC-LC in MP4 with the index up front (faststart), about 150 KB.
# A 政务要闻-style title card (寒亭区政务要闻（示例）), a sliding marker, a scrolling ticker
# and a chime every 2 s. Everything is synthesized by ffmpeg: no source footage.
#
# Needs: ffmpeg with libx264, drawtext (libfreetype) and the WenQuanYi Micro Hei font:
#   apt-get install -y --no-install-recommends ffmpeg fonts-wqy-microhei
# Run from anywhere: bash tools/clip/make-sample-clip.sh [output.mp4]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/static/feed/media/clips/district-news.mp4}"
FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

if ! command -v ffmpeg >/dev/null 2>&1; then
  echo "make-sample-clip: ffmpeg is missing: install it with 'apt-get install -y --no-install-recommends ffmpeg'" >&2
  exit 1
fi
if [ ! -f "$FONT" ]; then
  echo "make-sample-clip: $FONT is missing: install it with 'apt-get install -y --no-install-recommends fonts-wqy-microhei'" >&2
  exit 1
fi
mkdir -p "$(dirname "$OUT")"

# Inputs: 0 = navy background, 1 = the gold marker (a 120x6 bar), 2 = the chime
# (a 660 Hz tone struck every 2 s, decaying).
# Graph: red header band with 政务要闻, the title card and an English subtitle, the marker
# sliding left to right under the title, a dark ticker band whose text scrolls right to left,
# a half-second fade in and out.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0x0b2f6b:s=640x360:r=25:d=8" \
  -f lavfi -i "color=c=0xf2c230:s=120x6:r=25:d=8" \
  -f lavfi -i "aevalsrc='0.25*sin(2*PI*660*t)*exp(-4*mod(t,2))':s=44100:d=8" \
  -filter_complex "\
[0:v]drawbox=x=0:y=0:w=iw:h=52:color=0xc8102e:t=fill,\
drawtext=fontfile=$FONT:text='政务要闻':fontsize=26:fontcolor=white:x=20:y=13,\
drawtext=fontfile=$FONT:text='示例 · 虚构内容':fontsize=18:fontcolor=0xffe9a8:x=w-text_w-20:y=17,\
drawtext=fontfile=$FONT:text='寒亭区政务要闻（示例）':fontsize=40:fontcolor=white:x=(w-text_w)/2:y=128,\
drawtext=fontfile=$FONT:text='Hanting District News (sample)':fontsize=20:fontcolor=0xc9d6ee:x=(w-text_w)/2:y=186,\
drawbox=x=0:y=ih-44:w=iw:h=44:color=0x061a3d:t=fill,\
drawtext=fontfile=$FONT:text='本视频为三务公开电视的示例片段，人物、事件与数据均为虚构。':fontsize=20:fontcolor=white:x='w-mod(t*150,w+text_w)':y=h-33[bg];\
[bg][1:v]overlay=x='mod(t*120,W+w)-w':y=226:shortest=1,\
fade=t=in:st=0:d=0.5,fade=t=out:st=7.5:d=0.5,format=yuv420p[v];\
[2:a]afade=t=out:st=7.5:d=0.5[a]" \
  -map "[v]" -map "[a]" \
  -c:v libx264 -profile:v baseline -level:v 3.0 -preset veryslow -crf 30 -g 50 -pix_fmt yuv420p \
  -c:a aac -b:a 48k -ac 1 -ar 44100 \
  -t 8 -movflags +faststart -map_metadata -1 -metadata title='寒亭区政务要闻（示例）' \
  "$OUT"

echo "make-sample-clip: wrote $OUT ($(( $(stat -c %s "$OUT") / 1024 )) KB)"
