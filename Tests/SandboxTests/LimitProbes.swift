import Foundation
import Testing
@testable import Sandbox

extension SandboxProbes {
    // MARK: Limits
        @Test func probe08_fork_bomb_stops_at_the_process_cap_and_a_second_box_still_runs() throws {
            let marker = Probe.marker()
            let bombResult = LockedBox<Result<SandboxResult, any Error>>()
            let bomb = Thread {
                bombResult.set(Result { try Probe.run("""
                import os
                \(Probe.nameProcess(marker))
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """, limits: SandboxLimits(cpuSeconds: 3, wallSeconds: 4, maxProcesses: 32)) })
            }
            bomb.start()
            // The second box runs while the first is forking.
            let other = try Probe.run("print('still here')", limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 20))
            let bombed = try bombResult.wait().get()
            #expect(other.status == .ok)
            #expect(other.stdout == "still here\n")
            #expect(bombed.processLimitHit)
            #expect(bombed.status == .timeout)
            #expect(Probe.hostProcesses(containing: marker).isEmpty)
        }

        @Test func probe09_thousands_of_threads_are_capped() throws {
            let result = try Probe.run("""
            import json, threading, time
            started = 0
            try:
                for _ in range(2000):
                    threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
                    started += 1
            except RuntimeError:
                pass
            print(json.dumps({"started": started}))
            """, limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 30, maxProcesses: 64))
            let started = try Probe.report(result)["started"] as? Int ?? -1
            #expect(started >= 0 && started < 64)
            #expect(result.processLimitHit)
        }

        @Test func probe10_touching_4_gib_under_512_mib_is_a_memory_limit_verdict() throws {
            let result = try Probe.run("""
            chunks = []
            for _ in range(64):
                chunks.append(bytearray(64 * 1024 * 1024))
            print("survived")
            """, limits: SandboxLimits(cpuSeconds: 20, wallSeconds: 60, memoryMB: 512))
            #expect(result.status == .memoryLimit)
            #expect(!result.stdout.contains("survived"))
        }

        @Test func probe11_a_spinning_loop_times_out_at_the_cpu_limit() throws {
            let result = try Probe.run("while True: pass", limits: SandboxLimits(cpuSeconds: 1, wallSeconds: 30))
            #expect(result.status == .timeout)
            #expect(result.timeoutKind == "cpu")
            #expect(result.cpuSeconds >= 1 && result.cpuSeconds < 1.5)
        }

        @Test func probe12_cpu_is_limited_across_all_processes_together() throws {
            let result = try Probe.run("""
            import os
            for _ in range(4):
                if os.fork() == 0:
                    while True:
                        pass
            while True:
                pass
            """, limits: SandboxLimits(cpuSeconds: 1, wallSeconds: 30))
            #expect(result.status == .timeout)
            #expect(result.timeoutKind == "cpu")
            // Five spinners share the one second: the total, not each, is capped.
            #expect(result.cpuSeconds < 1.6)
        }

        @Test func probe13_sleeping_past_the_wall_limit_is_a_wall_verdict_with_no_leftovers() throws {
            let marker = Probe.marker()
            let result = try Probe.run("""
            import time
            \(Probe.nameProcess(marker))
            time.sleep(600)
            """, limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 1))
            #expect(result.status == .timeout)
            #expect(result.timeoutKind == "wall")
            #expect(result.wallSeconds < 5)
            #expect(Probe.hostProcesses(containing: marker).isEmpty)
        }

        @Test(arguments: ["stdout", "stderr"])
        func probe14_output_floods_are_capped(stream: String) throws {
            let result = try Probe.run("""
            import sys
            line = "x" * 1023 + "\\n"
            while True:
                sys.\(stream).write(line)
            """, limits: SandboxLimits(cpuSeconds: 10, wallSeconds: 30, outputBytes: 64 * 1024))
            #expect(result.status == .outputLimit)
            #expect(result.stdout.utf8.count <= 64 * 1024)
            #expect(result.stderr.utf8.count <= 64 * 1024)
        }

        @Test func probe15_filling_work_and_tmp_stops_at_their_size() throws {
            let result = try Probe.run("""
            import errno, json
            written = {}
            for folder in ["/work", "/tmp"]:
                total = 0
                try:
                    with open(folder + "/fill", "wb") as f:
                        while True:
                            f.write(b"\\0" * 1048576)
                            f.flush()
                            total += 1048576
                except OSError as e:
                    written[folder] = [total, e.errno == errno.ENOSPC]
            print(json.dumps(written))
            """, limits: SandboxLimits(cpuSeconds: 10, wallSeconds: 30, memoryMB: 256, diskMB: 16))
            let report = try Probe.report(result)
            for folder in ["/work", "/tmp"] {
                let entry = report[folder] as? [Any]
                #expect((entry?[0] as? Int ?? .max) <= 16 << 20, "\(folder) took more than its 16 MiB")
                #expect(entry?[1] as? Bool == true, "\(folder) did not end with ENOSPC")
            }
        }

        @Test func probe16_a_double_forked_daemon_does_not_survive_the_run() throws {
            let marker = Probe.marker()
            let result = try Probe.run("""
            import os, sys, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execv("/venv/bin/python3", ["/venv/bin/python3", "-c", "import time; time.sleep(300)", "\(marker)"])
                os._exit(0)
            time.sleep(0.3)
            print("parent done")
            """)
            #expect(result.status == .ok)
            #expect(Probe.hostProcesses(containing: marker).isEmpty)
        }
}

/// A value one thread sets and another waits for.
final class LockedBox<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ newValue: Value) {
        condition.lock()
        value = newValue
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
