import Foundation
import VettedDomain

/// One profile as the matcher needs it.
public struct MatchCandidate: Sendable, Equatable {
    public struct Skill: Sendable, Equatable {
        public var id: String
        public var level: Int
        public var evidence: EvidenceSource
        public init(id: String, level: Int, evidence: EvidenceSource) {
            self.id = id
            self.level = level
            self.evidence = evidence
        }
    }

    public var id: UUID
    public var skills: [Skill]
    public var seniority: Seniority
    public var zone: String
    public var workStart: String
    public var workEnd: String
    public var hourlyRateCents: Int?
    public var availableFrom: LocalDate?
    public var hoursPerWeek: Int?
    public var domains: [String]
    public var engagement: [EngagementModel]

    public init(id: UUID, skills: [Skill], seniority: Seniority, zone: String, workStart: String, workEnd: String,
                hourlyRateCents: Int?, availableFrom: LocalDate?, hoursPerWeek: Int?, domains: [String], engagement: [EngagementModel]) {
        self.id = id
        self.skills = skills
        self.seniority = seniority
        self.zone = zone
        self.workStart = workStart
        self.workEnd = workEnd
        self.hourlyRateCents = hourlyRateCents
        self.availableFrom = availableFrom
        self.hoursPerWeek = hoursPerWeek
        self.domains = domains
        self.engagement = engagement
    }
}

/// The pool in memory, column by column, so ranking a million profiles is a tight loop
/// over flat arrays with no allocation and no reference counting per profile.
///
/// Strings are interned: a skill is a 16-bit number, a working window (zone, start, end)
/// another, domains a bit set. A skill entry packs skill, level and evidence in 32 bits.
/// A changed profile is appended and its old slot marked dead; dead slots are compacted
/// away when they pass a quarter of the pool. All access takes the lock: a ranking holds
/// it for its few milliseconds, a write for microseconds.
public final class MatchIndex: @unchecked Sendable {
    let lock = NSLock()

    var ids: [UUID] = []
    var skillStart: [UInt32] = [0]
    var skillEntries: [UInt32] = []
    var seniority: [UInt8] = []
    var window: [UInt16] = []
    /// Cents; -1 when the profile has no rate.
    var rate: [Int32] = []
    /// Days since 1970-01-01 in UTC; Int32.min when the profile gives no date.
    var available: [Int32] = []
    /// 0 when not given.
    var hours: [UInt8] = []
    var domainBits: [UInt64] = []
    var engagementBits: [UInt8] = []
    var alive: [Bool] = []
    var slotOf: [UUID: Int32] = [:]
    var dead = 0

    public private(set) var skillNames: [String] = []
    var skillNumber: [String: UInt16] = [:]
    public private(set) var windows: [(zone: String, start: String, end: String)] = []
    var windowNumber: [String: UInt16] = [:]
    var domainNames: [String] = []
    var domainNumber: [String: Int] = [:]

    public init() {}

    public init(_ candidates: [MatchCandidate]) {
        reserve(candidates.count, skills: candidates.count * 7)
        for c in candidates { appendLocked(c) }
    }

    public var count: Int { lock.withLock { ids.count - dead } }

    func reserve(_ n: Int, skills: Int) {
        ids.reserveCapacity(n); skillStart.reserveCapacity(n + 1); skillEntries.reserveCapacity(skills)
        seniority.reserveCapacity(n); window.reserveCapacity(n); rate.reserveCapacity(n); available.reserveCapacity(n)
        hours.reserveCapacity(n); domainBits.reserveCapacity(n); engagementBits.reserveCapacity(n); alive.reserveCapacity(n)
        slotOf.reserveCapacity(n)
    }

    /// Adds or replaces a profile.
    public func upsert(_ c: MatchCandidate) {
        lock.withLock {
            if let old = slotOf[c.id] { alive[Int(old)] = false; dead += 1 }
            appendLocked(c)
            if dead > 1024 && dead * 4 > ids.count { compactLocked() }
        }
    }

    public func remove(_ id: UUID) {
        lock.withLock {
            guard let old = slotOf.removeValue(forKey: id) else { return }
            alive[Int(old)] = false
            dead += 1
        }
    }

    public func contains(_ id: UUID) -> Bool { lock.withLock { slotOf[id] != nil } }

