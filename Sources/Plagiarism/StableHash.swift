/// Hashes that are the same in every process and on every machine (Swift's `Hasher` is
/// seeded per process), so fingerprints can be stored and compared across runs.
enum StableHash {
    /// FNV-1a over the UTF-8 bytes, finished with a 64-bit mix.
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return mix(hash)
    }

    /// The SplitMix64 finalizer: every input bit affects every output bit, which winnowing
    /// needs because it picks minimum hashes.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
