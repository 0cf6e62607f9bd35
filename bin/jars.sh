# Sourced by bin/ scripts: builds a module's shaded jar when it is missing or older than its sources.
# ensure_jar MODULE: prints the jar's path; MODULE and every module of ours it is built from are checked.
ensure_jar() {
  local module="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local jar="$root/$module/target/$module-all.jar"
  local sources=("$root/pom.xml" "$root/haptic-protocol" "$root/haptic-jack" "$root/haptic-client" "$root/$module")
  [ "$module" = haptic-bench ] && sources+=("$root/haptic-server" "$root/haptic-testkit")
  if [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -path '*/target' -prune -o -newer "$jar" -type f -print -quit)" ]; then
    echo "building $module…" >&2
    (cd "$root" && mvn -q -B -DskipTests -pl "$module" -am package) >&2
  fi
  printf '%s\n' "$jar"
}
