import Testing
import VettedDomain
import VettedStore

@Suite struct DemoDataTests {
    @Test func demo_data_is_deterministic_and_valid() throws {
        let a = DemoDataset.generate(candidateCount: 500)
        let b = DemoDataset.generate(candidateCount: 500)
        #expect(a.candidates == b.candidates)
        #expect(a.roles.count == 12)
        #expect(a.candidates.count == 500)
        #expect(Set(a.roles.compactMap(\.input.category)) == ["ai-ml", "data-science", "backend"])
        #expect(Set(a.members.map(\.memberRole)) == Set(MemberRole.allCases))
        for role in a.roles { _ = try RoleDraft.validate(role.input) }
        for candidate in a.candidates { _ = try CandidateDraft.validate(candidate) }
        #expect(Set(a.candidates.compactMap(\.email)).count == 500)
    }
}
