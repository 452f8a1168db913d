import Foundation

/// Random (version 4) UUIDs for a bulk write, made from one read of the kernel's random
/// source and sorted. `UUID()` reads the random device once per id, which was a tenth of a
/// 100,000-row import; sorting the batch lets SQLite append each primary-key index page by
/// page instead of touching a random page for every row. The ids stay as unguessable as
/// `UUID()`'s: only the order in which the batch hands them out is chosen.
enum RandomIDs {
    static func sorted(_ count: Int) -> [UUID] { sorted(count, part: 0, of: 1) }

    /// Sorted ids all in the `part`-th of `parts` equal ranges of the id space, so that a
    /// load made part by part hands out ids in one ascending order without making them all
    /// first. Each range still leaves more than a hundred random bits to every id.
    static func sorted(_ count: Int, part: Int, of parts: Int) -> [UUID] {
        guard count > 0 else { return [] }
        precondition(parts > 0 && (0..<parts).contains(part))
        // Ranges of the first word, aligned to 2^16 so that setting the version bits
        // (bits 12–15) keeps every id inside its range.
        let width = (UInt64.max / UInt64(parts)) & ~0xFFFF
        let start = width * UInt64(part)
        var bytes = [UInt8](repeating: 0, count: count * 16)
        bytes.withUnsafeMutableBytes { fill($0) }
        // Each id as two big-endian words with the version and variant bits set: comparing
        // the words is the order of the upper-case hex text SQLite stores and compares.
        var words: [(UInt64, UInt64)] = []
        words.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                let random = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: i * 16, as: UInt64.self))
                let hi = start + random.multipliedFullWidth(by: width).high
                let lo = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: i * 16 + 8, as: UInt64.self))
                words.append((hi & ~0xF000 | 0x4000, lo & ~(0xC0 << 56) | (0x80 << 56)))
            }
        }
        words.sort { $0 < $1 }
        return words.map { hi, lo in
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &uuid) { out in
                out.storeBytes(of: hi.bigEndian, toByteOffset: 0, as: UInt64.self)
                out.storeBytes(of: lo.bigEndian, toByteOffset: 8, as: UInt64.self)
            }
            return UUID(uuid: uuid)
        }
    }

    private static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        // One read of the kernel's source (a few reads for a very large batch).
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            var done = 0
            while done < buffer.count {
                let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 { done += n } else if n == 0 || errno != EINTR { break }
            }
            if done == buffer.count { return }
        }
        // No random device: the system generator, eight bytes at a time.
        var generator = SystemRandomNumberGenerator()
        var offset = 0
        while offset < buffer.count {
            var word = generator.next()
            withUnsafeBytes(of: &word) { w in
                let n = min(8, buffer.count - offset)
                buffer.baseAddress!.advanced(by: offset).copyMemory(from: w.baseAddress!, byteCount: n)
            }
            offset += 8
        }
    }
}
