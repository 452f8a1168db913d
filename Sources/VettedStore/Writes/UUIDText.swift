import Foundation

/// A UUID as the upper-case text Fluent stores on SQLite (`uuidString`), written by hand:
/// Foundation formats it with sprintf, about half a microsecond an id, and a 100,000-row
/// import binds 1.4 million of them.
enum UUIDText {
    private static let digits = Array("0123456789ABCDEF".utf8)

    static func string(_ id: UUID) -> String {
        withUnsafeBytes(of: id.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var o = 0
                for i in 0..<16 {
                    if i == 4 || i == 6 || i == 8 || i == 10 {
                        out[o] = UInt8(ascii: "-")
                        o += 1
                    }
                    out[o] = digits[Int(bytes[i] >> 4)]
                    out[o + 1] = digits[Int(bytes[i] & 0x0F)]
                    o += 2
                }
                return 36
            }
        }
    }
}