    /// Bytes the columns and the id map hold, per live profile.
    public var bytesPerCandidate: Double {
        lock.withLock {
            let n = max(1, ids.count - dead)
            let columns = ids.capacity * 16 + skillStart.capacity * 4 + skillEntries.capacity * 4 + seniority.capacity + window.capacity * 2
                + rate.capacity * 4 + available.capacity * 4 + hours.capacity + domainBits.capacity * 8 + engagementBits.capacity + alive.capacity
            // A Swift dictionary entry: key, value and about 1.3× slack for its open addressing.
            let map = Int(Double(slotOf.capacity) * Double(16 + 4) * 1.0) + slotOf.capacity / 8
            return Double(columns + map) / Double(n)
        }
    }

    private func appendLocked(_ c: MatchCandidate) {
        let slot = Int32(ids.count)
        ids.append(c.id)
        for s in c.skills {
            let number = intern(skill: s.id)
            skillEntries.append(UInt32(number) << 16 | UInt32(min(max(s.level, 1), 5)) << 8 | UInt32(Self.evidenceCode(s.evidence)))
        }
        skillStart.append(UInt32(skillEntries.count))
        seniority.append(UInt8(Self.seniorityRank(c.seniority)))
        window.append(intern(window: c.zone, c.workStart, c.workEnd))
        rate.append(c.hourlyRateCents.map { Int32(clamping: $0) } ?? -1)
        available.append(c.availableFrom.map { Int32(Self.dayNumber($0)) } ?? Int32.min)
        hours.append(UInt8(clamping: c.hoursPerWeek ?? 0))
        var bits: UInt64 = 0
        for d in c.domains { if let n = intern(domain: d) { bits |= 1 << UInt64(n) } }
        domainBits.append(bits)
        var e: UInt8 = 0
        for m in c.engagement { e |= 1 << Self.engagementCode(m) }
        engagementBits.append(e)
        alive.append(true)
        slotOf[c.id] = slot
    }

    private func compactLocked() {
        var keep: [Int] = []
        keep.reserveCapacity(ids.count - dead)
        for i in 0..<ids.count where alive[i] { keep.append(i) }
        var newStart: [UInt32] = [0]
        var newEntries: [UInt32] = []
        newEntries.reserveCapacity(skillEntries.count)
        for i in keep {
            newEntries.append(contentsOf: skillEntries[Int(skillStart[i])..<Int(skillStart[i + 1])])
            newStart.append(UInt32(newEntries.count))
        }
        ids = keep.map { ids[$0] }
        seniority = keep.map { seniority[$0] }
        window = keep.map { window[$0] }
        rate = keep.map { rate[$0] }
        available = keep.map { available[$0] }
        hours = keep.map { hours[$0] }
        domainBits = keep.map { domainBits[$0] }
        engagementBits = keep.map { engagementBits[$0] }
        alive = Array(repeating: true, count: keep.count)
        skillStart = newStart
        skillEntries = newEntries
        slotOf = [:]
        slotOf.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { slotOf[id] = Int32(i) }
        dead = 0
    }

    private func intern(skill: String) -> UInt16 {
        if let n = skillNumber[skill] { return n }
        let n = UInt16(skillNames.count)
        skillNames.append(skill)
        skillNumber[skill] = n
        return n
    }

    private func intern(window zone: String, _ start: String, _ end: String) -> UInt16 {
        let key = zone + "|" + start + "|" + end
        if let n = windowNumber[key] { return n }
        let n = UInt16(windows.count)
        windows.append((zone, start, end))
        windowNumber[key] = n
        return n
    }

    /// The first 64 distinct domains get a bit; later ones are not matched (and said so in docs).
    private func intern(domain: String) -> Int? {
        let key = domain.lowercased()
        if let n = domainNumber[key] { return n }
        guard domainNames.count < 64 else { return nil }
        domainNumber[key] = domainNames.count
        domainNames.append(key)
        return domainNames.count - 1
    }

    static func evidenceCode(_ e: EvidenceSource) -> Int {
        switch e {
        case .claimed: 0
        case .repository: 1
        case .assessment: 2
        case .trial: 3
        }
    }

    static let evidenceByCode: [EvidenceSource] = [.claimed, .repository, .assessment, .trial]

    public static func seniorityRank(_ s: Seniority) -> Int {
        Seniority.allCases.firstIndex(of: s) ?? 0
    }

    static func engagementCode(_ m: EngagementModel) -> UInt8 {
        UInt8(EngagementModel.allCases.firstIndex(of: m) ?? 0)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), the same count SQLite's julianday gives.
    public static func dayNumber(_ d: LocalDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
