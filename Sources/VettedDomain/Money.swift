/// An amount of money in integer cents of one currency. Never a floating-point value:
/// rates and budgets are summed and compared, and cents must not drift.
public struct Money: Hashable, Codable, Sendable {
    public let cents: Int64
    public let currency: CurrencyCode

    public init(cents: Int64, currency: CurrencyCode) {
        self.cents = cents
        self.currency = currency
    }

    /// US dollars, the currency every estimate is in.
    public static func usd(_ cents: Int) -> Money { Money(cents: Int64(cents), currency: .usd) }

    /// "$45.00", "€1,200.50": for display only.
    public var formatted: String {
        let sign = cents < 0 ? "-" : ""
        let whole = abs(cents) / 100
        let fraction = abs(cents) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return "\(sign)\(currency.symbol)\(digits)\(grouped).\(fractionText)"
    }
}

/// An ISO 4217 currency code: three upper-case letters.
public struct CurrencyCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let code: String

    public static let usd = CurrencyCode(unchecked: "USD")

    private init(unchecked code: String) { self.code = code }

    /// Accepts "usd" or "USD"; rejects anything that is not three letters.
    public init(_ text: String) throws(DomainError) {
        let upper = text.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid(field: "currency", message: "currency must be a three-letter ISO 4217 code, got '\(text)'")
        }
        self.code = upper
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public var description: String { code }

    var symbol: String {
        switch code {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        default: code + " "
        }
    }
}
