#!/usr/bin/env bash
# Draws the two Teams app icons with ImageMagick. Run once by hand when the design changes; the PNGs are
# committed, so packaging and tests do not need ImageMagick.
#   color.png   192x192, full colour: a white clinical cross inside a speech bubble on teal.
#   outline.png 32x32, white strokes on a transparent background (Teams tints it).
set -euo pipefail
cd "$(dirname "$0")"

convert -size 192x192 xc:'#0B6E79' \
  -fill white -stroke none \
  -draw 'roundrectangle 30,34 162,138 22,22' \
  -draw 'polygon 58,134 58,166 92,136' \
  -fill '#0B6E79' \
  -draw 'rectangle 84,50 108,122' \
  -draw 'rectangle 60,74 132,98' \
  -strip PNG32:color.png

convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 \
  -draw 'roundrectangle 4,5 27,23 4,4' \
  -draw 'line 9,23 9,29' -draw 'line 9,29 15,23' \
  -draw 'polyline 14,9 18,9 18,12 21,12 21,16 18,16 18,19 14,19 14,16 11,16 11,12 14,12 14,9' \
  -strip PNG32:outline.png
