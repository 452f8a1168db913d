import Foundation
import VettedDomain

/// The skill taxonomy: every module that names a skill asks this one engine what the name
/// means, what it implies and which packages evidence it. Loading validates the whole file.
public struct Taxonomy: Sendable {
    public let version: String
    /// Sorted by id.
    public let skills: [Skill]
    private let byID: [String: Skill]
    private let byName: [String: String]
    private let byPackage: [String: String]
    private let byImport: [String: String]
    private let closure: [String: [String]]

    /// The taxonomy shipped with Vetted (`Sources/Taxonomy/taxonomy.json`).
    public static let standard: Taxonomy = {
        do {
            guard let url = Bundle.module.url(forResource: "taxonomy", withExtension: "json") else {
                throw TaxonomyError.unreadable("taxonomy.json is missing from the bundle")
            }
            return try Taxonomy(data: Data(contentsOf: url))
        } catch {
            preconditionFailure("the bundled taxonomy is invalid: \(error)")
        }
    }()

    public init(data: Data) throws {
        struct File: Decodable { let version: String; let skills: [Skill] }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as TaxonomyError {
            throw error
        } catch {
            throw TaxonomyError.unreadable("not a taxonomy file: \(error)")
        }
        try self.init(version: file.version, skills: file.skills)
    }

    public init(version: String, skills: [Skill]) throws {
        var byID: [String: Skill] = [:]
        var byName: [String: String] = [:]
        var byPackage: [String: String] = [:]
        var byImport: [String: String] = [:]
        for skill in skills {
            guard Self.isValidID(skill.id) else {
                throw TaxonomyError.invalid(entry: skill.id, message: "ids are lower-case words joined by '-'")
            }
            guard byID[skill.id] == nil else { throw TaxonomyError.invalid(entry: skill.id, message: "duplicate id") }
            byID[skill.id] = skill
        }
        // Ids first, so an alias that shadows another skill's id is caught whatever the order.
        for skill in skills { byName[skill.id] = skill.id }
        for skill in skills {
            for name in Set([skill.name.lowercased()] + skill.aliases.map { $0.lowercased() }) where name != skill.id {
                if let other = byName[name], other != skill.id {
                    throw TaxonomyError.invalid(entry: skill.id, message: "name or alias '\(name)' already means '\(other)'")
                }
                byName[name] = skill.id
            }
            for package in skill.packages {
                let key = Self.normalizePackage(package)
                if let other = byPackage[key] { throw TaxonomyError.invalid(entry: skill.id, message: "package '\(package)' already evidences '\(other)'") }
                byPackage[key] = skill.id
            }
            for module in skill.imports {
                if let other = byImport[module], other != skill.id { throw TaxonomyError.invalid(entry: skill.id, message: "import '\(module)' already evidences '\(other)'") }
                byImport[module] = skill.id
            }
            for implied in skill.implies where byID[implied] == nil {
                throw TaxonomyError.invalid(entry: skill.id, message: "implies unknown skill '\(implied)'")
            }
        }
        self.version = version
        self.skills = skills.sorted { $0.id < $1.id }
        self.byID = byID
        self.byName = byName
        self.byPackage = byPackage
        self.byImport = byImport
        self.closure = try Self.transitiveImplications(byID)
    }

    public func skill(_ id: String) -> Skill? { byID[id] }

    /// A skill from how a person wrote it: id, name or alias, any case.
    public func resolve(_ text: String) -> Skill? {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return byName[key].flatMap { byID[$0] } ?? byName[key.replacingOccurrences(of: " ", with: "-")].flatMap { byID[$0] }
    }

    /// The skill a PyPI distribution evidences (`Scikit_Learn` → scikit-learn).
    public func skill(forPackage name: String) -> Skill? {
        byPackage[Self.normalizePackage(name)].flatMap { byID[$0] }
    }

    /// The skill an import evidences (`sklearn.linear_model` → scikit-learn).
    public func skill(forImport module: String) -> Skill? {
        let top = module.split(separator: ".").first.map(String.init) ?? module
        return byImport[top].flatMap { byID[$0] }
    }

    /// Every skill `id` implies, directly or through others, nearest first.
    public func implied(by id: String) -> [String] { closure[id] ?? [] }

    /// Names and aliases, for finding skills in prose.
    public var vocabulary: [(text: String, id: String)] { byName.map { ($0.key, $0.value) } }

    public var packageMappingCount: Int { byPackage.count }

    // PEP 503: runs of '-', '_' and '.' are one '-', lower-case.
    static func normalizePackage(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for ch in name.lowercased() {
            if ch == "-" || ch == "_" || ch == "." {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(ch)
                lastWasSeparator = false
            }
        }
        return result
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.last != "-"
            && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." || $0 == "+" }
    }

    /// Breadth-first closure per skill; a cycle is an error naming its path.
    static func transitiveImplications(_ byID: [String: Skill]) throws -> [String: [String]] {
        // Depth-first colouring finds a cycle and the path that makes it.
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ id: String) throws {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = path.drop { $0 != id } + [id]
                throw TaxonomyError.invalid(entry: id, message: "implication cycle: " + cycle.joined(separator: " ⇒ "))
            }
            state[id] = 1
            path.append(id)
            for next in byID[id]?.implies ?? [] { try visit(next) }
            path.removeLast()
            state[id] = 2
        }
        for id in byID.keys.sorted() { try visit(id) }
        var closure: [String: [String]] = [:]
        for id in byID.keys {
            var seen: Set<String> = [id]
            var order: [String] = []
            var queue = byID[id]?.implies ?? []
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard seen.insert(next).inserted else { continue }
                order.append(next)
                queue += byID[next]?.implies ?? []
            }
            closure[id] = order
        }
        return closure
    }
}
