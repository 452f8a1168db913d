/// A deterministic cohort of Python submissions with known answers, for the benchmark and
/// the tests: several small algorithmic tasks, many independent solutions to each (different
/// algorithms, each with its author's choices, names, comments and layout; a few authors
/// hand in the starter code almost untouched), and planted copies of some solutions
/// disguised by ``CopyTransform``s. Same seed, same cohort, on every machine.
public struct CohortGenerator: Sendable {
    public var seed: UInt64
    /// Independent submissions per task, including starter-only ones.
    public var solutionsPerTask: Int
    public var plantedCopies: Int
    /// Share of authors who hand in the starter code with a trivial body.
    public var starterOnlyShare: Double
    /// Share of copies that copy a source another copy already copied (copy rings).
    public var ringShare: Double

    /// The names of the generated tasks, which are also the cohort's folders.
    public static var taskNames: [String] { CohortTask.all.map(\.name) }

    public init(seed: UInt64 = 20_030_609, solutionsPerTask: Int = 180, plantedCopies: Int = 100,
                starterOnlyShare: Double = 0.03, ringShare: Double = 0.15) {
        self.seed = seed
        self.solutionsPerTask = solutionsPerTask
        self.plantedCopies = plantedCopies
        self.starterOnlyShare = starterOnlyShare
        self.ringShare = ringShare
    }

    public func generate() -> GeneratedCohort {
        var random = SplitMix64(seed: seed)
        var byTask: [[GeneratedSubmission]] = []
        for task in CohortTask.all {
            var authors = random.fork()
            byTask.append((0..<solutionsPerTask).map { _ in Self.author(task, starterOnlyShare: starterOnlyShare, &authors) })
        }
        var planted: [(task: Int, source: Int, copy: GeneratedSubmission, transforms: [CopyTransform])] = []
        var copied: [(task: Int, source: Int)] = []
        var copiers = random.fork()
        for _ in 0..<plantedCopies {
            let (task, source): (Int, Int)
            if !copied.isEmpty, copiers.chance(ringShare) {
                (task, source) = copiers.pick(copied)
            } else {
                task = copiers.below(byTask.count)
                let candidates = byTask[task].indices.filter { if case .independent = byTask[task][$0].origin { true } else { false } }
                guard !candidates.isEmpty else { continue }
                source = copiers.pick(candidates)
            }
            copied.append((task, source))
            let transforms: Set<CopyTransform> = copiers.chance(0.25)
                ? Set(CopyTransform.allCases)
                : Self.someTransforms(&copiers)
            var copyRandom = copiers.fork()
            let copy = Self.copy(of: byTask[task][source], transforms: transforms, &copyRandom)
            planted.append((task, source, copy, CopyTransform.allCases.filter(transforms.contains)))
        }

        // Number each task's files in a shuffled order, so a copy's name says nothing.
        var submissions: [GeneratedSubmission] = []
        var plantedCopiesNamed: [PlantedCopy] = []
        var naming = random.fork()
        for (taskIndex, task) in CohortTask.all.enumerated() {
            let mine = planted.filter { $0.task == taskIndex }
            let count = byTask[taskIndex].count + mine.count
            var numbers = Array(1...max(1, count))
            naming.shuffle(&numbers)
            let name = { (number: Int) in "\(task.name)/sub_\(String(number + 10_000).dropFirst()).py" }
            var names: [String] = []
            for (index, submission) in byTask[taskIndex].enumerated() {
                names.append(name(numbers[index]))
                submissions.append(submission.renamed(names[index]))
            }
            for (offset, copy) in mine.enumerated() {
                let copyName = name(numbers[byTask[taskIndex].count + offset])
                let sourceName = names[copy.source]
                var named = copy.copy.renamed(copyName)
                named.origin = .copy(of: sourceName, transforms: copy.transforms)
                submissions.append(named)
                plantedCopiesNamed.append(PlantedCopy(source: sourceName, copy: copyName, transforms: copy.transforms))
            }
        }
        submissions.sort { $0.name < $1.name }
        let starters = CohortTask.all.map { SubmissionFile(name: "\($0.name)/starter.py", text: $0.starterText) }
        return GeneratedCohort(submissions: submissions, starters: starters, planted: plantedCopiesNamed)
    }

    /// A copy of `submission` disguised by `transforms`, named `name`.
    public static func copy(of submission: GeneratedSubmission, named name: String, transforms: Set<CopyTransform>, seed: UInt64) -> GeneratedSubmission {
        var random = SplitMix64(seed: seed)
        var copy = copy(of: submission, transforms: transforms, &random).renamed(name)
        copy.origin = .copy(of: submission.name, transforms: CopyTransform.allCases.filter(transforms.contains))
        return copy
    }

