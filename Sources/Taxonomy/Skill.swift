import VettedDomain

/// The families a skill belongs to.
public enum SkillCategory: String, Vocabulary {
    case aiML = "ai-ml"
    case dataScience = "data-science"
    case backend
    case fundamentals
    case cloudDevops = "cloud-devops"
    case practices
    case communication

    /// The role category a skill points to, when it points to one.
    public var roleCategory: RoleCategory? {
        switch self {
        case .aiML: .aiML
        case .dataScience: .dataScience
        case .backend: .backend
        default: nil
        }
    }
}

/// One skill of the taxonomy, as the data file describes it.
public struct Skill: Sendable, Codable, Equatable, Hashable {
    public let id: String
    public let name: String
    public let category: SkillCategory
    public let aliases: [String]
    /// More general skills this one implies (Django REST framework ⇒ Django).
    public let implies: [String]
    /// PyPI distribution names that evidence the skill.
    public let packages: [String]
    /// Top-level import names that evidence the skill.
    public let imports: [String]

    public init(id: String, name: String, category: SkillCategory, aliases: [String] = [], implies: [String] = [], packages: [String] = [], imports: [String] = []) {
        self.id = id
        self.name = name
        self.category = category
        self.aliases = aliases
        self.implies = implies
        self.packages = packages
        self.imports = imports
    }

    enum CodingKeys: String, CodingKey { case id, name, category, aliases, implies, packages, imports }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        let categoryText = try c.decode(String.self, forKey: .category)
        guard let category = SkillCategory(rawValue: categoryText) else {
            throw TaxonomyError.invalid(entry: id, message: "unknown category '\(categoryText)'")
        }
        self.category = category
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        implies = try c.decodeIfPresent([String].self, forKey: .implies) ?? []
        packages = try c.decodeIfPresent([String].self, forKey: .packages) ?? []
        imports = try c.decodeIfPresent([String].self, forKey: .imports) ?? []
    }
}

/// A taxonomy file that cannot be used, with the entry at fault.
public enum TaxonomyError: Error, Equatable, CustomStringConvertible {
    case invalid(entry: String, message: String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalid(let entry, let message): "taxonomy: skill '\(entry)': \(message)"
        case .unreadable(let message): "taxonomy: \(message)"
        }
    }
}
