#!/usr/bin/env bash
# Packages the desktop app rbee-keeper with jpackage (JDK 25) into target/jpackage/:
#   rbee-keeper/                          the app-image (always)
#   rbee-keeper_<version>_amd64.deb       a Debian package (when dpkg-deb and fakeroot are installed)
# Expects `mvn -B -DskipTests package` to have filled dist/lib. Usage: jpackage/linux/package.sh [--app-image-only]
#
# Layout of the image (see docs/install.md for why):
#   bin/rbee-keeper       jpackage's native launcher: no arguments opens the desktop app, any argument runs the CLI
#   lib/runtime/          the Java 25 runtime, with bin/java kept so the daemons can run on it
#   lib/app/lib/*.jar     dist/lib, on the launcher's class path (not the module path)
#   lib/app/bin/          the bin/ launchers (queen-rbee, rbee-hive, llm-worker-rbee, rbee-launch): keeper finds
#                         bin/queen-rbee above its jar, and rbee-launch picks the runtime in lib/runtime
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

app_image_only=false
case "${1:-}" in
  --app-image-only) app_image_only=true ;;
  "") ;;
  *) echo "usage: $0 [--app-image-only]" >&2; exit 2 ;;
esac

java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jpackage="$java_home/bin/jpackage"
[ -x "$jpackage" ] || jpackage=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jpackage
if [ ! -x "$jpackage" ] || ! "$jpackage" --version | grep -q '^25'; then
  echo "package.sh needs jpackage from a JDK 25. Set JAVA_HOME to a JDK 25 (for example Eclipse Temurin 25)." >&2
  exit 1
fi

# The project's version, e.g. 0.1.0; jpackage wants plain numbers, so a -SNAPSHOT suffix is dropped.
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
version="${version%%-*}"
main_jar="$(cd dist/lib 2>/dev/null && ls app-desktop-*.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$main_jar" ]; then
  echo "rbee is not built: dist/lib/app-desktop-*.jar is missing. Run: mvn -B -DskipTests package" >&2
  exit 1
fi

out="$root/target/jpackage"
input="$out/input"
rm -rf "$input" "$out/rbee-keeper" "$out"/rbee-keeper_*.deb
mkdir -p "$input/lib" "$input/bin"
cp dist/lib/*.jar "$input/lib/"
cp bin/rbee-launch bin/queen-rbee bin/rbee-hive bin/llm-worker-rbee bin/rbee-keeper "$input/bin/"
chmod 755 "$input"/bin/*

# What bin/rbee-launch passes today; the app runs from the class path, so ControlsFX needs no --add-exports.
java_options=(--java-options --enable-native-access=ALL-UNNAMED
              --java-options -XX:+UseSerialGC --java-options -XX:TieredStopAtLevel=1)
# jpackage's default jlink options minus --strip-native-commands: the daemons need lib/runtime/bin/java.
jlink_options="--strip-debug --no-man-pages --no-header-files"
common=(--name rbee-keeper --app-version "$version" --vendor rbee
        --description "rbee-keeper: desktop app and CLI for rbee, a cluster manager for LLMs"
        --icon "$root/assets/icons/rbee.png")

echo "jpackage: app-image rbee-keeper $version"
"$jpackage" --type app-image "${common[@]}" --dest "$out" \
  --input "$input" --main-jar "lib/$main_jar" --main-class dev.rbee.desktop.DesktopMain \
  "${java_options[@]}" --jlink-options "$jlink_options"
echo "built $out/rbee-keeper (run: $out/rbee-keeper/bin/rbee-keeper)"

if $app_image_only; then exit 0; fi
if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
  echo "skipping the .deb: it needs dpkg-deb and fakeroot (apt-get install -y fakeroot)"
  exit 0
fi
echo "jpackage: deb rbee-keeper $version"
"$jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$out/rbee-keeper" \
  --linux-shortcut --linux-menu-group "Development;Network" --linux-app-category devel \
  --linux-package-deps libgtk-3-0 --linux-deb-maintainer rbee@localhost
echo "built $(ls "$out"/rbee-keeper_*.deb)"
