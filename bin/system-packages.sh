# Sourced by bin/* scripts: installs the Debian/Ubuntu packages a command needs, only if missing.
# Uses apt-get directly as root, sudo otherwise.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing system packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The JDK and build tool every command needs.
BASE_PACKAGES=(openjdk-17-jdk-headless maven)
# JACK: the client library at run time; the server and tools for tests.
JACK_RUNTIME_PACKAGES=(libjack-jackd2-0)
JACK_TEST_PACKAGES=(jackd2 libjack-jackd2-0)
# The panel's tests: a virtual X display, Mesa's software OpenGL (llvmpipe) behind GLVND's libGL, the X
# libraries GLFW loads at run time, and the font the panel uses.
PANEL_TEST_PACKAGES=(xvfb libgl1 libglx-mesa0 libgl1-mesa-dri libx11-6 libx11-xcb1 libxext6 libxrandr2 libxinerama1
  libxcursor1 libxi6 libxrender1 fonts-dejavu-core)
# The VST3 plugin's tests: valgrind for the shim, Ardour 7 as a real headless host, gcc/make for the shim itself.
PLUGIN_TEST_PACKAGES=(gcc make libc6-dev valgrind ardour)
