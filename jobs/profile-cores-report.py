"""Prints what jobs/profile-cores' flight recordings say about the cores: run it on target/profile and the core counts.

Per run, from the JVM's own events (jfr print --json):
- task threads' CPU: jdk.ExecutionSample (Java code) and jdk.NativeMethodSample (native code: ONNX Runtime) on
  Spark's "Executor task launch worker" threads, each sample standing for one sampling period of that thread;
- the other Java threads' CPU by kind (the driver's main thread, Spark's scheduler and RPC threads, the project's
  progress threads, everything else);
- the JVM's CPU (jdk.CPULoad, user + system, as a share of the machine, once a second) and GC pauses
  (jdk.GarbageCollection);
- lock waits (jdk.JavaMonitorEnter of 10 ms or more) and where the waiting thread was;
and per stage of the run (the run log's stage lines: each ends with its duration) the seconds, the task threads'
mean busy cores and the JVM's mean cores. The ratio of the two runs' stage times is the per-stage speed-up.
"""
import collections, datetime, glob, json, os, re, subprocess, sys

out, cores_list = sys.argv[1], [int(c) for c in sys.argv[2:]]


def ts(s):
    # JFR prints ISO times with an offset and up to nanoseconds; Python wants at most microseconds.
    s = re.sub(r"(\.\d{6})\d+", r"\1", s.replace("Z", "+00:00"))
    return datetime.datetime.fromisoformat(s).timestamp()


