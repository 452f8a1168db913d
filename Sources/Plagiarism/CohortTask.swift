/// One small algorithmic task of the generated cohort: the starter code candidates receive,
/// and the independent ways authors solve it. Each template is a different algorithm or
/// data structure; each call draws the author's choices (loop or comprehension, helper or
/// not, validation, statement order, comments, type hints).
struct CohortTask: Sendable {
    typealias Template = @Sendable (inout SplitMix64) -> SolutionDraft
    typealias Variant = @Sendable (inout SplitMix64) -> String

    let name: String
    /// Module docstring and imports of the starter code.
    let header: String
    /// The starter's input reader, kept by most authors, rewritten by some.
    let reader: String?
    let readerVariants: [Variant]
    /// The functions the starter leaves as TODO, in order.
    let stubs: [String]
    /// The starter's `if __name__ == "__main__":` block.
    let main: String
    let mainVariants: [Variant]
    /// Example checks from the task statement, which some authors paste into a self-test.
    let examples: [String]
    let templates: [Template]

    /// The starter code as handed out, in the canonical layout.
    var starterProgram: CohortProgram {
        var blocks = [CohortProgram.block(header, role: .header)]
        if let reader { blocks.append(CohortProgram.block(reader)) }
        blocks += stubs.map { CohortProgram.block($0) }
        blocks.append(CohortProgram.block(main, role: .main))
        return CohortProgram(blocks: blocks, names: [:])
    }

    var starterText: String {
        CohortRendering.render(starterProgram, style: .canonical)
    }

    static let all: [CohortTask] = [.twoSum, .wordFrequencies, .balancedBrackets, .mergeIntervals, .runLength]
}

/// What a template produces: the imports it needs and its top-level functions.
struct SolutionDraft: Sendable {
    var template: String
    var imports: [String] = []
    var blocks: [String]
}

extension CohortStyle {
    /// PEP 8 layout, for starter code.
    static let canonical = CohortStyle(indent: "    ", blankLinesBetweenBlocks: 2, blankLineInside: 0, spacing: .standard,
                                       singleQuotes: false, wrapInsideBrackets: 0, seed: 0)
}

/// Small helpers that keep the templates readable.
enum Kit {
    /// `def name(a, b):`, or with type hints for about a quarter of authors.
    static func signature(_ random: inout SplitMix64, _ name: String, _ parameters: [(String, String)], returns: String, hinted: Bool) -> String {
        if hinted {
            let list = parameters.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            return "def \(name)(\(list)) -> \(returns):"
        }
        return "def \(name)(\(parameters.map(\.0).joined(separator: ", "))):"
    }

    /// A docstring line at `depth`, one of `texts`.
    static func docstring(_ random: inout SplitMix64, _ depth: Int, _ texts: [String]) -> String {
        pad(depth) + "\"\"\"" + random.pick(texts) + "\"\"\""
    }

    /// A comment line at `depth`, one of `texts`.
    static func comment(_ random: inout SplitMix64, _ depth: Int, _ texts: [String]) -> String {
        pad(depth) + "# " + random.pick(texts)
    }

    static func pad(_ depth: Int) -> String { String(repeating: "    ", count: depth) }

    /// Shifts every non-empty line of `text` right by `depth` levels.
    static func indent(_ text: String, by depth: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad(depth) + $0 }
            .joined(separator: "\n")
    }
}
