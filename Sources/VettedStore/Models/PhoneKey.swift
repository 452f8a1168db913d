/// A phone number reduced to its digits, so "+49 (30) 1234-567" and "0049 30 1234567"
/// are one key. A leading international "00" is the same as "+". Fewer than 7 digits is
/// not a phone number worth matching on.
public enum PhoneKey {
    public static func make(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let key = ascii(phone) ?? fromCharacters(phone)
        return key.isEmpty ? nil : key
    }

    /// The key worked out on Characters ("" for too few digits).
    static func fromCharacters(_ phone: String) -> String {
        var digits = String(phone.filter(\.isASCII).filter(\.isNumber))
        if phone.trimmingCharacters(in: .whitespaces).hasPrefix("00"), digits.hasPrefix("00") { digits.removeFirst(2) }
        return digits.count >= 7 ? digits : ""
    }

    /// The same key for an all-ASCII number, byte by byte ("" for too few digits); nil when
    /// the text is not ASCII. An import makes one per row.
    static func ascii(_ phone: String) -> String? {
        phone.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }
            let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
            let zero = UInt8(ascii: "0")
            if bytes.count - start >= 2, bytes[start] == zero, bytes[start + 1] == zero, digits.starts(with: [zero, zero]) { digits.removeFirst(2) }
            return digits.count >= 7 ? String(decoding: digits, as: UTF8.self) : ""
        } ?? nil
    }
}