def seconds(iso):
    """An ISO-8601 duration as JFR prints it (PT0.0207S, PT1M2.5S) in seconds."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso)
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3) or 0)


def method(frames):
    if not frames:
        return "?"
    f = frames[0]["method"]
    return f["type"]["name"].replace("/", ".") + "." + f["name"]


def events(jfr, names, depth=1):
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", names, jfr],
                          check=True, capture_output=True, text=True).stdout
    return json.loads(text)["recording"]["events"]


# The "profile" settings jobs/profile-cores records with: a Java thread running Java code is sampled every 10 ms, one
# in native code (ONNX Runtime's inference, the JVM's own) every 20 ms. A native sample does not prove the thread was
# on CPU (a socket wait is native too); task threads in native code are almost all ONNX Runtime's encoder here.
JAVA_PERIOD_S, NATIVE_PERIOD_S = 0.010, 0.020


def kind(thread):
    if thread.startswith("Executor task launch worker"):
        return "task threads"
    if thread == "main":
        return "driver main thread"
    if thread.startswith(("dag-scheduler", "spark-listener", "dispatcher-", "rpc-", "task-result-getter",
                          "driver-heartbeater", "executor-heartbeater", "shuffle-", "block-manager", "RemoteBlock", "map-output", "broadcast-exchange", "subquery")):
        return "Spark scheduler, RPC, shuffle"
    if thread.startswith("rootcause"):
        return "rootcause progress threads"
    return "other Java threads"


def stages(log):
    """(name, start, end) of each stage line of the run log: the line's time is the stage's end."""
    out = []
    for line in open(log):
        m = re.match(r"(\S+) INFO \[main\] rootcause\.runlog: (ingest, clean|nlp|classify|write|aggregate, report)\s"
                     r".*\((?:(\d+)m )?([\d.]+) ?s\)\s*$", line)
        if not m:
            continue
        end = ts(m.group(1).replace(",", "."))
        dur = (int(m.group(3)) * 60 if m.group(3) else 0) + float(m.group(4))
        out.append((m.group(2).strip(), end - dur, end))
    return out


runs = {}
for cores in cores_list:
    base = f"{out}/job-{cores}core"
    jfr = base + ".jfr"
    _, start, end = open(base + ".wall").read().split()
    log = sorted(glob.glob(base + "/logs/*.log"))[-1]
    samples = events(jfr, "jdk.ExecutionSample", depth=1)
    native = events(jfr, "jdk.NativeMethodSample", depth=1)
    by_kind = collections.Counter()
    task_by_second = collections.Counter()
    top_task = collections.Counter()
    top_other = collections.Counter()
    for e in samples:
        v = e["values"]
        name = (v.get("sampledThread") or {}).get("javaName") or "?"
        k = kind(name)
        by_kind[k] += JAVA_PERIOD_S
        frames = (v.get("stackTrace") or {}).get("frames") or []
        top = method(frames)
        if k == "task threads":
            task_by_second[int(ts(v["startTime"]))] += JAVA_PERIOD_S
            top_task[top] += JAVA_PERIOD_S
        else:
            top_other[(k, top)] += JAVA_PERIOD_S
    task_native = 0.0
    for e in native:
        v = e["values"]
        if kind((v.get("sampledThread") or {}).get("javaName") or "?") == "task threads":
            task_native += NATIVE_PERIOD_S
            task_by_second[int(ts(v["startTime"]))] += NATIVE_PERIOD_S
    cpu = events(jfr, "jdk.CPULoad")
    jvm_by_second = {int(ts(e["values"]["startTime"])): (e["values"]["jvmUser"] + e["values"]["jvmSystem"]) for e in cpu}
    gc = events(jfr, "jdk.GarbageCollection")
    gc_pause = sum(seconds(e["values"]["sumOfPauses"]) for e in gc)
    monitors = events(jfr, "jdk.JavaMonitorEnter", depth=3)
    lock_wait = collections.Counter()
    for e in monitors:
        v = e["values"]
        frames = (v.get("stackTrace") or {}).get("frames") or []
        lock_wait[(kind((v.get("eventThread") or {}).get("javaName") or "?"), method(frames))] += seconds(v["duration"])
    runs[cores] = dict(wall=float(end) - float(start), by_kind=by_kind, task_by_second=task_by_second,
                       top_task=top_task, top_other=top_other, task_native=task_native, jvm_by_second=jvm_by_second, gc_pause=gc_pause,
                       lock_wait=lock_wait, stages=stages(log), cores=cores)


print("Per run (CPU in core-seconds; the JVM's CPU from jdk.CPULoad, as cores = share of the machine x its cores):\n")
kinds = ["task threads", "driver main thread", "Spark scheduler, RPC, shuffle", "rootcause progress threads",
         "other Java threads"]
print("| run | wall s | JVM CPU core-s | " + " | ".join(f"{k} core-s" for k in kinds)
      + " | task threads in native code s | GC pauses s | lock waits s |")
print("| --- | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " | ---: | ---: | ---: |")
machine = os.cpu_count()
for cores, r in runs.items():
    jvm = sum(r["jvm_by_second"].values()) * machine
    print(f"| local[{cores}] | {r['wall']:.1f} | {jvm:.1f} | " + " | ".join(f"{r['by_kind'][k]:.1f}" for k in kinds)
          + f" | {r['task_native']:.1f} | {r['gc_pause']:.1f} | {sum(r['lock_wait'].values()):.1f} |")

print("\nPer stage (the run log's stage lines; busy = mean cores of CPU over the stage's seconds):\n")
names = []
for r in runs.values():
    for name, _, _ in r["stages"]:
        if name not in names:
            names.append(name)
header = "| stage | " + " | ".join(f"local[{c}] s | tasks busy | JVM busy" for c in runs) + (" | speed-up |" if len(runs) == 2 else " |")
print(header)
print("| --- | " + " | ".join("---: | ---: | ---:" for _ in runs) + (" | ---: |" if len(runs) == 2 else " |"))
for name in names:
    cells, secs = [], []
    for cores, r in runs.items():
        st = [(s, e) for n, s, e in r["stages"] if n == name]
        if not st:
            cells.append(" | | ")
            secs.append(None)
            continue
        s, e = st[0]
        seconds = range(int(s), int(e) + 1)
        n = max(1, len(seconds))
        tasks = sum(r["task_by_second"].get(x, 0) for x in seconds) / n
        jvm = sum(r["jvm_by_second"].get(x, 0) for x in seconds) / n * machine
        cells.append(f"{e - s:.1f} | {tasks:.2f} | {jvm:.2f}")
        secs.append(e - s)
    speed = f" | {secs[0] / secs[1]:.2f}x |" if len(runs) == 2 and None not in secs and secs[1] > 0 else (" | |" if len(runs) == 2 else " |")
    print(f"| {name} | " + " | ".join(cells) + speed)

for cores, r in runs.items():
    busy = collections.Counter()
    first, last = min(r["jvm_by_second"] or [0]), max(r["jvm_by_second"] or [0])
    for x in range(first, last + 1):
        busy[min(cores, round(r["task_by_second"].get(x, 0)))] += 1
    total = sum(busy.values()) or 1
    print(f"\nlocal[{cores}]: seconds of the run by task threads on CPU (rounded cores): "
          + ", ".join(f"{k}: {v} s ({100 * v / total:.0f} %)" for k, v in sorted(busy.items())))
    print(f"local[{cores}]: hottest methods on task threads (top frame, core-s): "
          + "; ".join(f"{m} {s:.1f}" for m, s in r["top_task"].most_common(8)))
    print(f"local[{cores}]: hottest methods on other threads: "
          + "; ".join(f"{k}: {m} {s:.1f}" for (k, m), s in r["top_other"].most_common(5)))
    if r["lock_wait"]:
        print(f"local[{cores}]: lock waits (s): " + "; ".join(f"{k}: {m} {s:.1f}" for (k, m), s in r["lock_wait"].most_common(5)))
