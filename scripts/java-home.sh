# Sourced by the other scripts: makes JAVA_HOME point at a JDK >= 21 (the server targets Java 21).
# Keeps the caller's JAVA_HOME or the `java` on PATH when they are recent enough; otherwise falls
# back to a JDK >= 21 under /usr/lib/jvm and says so; fails with a clear message when none exists.

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

choose_java_home() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      major=$(java_major "$candidate/bin/java")
      if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
    fi
  done
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ]; then
      major=$(java_major "$candidate/bin/java")
      if [ "${major:-0}" -ge 21 ]; then
        echo "note: the java on PATH is older than 21; using the JDK $major at $candidate" >&2
        export JAVA_HOME="$candidate"; return 0
      fi
    fi
  done
  echo "error: Performance OS needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
  return 1
}

choose_java_home
export PATH="$JAVA_HOME/bin:$PATH"
