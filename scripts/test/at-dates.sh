#!/usr/bin/env bash
# Runs the whole jest suite with the machine's clock moved (Debian's faketime, LD_PRELOAD), once per
# date: by default a year-end and the EU and US daylight-saving changes. The suite must pass on any
# day; a test that reads the real clock where it should read the injected one fails here first.
#   npm run test:dates                          the default dates
#   npm run test:dates -- '2027-10-31 00:30'    the dates given
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: apt-get install faketime" >&2
  exit 2
fi
dates=("$@")
if ((${#dates[@]} == 0)); then
  dates=('2026-12-31 23:50:00' '2027-03-28 00:40:00' '2027-03-14 06:40:00' '2027-10-31 00:40:00')
fi
failed=0
for date in "${dates[@]}"; do
  echo "== jest with the clock at ${date} UTC"
  if ! TZ=UTC faketime "${date}" npx jest --silent; then
    echo "!! failed at ${date}"
    failed=1
  fi
done
exit "${failed}"
