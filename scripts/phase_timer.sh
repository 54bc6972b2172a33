# Sourced by .ci/run and scripts/hardening.sh: `phase NAME COMMAND...` runs the command and
# prints how long it took, so a CI log shows where the time goes.
phase() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name =="
  "$@"
  echo "== $name: $((SECONDS - start)) s =="
}
