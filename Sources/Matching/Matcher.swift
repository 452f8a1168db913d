import Foundation
import VettedDomain

/// One place in a shortlist, with why it is there.
public struct MatchResult: Sendable, Equatable, Codable {
    public struct Factor: Sendable, Equatable, Codable {
        /// 0–1000.
        public var value: Int
        public var weight: Int
        /// value × weight: what the factor added to the score.
        public var points: Int
        public var note: String
    }

    public var candidateId: UUID
    public var rank: Int
    public var score: Int
    public var mustHavesCovered: Int
    public var factors: [String: Factor]
    public var missingMustHaves: [String]
    public var overlapHours: Double
    /// Rate × hours a week × weeks; nil without a rate.
    public var expectedCostCents: Int?
    public var flags: [String]
}

/// Ranks the index for a plan: every live profile scored with integer arithmetic, the
/// best `limit` kept in a heap, ties broken by id so the order is the same every time
/// (and the same as the SQL baseline's).
public enum Matcher {
    public static func rank(_ index: MatchIndex, _ plan: MatchPlan) -> [MatchResult] {
        index.lock.withLock { rankLocked(index, plan) }
    }

    struct Prepared {
        /// Per skill number: a range into `credits`.
        var mustStart: [Int32]
        var mustCredits: [(index: UInt8, percent: UInt8)]
        var niceStart: [Int32]
        var niceCredits: [(index: UInt8, percent: UInt8)]
        var windowMinutes: [Int32]
        var domainMask: UInt64
        var engagementBit: UInt8
        var weights: [Int]
        var mustCount: Int
        var niceCount: Int
        /// Per skill number: the must-haves (as bits) that holding it credits.
        var mustMask: [UInt64]
    }

    static func prepare(_ index: MatchIndex, _ plan: MatchPlan) -> Prepared {
        func table(_ credits: [MatchPlan.SkillCredit]) -> ([Int32], [(UInt8, UInt8)]) {
            var bySkill: [Int: [(UInt8, UInt8)]] = [:]
            for c in credits {
                if let n = index.skillNumber[c.skillID] { bySkill[Int(n), default: []].append((UInt8(c.index), UInt8(c.percent))) }
            }
            var start: [Int32] = [0]
            var flat: [(UInt8, UInt8)] = []
            for n in 0..<index.skillNames.count {
                flat.append(contentsOf: bySkill[n] ?? [])
                start.append(Int32(flat.count))
            }
            return (start, flat)
        }
        let (ms, mc) = table(plan.must)
        let (ns, nc) = table(plan.nice)
        let minutes = index.windows.map { Int32(plan.windowMinutes[$0.zone + "|" + $0.start + "|" + $0.end] ?? 0) }
        var mustMask = [UInt64](repeating: 0, count: index.skillNames.count)
        for skill in 0..<index.skillNames.count {
            for k in Int(ms[skill])..<Int(ms[skill + 1]) where mc[k].0 < 64 { mustMask[skill] |= 1 << UInt64(mc[k].0) }
        }
        var mask: UInt64 = 0
        for d in plan.query.domains { if let n = index.domainNumber[d.lowercased()] { mask |= 1 << UInt64(n) } }
        return Prepared(mustStart: ms, mustCredits: mc.map { (index: $0.0, percent: $0.1) }, niceStart: ns, niceCredits: nc.map { (index: $0.0, percent: $0.1) },
                        windowMinutes: minutes, domainMask: mask,
                        engagementBit: plan.query.engagement.map { 1 << MatchIndex.engagementCode($0) } ?? 0,
                        weights: plan.query.weights.values, mustCount: plan.query.mustHave.count, niceCount: plan.query.niceToHave.count,
                        mustMask: mustMask)
    }

    /// The index's columns as `let` arrays: reading a class's `var` arrays in the loop
    /// costs an exclusivity check and a retain per access; these are taken once.
    struct Columns {
        let skillStart: [UInt32], skillEntries: [UInt32], seniority: [UInt8], window: [UInt16], rate: [Int32]
        let available: [Int32], hours: [UInt8], domainBits: [UInt64], engagementBits: [UInt8], alive: [Bool], ids: [UUID]

        init(_ x: MatchIndex) {
            skillStart = x.skillStart; skillEntries = x.skillEntries; seniority = x.seniority; window = x.window; rate = x.rate
            available = x.available; hours = x.hours; domainBits = x.domainBits; engagementBits = x.engagementBits; alive = x.alive; ids = x.ids
        }
    }

