#!/usr/bin/env bash
# Bytes on the wire of one page and every asset it loads (stylesheets, scripts, images, icons), as a first visit
# with no cache would fetch them, with gzip accepted. Logs in first when a user is given (demo password "demo").
#   bench/page-weight.sh http://127.0.0.1:8093 /chi-so-766 lanhdao.tanphu
# Prints one line per resource (compressed bytes, uncompressed bytes, Content-Encoding, URL) and the totals.
set -euo pipefail
base=${1:?base URL}; path=${2:?page path}; user=${3:-}
jar=$(mktemp); trap 'rm -f "$jar" "$jar.html"' EXIT
if [[ -n $user ]]; then
  token=$(curl -s -c "$jar" -b "$jar" "$base/dang-nhap" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "username=$user" \
    --data-urlencode "password=${MOTCUA_PASSWORD:-demo}" "$base/dang-nhap"
fi
fetch() { # url -> "compressed uncompressed encoding"
  local hdr; hdr=$(mktemp)
  local gz; gz=$(curl -s -b "$jar" -D "$hdr" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1")
  local raw; raw=$(curl -s -b "$jar" -o /dev/null -w '%{size_download}' "$1")
  local enc; enc=$({ grep -i '^content-encoding:' "$hdr" || true; } | tr -d '\r' | awk '{print $2}'); rm -f "$hdr"
  echo "$gz $raw ${enc:-none}"
}
curl -s -b "$jar" "$base$path" > "$jar.html"
total_gz=0; total_raw=0
for url in "$base$path" $(grep -o -E '(href|src)="/[^"]*\.(css|js|svg|png|ico|woff2?)[^"]*"' "$jar.html" \
    | sed -E 's/^(href|src)="//; s/"$//' | sort -u | sed "s|^|$base|"); do
  read -r gz raw enc < <(fetch "$url")
  printf '%9d %9d  %-5s %s\n' "$gz" "$raw" "$enc" "${url#$base}"
  total_gz=$((total_gz + gz)); total_raw=$((total_raw + raw))
done
printf '%9d %9d  total bytes (gzip / uncompressed) = %.1f KB / %.1f KB\n' "$total_gz" "$total_raw" \
  "$(echo "$total_gz / 1024" | bc -l)" "$(echo "$total_raw / 1024" | bc -l)"
