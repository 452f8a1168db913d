import VettedDomain

/// The integer arithmetic of a score, shared by the engine and (as SQL) by the baseline,
/// so both rank identically. Every factor is 0–1000.
public enum MatchScoring {
    /// Points a skill's evidence is worth: a trial or an assessment above a repository
    /// above a bare claim.
    public static func evidenceWeight(_ e: EvidenceSource) -> Int {
        switch e {
        case .trial: 100
        case .assessment: 90
        case .repository: 70
        case .claimed: 50
        }
    }

    /// A held skill counts fully; a skill that implies the wanted one counts this much.
    public static let impliedPercent = 60

    /// 0–100: evidence weight scaled by level (level 1 = 60 %, level 5 = 100 %).
    public static func credit(level: Int, evidence: EvidenceSource, percent: Int) -> Int {
        evidenceWeight(evidence) * (50 + 10 * level) / 100 * percent / 100
    }

    /// Must-haves covered dominate: a candidate missing one never outranks one who has
    /// them all, whatever the other factors say.
    public static let coveredStep = 1_000_000

    public static func seniorityFit(candidate: Int, role: Int?) -> Int {
        guard let role else { return 1000 }
        switch abs(candidate - role) {
        case 0: return 1000
        case 1: return 500
        default: return 0
        }
    }

    public static func overlap(minutes: Int, requiredHours: Int) -> Int {
        guard requiredHours > 0 else { return 1000 }
        return min(1000, minutes * 1000 / (requiredHours * 60))
    }

    /// Within budget: full marks; above it, falling to 0 at twice the budget. No rate on the
    /// profile: half marks.
    public static func rate(cents: Int?, budget: Int) -> Int {
        guard let cents else { return 500 }
        guard budget > 0 else { return 1000 }
        if cents <= budget { return 1000 }
        return max(0, 1000 - (cents - budget) * 1000 / budget)
    }

    /// Available by the start: full; each day late costs 1/60; fewer hours a week than
    /// the role needs scale it down.
    public static func availability(daysLate: Int, hours: Int?, roleHours: Int?) -> Int {
        var f = daysLate <= 0 ? 1000 : max(0, 1000 - daysLate * 1000 / 60)
        if let roleHours, roleHours > 0, let hours, hours < roleHours { f = f * hours / roleHours }
        return f
    }

    public static func engagement(prefersRole: Bool, hasPreferences: Bool) -> Int {
        prefersRole ? 1000 : hasPreferences ? 0 : 500
    }
}
