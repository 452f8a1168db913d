import Fluent
import Foundation
import Matching
import SQLKit
import VettedDomain
import VettedStore

/// The in-memory match index of this process: built from the database on first use (and
/// at `vetted serve` start), then kept current from the change log — by a poll every
/// second and before every ranking, so a write on any node sharing the database shows in
/// the next shortlist here.
actor MatchService {
    let index = MatchIndex()
    private var loaded = false
    private var lastSeq = 0
    /// Sequence numbers applied recently; the log is re-read from a little before
    /// `lastSeq` because PostgreSQL can commit numbers out of order.
    private var applied = Set<Int>()
    static let lookBack = 1_000

    func current(on db: any Database) async throws -> MatchIndex {
        if !loaded {
            let seq = try await ChangeLog.latest(on: db)
            for c in try await Self.load(ids: nil, on: db) { index.upsert(c) }
            lastSeq = seq
            loaded = true
        } else {
            try await catchUp(on: db)
        }
        return index
    }

    func catchUp(on db: any Database) async throws {
        guard loaded else { _ = try await current(on: db); return }
        let changes = try await ChangeLog.changes(after: max(0, lastSeq - Self.lookBack), on: db).filter { !applied.contains($0.seq) }
        guard !changes.isEmpty else { return }
        let ids = Array(Set(changes.map(\.candidateID)))
        let fresh = try await Self.load(ids: ids, on: db)
        let present = Set(fresh.map(\.id))
        for c in fresh { index.upsert(c) }
        for id in ids where !present.contains(id) { index.remove(id) }
        for c in changes { applied.insert(c.seq); lastSeq = max(lastSeq, c.seq) }
        if applied.count > 4 * Self.lookBack { applied = applied.filter { $0 > lastSeq - Self.lookBack } }
    }

    /// Profiles (all, or the given ids) as the matcher sees them: two queries.
    static func load(ids: [UUID]?, on db: any Database) async throws -> [MatchCandidate] {
        var candidates = CandidateModel.query(on: db)
        var skills = CandidateSkillModel.query(on: db)
        if let ids {
            guard !ids.isEmpty else { return [] }
            candidates = candidates.filter(\.$id ~~ ids)
            skills = skills.filter(\.$candidate.$id ~~ ids)
        }
        var skillsOf: [UUID: [MatchCandidate.Skill]] = [:]
        for s in try await skills.all() {
            skillsOf[s.$candidate.id, default: []].append(.init(id: s.skillID, level: s.level, evidence: EvidenceSource(rawValue: s.evidenceSource) ?? .claimed))
        }
        return try await candidates.all().map { c in
            MatchCandidate(id: c.id!, skills: skillsOf[c.id!] ?? [], seniority: Seniority(rawValue: c.seniority) ?? .mid,
                           zone: c.timeZone, workStart: c.workStart, workEnd: c.workEnd, hourlyRateCents: c.hourlyRateCents,
                           availableFrom: c.availableFrom.flatMap { try? LocalDate($0, field: "availableFrom") }, hoursPerWeek: c.hoursPerWeek,
                           domains: c.domains, engagement: c.engagementPreferences.compactMap(EngagementModel.init(rawValue:)))
        }
    }

    /// Polls the change log until cancelled (inside `vetted serve`).
    func follow(_ db: any Database, every interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            try? await catchUp(on: db)
            try? await Task.sleep(for: interval)
        }
    }
}
