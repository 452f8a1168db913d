import Foundation

/// Which candidate field each CSV header feeds: `[header: field]`, where a field is one of
/// `CandidateCSV.header`, or `first_name` / `last_name` (joined into `full_name`), or
/// `ignore`. Headers are matched as written first, then ignoring case and punctuation.
///
/// Encoded as that plain JSON object (`{"Candidate": "full_name"}`); decoding also accepts
/// `{"fields": {...}}`.
public struct ColumnMapping: Sendable, Equatable, Codable {
    /// Header as written in the file → field name.
    public var fields: [String: String]
    /// Headers of the file the mapping was suggested for that matched no field; their
    /// columns are not imported.
    public var unmappedHeaders: [String]

    /// The names a mapping may point a header at.
    public static let fieldNames: [String] = CandidateCSV.header + ["first_name", "last_name", "ignore"]

    public init(_ fields: [String: String], unmappedHeaders: [String] = []) {
        self.fields = fields
        self.unmappedHeaders = unmappedHeaders
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        struct Wrapped: Decodable { let fields: [String: String] }
        if let wrapped = try? container.decode(Wrapped.self) {
            self.init(wrapped.fields)
        } else {
            self.init(try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    /// The documented header mapped onto itself.
    public static let documented = ColumnMapping(Dictionary(uniqueKeysWithValues: CandidateCSV.header.map { ($0, $0) }))

    /// A mapping for headers written by other tools (`Full Name`, `E-mail`, `Hourly Rate
    /// (USD)`, `Tech Stack`, ...), compared without case or punctuation. The documented
    /// names map onto themselves. Headers that mean nothing known land in `unmappedHeaders`.
    public static func suggested(for headers: [String]) -> ColumnMapping {
        var fields: [String: String] = [:]
        var unmapped: [String] = []
        for header in headers {
            if let field = synonyms[normalize(header)] {
                fields[header] = field
            } else if !header.trimmingCharacters(in: .whitespaces).isEmpty {
                unmapped.append(header)
            }
        }
        return ColumnMapping(fields, unmappedHeaders: unmapped)
    }

    /// The fields an import cannot do without that this mapping leaves out: `full_name`
    /// (a `full_name` or `first_name` column), and `time_zone` unless a default is given.
    public func missingRequired(defaultTimeZone: String? = nil) -> [String] {
        let targets = Set(fields.values)
        var missing: [String] = []
        if !targets.contains("full_name") && !targets.contains("first_name") { missing.append("full_name") }
        if !targets.contains("time_zone") && (defaultTimeZone ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            missing.append("time_zone")
        }
        return missing
    }

    /// The field a header feeds, if any: exact match first, then the normalized one.
    public func field(for header: String) -> String? {
        if let exact = fields[header] { return exact }
        let key = Self.normalize(header)
        return fields.first { Self.normalize($0.key) == key }?.value
    }

    /// Lower-case letters and digits only: "Hourly Rate (USD)" → "hourlyrateusd".
    static func normalize(_ header: String) -> String {
        String(String.UnicodeScalarView(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    // Keys are normalized headers.
    static let synonyms: [String: String] = {
        let table: [String: [String]] = [
            "kind": ["kind", "candidatekind", "candidatetype", "profiletype"],
            "full_name": ["fullname", "name", "candidatename", "candidate", "developername", "developer", "contactname", "displayname"],
            "first_name": ["firstname", "givenname", "forename", "first"],
            "last_name": ["lastname", "surname", "familyname", "last"],
            "headline": ["headline", "title", "jobtitle", "currenttitle", "role", "position", "currentposition", "tagline"],
            "email": ["email", "emailaddress", "mail", "workemail", "personalemail", "contactemail", "primaryemail"],
            "phone": ["phone", "phonenumber", "mobile", "mobilenumber", "mobilephone", "cell", "cellphone", "telephone", "tel", "contactnumber"],
            "github": ["github", "githuburl", "githubprofile", "githubusername", "githubhandle", "githublink"],
            "country": ["country", "countrycode", "location", "countryofresidence", "basedin"],
            "time_zone": ["timezone", "tz", "zone", "iana", "ianatimezone", "timezoneiana"],
            "work_start": ["workstart", "workinghoursstart", "workstarttime", "daystart"],
            "work_end": ["workend", "workinghoursend", "workendtime", "dayend"],
            "seniority": ["seniority", "level", "senioritylevel", "grade", "careerlevel"],
            "years_experience": ["yearsexperience", "years", "yearsofexperience", "experience", "experienceyears", "yoe", "totalexperience"],
            "hourly_rate": ["hourlyrate", "rate", "hourly", "rateperhour", "ratehour", "hourlyrateusd", "hourlyrateeur", "hourlyrategbp", "rateusd", "rateeur", "hourlyfee"],
            "currency": ["currency", "ratecurrency", "currencycode"],
            "available_from": ["availablefrom", "availability", "available", "availabilitydate", "startdate", "earlieststart", "availablestart"],
            "hours_per_week": ["hoursperweek", "hours", "weeklyhours", "hoursweek", "weeklyavailability", "capacity"],
            "engagement": ["engagement", "engagementtype", "engagementpreferences", "engagementmodel", "contracttype", "employmenttype"],
            "english_level": ["englishlevel", "english", "englishproficiency", "englishfluency", "languagelevel"],
            "domains": ["domains", "domain", "industries", "industry", "sectors", "sector", "businessdomains"],
            "repositories": ["repositories", "repository", "repos", "repo", "coderepositories"],
            "links": ["links", "link", "linkedin", "linkedinurl", "linkedinprofile", "website", "personalwebsite", "portfolio", "portfoliourl", "url", "blog", "homepage", "cvurl", "resumeurl"],
            "team_size": ["teamsize", "headcount", "numberofdevelopers"],
            "processes": ["processes", "process", "workflow", "methodology"],
            "communication": ["communication", "communicationchannels"],
            "vetting_status": ["vettingstatus", "vetting", "vetted"],
            "skills": ["skills", "techstack", "technologies", "technology", "stack", "tech", "skillset", "primaryskills", "keyskills", "topskills", "tools", "programminglanguages"],
            "bio": ["bio", "summary", "about", "aboutme", "description", "profilesummary", "biography", "overview"],
        ]
        var result: [String: String] = [:]
        for (field, keys) in table {
            for key in keys { result[key] = field }
        }
        return result
    }()
}
