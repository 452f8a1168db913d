import Foundation

/// Groups made ahead of the runs that will use them. Making and removing a memory cgroup
/// costs milliseconds a run would otherwise wait for; here the next group is made, and the
/// last one removed, on a background queue while the run itself only writes its limits.
/// Groups are never reused: their counters (OOM kills, pids events) cannot be reset.
final class CgroupPool: @unchecked Sendable {
    private let layout: CgroupLayout
    private let lock = NSLock()
    private var spares: [any RunCgroup] = []
    private let queue = DispatchQueue(label: "vetted.sandbox.cgroups")
    private let target = 2

    init(layout: CgroupLayout) {
        self.layout = layout
        refill()
    }

    /// A group with `limits` applied: a spare when one is ready, otherwise made now.
    func take(limits: SandboxLimits) -> Result<any RunCgroup, SandboxError> {
        lock.lock()
        let spare = spares.popLast()
        lock.unlock()
        refill()
        if let spare {
            switch spare.apply(limits) {
            case .success: return .success(spare)
            case .failure: spare.destroy()  // fall through to a fresh one
            }
        }
        return layout.create(name: CgroupNames.unique(), limits: limits)
    }

    /// Removes a used group off the caller's path; its processes are already gone or are
    /// killed by `destroy`.
    func recycle(_ group: any RunCgroup) {
        queue.async { group.destroy() }
    }

    private func refill() {
        queue.async { [self] in
            lock.lock()
            let missing = target - spares.count
            lock.unlock()
            guard missing > 0 else { return }
            for _ in 0..<missing {
                guard case .success(let group) = layout.create(name: CgroupNames.unique(), limits: SandboxLimits()) else { return }
                lock.lock()
                spares.append(group)
                lock.unlock()
            }
        }
    }

    deinit {
        for group in spares { group.destroy() }
    }
}