    static func copy(of submission: GeneratedSubmission, transforms: Set<CopyTransform>, _ random: inout SplitMix64) -> GeneratedSubmission {
        let (program, style) = CohortCopier.copy(submission.program, style: submission.style, transforms: transforms, &random)
        return GeneratedSubmission(name: submission.name, task: submission.task, origin: .copy(of: submission.name, transforms: []),
                                   program: program, style: style)
    }

    /// Each transform with even odds, at least one.
    static func someTransforms(_ random: inout SplitMix64) -> Set<CopyTransform> {
        var chosen = Set(CopyTransform.allCases.filter { _ in random.chance(0.5) })
        if chosen.isEmpty { chosen.insert(random.pick(CopyTransform.allCases)) }
        return chosen
    }

    /// One independent author's submission to `task`.
    static func author(_ task: CohortTask, starterOnlyShare: Double, _ random: inout SplitMix64) -> GeneratedSubmission {
        let starterOnly = random.chance(starterOnlyShare)
        let draft = starterOnly ? nil : random.pick(task.templates)(&random)

        // The author's own code, with their habits for comments and docstrings.
        var own: [CohortProgram.Block] = []
        if let draft {
            let keepComment = random.pick([0, 0.3, 0.7, 1.0])
            let keepDocstring = random.pick([0, 0.5, 1.0])
            for text in draft.blocks {
                var block = CohortProgram.block(text)
                block.lines.removeAll {
                    ($0.kind == .comment && !random.chance(keepComment)) || ($0.kind == .docstring && !random.chance(keepDocstring))
                }
                own.append(block)
            }
            if random.chance(0.15) { own.append(selfTest(task, &random)) }
        } else {
            let trivial = random.pick(["pass", "return None", "return []", "return \"\""])
            own = task.stubs.map { CohortProgram.block($0.replacingOccurrences("    pass", "    " + trivial)) }
        }

        // The starter's pieces: header, reader and main kept as handed out, or rewritten.
        var header = CohortProgram.block(task.header, role: .header)
        if random.chance(0.5) { header.lines.removeAll { $0.kind == .docstring } }
        for statement in random.shuffled(draft?.imports ?? []) {
            let line = CohortProgram.Line(depth: 0, text: statement, kind: .code)
            if random.chance(0.5) { header.lines.append(line) } else { header.lines.insert(line, at: header.lines.firstIndex { $0.kind == .code } ?? 0) }
        }
        var blocks = [header]
        var middle = own
        if task.reader != nil {
            let reader = random.chance(0.75) || task.readerVariants.isEmpty ? task.reader! : random.pick(task.readerVariants)(&random)
            middle.insert(CohortProgram.block(reader), at: random.chance(0.6) ? 0 : middle.count)
        }
        blocks += middle
        let main = random.chance(0.75) || task.mainVariants.isEmpty ? task.main : random.pick(task.mainVariants)(&random)
        blocks += topLevelBlocks(main, role: .main)

        var program = CohortProgram(blocks: blocks, names: [:])
        program.permuteSwappableRuns(&random)
        CohortNames.bind(&program, &random)
        return GeneratedSubmission(name: "", task: task.name,
                                   origin: draft.map { .independent(template: $0.template) } ?? .starterOnly,
                                   program: program, style: CohortStyle.random(&random))
    }

    /// A self-test function pasting some of the task's examples.
    static func selfTest(_ task: CohortTask, _ random: inout SplitMix64) -> CohortProgram.Block {
        let examples = random.shuffled(task.examples).prefix(2 + random.below(max(1, task.examples.count - 1)))
        return CohortProgram.block("def $check():\n" + examples.map { "    " + $0 }.joined(separator: "\n"))
    }

    /// Splits text holding several top-level statements (`def main` then `if __name__`)
    /// into one block each, so layout puts blank lines between them.
    static func topLevelBlocks(_ text: String, role: CohortProgram.Block.Role) -> [CohortProgram.Block] {
        let whole = CohortProgram.block(text, role: role)
        var blocks: [CohortProgram.Block] = []
        for line in whole.lines {
            if line.depth == 0 || blocks.isEmpty {
                blocks.append(CohortProgram.Block(role: line.text.hasPrefix("def ") ? .function : role, lines: [line]))
            } else {
                blocks[blocks.count - 1].lines.append(line)
            }
        }
        return blocks
    }
}
