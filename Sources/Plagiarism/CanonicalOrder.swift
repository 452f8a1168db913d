/// Puts statements in an order that does not depend on where the author put them, so a
/// copier who moves functions or swaps independent statements changes nothing a k-gram sees.
///
/// Statements form blocks by indentation. In every block, each run of adjacent definitions
/// (`def`, `class`, with their decorators and bodies) and each run of adjacent simple
/// statements (assignments, calls: not starting with a keyword, no body) is sorted by its
/// normalized tokens. Sorting is by content, never by names, so two documents holding the
/// same statements end up in the same order whatever order they were written in. Control
/// flow (`if`, `for`, `return`, …) is never crossed: a run ends at it.
enum CanonicalOrder {
    /// Deeper blocks than this keep their order: Python itself refuses code nested this
    /// far, and it bounds recursion on hostile input.
    static let maximumDepth = 50

    /// The statement indexes in canonical order.
    static func order(_ statements: [NormalizedTokens.Statement]) -> [Int] {
        guard !statements.isEmpty else { return [] }
        // ends[i]: the first statement after i's body (the next one indented no deeper than i).
        var ends = [Int](repeating: statements.count, count: statements.count)
        var open: [Int] = []
        for (index, statement) in statements.enumerated() {
            while let top = open.last, statements[top].indent >= statement.indent {
                ends[top] = index
                open.removeLast()
            }
            open.append(index)
        }
        return block(statements, ends, from: 0, to: statements.count, depth: 0)
    }

    private struct Unit {
        var kind: NormalizedTokens.Statement.Kind
        var statements: [Int]
    }

    private static func block(_ statements: [NormalizedTokens.Statement], _ ends: [Int], from: Int, to: Int, depth: Int) -> [Int] {
        guard depth < maximumDepth else { return Array(from..<to) }
        var units: [Unit] = []
        var cursor = from
        while cursor < to {
            var members: [Int] = []
            // Decorators belong to the definition they decorate.
            while cursor < to, statements[cursor].kind == .decorator, ends[cursor] == cursor + 1 {
                members.append(cursor)
                cursor += 1
            }
            guard cursor < to else {
                units.append(Unit(kind: .other, statements: members))
                break
            }
            let head = cursor
            let end = min(ends[head], to)
            members.append(head)
            members += block(statements, ends, from: head + 1, to: end, depth: depth + 1)
            var kind = statements[head].kind
            if kind == .simple, end > head + 1 { kind = .other }
            if kind == .decorator { kind = .other }
            if !members.isEmpty, members[0] != head, kind != .definition { kind = .other }
            units.append(Unit(kind: kind, statements: members))
            cursor = end
        }

        var result: [Int] = []
        var runStart = 0
        while runStart < units.count {
            var runEnd = runStart + 1
            let kind = units[runStart].kind
            if kind == .simple || kind == .definition {
                while runEnd < units.count, units[runEnd].kind == kind { runEnd += 1 }
            }
            if runEnd - runStart > 1 {
                let keyed = units[runStart..<runEnd].enumerated().map { (offset: $0.offset, key: key($0.element, statements), unit: $0.element) }
                let sorted = keyed.sorted { lhs, rhs in
                    if lhs.key != rhs.key { return lhs.key.lexicographicallyPrecedes(rhs.key) }
                    return lhs.offset < rhs.offset
                }
                for entry in sorted { result += entry.unit.statements }
            } else {
                result += units[runStart].statements
            }
            runStart = runEnd
        }
        return result
    }

    private static func key(_ unit: Unit, _ statements: [NormalizedTokens.Statement]) -> [UInt64] {
        unit.statements.flatMap { statements[$0].symbols }
    }
}
