# shellcheck shell=bash disable=SC2034 # the SUMMARY_* and CHILD_* results are read by ./digima
# Running dotnet (the app, the tests) and reading test results.

# Keep the SDK quiet and offline-friendly: no telemetry (there is no network),
# no first-run banner, and no MSBuild worker nodes left behind after a run.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# run_child PIDFILE CMD...: run CMD and return its exit status, writing its
# pid to PIDFILE ('' for none) while it runs.
# CMD gets its own process group (setsid) and default INT/TERM handling
# (commands a script starts in the background otherwise ignore SIGINT). The
# script forwards INT and TERM to that whole group, so Ctrl-C in the terminal
# and a `kill` of the script both stop `dotnet run` AND the app it started.
# CHILD_INTERRUPTED tells the caller whether a signal asked for the stop.
run_child() {
  local pidfile=$1 pid rc=0 saved_traps
  shift
  CHILD_INTERRUPTED=0
  saved_traps=$(trap -p INT TERM)
  setsid env --default-signal=INT,QUIT,TERM "$@" &
  pid=$!
  [[ -n $pidfile ]] && printf '%s\n' "$pid" >"$pidfile"
  trap 'CHILD_INTERRUPTED=1; kill -INT -- -'"$pid"' 2>/dev/null || true' INT
  trap 'CHILD_INTERRUPTED=1; kill -TERM -- -'"$pid"' 2>/dev/null || true' TERM
  # `wait` returns early when a trapped signal arrives: keep waiting until the
  # child is really gone, then collect its exit status.
  while kill -0 "$pid" 2>/dev/null; do
    wait "$pid" || true
  done
  wait "$pid" || rc=$?
  trap - INT TERM
  eval "$saved_traps"
  [[ -n $pidfile ]] && rm -f "$pidfile"
  return "$rc"
}

# summarize_trx DIR DOTNET_EXIT_CODE: read the TRX files under DIR and set
# SUMMARY_PASSED, SUMMARY_FAILED, SUMMARY_NOTE and FAILED_TESTS (one name a
# line). Returns non-zero when the run must count as failed.
#
# Plain bash/awk/sed (no python, no XML tools) so it works on a fresh Debian.
# The files are flattened to one XML tag per line first, so the layout of the
# TRX writer (attributes on one line or several) does not matter.
summarize_trx() {
  local dir=$1 rc=$2 flat total executed
  local -a files=()
  SUMMARY_PASSED=0 SUMMARY_FAILED=0 SUMMARY_NOTE='' FAILED_TESTS=''
  [[ -d $dir ]] && mapfile -t files < <(find "$dir" -type f -name '*.trx' | sort)
  if ((${#files[@]} == 0)); then
    SUMMARY_FAILED=1
    SUMMARY_NOTE="dotnet test exited with code $rc and wrote no test results: the build or the test host failed (see above)"
    return 1
  fi

  flat=$(cat "${files[@]}" | tr '\r\n' '  ' | sed 's/</\n</g')
  read -r total executed SUMMARY_PASSED SUMMARY_FAILED < <(
    awk '
      function attr(s, name,   re) {
        re = " " name "=\"[0-9]+\""
        if (match(s, re)) return substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
        return 0
      }
      /^<Counters[ \/>]/ {
        t += attr($0, "total"); e += attr($0, "executed"); p += attr($0, "passed")
        f += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
      }
      END { print t + 0, e + 0, p + 0, f + 0 }
    ' <<<"$flat")
  FAILED_TESTS=$(
    grep '^<UnitTestResult ' <<<"$flat" \
      | grep -E ' outcome="(Failed|Error|Timeout|Aborted)"' \
      | sed -n 's/.* testName="\([^"]*\)".*/\1/p' \
      | sed "s/&quot;/\"/g; s/&apos;/'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g" || true)

  if ((rc != 0 && SUMMARY_FAILED == 0)); then
    SUMMARY_FAILED=1
    SUMMARY_NOTE="dotnet test exited with code $rc although no test failed: counting the run itself as failed"
  elif ((executed == 0 && SUMMARY_FAILED == 0)); then
    SUMMARY_NOTE="no test was executed ($total found): check the test project and --filter"
    return 1
  fi
  ((rc == 0 && SUMMARY_FAILED == 0))
}
