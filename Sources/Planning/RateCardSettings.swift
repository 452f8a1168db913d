import VettedDomain

/// The parts of a rate card an organization may change. Cents and per-mille integers;
/// validated so bands are never inverted or overlapping.
public struct RateCardSettings: Sendable, Equatable, Codable {
    public struct Band: Sendable, Equatable, Codable {
        public var lowCents: Int
        public var highCents: Int
        public init(lowCents: Int, highCents: Int) {
            self.lowCents = lowCents
            self.highCents = highCents
        }
    }

    public var junior: Band
    public var mid: Band
    public var senior: Band
    /// Where the expected rate sits in the band, per mille, by category.
    public var expectedAIML: Int
    public var expectedDataScience: Int
    public var expectedBackend: Int
    public var complexityBasic: Int
    public var complexityComplex: Int
    public var modelFreelancer: Int
    public var modelProject: Int
    public var modelInHouse: Int
    public var inHouseOverhead: Int
    public var recruitingFee: Int
    public var weeksToHire: Int

    public init(junior: Band, mid: Band, senior: Band, expectedAIML: Int, expectedDataScience: Int, expectedBackend: Int,
                complexityBasic: Int, complexityComplex: Int, modelFreelancer: Int, modelProject: Int, modelInHouse: Int,
                inHouseOverhead: Int, recruitingFee: Int, weeksToHire: Int) {
        self.junior = junior
        self.mid = mid
        self.senior = senior
        self.expectedAIML = expectedAIML
        self.expectedDataScience = expectedDataScience
        self.expectedBackend = expectedBackend
        self.complexityBasic = complexityBasic
        self.complexityComplex = complexityComplex
        self.modelFreelancer = modelFreelancer
        self.modelProject = modelProject
        self.modelInHouse = modelInHouse
        self.inHouseOverhead = inHouseOverhead
        self.recruitingFee = recruitingFee
        self.weeksToHire = weeksToHire
    }

    /// The shipped defaults (the guide's bands and Vetted's documented multipliers).
    public static let defaults = RateCardSettings(
        junior: Band(lowCents: 1500, highCents: 3000), mid: Band(lowCents: 3000, highCents: 6000), senior: Band(lowCents: 6000, highCents: 12000),
        expectedAIML: 600, expectedDataScience: 500, expectedBackend: 400, complexityBasic: 900, complexityComplex: 1250,
        modelFreelancer: 1100, modelProject: 1150, modelInHouse: 1250, inHouseOverhead: 1300, recruitingFee: 200, weeksToHire: 8)

    public func validate() throws(ValidationFailure) {
        var failure = ValidationFailure()
        let bands = [("junior", junior), ("mid", mid), ("senior", senior)]
        for (name, band) in bands {
            if band.lowCents <= 0 { failure.add(field: "\(name).lowCents", "\(name) low must be above zero; got \(band.lowCents)") }
            if band.highCents <= band.lowCents {
                failure.add(field: "\(name).highCents", "\(name) high (\(band.highCents)) must be above its low (\(band.lowCents))")
            }
        }
        for (lower, upper) in zip(bands, bands.dropFirst()) where upper.1.lowCents < lower.1.highCents {
            failure.add(field: "\(upper.0).lowCents", "the \(upper.0) band starts at \(upper.1.lowCents), inside the \(lower.0) band (up to \(lower.1.highCents)): bands must not overlap")
        }
        for (field, value) in [("expectedAIML", expectedAIML), ("expectedDataScience", expectedDataScience), ("expectedBackend", expectedBackend)]
        where !(0...1000).contains(value) {
            failure.add(field: field, "\(field) is a position in the band from 0 to 1000 per mille; got \(value)")
        }
        for (field, value) in [("complexityBasic", complexityBasic), ("complexityComplex", complexityComplex), ("modelFreelancer", modelFreelancer),
                               ("modelProject", modelProject), ("modelInHouse", modelInHouse), ("inHouseOverhead", inHouseOverhead)]
        where !(100...5000).contains(value) {
            failure.add(field: field, "\(field) is a multiplier in per mille from 100 to 5000 (1000 = ×1.00); got \(value)")
        }
        if !(0...1000).contains(recruitingFee) { failure.add(field: "recruitingFee", "recruitingFee is per mille of a year's salary, 0 to 1000; got \(recruitingFee)") }
        if !(0...104).contains(weeksToHire) { failure.add(field: "weeksToHire", "weeksToHire must be 0 to 104; got \(weeksToHire)") }
        try failure.throwIfAny()
    }
}

extension RateCard {
    /// This card with an organization's settings laid over it.
    public func applying(_ s: RateCardSettings) -> RateCard {
        var card = self
        card.offshoreBands = [.junior: (s.junior.lowCents, s.junior.highCents), .mid: (s.mid.lowCents, s.mid.highCents), .senior: (s.senior.lowCents, s.senior.highCents)]
        card.expectedPosition = [.aiML: s.expectedAIML, .dataScience: s.expectedDataScience, .backend: s.expectedBackend]
        card.complexity = [.basic: s.complexityBasic, .standard: 1000, .complex: s.complexityComplex]
        card.model = [.freelancer: s.modelFreelancer, .dedicated: 1000, .project: s.modelProject, .inHouse: s.modelInHouse]
        card.inHouseOverhead = s.inHouseOverhead
        card.recruitingFee = s.recruitingFee
        card.weeksToHire = s.weeksToHire
        return card
    }
}
