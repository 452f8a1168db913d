import Taxonomy

/// Word-boundary matching for other modules (the intake page), over the same rules the
/// classifier uses.
public enum PhraseMatcherFacade {
    public static func tokens(_ text: String) -> [String] { PhraseMatcher.tokens(text) }
    public static func contains(_ tokens: [String], _ phrase: String) -> Bool { PhraseMatcher.contains(tokens, phrase: phrase) }
    public static func skills(_ text: String, taxonomy: Taxonomy = .standard) -> [Skill] {
        PhraseMatcher.skills(in: PhraseMatcher.tokens(text), taxonomy: taxonomy).map(\.skill)
    }
}