    /// The query's numbers, read once instead of through `plan.query` per profile.
    struct Scalars {
        let mustCount: Int, niceCount: Int, minCode: Int, checkEvidence: Bool, requireAll: Bool
        let minOverlapMinutes: Int?, maxRate: Int?, availableByDay: Int?, requiredHours: Int, budget: Int
        let seniorityRank: Int?, startDay: Int, roleHours: Int?, weights: [Int]

        init(_ plan: MatchPlan) {
            let q = plan.query
            mustCount = q.mustHave.count; niceCount = q.niceToHave.count
            minCode = q.filters.minEvidence.map(MatchIndex.evidenceCode) ?? 0; checkEvidence = q.filters.minEvidence != nil
            requireAll = q.filters.requireAllMustHaves; minOverlapMinutes = q.filters.minOverlapHours.map { $0 * 60 }
            maxRate = q.filters.maxRateCents; availableByDay = q.filters.availableBy.map(MatchIndex.dayNumber)
            requiredHours = q.requiredOverlapHours; budget = q.budgetCents; seniorityRank = plan.seniorityRank
            startDay = plan.startDay; roleHours = q.hoursPerWeek; weights = q.weights.values
        }
    }

    /// The score of one slot, and the factor values behind it.
    @inline(__always)
    static func score(_ i: Int, _ c: Columns, _ p: Prepared, _ z: Scalars,
                      _ best: UnsafeMutablePointer<Int32>, _ bestNice: UnsafeMutablePointer<Int32>,
                      factors: UnsafeMutablePointer<Int>?) -> (score: Int, covered: Int)? {
        for k in 0..<z.mustCount { best[k] = 0 }
        for k in 0..<z.niceCount { bestNice[k] = 0 }
        var strongEnough = !z.checkEvidence
        let from = Int(c.skillStart[i]), to = Int(c.skillStart[i + 1])
        var e = from
        while e < to {
            let entry = c.skillEntries[e]
            let skill = Int(entry >> 16), level = Int((entry >> 8) & 0xFF), code = Int(entry & 0xFF)
            let ms = Int(p.mustStart[skill]), me = Int(p.mustStart[skill + 1])
            let ns = Int(p.niceStart[skill]), ne = Int(p.niceStart[skill + 1])
            if ms < me || ns < ne {
                let base = evidenceWeights[code] * (50 + 10 * level) / 100
                if ms < me && code >= z.minCode { strongEnough = true }
                var k = ms
                while k < me {
                    let (m, pct) = p.mustCredits[k]
                    let credit = Int32(base * Int(pct) / 100)
                    if credit > best[Int(m)] { best[Int(m)] = credit }
                    k += 1
                }
                k = ns
                while k < ne {
                    let (m, pct) = p.niceCredits[k]
                    let credit = Int32(base * Int(pct) / 100)
                    if credit > bestNice[Int(m)] { bestNice[Int(m)] = credit }
                    k += 1
                }
            }
            e += 1
        }
        var covered = 0, total = 0
        for k in 0..<z.mustCount where best[k] > 0 { covered += 1; total += Int(best[k]) }
        if z.requireAll && covered < z.mustCount { return nil }
        if !strongEnough { return nil }
        var niceTotal = 0
        for k in 0..<z.niceCount { niceTotal += Int(bestNice[k]) }
        let minutes = Int(p.windowMinutes[Int(c.window[i])])
        if let min = z.minOverlapMinutes, minutes < min { return nil }
        let rate = Int(c.rate[i])
        if let max = z.maxRate, rate < 0 || rate > max { return nil }
        let day = c.available[i]
        if let by = z.availableByDay, day != Int32.min, Int(day) > by { return nil }

        let fCoverage = z.mustCount == 0 ? 1000 : total * 10 / z.mustCount
        let fNice = z.niceCount == 0 ? 0 : niceTotal * 10 / z.niceCount
        let fSeniority = MatchScoring.seniorityFit(candidate: Int(c.seniority[i]), role: z.seniorityRank)
        let fOverlap = MatchScoring.overlap(minutes: minutes, requiredHours: z.requiredHours)
        let fRate = MatchScoring.rate(cents: rate < 0 ? nil : rate, budget: z.budget)
        let late = day == Int32.min ? 0 : Int(day) - z.startDay
        let h = Int(c.hours[i])
        let fAvailability = MatchScoring.availability(daysLate: late, hours: h == 0 ? nil : h, roleHours: z.roleHours)
        let fDomain = p.domainMask != 0 && c.domainBits[i] & p.domainMask != 0 ? 1000 : 0
        let prefs = c.engagementBits[i]
        let fEngagement = p.engagementBit == 0 ? 0 : MatchScoring.engagement(prefersRole: prefs & p.engagementBit != 0, hasPreferences: prefs != 0)
        let w = z.weights
        let weighted = w[0] * fCoverage + w[1] * fNice + w[2] * fSeniority + w[3] * fOverlap + w[4] * fRate + w[5] * fAvailability + w[6] * fDomain + w[7] * fEngagement
        if let factors {
            factors[0] = fCoverage; factors[1] = fNice; factors[2] = fSeniority; factors[3] = fOverlap
            factors[4] = fRate; factors[5] = fAvailability; factors[6] = fDomain; factors[7] = fEngagement
        }
        return (covered * MatchScoring.coveredStep + weighted, covered)
    }

