/// What a copier does to disguise a source, one case per disguise the engine must see
/// through.
public enum CopyTransform: String, CaseIterable, Sendable, Hashable, Codable {
    /// Every identifier the author chose gets a new name.
    case rename
    /// Functions change places; independent statements swap.
    case reorder
    /// New indentation, blank lines, spacing, quotes, lines wrapped inside brackets.
    case reformat
    /// Comments and docstrings removed, or replaced by others.
    case recomment
    /// Unreachable or unused statements and an unused function inserted.
    case deadCode
}

/// Applies ``CopyTransform``s to a generated program.
enum CohortCopier {
    static func copy(_ source: CohortProgram, style: CohortStyle, transforms: Set<CopyTransform>,
                     _ random: inout SplitMix64) -> (CohortProgram, CohortStyle) {
        var program = source
        var style = style
        // A fixed order, so a seed gives the same copy whatever order the set iterates in.
        for transform in CopyTransform.allCases where transforms.contains(transform) {
            switch transform {
            case .rename: CohortNames.bind(&program, renaming: source.names, &random)
            case .reorder: reorder(&program, &random)
            case .reformat: style = reformatted(style, &random)
            case .recomment: recomment(&program, &random)
            case .deadCode: insertDeadCode(&program, &random)
            }
        }
        return (program, style)
    }

    /// Shuffles the functions between the header and the main block (Python resolves names
    /// when a function runs, so any order works) until the order differs, and permutes
    /// swappable statements.
    static func reorder(_ program: inout CohortProgram, _ random: inout SplitMix64) {
        let slots = program.blocks.indices.filter { program.blocks[$0].role == .function }
        if slots.count > 1 {
            let original = slots.map { program.blocks[$0] }
            var shuffled = original
            for _ in 0..<8 where shuffled == original { random.shuffle(&shuffled) }
            for (slot, block) in zip(slots, shuffled) { program.blocks[slot] = block }
        }
        program.permuteSwappableRuns(&random)
    }

    static func reformatted(_ style: CohortStyle, _ random: inout SplitMix64) -> CohortStyle {
        var next = CohortStyle.random(&random)
        if next.indent == style.indent { next.indent = style.indent == "    " ? random.pick(["  ", "\t"]) : "    " }
        if next.spacing == style.spacing { next.spacing = style.spacing == .standard ? random.pick([.compact, .airy]) : .standard }
        next.singleQuotes = !style.singleQuotes
        next.blankLinesBetweenBlocks = style.blankLinesBetweenBlocks == 2 ? random.pick([1, 3]) : 2
        next.blankLineInside = max(0.15, next.blankLineInside)
        next.wrapInsideBrackets = 0.35
        return next
    }

    static let replacementComments = [
        "main logic", "loop over the input", "edge case", "compute the result", "works for the examples",
        "iterate", "build the answer", "simple approach", "O(n) time", "handle the rest", "check this",
        "update state", "done", "go through everything", "step 1", "step 2",
    ]
    static let replacementDocstrings = [
        "Solve the task.", "Main solution.", "Helper function.", "Compute the answer for the given input.",
        "My implementation.", "See the task description.",
    ]

    /// Removes every comment and docstring, or rewrites them and adds a few.
    static func recomment(_ program: inout CohortProgram, _ random: inout SplitMix64) {
        let remove = random.chance(0.5)
        for index in program.blocks.indices {
            if remove {
                program.blocks[index].lines.removeAll { $0.kind != .code }
                continue
            }
            for line in program.blocks[index].lines.indices {
                switch program.blocks[index].lines[line].kind {
                case .comment: program.blocks[index].lines[line].text = random.pick(replacementComments)
                case .docstring: program.blocks[index].lines[line].text = random.pick(replacementDocstrings)
                case .code: break
                }
            }
        }
        guard !remove else { return }
        for _ in 0..<(1 + random.below(3)) {
            guard let (block, line) = insertionPoint(program, &random) else { break }
            let depth = program.blocks[block].lines[line].depth
            program.blocks[block].lines.insert(.init(depth: depth, text: random.pick(replacementComments), kind: .comment), at: line)
        }
    }

    /// Statements that do nothing, each as (relative depth, text).
    static let deadStatements: [[(Int, String)]] = [
        [(0, "if False:"), (1, "print(\"unreachable\")")],
        [(0, "unused_value = 0")],
        [(0, "scratch = []")],
        [(0, "for _ in range(0):"), (1, "pass")],
        [(0, "debug = False"), (0, "if debug:"), (1, "print(\"debug\")")],
        [(0, "while False:"), (1, "break")],
        [(0, "assert True")],
        [(0, "_ = None")],
        [(0, "tmp = len(\"\")")],
    ]
    static let deadFunctions = [
        "def unused_helper(value):\n    return value * 2",
        "def _debug(*args):\n    \"\"\"Print only when debugging.\"\"\"\n    if False:\n        print(*args)",
        "def placeholder():\n    pass",
    ]

    /// Inserts one to three dead statements inside functions and, for some copies, an
    /// unused function.
    static func insertDeadCode(_ program: inout CohortProgram, _ random: inout SplitMix64) {
        for _ in 0..<(1 + random.below(3)) {
            guard let (block, line) = insertionPoint(program, &random) else { break }
            let depth = program.blocks[block].lines[line].depth
            let statement = random.pick(deadStatements).map {
                CohortProgram.Line(depth: depth + $0.0, text: $0.1, kind: .code)
            }
            program.blocks[block].lines.insert(contentsOf: statement, at: line)
        }
        if random.chance(0.3) {
            let function = CohortProgram.block(random.pick(deadFunctions))
            let slots = program.blocks.indices.filter { program.blocks[$0].role == .function }
            let at = slots.isEmpty ? max(0, program.blocks.count - 1) : random.pick(slots + [slots.last! + 1])
            program.blocks.insert(function, at: at)
        }
    }

    /// A line inside a function or main block before which a statement of the same depth
    /// may go: not the block's first line, not a clause continuing a compound statement.
    static func insertionPoint(_ program: CohortProgram, _ random: inout SplitMix64) -> (Int, Int)? {
        var points: [(Int, Int)] = []
        for (blockIndex, block) in program.blocks.enumerated() where block.role != .header {
            for (lineIndex, line) in block.lines.enumerated() where lineIndex > 0 && line.depth > 0 && line.kind == .code {
                let continues = ["else", "elif ", "except", "finally"].contains { line.text.hasPrefix($0) }
                if !continues { points.append((blockIndex, lineIndex)) }
            }
        }
        return points.isEmpty ? nil : random.pick(points)
    }
}
