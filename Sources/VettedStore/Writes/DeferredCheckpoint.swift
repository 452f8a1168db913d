import FluentKit
import Foundation
import SQLKit

/// WAL checkpoints that a bulk load leaves for after its report.
///
/// A commit in WAL mode appends the transaction's pages to the log; a checkpoint later
/// copies them into the database file. SQLite normally runs the checkpoint inside the
/// commit of whichever connection pushes the log past 1,000 pages, so a 100,000-row
/// import (400 MB of pages) waited two seconds for it after its data was already
/// committed. A bulk load therefore commits with automatic checkpoints off and the
/// checkpoint runs here, on another task, as SQLite's documentation suggests for large
/// writers. It is PASSIVE: readers and writers go on while it copies. The application
/// waits for pending checkpoints before it closes its databases (`drain`).
public enum DeferredCheckpoint {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [UUID: Task<Void, Never>] = [:]

    static func start(on db: any Database) {
        let key = UUID()
        lock.withLock {
            pending[key] = Task.detached {
                // A failed checkpoint loses nothing: the pages stay in the log, and the
                // next commit's automatic checkpoint copies them.
                try? await db.sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                _ = lock.withLock { pending.removeValue(forKey: key) }
            }
        }
    }

    /// Waits for every checkpoint started so far.
    public static func drain() async {
        while let task = lock.withLock({ pending.values.first }) {
            await task.value
        }
    }
}
