# Shared helpers of the CLI tests: counters and checks. The caller sets WORK (a scratch folder).
passed=0 failed=0 skipped=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect_code() {  # expect_code CODE description -- command...
  local want=$1 what=$2; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"; local got=$?
  if [ "$got" = "$want" ]; then ok; else fail "$what: exit $got, wanted $want"; sed 's/^/    /' "$WORK/err" | head -5; fi
}
contains() {  # contains FILE TEXT description
  if grep -qF -- "$2" "$1"; then ok; else fail "$3: '$2' not in output"; sed 's/^/    /' "$1" | head -5; fi
}
