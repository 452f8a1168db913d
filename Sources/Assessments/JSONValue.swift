import Foundation

/// Any JSON document: case inputs, expected outputs and what the candidate's code returned.
/// Integers and floats stay apart (`2` versus `2.0`), and so do booleans and numbers: a
/// task may test that `2.0` or `true` is refused where an integer is required, so inputs
/// must reach the box exactly as the task wrote them. Codable cannot tell those apart
/// (it reads "2.0" as an Int64), so documents are read with `parse` and written with
/// `jsonText`.
public indirect enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text, keeping integer, float and boolean literals distinct.
    public static func parse(_ data: Data) throws -> JSONValue {
        JSONValue(any: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    init(any value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let list as [Any]: self = .array(list.map(JSONValue.init(any:)))
        case let map as [String: Any]: self = .object(map.mapValues(JSONValue.init(any:)))
        case let number as NSNumber:
            if type(of: number) != NSNumber.self || String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)  // Foundation's boolean subclass
            } else {
                switch String(cString: number.objCType) {
                case "d", "f", "Q": self = .number(number.doubleValue)
                default: self = .integer(number.int64Value)
                }
            }
        default: self = .null
        }
    }

    /// The number, whether written as an integer or a float.
    var numeric: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// JSON text; floats keep a decimal point, so `2.0` goes back into the box as written.
    public var jsonText: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value):
            if !value.isFinite { out += "null"; return }
            let text = String(value)
            out += text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? text : text + ".0"
        case .string(let value): JSONValue.quote(value, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    // Codable, for reports stored and sent as JSON (where 2 and 2.0 may merge).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A short rendering for messages ("expected 3, got 4"), cut at `limit` characters.
    public func brief(limit: Int = 200) -> String {
        let text = jsonText
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
