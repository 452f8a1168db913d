import Foundation
import Testing
@testable import Sandbox

extension SandboxProbes {
    // MARK: Isolation
        @Test func probe01_tcp_to_a_host_port_is_refused_and_only_lo_exists() throws {
            let listener = try LoopbackListener()
            defer { listener.close() }
            let result = try Probe.run("""
            import json, socket
            port = int(input())
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2)
                outcome = "connected"
            except OSError as e:
                outcome = type(e).__name__
            print(json.dumps({"outcome": outcome, "interfaces": [n for _, n in socket.if_nameindex()]}))
            """, input: "\(listener.port)\n")
            let report = try Probe.report(result)
            #expect(report["outcome"] as? String != "connected")
            #expect(report["interfaces"] as? [String] == ["lo"])
        }

        @Test func probe02_abstract_unix_socket_of_the_host_is_unreachable() throws {
            let name = Probe.marker()
            let listener = try AbstractSocketListener(name: name)
            defer { listener.close() }
            let result = try Probe.run("""
            import json, socket
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect("\\0" + input().strip())
                outcome = "connected"
            except OSError as e:
                outcome = type(e).__name__
            print(json.dumps({"outcome": outcome}))
            """, input: name + "\n")
            #expect(try Probe.report(result)["outcome"] as? String == "ConnectionRefusedError")
        }

        @Test func probe03_dns_lookups_fail() throws {
            let result = try Probe.run("""
            import json, socket
            try:
                socket.getaddrinfo("example.com", 443)
                outcome = "resolved"
            except OSError as e:
                outcome = type(e).__name__
            print(json.dumps({"outcome": outcome}))
            """)
            #expect(try Probe.report(result)["outcome"] as? String == "gaierror")
        }

        @Test func probe04_host_secrets_and_the_service_files_are_absent() throws {
            let here = FileManager.default.currentDirectoryPath
            let scratch = try Probe.sandbox.get().configuration.scratchPath
            let paths = ["/etc/shadow", "/etc/passwd", "/etc", "/root", "/home", here, scratch,
                         "/sys/fs/cgroup", "/sys", "/var", "/opt", "/usr/local/bin/vetted"]
            let result = try Probe.run("""
            import json, os
            paths = json.loads(input())
            print(json.dumps({p: os.path.exists(p) for p in paths}))
            """, input: String(decoding: try JSONSerialization.data(withJSONObject: paths), as: UTF8.self) + "\n")
            let report = try Probe.report(result)
            for path in paths { #expect(report[path] as? Bool == false, "\(path) is visible in the box") }
        }

        @Test func probe05_environment_holds_only_allow_listed_variables() throws {
            setenv("VETTED_PROBE_SECRET", "s3cret-value-in-the-service", 1)
            defer { unsetenv("VETTED_PROBE_SECRET") }
            let result = try Probe.run("""
            import json, os
            init = open("/proc/1/environ", "rb").read().decode()
            print(json.dumps({"environ": sorted(os.environ), "init": init}))
            """)
            let report = try Probe.report(result)
            let allowed = Set(BubblewrapArguments.environment.map(\.0) + ["PWD"])
            let names = report["environ"] as? [String] ?? ["missing"]
            #expect(Set(names).isSubset(of: allowed), "unexpected variables: \(Set(names).subtracting(allowed))")
            let initEnvironment = report["init"] as? String ?? "missing"
            #expect(!initEnvironment.contains("s3cret"))
            #expect(!initEnvironment.contains("VETTED"))
        }

        @Test func probe06_descriptors_the_service_holds_are_not_inherited() throws {
            let secret = NSTemporaryDirectory() + "/probe-secret-\(Probe.marker())"
            try Data("top secret".utf8).write(to: URL(fileURLWithPath: secret))
            defer { try? FileManager.default.removeItem(atPath: secret) }
            let fd = open(secret, O_RDONLY)  // deliberately not O_CLOEXEC
            var pair: [Int32] = [0, 0]
            _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair)
            defer { close(fd); close(pair[0]); close(pair[1]) }
            let result = try Probe.run("""
            import json, os
            mine = sorted(int(n) for n in os.listdir("/proc/self/fd"))
            try:
                init = {n: os.readlink("/proc/1/fd/" + n) for n in os.listdir("/proc/1/fd") if int(n) > 2}
            except OSError as e:
                init = type(e).__name__
            print(json.dumps({"self": mine, "init": init}))
            """)
            let report = try Probe.report(result)
            // 0-2, plus the descriptor listdir itself holds open while listing.
            #expect((report["self"] as? [Int])?.filter { $0 > 2 }.count == 1)
            // bwrap's init may hold its own eventfd; nothing of the service's.
            if let initFds = report["init"] as? [String: String] {
                #expect(initFds.values.allSatisfy { $0.hasPrefix("anon_inode:") }, "init holds \(initFds)")
            }
        }

