import FluentKit
import Foundation
import Plagiarism
import VettedStore

/// Compares a final submission with the other submissions of the same task in the same
/// organization through the fingerprint index (no all-pairs pass), ignoring the task's
/// starter code. A match is a signal for a person, never a rejection.
enum PlagiarismCheck {
    struct Similar: Codable, Sendable {
        var submissionId: String
        var candidateId: String
        var similarity: Double
        var matches: [PlagiarismReport.Match]
        /// "lines 3-10 here ↔ 4-11 there", for the page.
        var regions: [String] { matches.map { "lines \($0.aLines) ↔ \($0.bLines)" } }

        enum CodingKeys: String, CodingKey { case submissionId, candidateId, similarity, matches }
    }

    /// The engine's reporting threshold (0.8): measured on the generated cohort, it keeps
    /// planted copies and drops most pairs of independent solutions that share an idiom.
    static let threshold = PlagiarismOptions().reportingThreshold

    static func similar(to submission: AssessmentSubmissionModel, starter: String?, on db: any Database) async throws -> [Similar] {
        let peers = try await AssessmentWrites.peers(of: submission, on: db)
        guard !peers.isEmpty else { return [] }
        var index = FingerprintIndex(starterCode: starter.map { [SubmissionFile(name: "starter", text: $0)] } ?? [])
        for peer in peers { index.add(SubmissionFile(name: peer.id!.uuidString, text: peer.source)) }
        let me = index.add(SubmissionFile(name: submission.id!.uuidString, text: submission.source))
        let owners = Dictionary(uniqueKeysWithValues: peers.map { ($0.id!.uuidString, $0.candidateID.uuidString) })
        return index.query(index.documents[me])
            .filter { $0.similarity >= threshold }
            .prefix(10)
            .map { candidate in
                Similar(submissionId: candidate.name, candidateId: owners[candidate.name] ?? "",
                        similarity: (candidate.similarity * 1000).rounded() / 1000, matches: index.matches(me, candidate.document))
            }
    }
}
