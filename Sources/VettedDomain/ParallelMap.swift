import Foundation

/// CPU-bound work on every row of a large batch (an import's mapping and validation),
/// split into one contiguous part a core.
public enum ParallelMap {
    /// `transform` of every item, in order. Batches smaller than `minimum` run on the
    /// calling thread. Each part gets its own `state` (a cache, say), so parts share nothing.
    public static func map<Item: Sendable, State, Output>(
        _ items: [Item], minimum: Int = 2_000, state makeState: @Sendable () -> State,
        _ transform: @Sendable (inout State, Item) -> Output
    ) -> [Output] {
        let parts = items.count >= minimum ? ProcessInfo.processInfo.activeProcessorCount : 1
        var results = [Output?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { out in
            // Each part writes only its own range of the buffer.
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var state = makeState()
                for i in stride(from: items.count * part / parts, to: items.count * (part + 1) / parts, by: 1) {
                    out[i] = transform(&state, items[i])
                }
            }
        }
        return results.map { $0! }
    }

    /// `transform` of every item, with no state.
    public static func map<Item: Sendable, Output>(_ items: [Item], minimum: Int = 2_000, _ transform: @Sendable (Item) -> Output) -> [Output] {
        map(items, minimum: minimum, state: {}) { _, item in transform(item) }
    }
}
