import Foundation
import VettedDomain

extension CandidateImport {
    /// One part of an import's rows, decided and ready to write: the profiles to create
    /// (with their ids, skill rows and audit events made), the matched profiles to update,
    /// and an outcome for every row of the part.
    struct Part: Sendable {
        var creates: [NewProfile] = []
        var createEvents: [AuditLog.Record] = []
        var skills = NewRows.Skills([], ids: [])
        var updates: [Update] = []
        var outcomes: [ImportOutcome] = []
        /// The rows of the import up to the end of this part.
        var rowsThrough = 0
        var failed: Bool { outcomes.contains { $0.outcome == .failed } }
    }

    struct Update: Sendable {
        let model: CandidateModel
        let before: AuditSnapshot
        let skills: [SkillClaim]?
    }

    /// Validates and decides an import's rows part by part on a task of its own, in row
    /// order, while the caller writes the parts before: SQLite writes on one core, and
    /// validation was a tenth of a 100,000-row import with the other core idle during most
    /// of the writing. The first part is validated on every core, since nothing is being
    /// written yet; the rest on one, next to the writer.
    ///
    /// A row whose keys appeared on an earlier row is skipped, and so is a second row for
    /// the same existing profile, however far apart the two rows are.
    struct Planner: Sendable {
        let rows: [ImportRecord]
        let identities: [IdentityKeys]
        let matches: [CandidateModel?]
        let organizationID: UUID
        let actor: AuditActor
        let now: Date
        let partSize: Int

        /// The parts, in order, as they are decided; cancelling the task stops the planning.
        func parts() -> (AsyncStream<Part>, Task<Void, Never>) {
            let (stream, continuation) = AsyncStream.makeStream(of: Part.self)
            let task = Task.detached { [self] in
                var state = State(self)
                let starts = Array(stride(from: 0, to: rows.count, by: partSize))
                for (n, start) in starts.enumerated() {
                    if Task.isCancelled { break }
                    let range = start..<min(start + partSize, rows.count)
                    let inputs = range.map { matches[$0] == nil ? rows[$0].input : nil }
                    let validated = n == 0 ? validateInParallel(inputs) : inputs.map(validateNew)
                    continuation.yield(state.decide(range, validated, part: n, of: starts.count, self))
                }
                continuation.finish()
            }
            return (stream, task)
        }

        /// What the planning carries from one part to the next.
        struct State {
            /// Key → the first line that had it, and what kind of key it is.
            var firstLine: [String: (line: Int, what: String)] = [:]
            var updated = Set<UUID>()
            /// The matched profiles' ids and names, read once before any of them is handed
            /// to the writer (which changes them as it saves them).
            let matched: [(id: UUID, name: String)?]

            init(_ planner: Planner) {
                matched = planner.matches.map { $0.map { ($0.id!, $0.fullName) } }
            }

            /// What the row shares with an earlier row of the import, and that row's line.
            func earlierRow(_ keys: IdentityKeys) -> (String, Int)? {
                for key in keys.all { if let first = firstLine[key.key] { return (key.what, first.line) } }
                return nil
            }

            mutating func decide(_ range: Range<Int>, _ validated: [Result<NewProfile, ValidationFailure>?],
                                 part n: Int, of parts: Int, _ planner: Planner) -> Part {
                var part = Part(rowsThrough: range.upperBound)
                var validated = validated
                // Ids for the new profiles, sorted and in the part's own range of ids, so
                // that the table's primary key grows at its end (as many as rows that
                // match no profile: some of those may fail or be skipped).
                let ids = RandomIDs.sorted(validated.count { $0 != nil }, part: n, of: parts)
                for (offset, index) in range.enumerated() {
                    let row = planner.rows[index]
                    let keys = planner.identities[index]
                    if let earlier = earlierRow(keys) {
                        part.outcomes.append(ImportOutcome(source: row.source, line: row.line, outcome: .skipped,
                                                           message: "same \(earlier.0) as line \(earlier.1) of this import", warnings: row.warnings))
                        continue
                    }
                    if let match = planner.matches[index], let (id, name) = matched[index] {
                        if updated.contains(id) {
                            part.outcomes.append(ImportOutcome(source: row.source, line: row.line, outcome: .skipped, candidateId: id,
                                                               message: "an earlier row of this import already updated the same profile (\(name))", warnings: row.warnings))
                            continue
                        }
                        switch validate(row.input, over: match) {
                        case .failure(let failure):
                            part.outcomes.append(.failed(row, failure))
                            continue
                        case .success(let draft):
                            let before = match.auditSnapshot
                            // Named before the row's values replace the keys it matched on.
                            let matchedBy = keys.matchedBy(match)
                            match.apply(draft)
                            match.version += 1
                            part.updates.append(Update(model: match, before: before, skills: draft.skills))
                            updated.insert(id)
                            part.outcomes.append(ImportOutcome(source: row.source, line: row.line, outcome: .updated, candidateId: id,
                                                               message: "matched an existing profile by \(matchedBy)", warnings: row.warnings))
                        }
                    } else {
                        // Moved out, not copied: a profile is some thirty strings.
                        switch validated[offset].take()! {
                        case .failure(let failure):
                            part.outcomes.append(.failed(row, failure))
                            continue
                        case .success(var profile):
                            profile.id = ids[part.creates.count]
                            part.creates.append(profile)
                            part.outcomes.append(ImportOutcome(source: row.source, line: row.line, outcome: .created, candidateId: profile.id, warnings: row.warnings))
                        }
                    }
                    for key in keys.all { firstLine[key.key] = (row.line, key.what) }
                }
                // The skills' and audit events' ids likewise, in the part's range of each table.
                let skills = part.creates.reduce(0) { $0 + $1.skills.count }
                part.skills = NewRows.Skills(part.creates, ids: RandomIDs.sorted(skills, part: n, of: parts))
                part.createEvents = NewRows.events(part.creates, ids: RandomIDs.sorted(part.creates.count, part: n, of: parts),
                                                   organizationID: planner.organizationID, actor: planner.actor, at: planner.now)
                return part
            }
        }
    }
}
