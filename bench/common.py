"""Shared by bench/compare, bench/scale and bench/serve: the release build, tools, tables."""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
# Where scripts/cargo-static's release build puts the binaries (statically linked on Linux, as
# the README installs svcacct: target/<host>/release there).
RELEASE = Path(subprocess.run([str(REPO / "scripts" / "cargo-static"), "--out-dir", "release"],
                              check=True, capture_output=True, text=True).stdout.strip())
# What is timed: a copy of the release build, as `cargo install` copies it into ~/.cargo/bin
# (`build` makes it). The linker's own output starts measurably slower while it stays in the page
# cache as written: 399 page faults and 1.74 ms of CPU for a reused token, against 331 and
# 1.25 ms for a `cp` of the same file (BENCHMARKS.md, "Issue 17: a statically linked binary").
# BENCH_SVCACCT: time another build of svcacct (e.g. an older commit's) with the same helpers.
INSTALLED = TARGET / "bench-install" / "svcacct"
SVCACCT = Path(os.environ.get("BENCH_SVCACCT", INSTALLED))


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build():
    """One release build of svcacct and the bench helpers, linked as the README installs svcacct
    (`scripts/cargo-static`; a no-op when fresh)."""
    log("scripts/cargo-static build --release (svcacct, examples gen-store and bench-tool)")
    run([str(REPO / "scripts" / "cargo-static"), "build", "--release", "--quiet", "--bins",
         "--example", "gen-store", "--example", "bench-tool"], cwd=REPO)
    INSTALLED.parent.mkdir(parents=True, exist_ok=True)
    INSTALLED.unlink(missing_ok=True)
    run(["cp", str(RELEASE / "svcacct"), str(INSTALLED)])


def start_serve(argv, env, log_path, name="serve", tries=100):
    """Starts `argv` (a `svcacct … serve --listen 127.0.0.1:0` command line) with its stderr in
    `log_path`, and waits (`tries` × 0.1 s) for the address it says it listens on. Returns the
    process, its host and port."""
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=open(log_path, "w"))
    m = None
    for _ in range(tries):
        m = re.search(r"http://([\d.]+):(\d+)", Path(log_path).read_text())
        if m or proc.poll() is not None:
            break
        time.sleep(0.1)
    if not m:
        proc.kill()
        sys.exit(f"bench: {name} did not start: {Path(log_path).read_text()}")
    return proc, m.group(1), int(m.group(2))


def need(tool, package):
    """Installs a missing Debian package (as root, or with sudo)."""
    if shutil.which(tool):
        return
    log(f"{tool} is missing: installing the Debian package {package}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(sudo + ["apt-get", "install", "-y", "-q", package])
    if not shutil.which(tool):
        sys.exit(f"bench: cannot install {tool}")


def clean_env(home):
    """The environment for svcacct: a fresh HOME, no SVCACCT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SVCACCT_")}
    env.update(HOME=str(home), LANG="C", TZ="UTC")
    return env


def workdir(name):
    return Path(tempfile.mkdtemp(prefix=f"svcacct-bench-{name}-"))


def gen_store(root, accounts, policies, key_out):
    run([str(RELEASE / "examples" / "gen-store"), str(root), str(accounts),
         str(policies), str(key_out)])


def bench_tool(*args, **kw):
    return run([str(RELEASE / "examples" / "bench-tool"), *map(str, args)],
               capture_output=True, text=True, **kw).stdout


def openssl_speed_rsa2048(seconds=3):
    """(sign/s, verify/s) of `openssl speed -seconds N rsa2048`, one core."""
    out = run(["openssl", "speed", "-seconds", str(seconds), "rsa2048"],
              capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts[:3] == ["rsa", "2048", "bits"]:
            return float(parts[5]), float(parts[6])
    sys.exit(f"bench: cannot read openssl speed's output:\n{out}")


def hyperfine(commands, runs, env, warmup=3):
    """Median seconds of each command (hyperfine, no intermediate shell)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        run(["hyperfine", "-N", "--style", "none", "--warmup", str(warmup),
             "--runs", str(runs), "--export-json", f.name, *commands], env=env,
            stdout=subprocess.DEVNULL)
        results = json.load(open(f.name))["results"]
    return [r["median"] for r in results]


def machine():
    cpu = run(["lscpu"], capture_output=True, text=True).stdout
    model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines()
                  if l.startswith("Model name")), "?")
    load = open("/proc/loadavg").read().split()[:3]
    return (f"{model}, {os.cpu_count()} CPUs, Linux {os.uname().release}, "
            f"load average {' '.join(load)}")


def table(title, header, rows):
    """Prints one aligned table (Markdown, so BENCHMARKS.md can take it as it is)."""
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}\n({machine()})\n")
    fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    print(fmt(cells[0]))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in cells[1:]:
        print(fmt(r))
    sys.stdout.flush()


def verdict(ok):
    return "PASS" if ok else "MISS"


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def pyjwt_python():
    """A python3 that imports PyJWT and cryptography; a venv is made for it when none does."""
    candidates = [os.environ.get("BENCH_PYTHON"), os.environ.get("SVCACCT_TEST_PYTHON"),
                  str(TARGET / "bench-venv" / "bin" / "python"), shutil.which("python3")]
    for py in filter(None, candidates):
        if not shutil.which(py):
            continue
        ok = subprocess.run([py, "-c", "import jwt, cryptography"],
                            capture_output=True).returncode == 0
        if ok:
            return py
    venv = TARGET / "bench-venv"
    log(f"no python3 with PyJWT: making the venv {venv}")
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "pip"), "install", "-q", "pyjwt", "cryptography"])
    return str(venv / "bin" / "python")


def jwt_cli():
    """jwt-cli's `jwt` (Rust, ring): `BENCH_JWT`, else the one `cargo install jwt-cli --locked
    --root target/bench-tools` puts there (installed when missing; it is never taken from PATH,
    so that every run times the same build)."""
    if os.environ.get("BENCH_JWT"):
        return os.environ["BENCH_JWT"]
    root = TARGET / "bench-tools"
    jwt = root / "bin" / "jwt"
    if not jwt.exists():
        log(f"jwt-cli is missing: cargo install jwt-cli --locked --root {root}")
        run(["cargo", "install", "--quiet", "jwt-cli", "--locked", "--root", str(root)])
    return str(jwt)


def interleaved(commands, runs, env):
    """Median wall seconds of each command, the commands run in turn `runs` times (one run
    of each, then the next round): a load that moves during the measurement moves every
    command alike, which back-to-back hyperfine blocks do not give on a shared machine."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    argvs = [c.split() for c in commands]
    times = [[] for _ in commands]
    for _ in range(runs + 3):  # the first three rounds warm the page cache
        for argv, t in zip(argvs, times):
            start = time.perf_counter()
            pid = os.posix_spawn(argv[0], argv, env,
                                 file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                               (os.POSIX_SPAWN_DUP2, devnull, 2)])
            _, status, _ = os.wait4(pid, 0)
            t.append(time.perf_counter() - start)
            if status != 0:
                sys.exit(f"bench: {' '.join(argv)} failed")
    os.close(devnull)
    return [statistics.median(t[3:]) for t in times]
