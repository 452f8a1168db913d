/// A phone number reduced to its digits, so "+49 (30) 1234-567" and "0049 30 1234567"
/// are one key. A leading international "00" is the same as "+". Fewer than 7 digits is
/// not a phone number worth matching on.
public enum PhoneKey {
    public static func make(_ phone: String?) -> String? {
        guard let phone else { return nil }
        var digits = String(phone.filter(\.isASCII).filter(\.isNumber))
        if phone.trimmingCharacters(in: .whitespaces).hasPrefix("00"), digits.hasPrefix("00") { digits.removeFirst(2) }
        return digits.count >= 7 ? digits : nil
    }
}
