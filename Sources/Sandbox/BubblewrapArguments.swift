/// bwrap's command line for one run: an allow-list root where only what is bound exists.
enum BubblewrapArguments {
    /// The whole environment inside the box. OpenBLAS and friends start a thread per core
    /// unless told otherwise, and the CPU limit would charge the candidate for them.
    static let environment: [(String, String)] = [
        ("PATH", "/venv/bin:/usr/bin:/bin"),
        ("HOME", "/work"),
        ("LANG", "C.UTF-8"),
        ("TZ", "UTC"),
        ("PYTHONDONTWRITEBYTECODE", "1"),
        ("PYTHONHASHSEED", "0"),
        ("OPENBLAS_NUM_THREADS", "1"),
        ("OMP_NUM_THREADS", "1"),
        ("MKL_NUM_THREADS", "1"),
        ("NUMEXPR_NUM_THREADS", "1"),
        ("MPLBACKEND", "Agg"),
    ]

    static func make(runtimePath: String, taskFolder: String?, limits: SandboxLimits,
                     seccompDescriptor: Int32, statusDescriptor: Int32, command: [String]) -> [String] {
        let disk = String(limits.diskMB << 20)
        var args = [
            // New user, pid, net, ipc, uts, cgroup and mount namespaces; uid 1000 inside,
            // so nothing in the box is root even in its own namespace.
            "--unshare-all", "--unshare-user", "--uid", "1000", "--gid", "1000",
            "--disable-userns",
            "--die-with-parent", "--new-session",
            "--cap-drop", "ALL",
            "--clearenv",
        ]
        for (name, value) in environment { args += ["--setenv", name, value] }
        args += [
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--symlink", "usr/sbin", "/sbin",
            "--ro-bind", runtimePath, "/venv",
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", disk, "--tmpfs", "/work",
            "--size", disk, "--tmpfs", "/tmp",
            "--size", disk, "--tmpfs", "/dev/shm",
        ]
        if let taskFolder { args += ["--ro-bind", taskFolder, "/task"] }
        args += [
            // bwrap's root is a writable tmpfs of its own; only /work, /tmp and /dev/shm
            // (sized) and /dev (charged to the run's memory) stay writable.
            "--remount-ro", "/",
            "--chdir", "/work",
            "--seccomp", String(seccompDescriptor),
            "--json-status-fd", String(statusDescriptor),
            "--",
        ]
        return args + command
    }
}