    static let evidenceWeights: [Int] = MatchIndex.evidenceByCode.map(MatchScoring.evidenceWeight)

    /// Better first: higher score, then the smaller id.
    @inline(__always)
    static func better(_ a: (Int, Int), _ b: (Int, Int), _ ids: [UUID]) -> Bool {
        if a.0 != b.0 { return a.0 > b.0 }
        return idLess(ids[a.1], ids[b.1])
    }

    static func idLess(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { x in withUnsafeBytes(of: b.uuid) { y in
            for k in 0..<16 where x[k] != y[k] { return x[k] < y[k] }
            return false
        } }
    }

    static func rankLocked(_ index: MatchIndex, _ plan: MatchPlan) -> [MatchResult] {
        let p = prepare(index, plan)
        let columns = Columns(index)
        let scalars = Scalars(plan)
        let n = columns.ids.count
        let limit = plan.query.limit
        // Two halves on two cores, each keeping its own best `limit`, then merged.
        let parts = n >= 50_000 ? 2 : 1
        var partials = [[(Int, Int)]](repeating: [], count: parts)
        partials.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = n * part / parts, upper = n * (part + 1) / parts
                out[part] = topK(columns, p, scalars, lower..<upper, limit)
            }
        }
        var merged = partials.flatMap { $0 }
        merged.sort { better($0, $1, index.ids) }
        return merged.prefix(limit).enumerated().map { rank, entry in explain(entry.1, rank: rank + 1, score: entry.0, columns, p, scalars, plan) }
    }

    /// The best `k` of `range`. Must-haves covered dominate the score (`coveredStep` is
    /// more than all weighted factors can add), so profiles are scored by descending
    /// coverage and the scan stops once the best `k` cannot be beaten by anyone holding
    /// fewer: a cheap first pass counts each profile's must-haves from a per-skill bit
    /// table, and most of the pool is never scored.
    static func topK(_ c: Columns, _ p: Prepared, _ z: Scalars, _ range: Range<Int>, _ k: Int) -> [(Int, Int)] {
        var heap = BoundedHeap(k, ids: c.ids)
        let best = UnsafeMutablePointer<Int32>.allocate(capacity: 33)
        let bestNice = UnsafeMutablePointer<Int32>.allocate(capacity: 33)
        defer { best.deallocate(); bestNice.deallocate() }
        guard z.mustCount > 0, z.mustCount < 64 else {
            for i in range where c.alive[i] {
                if let (s, _) = score(i, c, p, z, best, bestNice, factors: nil) { heap.offer((s, i)) }
            }
            return heap.entries
        }
        // Pass 1: must-haves held per profile (0 = not alive, else count + 1).
        var held = [UInt8](repeating: 0, count: range.count)
        var histogram = [Int](repeating: 0, count: z.mustCount + 1)
        let lower = range.lowerBound
        held.withUnsafeMutableBufferPointer { out in
            for i in range where c.alive[i] {
                var mask: UInt64 = 0
                for e in Int(c.skillStart[i])..<Int(c.skillStart[i + 1]) { mask |= p.mustMask[Int(c.skillEntries[e] >> 16)] }
                let count = mask.nonzeroBitCount
                out[i - lower] = UInt8(count + 1)
                histogram[count] += 1
            }
        }
        // Pass 2: the fullest coverage first. After the profiles holding `b`, the rest
        // score below b × coveredStep; once the heap's worst reaches that, stop.
        for b in stride(from: z.mustCount, through: 0, by: -1) where histogram[b] > 0 {
            let tag = UInt8(b + 1)
            for (offset, h) in held.enumerated() where h == tag {
                if let (s, _) = score(lower + offset, c, p, z, best, bestNice, factors: nil) { heap.offer((s, lower + offset)) }
            }
            if heap.isFull, heap.worst.0 >= b * MatchScoring.coveredStep { break }
        }
        return heap.entries
    }

    /// A bounded min-heap: the root is the worst of the best seen so far.
    struct BoundedHeap {
        private(set) var entries: [(Int, Int)] = []
        let k: Int
        let ids: [UUID]

        init(_ k: Int, ids: [UUID]) {
            self.k = k
            self.ids = ids
            entries.reserveCapacity(k + 1)
        }

        var isFull: Bool { entries.count >= k }
        var worst: (Int, Int) { entries[0] }

        private func worse(_ a: (Int, Int), _ b: (Int, Int)) -> Bool { better(b, a, ids) }

        @inline(__always)
        mutating func offer(_ entry: (Int, Int)) {
            guard k > 0 else { return }
            if entries.count < k {
                entries.append(entry)
                var c = entries.count - 1
                while c > 0 {
                    let parent = (c - 1) / 2
                    if worse(entries[c], entries[parent]) { entries.swapAt(c, parent); c = parent } else { break }
                }
            } else if better(entry, entries[0], ids) {
                entries[0] = entry
                var c = 0
                while true {
                    let l = 2 * c + 1, r = l + 1
                    var m = c
                    if l < entries.count && worse(entries[l], entries[m]) { m = l }
                    if r < entries.count && worse(entries[r], entries[m]) { m = r }
                    if m == c { break }
                    entries.swapAt(c, m)
                    c = m
                }
            }
        }
    }

    static func explain(_ i: Int, rank: Int, score total: Int, _ index: Columns, _ p: Prepared, _ z: Scalars, _ plan: MatchPlan) -> MatchResult {
        let best = UnsafeMutablePointer<Int32>.allocate(capacity: 33)
        let bestNice = UnsafeMutablePointer<Int32>.allocate(capacity: 33)
        let values = UnsafeMutablePointer<Int>.allocate(capacity: 8)
        defer { best.deallocate(); bestNice.deallocate(); values.deallocate() }
        let covered = score(i, index, p, z, best, bestNice, factors: values)?.covered ?? 0
        let q = plan.query
        let missing = q.mustHave.enumerated().filter { best[$0.offset] == 0 }.map(\.element)
        let minutes = Int(p.windowMinutes[Int(index.window[i])])
        let rate = Int(index.rate[i])
        let hours = q.hoursPerWeek ?? Int(index.hours[i])
        let weeks = q.durationWeeks ?? 12
        var flags: [String] = []
        if rate >= 0 && q.budgetCents > 0 && rate * 2 > q.budgetCents * 3 { flags.append("rate far above budget") }
        if q.requiredOverlapHours > 0 && minutes < q.requiredOverlapHours * 60 { flags.append("less overlap than required") }
        if !missing.isEmpty { flags.append("missing must-haves") }
        let notes = [
            "\(covered) of \(q.mustHave.count) must-haves; evidence and level weigh each",
            "\(q.niceToHave.count == 0 ? "no nice-to-haves" : "nice-to-haves held, weighted by evidence")",
            "seniority \(Seniority.allCases[Int(index.seniority[i])].rawValue) against \(q.seniority?.rawValue ?? "any")",
            String(format: "%.1f h overlap against %d h required", Double(minutes) / 60, q.requiredOverlapHours),
            rate < 0 ? "no rate on the profile" : "rate \(rate / 100).\(String(format: "%02d", rate % 100))/h against a budget of \(q.budgetCents / 100)/h",
            index.available[i] == Int32.min ? "no start date given (counted as now)" : "available from day \(Int(index.available[i]) - plan.startDay) after the start",
            p.domainMask == 0 ? "the role names no domain" : (index.domainBits[i] & p.domainMask != 0 ? "knows the role's domain" : "no matching domain"),
            p.engagementBit == 0 ? "no engagement model advised" : "engagement preference",
        ]
        var factors: [String: MatchResult.Factor] = [:]
        for (k, name) in MatchWeights.names.enumerated() {
            factors[name] = .init(value: values[k], weight: p.weights[k], points: values[k] * p.weights[k], note: notes[k])
        }
        return MatchResult(candidateId: index.ids[i], rank: rank, score: total, mustHavesCovered: covered, factors: factors,
                           missingMustHaves: missing, overlapHours: (Double(minutes) / 60 * 100).rounded() / 100,
                           expectedCostCents: rate < 0 ? nil : rate * hours * weeks, flags: flags)
    }
}