        @Test func probe07_writes_outside_the_tmpfs_folders_are_refused() throws {
            let name = Probe.marker()
            let result = try Probe.run("""
            import json, os
            name = input().strip()
            outcome = {}
            for folder in ["/usr", "/usr/bin", "/venv", "/task", "/etc", "/", "/proc", "/lib", "/bin"]:
                try:
                    with open(os.path.join(folder, name), "w") as f:
                        f.write("x")
                    outcome[folder] = "written"
                except OSError as e:
                    outcome[folder] = type(e).__name__
            print(json.dumps(outcome))
            """, input: name + "\n")
            let report = try Probe.report(result)
            #expect(!report.isEmpty)
            for (folder, outcome) in report { #expect(outcome as? String != "written", "wrote into \(folder)") }
            for folder in ["/usr", "/usr/bin", "/opt/vetted-runtime", "/"] {
                #expect(!FileManager.default.fileExists(atPath: folder + "/" + name))
            }
        }

        @Test func probe21_planted_symlinks_are_never_followed_and_hardlinks_fail() throws {
            let result = try Probe.run("""
            import json, os
            os.symlink("/etc/shadow", "/work/result.json")
            os.symlink("/", "/work/root")
            try:
                os.link("/venv/bin/python3", "/work/hard")
                link = "linked"
            except OSError as e:
                link = type(e).__name__
            print(json.dumps({"hardlink": link}))
            """)
            // The supervisor reads only the pipes: nothing in /work is ever opened by the host.
            #expect(result.status == .ok)
            #expect(try Probe.report(result)["hardlink"] as? String != "linked")
        }

        @Test func probe22_kernel_interfaces_are_denied_or_absent() throws {
            let result = try Probe.run("""
            import json, os
            outcome = {}
            for path, mode in [("/proc/sysrq-trigger", "w"), ("/proc/sys/kernel/hostname", "w"),
                               ("/proc/sys/vm/drop_caches", "w"), ("/dev/mem", "r"), ("/dev/kmsg", "r"),
                               ("/dev/sda", "r"), ("/dev/vda", "r"), ("/dev/nvme0n1", "r")]:
                try:
                    with open(path, mode) as f:
                        f.write("1") if mode == "w" else f.read(1)
                    outcome[path] = "opened"
                except OSError as e:
                    outcome[path] = type(e).__name__
            outcome["devices"] = sorted(os.listdir("/dev"))
            print(json.dumps(outcome))
            """)
            let report = try Probe.report(result)
            for (path, outcome) in report where path != "devices" { #expect(outcome as? String != "opened", "\(path) opened") }
            let devices = Set(report["devices"] as? [String] ?? [])
            #expect(devices.isSubset(of: ["console", "core", "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin", "stdout", "tty", "urandom", "zero"]), "\(devices)")
        }

        @Test func probe23_a_run_finds_nothing_a_previous_run_left() throws {
            let name = Probe.marker()
            let first = try Probe.run("""
            import ctypes, json
            name = input().strip()
            for folder in ["/tmp", "/work", "/dev/shm"]:
                open(f"{folder}/{name}", "w").write("left behind")
            libc = ctypes.CDLL(None, use_errno=True)
            key = libc.syscall(248, b"user", name.encode(), b"secret", 6, -3)  # add_key to the session keyring
            print(json.dumps({"add_key": key}))
            """, input: name + "\n")
            #expect(first.status == .ok, "\(first.stderr)")
            #expect(try Probe.report(first)["add_key"] as? Int == -1)
            let second = try Probe.run("""
            import json, os
            name = input().strip()
            print(json.dumps({"found": [f for f in ["/tmp", "/work", "/dev/shm"] if os.path.exists(f"{f}/{name}")]}))
            """, input: name + "\n")
            #expect(try Probe.report(second)["found"] as? [String] == [])
        }
}
