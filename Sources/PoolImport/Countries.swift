import Foundation

/// Country codes from the names people write, and the one IANA zone of countries that
/// have effectively one, so a profile without a zone can still be placed on the clock.
enum Countries {
    /// The zone of a country that (for working hours) has only one; nil for the US,
    /// Canada, Brazil, Mexico, Australia and the rest that span several.
    static func singleZone(_ code: String) -> String? { zones[code.uppercased()] }

    /// An ISO 3166 alpha-2 code from a code or an English name, or from the last part of
    /// a location such as "Berlin, Germany".
    static func code(from text: String) -> String? {
        let u = text.utf8
        if u.count == 2, u.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            let code = text.uppercased()
            return code == "UK" ? "GB" : code
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let key = trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        // Names first: "UK" is what people write, "GB" is the code.
        if let code = names[key] { return code }
        if trimmed.count == 2, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed.uppercased() }
        if let last = trimmed.split(whereSeparator: { $0 == "," || $0 == "/" }).last, last.count < trimmed.count {
            return code(from: String(last))
        }
        return nil
    }

    /// A code from an English country name only ("Germany", not "DE"), for guessing from
    /// free text where two capitals could be anything.
    static func code(fromName text: String) -> String? {
        names[text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines))]
    }

    private static let zones: [String: String] = [
        "DE": "Europe/Berlin", "FR": "Europe/Paris", "ES": "Europe/Madrid", "IT": "Europe/Rome",
        "NL": "Europe/Amsterdam", "PL": "Europe/Warsaw", "UA": "Europe/Kyiv", "RO": "Europe/Bucharest",
        "PT": "Europe/Lisbon", "GB": "Europe/London", "IE": "Europe/Dublin", "IN": "Asia/Kolkata",
        "PK": "Asia/Karachi", "NG": "Africa/Lagos", "KE": "Africa/Nairobi", "EG": "Africa/Cairo",
        "ZA": "Africa/Johannesburg", "AR": "America/Argentina/Buenos_Aires", "CO": "America/Bogota",
        "PE": "America/Lima", "CL": "America/Santiago", "VN": "Asia/Ho_Chi_Minh", "PH": "Asia/Manila",
        "TR": "Europe/Istanbul", "IL": "Asia/Jerusalem", "SE": "Europe/Stockholm", "CH": "Europe/Zurich",
        "AT": "Europe/Vienna", "CZ": "Europe/Prague", "HU": "Europe/Budapest", "BG": "Europe/Sofia",
        "RS": "Europe/Belgrade", "GR": "Europe/Athens", "FI": "Europe/Helsinki", "DK": "Europe/Copenhagen",
        "NO": "Europe/Oslo", "BE": "Europe/Brussels", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
        "SG": "Asia/Singapore", "TH": "Asia/Bangkok", "NZ": "Pacific/Auckland",
        "LT": "Europe/Vilnius", "LV": "Europe/Riga", "EE": "Europe/Tallinn", "SK": "Europe/Bratislava",
        "SI": "Europe/Ljubljana", "HR": "Europe/Zagreb", "BA": "Europe/Sarajevo", "MD": "Europe/Chisinau",
        "MK": "Europe/Skopje", "AL": "Europe/Tirane", "ME": "Europe/Podgorica", "BY": "Europe/Minsk",
        "LU": "Europe/Luxembourg", "IS": "Atlantic/Reykjavik", "MT": "Europe/Malta", "CY": "Asia/Nicosia",
        "GE": "Asia/Tbilisi", "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "BD": "Asia/Dhaka",
        "LK": "Asia/Colombo", "NP": "Asia/Kathmandu", "MY": "Asia/Kuala_Lumpur", "TW": "Asia/Taipei",
        "HK": "Asia/Hong_Kong", "CN": "Asia/Shanghai", "AE": "Asia/Dubai", "SA": "Asia/Riyadh",
        "JO": "Asia/Amman", "LB": "Asia/Beirut", "UY": "America/Montevideo", "CR": "America/Costa_Rica",
        "GT": "America/Guatemala", "VE": "America/Caracas", "BO": "America/La_Paz", "PY": "America/Asuncion",
        "GH": "Africa/Accra", "UG": "Africa/Kampala", "TZ": "Africa/Dar_es_Salaam",
        "RW": "Africa/Kigali", "ET": "Africa/Addis_Ababa", "MA": "Africa/Casablanca", "TN": "Africa/Tunis",
        "SN": "Africa/Dakar",
    ]

    private static let names: [String: String] = [
        "germany": "DE", "deutschland": "DE", "france": "FR", "spain": "ES", "españa": "ES", "italy": "IT",
        "netherlands": "NL", "the netherlands": "NL", "holland": "NL", "poland": "PL", "polska": "PL",
        "ukraine": "UA", "romania": "RO", "portugal": "PT", "united kingdom": "GB", "uk": "GB",
        "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "ireland": "IE",
        "india": "IN", "pakistan": "PK", "nigeria": "NG", "kenya": "KE", "egypt": "EG",
        "south africa": "ZA", "argentina": "AR", "colombia": "CO", "peru": "PE", "chile": "CL",
        "vietnam": "VN", "viet nam": "VN", "philippines": "PH", "turkey": "TR", "türkiye": "TR", "turkiye": "TR",
        "israel": "IL", "sweden": "SE", "switzerland": "CH", "austria": "AT", "czech republic": "CZ",
        "czechia": "CZ", "hungary": "HU", "bulgaria": "BG", "serbia": "RS", "greece": "GR", "finland": "FI",
        "denmark": "DK", "norway": "NO", "belgium": "BE", "japan": "JP", "south korea": "KR", "korea": "KR",
        "singapore": "SG", "thailand": "TH", "new zealand": "NZ", "lithuania": "LT", "latvia": "LV",
        "estonia": "EE", "slovakia": "SK", "slovenia": "SI", "croatia": "HR", "bosnia and herzegovina": "BA",
        "moldova": "MD", "north macedonia": "MK", "albania": "AL", "montenegro": "ME", "belarus": "BY",
        "luxembourg": "LU", "iceland": "IS", "malta": "MT", "cyprus": "CY", "georgia": "GE", "armenia": "AM",
        "azerbaijan": "AZ", "bangladesh": "BD", "sri lanka": "LK", "nepal": "NP", "malaysia": "MY",
        "taiwan": "TW", "hong kong": "HK", "china": "CN", "united arab emirates": "AE", "uae": "AE",
        "saudi arabia": "SA", "jordan": "JO", "lebanon": "LB", "uruguay": "UY", "costa rica": "CR",
        "guatemala": "GT", "venezuela": "VE", "bolivia": "BO", "paraguay": "PY", "ghana": "GH",
        "uganda": "UG", "tanzania": "TZ", "rwanda": "RW", "ethiopia": "ET", "morocco": "MA", "tunisia": "TN",
        "senegal": "SN", "united states": "US", "united states of america": "US", "usa": "US", "us": "US",
        "canada": "CA", "brazil": "BR", "brasil": "BR", "mexico": "MX", "méxico": "MX", "australia": "AU",
        "russia": "RU", "indonesia": "ID", "kazakhstan": "KZ", "uzbekistan": "UZ", "ecuador": "EC",
    ]
}
